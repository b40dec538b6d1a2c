package org.caliptra.util.image.fuzz;

import org.caliptra.util.image.ImageException;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.ManifestV1;
import org.caliptra.util.image.bundle.ManifestV2;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.fuzzsupport.FuzzContract;

/** What the image module's fuzz targets share: the contract's typed errors and fuses derived from the input. */
public final class ImageFuzz {
    private ImageFuzz() {}

    /** The image module's contract: its own typed errors (and the protocol's), nothing else. */
    public static FuzzContract contract(String target, long perInputByte, long fixed) {
        return FuzzContract.of(target, perInputByte, fixed, ImageException.class, CaliptraException.class);
    }

    /**
     * The verifier targets start with one byte that chooses the fuses, so the fuzzer explores
     * every fuse setting beside every bundle; the rest is the file. Bits: 0–1 lifecycle
     * (unprovisioned, manufacturing, production, production), 2 FUSE_LMS_VERIFY, 3 PQC key type LMS
     * (else ML-DSA), 4 vendor key hash fused from the bundle itself (else zero), 5 owner key hash
     * likewise, 6 anti-rollback disabled, 7 verify as the other generation than the bundle's marker.
     * Deriving the hashes from the input lets a mutated bundle get past the key-hash checks to the
     * signature and TOC checks behind them.
     */
    public record FuseChoice(int bits) {
        public static FuseChoice of(byte[] input) {
            return new FuseChoice(input.length == 0 ? 0 : input[0] & 0xFF);
        }

        /** The byte that accepts a bundle built in {@code generation} with {@code pqc} (null: 1.x ECC only). */
        public static byte accepting(PqcKeyType pqc, boolean v2) {
            int bits = 2 | 0x10 | 0x20;
            if (pqc == PqcKeyType.LMS) {
                bits |= v2 ? 0x08 : 0x04;
            }
            return (byte) bits;
        }

        public Fuses fuses(byte[] bundle) {
            Lifecycle lifecycle = switch (bits & 3) {
                case 0 -> Lifecycle.UNPROVISIONED;
                case 1 -> Lifecycle.MANUFACTURING;
                default -> Lifecycle.PRODUCTION;
            };
            var b = Fuses.builder().lifecycle(lifecycle).lmsVerify((bits & 4) != 0)
                    .pqcKeyType((bits & 8) != 0 ? PqcKeyType.LMS : PqcKeyType.MLDSA).antiRollbackDisable((bits & 0x40) != 0);
            int marker = FwBundle.marker(bundle);
            boolean v1 = marker == ManifestV1.MARKER && bundle.length >= ManifestV1.SIZE;
            boolean v2 = marker == ManifestV2.MARKER && bundle.length >= ManifestV2.SIZE;
            if ((bits & 0x10) != 0 && (v1 || v2)) {
                b.vendorPkHash(v1 ? hash(bundle, ManifestV1.OFF_VENDOR_ECC_KEYS, ManifestV1.VENDOR_KEYS_END)
                        : hash(bundle, ManifestV2.OFF_ECC_DESCRIPTOR, ManifestV2.VENDOR_DESCRIPTORS_END));
            }
            if ((bits & 0x20) != 0 && (v1 || v2)) {
                b.ownerPkHash(v1 ? hash(bundle, ManifestV1.OFF_OWNER_ECC_KEY, ManifestV1.OWNER_KEYS_END)
                        : hash(bundle, ManifestV2.OFF_OWNER_ECC_KEY, ManifestV2.OWNER_KEYS_END));
            }
            return b.build();
        }

        public Generation generation(byte[] bundle) {
            boolean v2 = FwBundle.marker(bundle) == ManifestV2.MARKER;
            return v2 ^ (bits & 0x80) != 0 ? Generation.V2 : Generation.V1;
        }

        private static Octets hash(byte[] b, int from, int to) {
            return Sha384.of(b, from, to - from);
        }
    }
}
