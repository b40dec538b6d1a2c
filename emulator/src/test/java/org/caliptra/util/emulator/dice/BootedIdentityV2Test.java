package org.caliptra.util.emulator.dice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caliptra-2.1 device booted through its registers with a 2.x bundle (firmware SVN 9): both DICE
 * chains, ECC and ML-DSA, read over the mailbox; the alias certificates in the shape of the
 * reference's 2.1 templates; the ECC and ML-DSA quotes; an update reset that re-derives the RT alias.
 */
class BootedIdentityV2Test {
    static final int GET_LDEV_ECC = 0x4C44_4556;
    static final int GET_LDEV_MLDSA = 0x4C44_4D43;
    static final int GET_FMC_ECC = 0x4345_5246;
    static final int GET_FMC_MLDSA = 0x434D_4346;
    static final int GET_RT_ECC = 0x4345_5252;
    static final int GET_RT_MLDSA = 0x434D_4352;
    static final int GET_IDEV_MLDSA_INFO = 0x4944_4D49;
    static final int QUOTE_ECC = 0x5043_5251;
    static final int QUOTE_MLDSA = 0x5043_524D;
    static final int FIRMWARE_LOAD = 0x4657_4C44;

    private final byte[] fmc = TestFirmware.randomBytes(2048);
    private final byte[] bundle = TestFirmware.bundleV2(fmc, TestFirmware.randomBytes(4096), 9);
    private final CaliptraDevice device = TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, bundle);

    @AfterEach
    void close() {
        device.close();
    }

    private byte[] fields(int command, byte[] request) {
        var reply = device.coreMailbox().execute(command, MailboxChecksum.seal(command, request));
        return MailboxFrame.openResponse(assertInstanceOf(MailboxReply.Data.class, reply, reply.toString()).bytes(), "response")
                .fields();
    }

    private byte[] der(int command) {
        byte[] f = fields(command, new byte[0]);
        int size = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        assertEquals(f.length - 4, size, "data_size is the used length");
        return Arrays.copyOfRange(f, 4, f.length);
    }

    private X509Certificate ecc(int command) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der(command)));
    }

    @Test
    void theEccChainVerifiesAndNamesTheLayers() throws Exception {
        var ldev = ecc(GET_LDEV_ECC);
        var fmcCert = ecc(GET_FMC_ECC);
        var rt = ecc(GET_RT_ECC);
        fmcCert.verify(ldev.getPublicKey());
        rt.verify(fmcCert.getPublicKey());
        assertTrue(fmcCert.getSubjectX500Principal().getName().contains("CN=Caliptra 2.1 Ecc384 FMC Alias"));
        assertTrue(rt.getSubjectX500Principal().getName().contains("CN=Caliptra 2.1 Ecc384 Rt Alias"));
        assertEquals(5, fmcCert.getBasicConstraints());
        assertEquals(4, rt.getBasicConstraints());
        assertEquals(java.util.List.of("2.23.133.5.4.100.12", "2.23.133.5.4.100.9"), fmcCert.getExtendedKeyUsage());
        assertEquals(java.util.List.of("2.23.133.5.4.100.12"), rt.getExtendedKeyUsage());
    }

    @Test
    void theMldsaChainVerifiesFromTheIdevidKey() throws Exception {
        byte[] idevKey = fields(GET_IDEV_MLDSA_INFO, new byte[0]);
        assertEquals(2592, idevKey.length);
        var ldev = new X509CertificateHolder(der(GET_LDEV_MLDSA));
        var fmcCert = new X509CertificateHolder(der(GET_FMC_MLDSA));
        var rt = new X509CertificateHolder(der(GET_RT_MLDSA));
        assertTrue(mldsaVerifies(idevKey, ldev.toASN1Structure().getTBSCertificate().getEncoded(),
                ldev.getSignature()), "LDevID under the IDevID ML-DSA key");
        var verifiers = new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider());
        assertTrue(fmcCert.isSignatureValid(verifiers.build(ldev.getSubjectPublicKeyInfo())), "FMC alias under LDevID");
        assertTrue(rt.isSignatureValid(verifiers.build(fmcCert.getSubjectPublicKeyInfo())), "RT alias under FMC alias");
        assertEquals("2.16.840.1.101.3.4.3.19", rt.getSignatureAlgorithm().getAlgorithm().getId());
    }

    @Test
    void aliasCertificatesHaveTheReferenceTemplatesShape() throws Exception {
        // Variable fields overwritten with 0x5F give caliptra-sw main x509/build/{fmc,rt}_alias_cert_tbs_{ecc_384,ml_dsa_87}.rs.
        byte[] fmcEcc = ecc(GET_FMC_ECC).getTBSCertificate();
        mask(fmcEcc, 11, 20, 93, 64, 161, 15, 178, 15, 246, 64, 333, 97, 490, 17, 575, 48, 672, 48, 756, 1, 774, 48, 865, 20, 898, 20);
        assertEquals("ae6a6ee1a5057fa62f62ba341e4d5fe8ea6471b9acb232d44b1c1d93bd39aac2", sha256(fmcEcc));
        byte[] fmcMldsa = new X509CertificateHolder(der(GET_FMC_MLDSA)).toASN1Structure().getTBSCertificate().getEncoded();
        mask(fmcMldsa, 11, 20, 95, 64, 163, 15, 180, 15, 249, 64, 335, 2592, 2987, 17, 3072, 48, 3169, 48, 3253, 1, 3271, 48,
                3362, 20, 3395, 20);
        assertEquals("489df60f1af2db2bcd5ebb19fd93266e7f1d03b1fb3f55d3396f8a1ee5493948", sha256(fmcMldsa));
        byte[] rtEcc = ecc(GET_RT_ECC).getTBSCertificate();
        mask(rtEcc, 11, 20, 96, 64, 164, 15, 181, 15, 248, 64, 335, 97, 492, 17, 546, 1, 564, 48, 654, 20, 687, 20);
        assertEquals("cc0c2424c14a63157a1b2759e575482522a70bbe2e3a995e5b6b07f198706a95", sha256(rtEcc));
        byte[] rtMldsa = new X509CertificateHolder(der(GET_RT_MLDSA)).toASN1Structure().getTBSCertificate().getEncoded();
        mask(rtMldsa, 11, 20, 98, 64, 166, 15, 183, 15, 251, 64, 337, 2592, 2989, 17, 3043, 1, 3061, 48, 3151, 20, 3184, 20);
        assertEquals("f54000e9e3510f92845f241daea04d22323ace0b45b4c19c1433d64dd37a21e2", sha256(rtMldsa));
    }

    @Test
    void theTcbExtensionsCarryTheLoadedFirmware() throws Exception {
        var accepted = device.acceptedImage().orElseThrow();
        var rtTcb = sequence(ecc(GET_RT_ECC), "2.23.133.5.4.1");
        assertArrayEquals(accepted.runtimeDigest().toByteArray(), field(rtTcb, 6), "fwid = runtime digest");
        assertArrayEquals(new byte[] {1, 9}, field(rtTcb, 3), "svn 0x100 | 9");
        assertEquals("CALIPTRA_2_X_RT_FIRMWARE_INFO", new String(field(rtTcb, 9)));
        var multi = sequence(ecc(GET_FMC_ECC), "2.23.133.5.4.5");
        assertEquals(3, multi.size());
        assertEquals("CALIPTRA_2_X_FUSE_OWNER_INFO", new String(field(ASN1Sequence.getInstance(multi.getObjectAt(0)), 9)));
        assertEquals("CALIPTRA_2_X_FUSE_VENDOR_INFO", new String(field(ASN1Sequence.getInstance(multi.getObjectAt(1)), 9)));
        var fmcInfo = ASN1Sequence.getInstance(multi.getObjectAt(2));
        assertArrayEquals(accepted.fmcDigest().toByteArray(), field(fmcInfo, 6), "fwid = FMC digest");
        assertArrayEquals(new byte[] {1, 9}, field(fmcInfo, 3));
    }

    @Test
    void quotesHashWithSha512AndSignWithTheFmcAliasKeys() throws Exception {
        byte[] nonce = new byte[32];
        for (int i = 0; i < 32; i++) {
            nonce[i] = (byte) i;
        }
        byte[] q = fields(QUOTE_ECC, nonce);
        assertEquals(1840, q.length);
        byte[] hash = MessageDigest.getInstance("SHA-512").digest(Arrays.copyOf(q, 1568));
        assertArrayEquals(nonce, Arrays.copyOfRange(q, 1536, 1568));
        byte[] digest = Arrays.copyOfRange(q, 1696, 1744);
        assertArrayEquals(Arrays.copyOf(hash, 48), digest, "2.x: reset_ctrs before the digest, the first 48 bytes of SHA-512");
        var signature = org.caliptra.util.image.keys.EccSignature.of(new java.math.BigInteger(1, Arrays.copyOfRange(q, 1744, 1792)),
                new java.math.BigInteger(1, Arrays.copyOfRange(q, 1792, 1840)));
        var ecdsa = java.security.Signature.getInstance("NONEwithECDSA");
        ecdsa.initVerify(ecc(GET_FMC_ECC).getPublicKey());
        ecdsa.update(digest);
        assertTrue(ecdsa.verify(signature.toDer()));

        byte[] m = fields(QUOTE_MLDSA, nonce);
        assertEquals(1536 + 32 + 128 + 64 + 4628, m.length);
        byte[] mDigest = Arrays.copyOfRange(m, 1696, 1760);
        for (int i = 0; i < 64; i++) {
            assertEquals(hash[63 - i], mDigest[i], "the SHA-512 byte-reversed");
        }
        byte[] fmcMldsaKey = new X509CertificateHolder(der(GET_FMC_MLDSA)).getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
        assertTrue(mldsaVerifies(fmcMldsaKey, mDigest, Arrays.copyOfRange(m, 1760, 1760 + 4627)));
    }

    @Test
    void anUpdateResetReDerivesTheRtAliasAndKeepsTheFmcAlias() throws Exception {
        byte[] fmcBefore = der(GET_FMC_ECC);
        var rtBefore = ecc(GET_RT_ECC);
        byte[] journeyBefore = Arrays.copyOfRange(fields(QUOTE_ECC, new byte[32]), 3 * 48, 4 * 48);
        byte[] update = TestFirmware.bundleV2(fmc, TestFirmware.randomBytes(4096), 9);
        assertInstanceOf(MailboxReply.Complete.class, device.coreMailbox().execute(FIRMWARE_LOAD, update));
        // The update reset's milestones are walked before the runtime serves again.
        assertTrue(device.stepUntil(d -> device.phase() == org.caliptra.util.emulator.firmware.CaliptraFirmware.Phase.RUNTIME,
                200));
        assertArrayEquals(fmcBefore, der(GET_FMC_ECC), "the FMC alias is the cold boot's");
        var rtAfter = ecc(GET_RT_ECC);
        assertNotEquals(rtBefore.getPublicKey(), rtAfter.getPublicKey(), "a new runtime, a new RT alias key");
        rtAfter.verify(ecc(GET_FMC_ECC).getPublicKey());
        byte[] quote = fields(QUOTE_ECC, new byte[32]);
        byte[] rtDigest = device.acceptedImage().orElseThrow().runtimeDigest().toByteArray();
        assertArrayEquals(Digests.sha384(new byte[48], rtDigest), Arrays.copyOfRange(quote, 2 * 48, 3 * 48), "PCR2 = the new runtime");
        assertArrayEquals(Digests.sha384(journeyBefore, rtDigest), Arrays.copyOfRange(quote, 3 * 48, 4 * 48), "PCR3 journey");
    }

    private static boolean mldsaVerifies(byte[] publicKey, byte[] message, byte[] signature) {
        var verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, publicKey));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static ASN1Sequence sequence(X509Certificate cert, String oid) {
        return ASN1Sequence.getInstance(ASN1OctetString.getInstance(cert.getExtensionValue(oid)).getOctets());
    }

    /** A TcbInfo field's content: [3] svn bytes, [6] the first fwid's digest, [9] type. */
    private static byte[] field(ASN1Sequence tcbInfo, int tag) {
        for (var f : tcbInfo) {
            var tagged = ASN1TaggedObject.getInstance(f);
            if (tagged.getTagNo() == tag) {
                if (tag == 6) {
                    var fwid = ASN1Sequence.getInstance(ASN1Sequence.getInstance(tagged, false).getObjectAt(0));
                    return ASN1OctetString.getInstance(fwid.getObjectAt(1)).getOctets();
                }
                return ASN1OctetString.getInstance(tagged, false).getOctets();
            }
        }
        throw new AssertionError("no [" + tag + "] in " + tcbInfo);
    }

    private static void mask(byte[] tbs, int... offsetsAndLengths) {
        for (int i = 0; i < offsetsAndLengths.length; i += 2) {
            Arrays.fill(tbs, offsetsAndLengths[i], offsetsAndLengths[i] + offsetsAndLengths[i + 1], (byte) 0x5F);
        }
    }

    private static String sha256(byte[] b) {
        return HexFormat.of().formatHex(Digests.sha256(b));
    }
}
