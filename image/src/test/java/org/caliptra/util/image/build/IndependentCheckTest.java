package org.caliptra.util.image.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.pqc.crypto.lms.LMSPublicKeyParameters;
import org.bouncycastle.pqc.crypto.lms.LMSSigner;
import org.caliptra.util.image.build.BundleLab.Mode;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks built bundles with nothing of ours: BouncyCastle primitives and SHA-384 applied at the
 * raw offsets of spec/formats.md §1.1–§1.3. Agreement with {@link RomVerifier} means the codec,
 * builder and verifier did not share one misunderstanding.
 */
class IndependentCheckTest {
    private static final X9ECParameters P384 = CustomNamedCurves.getByName("secp384r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P384.getCurve(), P384.getG(), P384.getN(), P384.getH());

    static byte[] sha384(byte[] b, int off, int len) throws Exception {
        var md = MessageDigest.getInstance("SHA-384");
        md.update(b, off, len);
        return md.digest();
    }

    /** Undo the hw format: reverse each 4-byte group. */
    static byte[] std(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i += 4) {
            for (int j = 0; j < 4; j++) {
                out[i + j] = b[off + i + 3 - j];
            }
        }
        return out;
    }

    static int u32(byte[] b, int off) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
    }

    static boolean ecdsa(byte[] b, int keyOff, int sigOff, byte[] digest) {
        var q = DOMAIN.getCurve().createPoint(new BigInteger(1, std(b, keyOff, 48)), new BigInteger(1, std(b, keyOff + 48, 48)));
        var v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return v.verifySignature(digest, new BigInteger(1, std(b, sigOff, 48)), new BigInteger(1, std(b, sigOff + 48, 48)));
    }

    static boolean lms(byte[] b, int keyOff, int sigOff, byte[] message) throws Exception {
        var v = new LMSSigner();
        v.init(false, LMSPublicKeyParameters.getInstance(Arrays.copyOfRange(b, keyOff, keyOff + 48)));
        return v.verifySignature(message, Arrays.copyOfRange(b, sigOff, sigOff + 1620));
    }

    static boolean mldsa(byte[] b, int keyOff, int sigOff, byte[] message) {
        var v = new MLDSASigner();
        v.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, Arrays.copyOfRange(b, keyOff, keyOff + 2592)));
        v.update(message, 0, message.length);
        return v.verifySignature(Arrays.copyOfRange(b, sigOff, sigOff + 4627));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bouncyCastleAgreesWithTheVerifierOnBuiltBundles(Mode mode) throws Exception {
        var lab = new BundleLab(mode);
        byte[] b = lab.build();
        boolean v2 = lab.v2();
        int header = v2 ? 0x40CC : 0x1590;
        byte[] vendorDigest = sha384(b, header, v2 ? 120 : 116);
        byte[] ownerDigest = sha384(b, header, v2 ? 160 : 156);
        int eccIdx = u32(b, v2 ? 0x06D4 : 0x0788);
        assertEquals(BundleLab.VENDOR_ECC_INDEX, eccIdx);
        assertEquals(u32(b, header + 8), eccIdx);
        assertTrue(ecdsa(b, v2 ? 0x06D8 : 0x0008 + eccIdx * 96, v2 ? 0x115C : 0x0790, vendorDigest), "vendor ECDSA");
        assertTrue(ecdsa(b, v2 ? 0x23D0 : 0x0E44, v2 ? 0x2E50 : 0x0ED4, ownerDigest), "owner ECDSA");
        switch (mode) {
            case V1_ECC_LMS -> {
                int lmsIdx = u32(b, 0x078C);
                assertTrue(lms(b, 0x0188 + lmsIdx * 48, 0x07F0, vendorDigest), "vendor LMS");
                assertTrue(lms(b, 0x0EA4, 0x0F34, ownerDigest), "owner LMS");
            }
            case V2_LMS -> {
                assertTrue(lms(b, 0x073C, 0x11BC, vendorDigest), "vendor LMS");
                assertTrue(lms(b, 0x2430, 0x2EB0, ownerDigest), "owner LMS");
            }
            case V2_MLDSA -> {
                assertTrue(mldsa(b, 0x073C, 0x11BC, Arrays.copyOfRange(b, header, header + 120)), "vendor ML-DSA");
                assertTrue(mldsa(b, 0x2430, 0x2EB0, Arrays.copyOfRange(b, header, header + 160)), "owner ML-DSA");
                assertEquals(0, b[0x11BC + 4627], "pad byte");
            }
            case V1_ECC_ONLY -> assertTrue(Arrays.equals(new byte[1620], Arrays.copyOfRange(b, 0x07F0, 0x07F0 + 1620)));
        }
        int toc = v2 ? 0x416C : 0x162C;
        assertArrayEquals(sha384(b, toc, 208), std(b, header + 28, 48), "TOC digest");
        for (int entry : new int[] {toc, toc + 104}) {
            int offset = u32(b, entry + 48);
            int size = u32(b, entry + 52);
            assertArrayEquals(sha384(b, offset, size), std(b, entry + 56, 48), "image digest");
        }
        assertEquals(v2 ? 16956 : 5884, u32(b, toc + 48), "FMC follows the manifest");
        assertEquals(u32(b, toc + 48) + u32(b, toc + 52), u32(b, toc + 104 + 48), "runtime follows the FMC");
        if (v2) {
            assertEquals(0, b.length % 256, "2.x bundles are padded to 256 bytes");
            byte[] eccHash = sha384(b, 0x06D8, 96);
            assertArrayEquals(eccHash, std(b, 0x000C + 4 + eccIdx * 48, 48), "ECC descriptor slot");
        }
        assertInstanceOf(VerificationResult.Accepted.class, RomVerifier.verify(b, lab.fusesFor(b)));
    }

    @Test
    void equalInputsGiveEqualBytes() {
        for (Mode mode : Mode.values()) {
            var lab = new BundleLab(mode);
            assertArrayEquals(lab.build(), lab.build(), mode.toString());
        }
    }
}
