package org.caliptra.util.emulator.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.ShaAccRegs;
import org.junit.jupiter.api.Test;

/**
 * The runtime's verify services, GET_IDEV_CERT, the FMC alias CSR, FW_INFO's live fields and
 * DISABLE_ATTESTATION on booted caliptra-1.2 and caliptra-2.1 devices, each with its success and its
 * documented error codes (spec/device.md §3.4, §4.2).
 */
class RuntimeServicesTest {
    static final int SIGV = 0x5349_4756;
    static final int LMSV = 0x4C4D_5356;
    static final int ECV2 = 0x4543_5632;
    static final int LMV2 = 0x4C4D_5632;
    static final int MLV2 = 0x4D4C_5632;
    static final int GET_IDEV_CERT = 0x4944_4543;
    static final int GET_IDEV_INFO = 0x4944_4549;
    static final int GET_FMC_CSR = 0x464D_4352;
    static final int GET_FMC_MLDSA_CSR = 0x464D_4452;
    static final int FW_INFO = 0x494E_464F;
    static final int DISABLE_ATTESTATION = 0x4453_424C;
    static final int FIRMWARE_LOAD = 0x4657_4C44;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static MailboxReply send(MailboxPort port, int command, byte[] fields) {
        return port.execute(command, MailboxChecksum.seal(command, fields));
    }

    private static byte[] fields(MailboxPort port, int command, byte[] request) {
        var reply = send(port, command, request);
        return MailboxFrame.openResponse(assertInstanceOf(MailboxReply.Data.class, reply, reply.toString()).bytes(), "response")
                .fields();
    }

    private static int fipsStatus(MailboxPort port, int command, byte[] request) {
        var reply = send(port, command, request);
        return MailboxFrame.openResponse(assertInstanceOf(MailboxReply.Data.class, reply).bytes(), "response").fipsStatus();
    }

    /** The SoC streams {@code message} through the 1.x SHA accelerator (SHA-384) and reads the digest back. */
    private static byte[] shaAccStream(CaliptraDevice d, byte[] message) {
        int base = ShaAccRegs.BASE;
        assertEquals(0, d.read32(base + ShaAccRegs.LOCK), "lock acquired");
        assertEquals(1, d.read32(base + ShaAccRegs.LOCK), "held: a second read says locked");
        d.write32(base + ShaAccRegs.MODE, ShaAccRegs.MODE_STREAM_384);
        d.write32(base + ShaAccRegs.DLEN, message.length);
        for (int i = 0; i < message.length; i += 4) {
            byte[] w = Arrays.copyOfRange(message, i, i + 4);
            d.write32(base + ShaAccRegs.DATAIN, ByteBuffer.wrap(w).getInt());
        }
        d.write32(base + ShaAccRegs.EXECUTE, 1);
        assertEquals(ShaAccRegs.STATUS_VALID | ShaAccRegs.STATUS_SOC_HAS_LOCK, d.read32(base + ShaAccRegs.STATUS));
        byte[] digest = new byte[48];
        for (int i = 0; i < 12; i++) {
            ByteBuffer.wrap(digest).putInt(4 * i, d.read32(base + ShaAccRegs.DIGEST + 4 * i));
        }
        d.write32(base + ShaAccRegs.LOCK, 1);
        return digest;
    }

    private static byte[] eccRequest(EccPrivateKey key, byte[] digest, byte[] hashField) {
        var sig = key.signer().signDigest(org.caliptra.util.image.Sha384Digest.fromBytes(digest));
        var b = ByteBuffer.allocate(192 + (hashField == null ? 0 : 48));
        b.put(key.publicKey().x().toByteArray()).put(key.publicKey().y().toByteArray());
        b.put(sig.r().toByteArray()).put(sig.s().toByteArray());
        if (hashField != null) {
            b.put(hashField);
        }
        return b.array();
    }

