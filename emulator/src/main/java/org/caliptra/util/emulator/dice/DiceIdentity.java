package org.caliptra.util.emulator.dice;

import java.util.Arrays;
import java.util.function.Supplier;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.IdevIdCsrEnvelope;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * What a cold boot's ROM derives before any firmware arrives (spec/device.md §3.1 step 5, §5): the
 * deobfuscated secrets, the IDevID and LDevID layers, the IDevID CSR and the LDevID certificate.
 * Each is computed the first time something asks for it and then kept, as the ROM keeps them in
 * its key vault and data vault; the result is the same as deriving all of it at boot.
 */
public final class DiceIdentity {
    private static final int IDEVID_KEY_ID_SIZE = 20;

    private final Generation generation;
    private final byte[] uds;
    private final byte[] fieldEntropy;
    private final Octets certAttr;
    private final byte[] csrHmacKey;
    private final DiceDerivation ladder;
    private final Supplier<DiceLayer> idevid;
    private final Supplier<DiceLayer> ldevid;
    private final Supplier<byte[]> eccCsr;
    private final Supplier<byte[]> mldsaCsr;
    private final Supplier<byte[]> eccLdevidCert;
    private final Supplier<byte[]> mldsaLdevidCert;
    private final Supplier<byte[]> eccLdevidCsr;
    private final Supplier<byte[]> mldsaLdevidCsr;

    private DiceIdentity(Generation generation, byte[] uds, byte[] fieldEntropy, Octets certAttr, byte[] csrHmacKey) {
        this.generation = generation;
        this.csrHmacKey = csrHmacKey;
        this.ladder = DiceDerivation.of(generation);
        this.uds = uds;
        this.fieldEntropy = fieldEntropy;
        this.certAttr = certAttr;
        this.idevid = Lazy.of(() -> ladder.idevid(this.uds));
        this.ldevid = Lazy.of(() -> ladder.ldevid(idevid(), this.fieldEntropy));
        this.eccCsr = Lazy.of(() -> DiceCertificates.csr(generation, DiceLayerKind.IDEVID, idevid(), DiceAlgorithm.ECC384, ueid(),
                java.util.List.of()));
        this.mldsaCsr = Lazy.of(() -> DiceCertificates.csr(generation, DiceLayerKind.IDEVID, idevid(), DiceAlgorithm.MLDSA87,
                ueid(), java.util.List.of()));
        this.eccLdevidCert = Lazy.of(() -> signLdevidCert(DiceAlgorithm.ECC384));
        this.mldsaLdevidCert = Lazy.of(() -> signLdevidCert(DiceAlgorithm.MLDSA87));
        this.eccLdevidCsr = Lazy.of(() -> DiceCertificates.zeroSignedCsr(generation, DiceLayerKind.LDEVID, ldevid(),
                DiceAlgorithm.ECC384, ueid(), java.util.List.of()));
        this.mldsaLdevidCsr = Lazy.of(() -> DiceCertificates.zeroSignedCsr(generation, DiceLayerKind.LDEVID, ldevid(),
                DiceAlgorithm.MLDSA87, ueid(), java.util.List.of()));
    }

    private byte[] signLdevidCert(DiceAlgorithm algorithm) {
        return DiceCertificates.certificate(generation, algorithm, DiceLayerKind.IDEVID, idevid(), DiceLayerKind.LDEVID, ldevid(),
                ueid(), java.util.List.of(), idevidKeyId(algorithm), new String[] {CaliptraX509.NOT_BEFORE, CaliptraX509.NOT_AFTER});
    }

    /**
     * The ROM's view at cold boot. With debug unlocked the hardware hands the DOE all-ones in place
     * of the obfuscation key, the UDS seed and the field entropy, so no debug-unlocked part can
     * reach its production identity.
     *
     * @param csrHmacKey the 2.x silicon's 64-byte key for the IDevID CSR envelope's MAC
     */
    public static DiceIdentity coldBoot(Generation generation, FuseSet fuses, Octets obfuscationKey, Octets csrHmacKey,
            boolean debugLocked) {
        if (fuses.generation() != generation) {
            throw new IllegalArgumentException("fuses of Caliptra " + fuses.generation().label() + " for a "
                    + generation.label() + " device");
        }
        byte[] key = debugLocked ? obfuscationKey.toByteArray() : ones(32);
        byte[] udsSeed = debugLocked ? fuses.udsSeed().toByteArray() : ones(fuses.udsSeed().length());
        byte[] feSeed = debugLocked ? fuses.fieldEntropy().toByteArray() : ones(fuses.fieldEntropy().length());
        try {
            return new DiceIdentity(generation, DiceCrypto.deobfuscate(key, udsSeed), DiceCrypto.deobfuscate(key, feSeed),
                    fuses.idevidCertAttr(), csrHmacKey.toByteArray());
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(udsSeed, (byte) 0);
            Arrays.fill(feSeed, (byte) 0);
        }
    }

    public Generation generation() {
        return generation;
    }

    public DiceLayer idevid() {
        return idevid.get();
    }

    public DiceLayer ldevid() {
        return ldevid.get();
    }

    /**
     * The stable identity root the 2.x ROM leaves in the key vault for CM_DERIVE_STABLE_KEY: the
     * HMAC-SHA512 KDF of the IDevID CDI with "stable_identity_root_idev" (KV slot 0), or of the
     * LDevID CDI with "stable_identity_root_ldev" (KV slot 1); 64 bytes, of which the AES engine
     * takes the first 32 as its CMAC key. Never leaves the device.
     */
    public byte[] stableIdentityRoot(boolean ldev) {
        return ldev ? DiceCrypto.kdf512(ldevid().cdi(), "stable_identity_root_ldev", null)
                : DiceCrypto.kdf512(idevid().cdi(), "stable_identity_root_idev", null);
    }

