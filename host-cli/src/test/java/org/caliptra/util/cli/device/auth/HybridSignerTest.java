package org.caliptra.util.cli.device.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.host.commands.fuse.FuseCommands.FeProg;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.junit.jupiter.api.Test;

/**
 * The hybrid signer against spec/hostlib.md §6.2, checked with BouncyCastle's verifiers directly
 * (not the emulator's): an authorized command's ECDSA over SHA-384 and ML-DSA over SHA-512 of
 * {@code BE32(code) ‖ fields ‖ challenge}, a DOT transcript's ML-DSA over the raw message, and the
 * reference key pair's anchor.
 */
class HybridSignerTest {
    private static final ECDomainParameters P384;

    static {
        var curve = ECNamedCurveTable.getByName("secp384r1");
        P384 = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

    private static final EccPrivateKey ECC = EccPrivateKey.fromScalar(HexFormat.of().parseHex(
            "3da9e680aff5a1cea96a3e89810286fb3b3030a9c924ad2f2031a07d294052a97cafa1fc6ea760a43db763ca9f2f7036"));
    private static final MldsaPrivateKey MLDSA = MldsaPrivateKey.fromBytes("caliptra-mcu-testing-mldsa-seed-".getBytes(StandardCharsets.US_ASCII));
    private static final HybridSigner SIGNER = new HybridSigner(ECC.signer(), MLDSA.signer());

    private static byte[] sha(String alg, byte[] data) throws Exception {
        return MessageDigest.getInstance(alg).digest(data);
    }

    private static boolean ecdsa(byte[] digest, HybridSignature s) {
        var q = P384.getCurve().createPoint(new BigInteger(1, SIGNER.eccX().toByteArray()), new BigInteger(1, SIGNER.eccY().toByteArray()));
        var v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(q, P384));
        return v.verifySignature(digest, new BigInteger(1, s.eccSigR().toByteArray()), new BigInteger(1, s.eccSigS().toByteArray()));
    }

    private static boolean mldsa(byte[] message, HybridSignature s) {
        byte[] field = s.mldsaSig().toByteArray();
        assertEquals(4628, field.length);
        assertEquals(0, field[4627], "the padding byte");
        var v = new MLDSASigner();
        v.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, SIGNER.mldsaPublicKey().toByteArray()));
        v.update(message, 0, message.length);
        return v.verifySignature(Arrays.copyOf(field, 4627));
    }

    @Test
    void theReferenceKeyPairsAnchorIsWhatADefaultDeviceHolds() {
        assertEquals(DeviceConfig.DEFAULT_AUTHORIZATION_PK_HASH, SIGNER.anchor());
    }

    @Test
    void anAuthorizedCommandsTrailerSignsItsPreImage() throws Exception {
        Octets challenge = Octets.fromHex("c3".repeat(48));
        byte[] preImage = FeProg.preImage(2, challenge);
        assertEquals("4d434650" + "02000000" + "c3".repeat(48), HexFormat.of().formatHex(preImage), "BE(MCFP) ‖ partition ‖ challenge");
        var trailer = SIGNER.authorize(preImage, challenge);
        assertEquals(challenge, trailer.nonce());
        assertEquals(SIGNER.eccX(), trailer.eccPubX());
        assertEquals(SIGNER.mldsaPublicKey(), trailer.mldsaPub());
        assertTrue(ecdsa(sha("SHA-384", preImage), trailer.signature()), "ECDSA over SHA-384(pre-image)");
        assertTrue(mldsa(sha("SHA-512", preImage), trailer.signature()), "ML-DSA-87 over SHA-512(pre-image)");
        byte[] other = preImage.clone();
        other[4] = 3;
        assertFalse(ecdsa(sha("SHA-384", other), trailer.signature()));
    }

    @Test
    void aDotTranscriptIsSignedRawByMldsa() throws Exception {
        byte[] transcript = ("MDUL" + "x".repeat(48)).getBytes(StandardCharsets.US_ASCII);
        var s = SIGNER.signMessage(transcript);
        assertTrue(ecdsa(sha("SHA-384", transcript), s));
        assertTrue(mldsa(transcript, s));
    }

    @Test
    void theDotKeyHashTakesTheEccWordsInHardwareOrder() throws Exception {
        byte[] x = SIGNER.eccX().toByteArray();
        byte[] y = SIGNER.eccY().toByteArray();
        var md = MessageDigest.getInstance("SHA-384");
        for (byte[] coordinate : new byte[][] {x, y}) {
            for (int i = 0; i < 48; i += 4) {
                md.update(new byte[] {coordinate[i + 3], coordinate[i + 2], coordinate[i + 1], coordinate[i]});
            }
        }
        md.update(SIGNER.mldsaPublicKey().toByteArray());
        assertArrayEquals(md.digest(), SIGNER.dotKeyHash().toByteArray());
    }
}