    @Test
    void caliptra12VerifiesEcdsaOverTheShaAcceleratorsDigest() {
        try (var d = TestFirmware.bootedDevice(TestFirmware.bundle())) {
            byte[] message = new byte[1001];
            RANDOM.nextBytes(message);
            byte[] digest = shaAccStream(d, message);
            assertArrayEquals(Sha384.of(message).toByteArray(), digest, "the accelerator's SHA-384, odd length included");
            var key = EccPrivateKey.generate(RANDOM);
            fields(d, SIGV, eccRequest(key, digest, null));
            var other = EccPrivateKey.generate(RANDOM);
            byte[] wrongKey = eccRequest(key, digest, null);
            System.arraycopy(other.publicKey().x().toByteArray(), 0, wrongKey, 0, 48);
            System.arraycopy(other.publicKey().y().toByteArray(), 0, wrongKey, 48, 48);
            assertEquals(new MailboxReply.Failure(0x000E_0004), send(d, SIGV, wrongKey), "RUNTIME_ECDSA_VERIFY_FAILED");
            assertEquals(new MailboxReply.Failure(0x0005_000F), send(d, SIGV, new byte[192]),
                    "zero-filled: DRIVER_ECC384_SCALAR_RANGE_CHECK_FAILED");
            assertEquals(new MailboxReply.Failure(0x000E_0003), send(d, SIGV, new byte[191]), "short: RUNTIME_INSUFFICIENT_MEMORY");
            // Another message through the accelerator, the old signature no longer fits.
            shaAccStream(d, new byte[] {1, 2, 3});
            assertEquals(new MailboxReply.Failure(0x000E_0004), send(d, SIGV, eccRequest(key, digest, null)));
        }
    }