    DiceDerivation ladder() {
        return ladder;
    }

    /**
     * What the ROM puts in the mailbox for the SoC in the manufacturing flow (spec/device.md §3.5):
     * on 1.x the ECC CSR's DER; on 2.x the InitDevIdCsrEnvelope — marker, size, the ECC and the
     * ML-DSA CSR each with its length in a fixed slot, and an HMAC-SHA512 over all that under the
     * silicon's CSR key.
     */
    public byte[] csrPayload() {
        if (generation == Generation.V1) {
            return idevidCsr(DiceAlgorithm.ECC384);
        }
        var unsigned = new IdevIdCsrEnvelope(Octets.of(idevidCsr(DiceAlgorithm.ECC384)),
                Octets.of(idevidCsr(DiceAlgorithm.MLDSA87)), Octets.zeros(0));
        byte[] mac = DiceCrypto.hmac512(csrHmacKey, unsigned.macInput());
        return new IdevIdCsrEnvelope(unsigned.eccCsr(), unsigned.mldsaCsr(), Octets.of(mac)).encode();
    }

    /** The IDevID CSR (PKCS#10 DER) for {@code algorithm}; ML-DSA only on 2.x. */
    public byte[] idevidCsr(DiceAlgorithm algorithm) {
        return (algorithm == DiceAlgorithm.ECC384 ? eccCsr : requireV2(mldsaCsr)).get().clone();
    }

    /** The LDevID certificate for {@code algorithm}, signed by the IDevID key; ML-DSA only on 2.x. */
    public byte[] ldevidCert(DiceAlgorithm algorithm) {
        return (algorithm == DiceAlgorithm.ECC384 ? eccLdevidCert : requireV2(mldsaLdevidCert)).get().clone();
    }

    /**
     * The LDevID CSR the 2.x runtime exports in an attested CSR: the LDevID certificate's subject,
     * key and extensions (less the key identifiers), with an all-zero signature — only the ROM ever
     * held the LDevID private key (caliptra-sw runtime/src/attested_csr/ldevid.rs); the attesting
     * COSE signature vouches for it instead.
     */
    public byte[] ldevidCsr(DiceAlgorithm algorithm) {
        return (algorithm == DiceAlgorithm.ECC384 ? eccLdevidCsr : requireV2(mldsaLdevidCsr)).get().clone();
    }

    private <T> T requireV2(T value) {
        if (generation == Generation.V1) {
            throw new IllegalArgumentException("Caliptra 1.x has no ML-DSA identity");
        }
        return value;
    }

    /**
     * UEID (17 bytes): the UEID type from FUSE_IDEVID_CERT_ATTR, then the four manufacturer serial
     * number words, each little-endian (1.x: words 6 and 7–10; 2.x: words 11 and 12–15).
     */
    public byte[] ueid() {
        return ueid(generation, certAttr);
    }

    /** The UEID a part with FUSE_IDEVID_CERT_ATTR {@code certAttr} has (see {@link #ueid()}). */
    public static byte[] ueid(Generation generation, Octets certAttr) {
        return Ueid.of(generation, certAttr);
    }

    /**
     * The IDevID key identifier (the LDevID certificate's AKI), by the algorithm
     * FUSE_IDEVID_CERT_ATTR word 0 selects (1.x bits 1:0; 2.x bits 2:0 for ECC, 5:3 for ML-DSA):
     * SHA-1, SHA-256, SHA-384 (or on 2.x SHA-512) of the IDevID public key truncated to 20 bytes, or
     * the key id burnt in the fuse (ECC words 1–5, 2.x ML-DSA words 6–10, each little-endian).
     */
    public byte[] idevidKeyId(DiceAlgorithm keyAlgorithm) {
        boolean mldsa = keyAlgorithm == DiceAlgorithm.MLDSA87;
        int algorithm = generation == Generation.V1 ? attrWord(0) & 0x3 : (attrWord(0) >>> (mldsa ? 3 : 0)) & 0x7;
        byte[] key = CertKey.of(idevid(), keyAlgorithm).encoded();
        byte[] digest = switch (algorithm) {
            case 0 -> Digests.sha1(key);
            case 1 -> Digests.sha256(key);
            case 2 -> Digests.sha384(key);
            case 4 -> generation == Generation.V1 ? null : Digests.sha512(key);
            default -> null;
        };
        if (digest != null) {
            return Arrays.copyOf(digest, IDEVID_KEY_ID_SIZE);
        }
        byte[] fromFuse = new byte[IDEVID_KEY_ID_SIZE];
        for (int i = 0; i < 5; i++) {
            int w = attrWord((mldsa ? 6 : 1) + i);
            for (int b = 0; b < 4; b++) {
                fromFuse[4 * i + b] = (byte) (w >>> (8 * b));
            }
        }
        return fromFuse;
    }

    /** Word {@code i} of FUSE_IDEVID_CERT_ATTR as the ROM reads the register. */
    private int attrWord(int i) {
        return Ueid.attrWord(certAttr, i);
    }

    private static byte[] ones(int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    @Override
    public String toString() {
        return "DiceIdentity[Caliptra " + generation.label() + "]";
    }
}
