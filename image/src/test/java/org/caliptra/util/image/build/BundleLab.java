package org.caliptra.util.image.build;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.image.sign.LmsSigner;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.regs.Lifecycle;

/**
 * Test fixture: keys for every bundle mode, a baseline signed bundle, and helpers that mutate the
 * raw bytes at the offsets of spec/formats.md and re-sign them, so a test can reach any check of
 * the ROM's sequence with everything before it still passing.
 */
public final class BundleLab {
    public enum Mode { V1_ECC_LMS, V1_ECC_ONLY, V2_LMS, V2_MLDSA }

    public static final int VENDOR_ECC_INDEX = 1;
    public static final int VENDOR_PQC_INDEX = 1;
    public static final int FMC_LOAD = 0x4000_0000;
    public static final int RT_LOAD = 0x4000_8000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<EccPrivateKey> VENDOR_ECC = new ArrayList<>();
    private static final List<LmsPrivateKey> VENDOR_LMS = new ArrayList<>();
    private static final List<LmsSigner> VENDOR_LMS_SIGNERS = new ArrayList<>();
    private static final List<MldsaPrivateKey> VENDOR_MLDSA = new ArrayList<>();
    private static final EccPrivateKey OWNER_ECC = EccPrivateKey.generate(RANDOM);
    private static final LmsPrivateKey OWNER_LMS = LmsPrivateKey.generate(RANDOM);
    private static final LmsSigner OWNER_LMS_SIGNER = LmsSigners.zeroLeaf(OWNER_LMS);
    private static final MldsaPrivateKey OWNER_MLDSA = MldsaPrivateKey.generate(RANDOM);

    static {
        for (int i = 0; i < 4; i++) {
            VENDOR_ECC.add(EccPrivateKey.generate(RANDOM));
            var lms = LmsPrivateKey.generate(RANDOM);
            VENDOR_LMS.add(lms);
            VENDOR_LMS_SIGNERS.add(LmsSigners.zeroLeaf(lms));
        }
        for (int i = 0; i < 2; i++) {
            VENDOR_MLDSA.add(MldsaPrivateKey.generate(RANDOM));
        }
    }

    public final Mode mode;
    public final byte[] fmc;
    public final byte[] runtime;

    public BundleLab(Mode mode) {
        this.mode = mode;
        var r = new Random(mode.ordinal());
        fmc = new byte[4000];
        runtime = new byte[9000];
        r.nextBytes(fmc);
        r.nextBytes(runtime);
    }

    public boolean v2() {
        return mode == Mode.V2_LMS || mode == Mode.V2_MLDSA;
    }

    public boolean hasLms() {
        return mode == Mode.V1_ECC_LMS || mode == Mode.V2_LMS;
    }

    public VendorKeys vendorKeys() {
        var ecc = VENDOR_ECC.stream().map(EccPrivateKey::publicKey).toList();
        var eccSigner = VENDOR_ECC.get(VENDOR_ECC_INDEX).signer();
        return switch (mode) {
            case V1_ECC_LMS, V2_LMS -> new VendorKeys(ecc, VENDOR_ECC_INDEX, eccSigner,
                    VENDOR_LMS_SIGNERS.stream().map(s -> Octets.of(s.publicKey().toBytes())).toList(), VENDOR_PQC_INDEX,
                    new PqcSigning.Lms(VENDOR_LMS_SIGNERS.get(VENDOR_PQC_INDEX)));
            case V1_ECC_ONLY -> new VendorKeys(ecc, VENDOR_ECC_INDEX, eccSigner, List.of(), 0, null);
            case V2_MLDSA -> new VendorKeys(ecc, VENDOR_ECC_INDEX, eccSigner,
                    VENDOR_MLDSA.stream().map(k -> k.publicKey().bytes()).toList(), 0,
                    new PqcSigning.Mldsa(VENDOR_MLDSA.get(0).signer()));
        };
    }

    public int vendorPqcIndex() {
        return mode == Mode.V2_MLDSA ? 0 : VENDOR_PQC_INDEX;
    }

    public OwnerKeys ownerKeys() {
        return switch (mode) {
            case V1_ECC_LMS, V2_LMS -> new OwnerKeys(OWNER_ECC.signer(), new PqcSigning.Lms(OWNER_LMS_SIGNER));
            case V1_ECC_ONLY -> new OwnerKeys(OWNER_ECC.signer(), null);
            case V2_MLDSA -> new OwnerKeys(OWNER_ECC.signer(), new PqcSigning.Mldsa(OWNER_MLDSA.signer()));
        };
    }

    public byte[] build() {
        return build(FirmwareImage.of(fmc, FMC_LOAD, FMC_LOAD + 0x100), FirmwareImage.of(runtime, RT_LOAD, RT_LOAD + 0x40),
                BundleOptions.defaults().withPl0Pauser(0x21212121).withFirmwareSvn(3));
    }

