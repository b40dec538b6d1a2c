package org.caliptra.util.image.verify;

import org.caliptra.util.protocol.regs.Lifecycle;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.ManifestV1;
import org.caliptra.util.image.bundle.ManifestV2;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.keys.LmsSignature;

/**
 * The fuse values and lifecycle that decide whether the boot ROM accepts an image
 * (spec/formats.md §2). SVNs are given as numbers; on silicon they are thermometer bitmaps.
 *
 * @param vendorPkHash FUSE_KEY_MANIFEST_PK_HASH (1.x) / FUSE_VENDOR_PK_HASH (2.x), standard byte order
 * @param ownerPkHash FUSE_OWNER_PK_HASH (1.x) / CPTRA_OWNER_PK_HASH (2.x); zero accepts any owner key
 * @param eccRevocation 4 bits: bit i revokes vendor ECC key i (the last key is never revocable)
 * @param lmsRevocation 32 bits for vendor LMS keys
 * @param mldsaRevocation 4 bits for vendor ML-DSA keys (2.x)
 * @param lmsVerify FUSE_LMS_VERIFY (1.x): also check LMS signatures
 * @param pqcKeyType FUSE_PQC_KEY_TYPE value (2.x): 1 ML-DSA, 3 LMS, anything else is invalid
 * @param fmcSvn the FMC SVN the fuses hold (1.x)
 * @param runtimeSvn the runtime (1.x) / firmware (2.x) SVN the fuses hold
 */
public record Fuses(Lifecycle lifecycle, Octets vendorPkHash, Octets ownerPkHash, int eccRevocation, int lmsRevocation,
        int mldsaRevocation, boolean lmsVerify, int pqcKeyType, int fmcSvn, int runtimeSvn, boolean antiRollbackDisable) {

    public Fuses {
        Objects.requireNonNull(lifecycle, "lifecycle");
        if (vendorPkHash.length() != 48 || ownerPkHash.length() != 48) {
            throw new IllegalArgumentException("key hash fuses are 48 bytes (SHA-384)");
        }
        if (fmcSvn < 0 || fmcSvn > 32) {
            throw new IllegalArgumentException("FMC SVN fuse must be 0..32, got " + fmcSvn);
        }
        if (runtimeSvn < 0 || runtimeSvn > 128) {
            throw new IllegalArgumentException("runtime/firmware SVN fuse must be 0..128, got " + runtimeSvn);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fuses of a part provisioned for {@code bundle}'s own keys: production, its vendor and
     * owner key hashes, LMS verification on when a 1.x bundle carries a vendor LMS signature, its
     * PQC type (2.x), nothing revoked, SVN fuses 0. A builder judges its output with these, so that
     * every rejection is the image's own fault, not a property of some part's fuses. Bytes that are
     * not a bundle get the defaults (and the verifier's verdict on them).
     */
    public static Fuses provisionedFor(byte[] bundle) {
        var b = builder();
        int marker = bundle.length < 4 ? 0 : java.nio.ByteBuffer.wrap(bundle).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        if (marker == ManifestV1.MARKER && bundle.length >= ManifestV1.SIZE) {
            boolean lms = !Octets.of(bundle, ManifestV1.OFF_VENDOR_LMS_SIG, LmsSignature.SIZE).isZero();
            return b.vendorPkHash(Sha384.of(bundle, ManifestV1.OFF_VENDOR_ECC_KEYS, ManifestV1.VENDOR_KEYS_END - ManifestV1.OFF_VENDOR_ECC_KEYS))
                    .ownerPkHash(Sha384.of(bundle, ManifestV1.OFF_OWNER_ECC_KEY, ManifestV1.OWNER_KEYS_END - ManifestV1.OFF_OWNER_ECC_KEY))
                    .lmsVerify(lms).build();
        }
        if (marker == ManifestV2.MARKER && bundle.length >= ManifestV2.SIZE) {
            return b.vendorPkHash(Sha384.of(bundle, ManifestV2.OFF_ECC_DESCRIPTOR,
                            ManifestV2.VENDOR_DESCRIPTORS_END - ManifestV2.OFF_ECC_DESCRIPTOR))
                    .ownerPkHash(Sha384.of(bundle, ManifestV2.OFF_OWNER_ECC_KEY, ManifestV2.OWNER_KEYS_END - ManifestV2.OFF_OWNER_ECC_KEY))
                    .pqcKeyType(bundle[ManifestV2.OFF_PQC_KEY_TYPE] & 0xFF).build();
        }
        return b.build();
    }

    public Builder toBuilder() {
        return new Builder().lifecycle(lifecycle).vendorPkHash(vendorPkHash).ownerPkHash(ownerPkHash)
                .eccRevocation(eccRevocation).lmsRevocation(lmsRevocation).mldsaRevocation(mldsaRevocation)
                .lmsVerify(lmsVerify).pqcKeyType(pqcKeyType).fmcSvn(fmcSvn).runtimeSvn(runtimeSvn)
                .antiRollbackDisable(antiRollbackDisable);
    }

    /** Defaults: production lifecycle, every fuse zero, PQC type fuse ML-DSA (libcaliptra's default 1). */
    public static final class Builder {
        private Lifecycle lifecycle = Lifecycle.PRODUCTION;
        private Octets vendorPkHash = Octets.zeros(48);
        private Octets ownerPkHash = Octets.zeros(48);
        private int eccRevocation;
        private int lmsRevocation;
        private int mldsaRevocation;
        private boolean lmsVerify;
        private int pqcKeyType = PqcKeyType.MLDSA.value();
        private int fmcSvn;
        private int runtimeSvn;
        private boolean antiRollbackDisable;

        public Builder lifecycle(Lifecycle v) { lifecycle = v; return this; }
        public Builder vendorPkHash(Octets v) { vendorPkHash = v; return this; }
        public Builder ownerPkHash(Octets v) { ownerPkHash = v; return this; }
        public Builder eccRevocation(int v) { eccRevocation = v; return this; }
        public Builder lmsRevocation(int v) { lmsRevocation = v; return this; }
        public Builder mldsaRevocation(int v) { mldsaRevocation = v; return this; }
        public Builder lmsVerify(boolean v) { lmsVerify = v; return this; }
        public Builder pqcKeyType(int v) { pqcKeyType = v; return this; }
        public Builder pqcKeyType(PqcKeyType v) { pqcKeyType = v.value(); return this; }
        public Builder fmcSvn(int v) { fmcSvn = v; return this; }
        public Builder runtimeSvn(int v) { runtimeSvn = v; return this; }
        public Builder antiRollbackDisable(boolean v) { antiRollbackDisable = v; return this; }

        public Fuses build() {
            return new Fuses(lifecycle, vendorPkHash, ownerPkHash, eccRevocation, lmsRevocation, mldsaRevocation,
                    lmsVerify, pqcKeyType, fmcSvn, runtimeSvn, antiRollbackDisable);
        }
    }
}