    @Test
    void theShaAcceleratorIsValidOnlyWithAllItsBytesAndOnlyForTheLockHolder() {
        int base = ShaAccRegs.BASE;
        try (var d = TestFirmware.bootedDevice(TestFirmware.bundle())) {
            assertEquals(0, d.read32(base + ShaAccRegs.LOCK));
            d.write32(base + ShaAccRegs.MODE, ShaAccRegs.MODE_STREAM_384);
            d.write32(base + ShaAccRegs.DLEN, 8);
            d.write32(base + ShaAccRegs.DATAIN, 0x0102_0304);
            d.write32(base + ShaAccRegs.EXECUTE, 1);
            assertEquals(ShaAccRegs.STATUS_SOC_HAS_LOCK, d.read32(base + ShaAccRegs.STATUS), "4 of 8 bytes: not valid");
            d.write32(base + ShaAccRegs.DATAIN, 0x0506_0708);
            d.write32(base + ShaAccRegs.EXECUTE, 1);
            assertEquals(ShaAccRegs.STATUS_VALID | ShaAccRegs.STATUS_SOC_HAS_LOCK, d.read32(base + ShaAccRegs.STATUS));
            assertEquals(Sha384.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).toByteArray()[0] & 0xFF,
                    d.read32(base + ShaAccRegs.DIGEST) >>> 24, "the digest's first byte, most significant first");
            var other = d.asUser(2);
            assertEquals(1, other.read32(base + ShaAccRegs.LOCK), "held by requester 1");
            other.write32(base + ShaAccRegs.LOCK, 1);
            assertEquals(ShaAccRegs.STATUS_VALID | ShaAccRegs.STATUS_SOC_HAS_LOCK, d.read32(base + ShaAccRegs.STATUS),
                    "another requester cannot release it");
            // Mailbox mode: the range must lie in the SRAM.
            d.write32(base + ShaAccRegs.MODE, ShaAccRegs.MODE_MAILBOX_384);
            d.write32(base + ShaAccRegs.START_ADDRESS, 128 * 1024 - 4);
            d.write32(base + ShaAccRegs.DLEN, 8);
            d.write32(base + ShaAccRegs.LOCK, 1);
            assertEquals(0, d.read32(base + ShaAccRegs.LOCK), "released, taken again");
            d.write32(base + ShaAccRegs.MODE, ShaAccRegs.MODE_MAILBOX_384);
            d.write32(base + ShaAccRegs.START_ADDRESS, 128 * 1024 - 4);
            d.write32(base + ShaAccRegs.DLEN, 8);
            d.write32(base + ShaAccRegs.EXECUTE, 1);
            assertEquals(ShaAccRegs.STATUS_SOC_HAS_LOCK, d.read32(base + ShaAccRegs.STATUS), "past the SRAM: never valid");
        }
    }

    @Test
    void caliptra12VerifiesLmsAndNamesEveryRefusal() {
        try (var d = TestFirmware.bootedDevice(TestFirmware.bundle())) {
            byte[] digest = shaAccStream(d, "firmware to check".getBytes());
            var signer = LmsSigners.zeroLeaf(LmsPrivateKey.generate(RANDOM));
            byte[] sig = signer.sign(digest).bytes().toByteArray();
            byte[] good = lmsRequest(signer.publicKey().toBytes(), sig);
            fields(d, LMSV, good);
            byte[] tampered = good.clone();
            tampered[100] ^= 1;
            assertEquals(new MailboxReply.Failure(0x000E_0042), send(d, LMSV, tampered), "RUNTIME_LMS_VERIFY_FAILED");
            byte[] badType = good.clone();
            badType[0] = 11;
            assertEquals(new MailboxReply.Failure(0x000E_0043), send(d, LMSV, badType), "RUNTIME_LMS_VERIFY_INVALID_LMS_ALGORITHM");
            byte[] badOts = good.clone();
            badOts[4] = 6;
            assertEquals(new MailboxReply.Failure(0x000E_0044), send(d, LMSV, badOts), "..._INVALID_LMOTS_ALGORITHM");
            byte[] badQ = good.clone();
            ByteBuffer.wrap(badQ).order(ByteOrder.LITTLE_ENDIAN).putInt(48, 1 << 15);
            assertEquals(new MailboxReply.Failure(0x000C_0007), send(d, LMSV, badQ), "DRIVER_LMS_INVALID_Q_VALUE");
            assertEquals(new MailboxReply.Failure(0x000E_0043), send(d, LMSV, new byte[1668]), "zero-filled: LMS type 0");
        }
    }

    /** LMSV fields: key type, OTS type (LE u32), I, T1, q (LE), OTS signature, tree type (LE), path. */
    private static byte[] lmsRequest(byte[] publicKey, byte[] sig) {
        var b = ByteBuffer.allocate(1668).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(ByteBuffer.wrap(publicKey).getInt(0)).putInt(ByteBuffer.wrap(publicKey).getInt(4));
        b.put(publicKey, 8, 40);
        b.putInt(ByteBuffer.wrap(sig).getInt(0));
        b.put(sig, 4, 1252);
        b.putInt(ByteBuffer.wrap(sig).getInt(1256));
        b.put(sig, 1260, 360);
        return b.array();
    }

    @Test
    void caliptra21VerifiesEcdsaLmsAndMldsaFromTheRequest() {
        try (var d = TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, TestFirmware.bundleV2(TestFirmware.randomBytes(1024),
                TestFirmware.randomBytes(1024), 1))) {
            var port = d.coreMailbox();
            byte[] digest = Sha384.of("a SoC image".getBytes()).toByteArray();
            var key = EccPrivateKey.generate(RANDOM);
            fields(port, ECV2, eccRequest(key, digest, digest));
            // 2.x answers a verify of the caller's digest "not approved: user-supplied digest" ("USRD").
            assertEquals(0x5553_5244, fipsStatus(port, ECV2, eccRequest(key, digest, digest)));
            byte[] otherDigest = digest.clone();
            otherDigest[0] ^= 1;
            assertEquals(new MailboxReply.Failure(0x000E_0004), send(port, ECV2, eccRequest(key, digest, otherDigest)));
            assertEquals(new MailboxReply.Failure(0x0005_000F), send(port, ECV2, new byte[240]), "zero-filled");

            var signer = LmsSigners.zeroLeaf(LmsPrivateKey.generate(RANDOM));
            byte[] lms = lmsRequest(signer.publicKey().toBytes(), signer.sign(digest).bytes().toByteArray());
            fields(port, LMV2, concat(lms, digest));
            assertEquals(0x5553_5244, fipsStatus(port, LMV2, concat(lms, digest)));
            assertEquals(new MailboxReply.Failure(0x000E_0042), send(port, LMV2, concat(lms, otherDigest)));

            var mldsa = MldsaPrivateKey.generate(RANDOM);
            byte[] message = "a message of any length".getBytes();
            byte[] sig = mldsa.signer().sign(message).fips204();
            fields(port, MLV2, mldsaRequest(mldsa.publicKey().bytes().toByteArray(), sig, message));
            assertEquals(0, fipsStatus(port, MLV2, mldsaRequest(mldsa.publicKey().bytes().toByteArray(), sig, message)));
            message[0] ^= 1;
            assertEquals(new MailboxReply.Failure(0x000E_006C), send(port, MLV2, mldsaRequest(mldsa.publicKey().bytes().toByteArray(),
                    sig, message)), "RUNTIME_MLDSA_VERIFY_FAILED");
        }
    }

    private static byte[] mldsaRequest(byte[] key, byte[] sig, byte[] message) {
        return ByteBuffer.allocate(2592 + 4628 + 4 + message.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(key).put(Arrays.copyOf(sig, 4628)).putInt(message.length).put(message).array();
    }

    @Test
    void getIdevCertWrapsTheSocsTbsAndSignature() throws Exception {
        try (var d = TestFirmware.bootedDevice(TestFirmware.bundle())) {
            byte[] info = fields(d, GET_IDEV_INFO, new byte[0]);
            byte[] point = new byte[97];
            point[0] = 4;
            System.arraycopy(info, 0, point, 1, 96);
            var ca = EccPrivateKey.generate(RANDOM);
            var spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp384r1), point);
            var tbs = new X509v3CertificateBuilder(new X500Name("CN=Vendor CA"), BigInteger.TEN, new java.util.Date(0),
                    new java.util.Date(4_000_000_000_000L), new X500Name("CN=Caliptra 1.0 IDevID"), spki)
                    .build(new org.bouncycastle.operator.ContentSigner() {
                        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

                        public AlgorithmIdentifier getAlgorithmIdentifier() {
                            return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);
                        }

                        public java.io.OutputStream getOutputStream() {
                            return out;
                        }

                        public byte[] getSignature() {
                            return new byte[8];
                        }
                    }).toASN1Structure().getTBSCertificate().getEncoded();
            var sig = ca.signer().signDigest(org.caliptra.util.image.Sha384Digest.fromBytes(
                    MessageDigest.getInstance("SHA-384").digest(tbs)));
            byte[] request = ByteBuffer.allocate(100 + tbs.length).order(ByteOrder.LITTLE_ENDIAN).putInt(tbs.length)
                    .put(sig.r().toByteArray()).put(sig.s().toByteArray()).put(tbs).array();
            byte[] f = fields(d, GET_IDEV_CERT, request);
            int size = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt();
            var cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(f, 4, size));
            var caKey = java.security.KeyFactory.getInstance("EC").generatePublic(new java.security.spec.X509EncodedKeySpec(
                    new SubjectPublicKeyInfo(spki.getAlgorithm(), concat(new byte[] {4}, concat(ca.publicKey().x().toByteArray(),
                            ca.publicKey().y().toByteArray()))).getEncoded()));
            cert.verify(caKey);
            assertArrayEquals(tbs, cert.getTBSCertificate());
            // The runtime's builder copies the TBS without parsing it (caliptra-sw x509 cert_bldr.rs, 1.2 and 2.x): a TBS
            // that is not DER still comes back, wrapped byte for byte.
            byte[] garbage = request.clone();
            garbage[100] = 0x05;
            byte[] wrapped = sized(fields(d, GET_IDEV_CERT, garbage));
            byte[] garbageTbs = Arrays.copyOfRange(garbage, 100, 100 + tbs.length);
            byte[] expected = der(0x30, concat(garbageTbs, concat(ECDSA_SHA384_ID,
                    der(0x03, concat(new byte[] {0}, eccSignatureDer(sig.r().toByteArray(), sig.s().toByteArray()))))));
            assertArrayEquals(expected, wrapped);
        }
    }

    /** ecdsa-with-SHA384, the algorithm identifier the builder appends. */
    private static final byte[] ECDSA_SHA384_ID = HexFormat.of().parseHex("300a06082a8648ce3d040303");

    /** The all-zero request of libcaliptra's all-runtime-commands example: tbs_size 0, r = s = 0. */
    private static final byte[] EMPTY_TBS_CERT = HexFormat.of().parseHex("3017" + "300a06082a8648ce3d040303" + "0309003006020100020100");

    @Test
    void getIdevCertOfAnAllZeroRequestIsTheBuildersEmptyCertificateOnBothGenerations() {
        try (var d = TestFirmware.bootedDevice()) {
            assertArrayEquals(EMPTY_TBS_CERT, sized(fields(d, GET_IDEV_CERT, new byte[100 + 916])), "caliptra-1.2");
        }
        try (var d = TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, TestFirmware.bundleV2(TestFirmware.randomBytes(1024),
                TestFirmware.randomBytes(1024), 0))) {
            assertArrayEquals(EMPTY_TBS_CERT, sized(fields(d.coreMailbox(), GET_IDEV_CERT, new byte[100 + 916])), "caliptra-2.1");
        }
    }

    @Test
    void getIdevCertLongerThanTheV1ResponseBufferFailsOnlyOnV1() {
        // 916 TBS bytes, r and s with their top bit set: 1 + 3 + 916 + 12 + 107 = 1039 bytes, over 1.2's 1024-byte buffer.
        byte[] request = new byte[100 + 916];
        ByteBuffer.wrap(request).order(ByteOrder.LITTLE_ENDIAN).putInt(916);
        Arrays.fill(request, 4, 100, (byte) 0xFF);
        Arrays.fill(request, 100, request.length, (byte) 0x5A);
        try (var d = TestFirmware.bootedDevice()) {
            assertEquals(new MailboxReply.Failure(0x000E_000F), send(d, GET_IDEV_CERT, request), "RUNTIME_GET_IDEVID_CERT_FAILED");
        }
        try (var d = TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, TestFirmware.bundleV2(TestFirmware.randomBytes(1024),
                TestFirmware.randomBytes(1024), 0))) {
            byte[] cert = sized(fields(d.coreMailbox(), GET_IDEV_CERT, request));
            assertEquals(1039, cert.length);
            assertArrayEquals(new byte[] {0x30, (byte) 0x82, 0x04, 0x0B}, Arrays.copyOf(cert, 4));
        }
    }

    /** A DER TLV with a short or two-byte long-form length, enough for these tests. */
    private static byte[] der(int tag, byte[] content) {
        byte[] header = content.length < 128 ? new byte[] {(byte) tag, (byte) content.length}
                : new byte[] {(byte) tag, (byte) 0x82, (byte) (content.length >> 8), (byte) content.length};
        return concat(header, content);
    }

    /** SEQUENCE { INTEGER r, INTEGER s }, each unsigned and minimal. */
    private static byte[] eccSignatureDer(byte[] r, byte[] s) {
        return der(0x30, concat(der(0x02, new BigInteger(1, r).toByteArray()), der(0x02, new BigInteger(1, s).toByteArray())));
    }

    @Test
    void populateIdevCertIsForPl0AndHoldsAtMostItsBuffer() {
        int populate = 0x4944_4550;
        try (var d = TestFirmware.bootedDevice(TestFirmware.bundle())) {
            byte[] cert = new byte[600];
            RANDOM.nextBytes(cert);
            byte[] request = ByteBuffer.allocate(4 + cert.length).order(ByteOrder.LITTLE_ENDIAN).putInt(cert.length).put(cert).array();
            fields(d, populate, request);
            assertEquals(new MailboxReply.Failure(0x000E_0016), send(d.asUser(2), populate, request),
                    "RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL");
            byte[] tooBig = ByteBuffer.allocate(4 + 1025).order(ByteOrder.LITTLE_ENDIAN).putInt(1025).array();
            assertEquals(new MailboxReply.Failure(0x000E_0009), send(d, populate, tooBig), "over the 1024-byte buffer");
        }
    }

    @Test
    void fmcAliasCsrsHaveTheReferenceTemplatesShapeAndVerify() throws Exception {
        try (var d = TestFirmware.bootedDevice(TestFirmware.bundle())) {
            byte[] der = sized(fields(d, GET_FMC_CSR, new byte[0]));
            var csr = new PKCS10CertificationRequest(der);
            assertTrue(csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .build(csr.getSubjectPublicKeyInfo())));
            byte[] tbs = csr.toASN1Structure().getCertificationRequestInfo().getEncoded();
            mask(tbs, 53, 64, 140, 97, 308, 17);
            // caliptra-1.2 x509/build/fmc_alias_csr_tbs.rs (325 bytes).
            assertEquals("af13ddd866738342703407f5951148ba774b94c60a69e445066093a657324fc7", sha256(tbs));
        }
        try (var d = TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, TestFirmware.bundleV2(TestFirmware.randomBytes(1024),
                TestFirmware.randomBytes(1024), 1))) {
            byte[] ecc = new PKCS10CertificationRequest(sized(fields(d.coreMailbox(), GET_FMC_CSR, new byte[0])))
                    .toASN1Structure().getCertificationRequestInfo().getEncoded();
            mask(ecc, 60, 64, 147, 97, 323, 17, 408, 48, 505, 48, 589, 1, 607, 48);
            assertEquals("8f6627a62f85c808ef6312d723ae3ae10a084d626abc71ecd6f1f842e83cbadd", sha256(ecc));
            byte[] mldsa = new PKCS10CertificationRequest(sized(fields(d.coreMailbox(), GET_FMC_MLDSA_CSR, new byte[0])))
                    .toASN1Structure().getCertificationRequestInfo().getEncoded();
            mask(mldsa, 61, 64, 147, 2592, 2818, 17, 2903, 48, 3000, 48, 3084, 1, 3102, 48);
            assertEquals("0fa0be10df39cb59532342631f44e27f219226ada390dae489b43c68e24c2fee", sha256(mldsa));
        }
    }

    @Test
    void fwInfoFollowsUpdatesAndDisableAttestation() {
        byte[] fmc = TestFirmware.randomBytes(1024);
        try (var d = TestFirmware.bootedDevice(Profile.CALIPTRA_2_1, TestFirmware.bundleV2(fmc, TestFirmware.randomBytes(1024), 5))) {
            var port = d.coreMailbox();
            var info = ByteBuffer.wrap(fields(port, FW_INFO, new byte[0])).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(5, info.getInt(4), "fw_svn");
            assertEquals(5, info.getInt(8), "min_fw_svn");
            assertEquals(5, info.getInt(12), "cold_boot_fw_svn");
            assertEquals(0, info.getInt(16), "attestation_disabled");
            assertInstanceOf(MailboxReply.Complete.class, port.execute(FIRMWARE_LOAD,
                    TestFirmware.bundleV2(fmc, TestFirmware.randomBytes(1024), 7)));
            assertTrue(d.stepUntil(x -> d.phase().name().equals("RUNTIME"), 200));
            fields(port, DISABLE_ATTESTATION, new byte[0]);
            assertEquals(new MailboxReply.Failure(0x000E_0002), send(port, 0x1234_5678, new byte[0]));
            info = ByteBuffer.wrap(fields(port, FW_INFO, new byte[0])).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(7, info.getInt(4), "fw_svn of the new image");
            assertEquals(5, info.getInt(8), "min_fw_svn");
            assertEquals(5, info.getInt(12), "cold_boot_fw_svn");
            assertEquals(1, info.getInt(16), "attestation_disabled");
            assertEquals(0x000E_0002, info.getInt(304), "most_recent_fw_error: the unknown command's");
            var pl1 = d.asUser(2).coreMailbox();
            assertEquals(new MailboxReply.Failure(0x000E_0016), send(pl1, DISABLE_ATTESTATION, new byte[0]), "PL0 only");
        }
    }

    /** data_size and the used part of data (1.x CSR responses carry the whole buffer). */
    private static byte[] sized(byte[] f) {
        int size = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Arrays.copyOfRange(f, 4, 4 + size);
    }

    private static void mask(byte[] tbs, int... offsetsAndLengths) {
        for (int i = 0; i < offsetsAndLengths.length; i += 2) {
            Arrays.fill(tbs, offsetsAndLengths[i], offsetsAndLengths[i] + offsetsAndLengths[i + 1], (byte) 0x5F);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