    public byte[] build(FirmwareImage fmcImage, FirmwareImage rtImage, BundleOptions options) {
        return v2() ? FwBundleBuilder.buildV2(fmcImage, rtImage, vendorKeys(), ownerKeys(), options).toBytes()
                : FwBundleBuilder.buildV1(fmcImage, rtImage, vendorKeys(), ownerKeys(), options).toBytes();
    }

    /** Fuses that accept {@code bundle}: production, its own key hashes, the right PQC/LMS settings. */
    public Fuses fusesFor(byte[] bundle) {
        return Fuses.builder().lifecycle(Lifecycle.PRODUCTION).vendorPkHash(vendorHash(bundle))
                .ownerPkHash(ownerHash(bundle)).lmsVerify(mode == Mode.V1_ECC_LMS)
                .pqcKeyType(mode == Mode.V2_LMS ? PqcKeyType.LMS : PqcKeyType.MLDSA).build();
    }

    public Octets vendorHash(byte[] b) {
        return v2() ? Sha384.of(b, 0x000C, 0x06D4 - 0x000C) : Sha384.of(b, 0x0008, 0x0788 - 0x0008);
    }

    public Octets ownerHash(byte[] b) {
        return v2() ? Sha384.of(b, 0x23D0, 0x2E50 - 0x23D0) : Sha384.of(b, 0x0E44, 0x0ED4 - 0x0E44);
    }

    // ---- raw offsets (spec/formats.md §1.1, §1.2) -------------------------------------------

    public int header() {
        return v2() ? 0x40CC : 0x1590;
    }

    public int fmcToc() {
        return v2() ? 0x416C : 0x162C;
    }

    public int rtToc() {
        return fmcToc() + 104;
    }

    public int manifestSize() {
        return v2() ? 16956 : 5884;
    }

    public static int u32(byte[] b, int off) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
    }

    public static void putU32(byte[] b, int off, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(off, v);
    }

    /** Recomputes the TOC digest and all four signatures over the (mutated) bytes. */
    public byte[] resign(byte[] b) {
        int h = header();
        HwFormat.write(Sha384.of(b, fmcToc(), 208), b, h + 28);
        int vendorLen = v2() ? 120 : 116;
        int ownerLen = v2() ? 160 : 156;
        var vendorEccDigest = Sha384.digest(b, h, vendorLen);
        var ownerEccDigest = Sha384.digest(b, h, ownerLen);
        byte[] vendorDigest = vendorEccDigest.toByteArray();
        byte[] ownerDigest = ownerEccDigest.toByteArray();
        byte[] vendorHeader = Arrays.copyOfRange(b, h, h + vendorLen);
        byte[] ownerHeader = Arrays.copyOfRange(b, h, h + ownerLen);
        VENDOR_ECC.get(VENDOR_ECC_INDEX).signer().signDigest(vendorEccDigest).writeHw(b, v2() ? 0x115C : 0x0790);
        OWNER_ECC.signer().signDigest(ownerEccDigest).writeHw(b, v2() ? 0x2E50 : 0x0ED4);
        switch (mode) {
            case V1_ECC_LMS -> {
                VENDOR_LMS_SIGNERS.get(VENDOR_PQC_INDEX).sign(vendorDigest).bytes().copyTo(b, 0x07F0);
                OWNER_LMS_SIGNER.sign(ownerDigest).bytes().copyTo(b, 0x0F34);
            }
            case V2_LMS -> {
                VENDOR_LMS_SIGNERS.get(VENDOR_PQC_INDEX).sign(vendorDigest).bytes().copyTo(b, 0x11BC);
                OWNER_LMS_SIGNER.sign(ownerDigest).bytes().copyTo(b, 0x2EB0);
            }
            case V2_MLDSA -> {
                VENDOR_MLDSA.get(0).signer().sign(vendorHeader).bytes().copyTo(b, 0x11BC);
                OWNER_MLDSA.signer().sign(ownerHeader).bytes().copyTo(b, 0x2EB0);
            }
            case V1_ECC_ONLY -> { }
        }
        return b;
    }

    /** 2.x: recompute both descriptor hashes of the slots from the active keys in the preamble. */
    public void refreshActiveKeyHashes(byte[] b) {
        HwFormat.write(Sha384.of(b, 0x06D8, 96), b, 0x000C + 4 + VENDOR_ECC_INDEX * 48);
        int pqcSize = mode == Mode.V2_LMS ? 48 : 2592;
        HwFormat.write(Sha384.of(b, 0x073C, pqcSize), b, 0x00D0 + 4 + vendorPqcIndex() * 48);
    }

    public static EccPublicKey offCurveKey() {
        byte[] one = new byte[48];
        one[47] = 1;
        return new EccPublicKey(Octets.of(one), Octets.of(one));
    }
}
