package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.CmAesCommands.AesDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptFinalRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.HmacRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaUpdateRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.ImportRequest;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomGenerateRequest;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384SignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384VerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsSignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsVerifyRequest;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mcu.McCryptoCommands;
import org.caliptra.util.protocol.mcu.McSelfTestCommands;
import org.caliptra.util.protocol.mcu.McVerifyCommands;
import org.caliptra.util.protocol.regs.MboxCsr;
import org.caliptra.util.protocol.regs.MciRegs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MC_* commands the MCU relays to the Caliptra core, through MCI mailbox 0 of a booted
 * caliptra-2.1 device: results checked against JCA and Bouncy Castle, the core's errors and
 * fips_status seen unchanged by the SoC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McuRelayTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private CaliptraDevice device;
    private McuClient mcu;

    @BeforeAll
    void boot() {
        device = McuClient.booted();
        mcu = new McuClient(device);
    }

    @AfterAll
    void close() {
        device.close();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private Cmk importKey(KeyUsage usage, byte[] key) {
        return mcu.call(McCryptoCommands.MC_IMPORT, ImportRequest.of(usage, Octets.of(key)));
    }

    @Test
    void shaInPiecesMatchesJca() throws Exception {
        byte[][] parts = {random(100), random(4096), random(0), random(777)};
        for (var algorithm : new HashAlgorithm[] {HashAlgorithm.SHA384, HashAlgorithm.SHA512}) {
            var context = mcu.call(McCryptoCommands.MC_SHA_INIT, ShaInitRequest.of(algorithm, Octets.of(parts[0])));
            context = mcu.call(McCryptoCommands.MC_SHA_UPDATE, new ShaUpdateRequest(context, Octets.of(parts[1])));
            context = mcu.call(McCryptoCommands.MC_SHA_UPDATE, new ShaUpdateRequest(context, Octets.of(parts[2])));
            var digest = mcu.call(McCryptoCommands.MC_SHA_FINAL, new ShaUpdateRequest(context, Octets.of(parts[3])));
            var jca = MessageDigest.getInstance(algorithm == HashAlgorithm.SHA384 ? "SHA-384" : "SHA-512");
            for (byte[] p : parts) {
                jca.update(p);
            }
            assertArrayEquals(jca.digest(), digest.value().toByteArray(), algorithm.toString());
        }
    }

    @Test
    void hmacOfAnImportedKeyMatchesJca() throws Exception {
        byte[] key = random(64);
        Cmk cmk = importKey(KeyUsage.HMAC, key);
        byte[] data = random(3000);
        var mac = mcu.call(McCryptoCommands.MC_HMAC, HmacRequest.of(cmk, HashAlgorithm.SHA512, Octets.of(data)));
        var jca = Mac.getInstance("HmacSHA512");
        jca.init(new SecretKeySpec(key, "HmacSHA512"));
        assertArrayEquals(jca.doFinal(data), mac.value().toByteArray());
        int used = mcu.call(McCryptoCommands.MC_CM_STATUS, NoFields.INSTANCE).usedUsageStorage();
        mcu.call(McCryptoCommands.MC_DELETE, cmk);
        assertTrue(mcu.call(McCryptoCommands.MC_CM_STATUS, NoFields.INSTANCE).usedUsageStorage() <= used);
    }

    @Test
    void aesCbcAndCtrRoundTripAndMatchJca() throws Exception {
        byte[] key = random(32);
        Cmk cmk = importKey(KeyUsage.AES, key);
        for (AesMode mode : AesMode.values()) {
            byte[] first = random(64);
            byte[] second = random(mode == AesMode.CBC ? 32 : 45);
            var init = mcu.call(McCryptoCommands.MC_AES_ENCRYPT_INIT, AesEncryptInitRequest.of(cmk, mode, Octets.of(first)));
            var more = mcu.call(McCryptoCommands.MC_AES_ENCRYPT_UPDATE, new AesUpdateRequest(init.context(), Octets.of(second)));
            byte[] ciphertext = concat(init.ciphertext().toByteArray(), more.output().toByteArray());
            var jca = Cipher.getInstance(mode == AesMode.CBC ? "AES/CBC/NoPadding" : "AES/CTR/NoPadding");
            jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(init.iv().toByteArray()));
            assertArrayEquals(jca.doFinal(concat(first, second)), ciphertext, mode.toString());
            var dec = mcu.call(McCryptoCommands.MC_AES_DECRYPT_INIT, AesDecryptInitRequest.of(cmk, mode, init.iv(),
                    Octets.of(Arrays.copyOf(ciphertext, 32))));
            var rest = mcu.call(McCryptoCommands.MC_AES_DECRYPT_UPDATE, new AesUpdateRequest(dec.context(),
                    Octets.of(Arrays.copyOfRange(ciphertext, 32, ciphertext.length))));
            assertArrayEquals(concat(first, second), concat(dec.output().toByteArray(), rest.output().toByteArray()), mode.toString());
        }
    }

    @Test
    void gcmMatchesJcaAndATamperedTagDoesNotVerify() throws Exception {
        byte[] key = random(32);
        Cmk cmk = importKey(KeyUsage.AES, key);
        byte[] aad = random(20);
        byte[] plaintext = random(1000);
        var init = mcu.call(McCryptoCommands.MC_AES_GCM_ENCRYPT_INIT, new GcmEncryptInitRequest(0, cmk, Octets.of(aad)));
        var mid = mcu.call(McCryptoCommands.MC_AES_GCM_ENCRYPT_UPDATE, new GcmUpdateRequest(init.context(),
                Octets.of(Arrays.copyOf(plaintext, 333))));
        var fin = mcu.call(McCryptoCommands.MC_AES_GCM_ENCRYPT_FINAL, new GcmUpdateRequest(mid.context(),
                Octets.of(Arrays.copyOfRange(plaintext, 333, plaintext.length))));
        byte[] ciphertext = concat(mid.data().toByteArray(), fin.ciphertext().toByteArray());
        var jca = Cipher.getInstance("AES/GCM/NoPadding");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, init.iv().toByteArray()));
        jca.updateAAD(aad);
        assertArrayEquals(jca.doFinal(plaintext), concat(ciphertext, fin.tag().toByteArray()));

        var dec = mcu.call(McCryptoCommands.MC_AES_GCM_DECRYPT_INIT, new GcmDecryptInitRequest(0, cmk, init.iv(), Octets.of(aad)));
        var part = mcu.call(McCryptoCommands.MC_AES_GCM_DECRYPT_UPDATE, new GcmUpdateRequest(dec.context(),
                Octets.of(Arrays.copyOf(ciphertext, 500))));
        var done = mcu.call(McCryptoCommands.MC_AES_GCM_DECRYPT_FINAL, new GcmDecryptFinalRequest(part.context(), 16, fin.tag(),
                Octets.of(Arrays.copyOfRange(ciphertext, 500, ciphertext.length))));
        assertEquals(1, done.tagVerified());
        assertArrayEquals(plaintext, concat(part.data().toByteArray(), done.plaintext().toByteArray()));
        byte[] badTag = fin.tag().toByteArray();
        badTag[0] ^= 1;
        var again = mcu.call(McCryptoCommands.MC_AES_GCM_DECRYPT_INIT, new GcmDecryptInitRequest(0, cmk, init.iv(), Octets.of(aad)));
        var refused = mcu.call(McCryptoCommands.MC_AES_GCM_DECRYPT_FINAL, new GcmDecryptFinalRequest(again.context(), 16,
                Octets.of(badTag), Octets.of(ciphertext)));
        assertEquals(0, refused.tagVerified());
    }

    @Test
    void ecdsaSignatureVerifiesWithJcaUnderTheCmksPublicKey() throws Exception {
        Cmk cmk = importKey(KeyUsage.ECDSA, random(48));
        var pub = mcu.call(McCryptoCommands.MC_ECDSA_CMK_PUBLIC_KEY, cmk);
        byte[] message = random(2000);
        var sig = mcu.call(McCryptoCommands.MC_ECDSA_CMK_SIGN, new CmAsymmetricCommands.SignRequest(cmk, Octets.of(message)));
        var jcaPub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1, pub.x().toByteArray()),
                new BigInteger(1, pub.y().toByteArray())), p384()));
        var verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(jcaPub);
        verifier.update(message);
        assertTrue(verifier.verify(EccSignature.of(new BigInteger(1, sig.r().toByteArray()), new BigInteger(1, sig.s().toByteArray())).toDer()));
        mcu.call(McCryptoCommands.MC_ECDSA_CMK_VERIFY, new CmAsymmetricCommands.EcdsaVerifyRequest(cmk, sig, Octets.of(message)));
        message[0] ^= 1;
        assertEquals(0xA005_0000, mcu.error(McCryptoCommands.MC_ECDSA_CMK_VERIFY, new CmAsymmetricCommands.EcdsaVerifyRequest(cmk, sig,
                Octets.of(message))), "the core's RUNTIME_MAILBOX_SIGNATURE_MISMATCH, unchanged");
    }

    @Test
    void mldsaSignatureVerifiesWithBouncyCastle() {
        Cmk cmk = importKey(KeyUsage.MLDSA, random(32));
        byte[] pk = mcu.call(McCryptoCommands.MC_MLDSA_CMK_PUBLIC_KEY, cmk).bytes().toByteArray();
        byte[] message = random(500);
        var sig = mcu.call(McCryptoCommands.MC_MLDSA_CMK_SIGN, new CmAsymmetricCommands.SignRequest(cmk, Octets.of(message)));
        var verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, pk));
        verifier.update(message, 0, message.length);
        assertTrue(verifier.verifySignature(sig.signature().toByteArray()));
        mcu.call(McCryptoCommands.MC_MLDSA_CMK_VERIFY, new CmAsymmetricCommands.MldsaVerifyRequest(cmk, sig, Octets.of(message)));
    }

    @Test
    void ecdhAndRandomAreTheCores() {
        var generated = mcu.call(McCryptoCommands.MC_ECDH_GENERATE, NoFields.INSTANCE);
        assertEquals(96, generated.exchangeData().length());
        Cmk secret = mcu.call(McCryptoCommands.MC_ECDH_FINISH, CmAsymmetricCommands.EcdhFinishRequest.of(generated.context(),
                KeyUsage.HMAC, generated.exchangeData()));
        assertEquals(128, secret.bytes().length());
        var a = mcu.call(McCryptoCommands.MC_RANDOM_GENERATE, new RandomGenerateRequest(64)).data();
        var b = mcu.call(McCryptoCommands.MC_RANDOM_GENERATE, new RandomGenerateRequest(64)).data();
        assertEquals(64, a.length());
        assertTrue(!a.equals(b), "two draws differ");
    }

    @Test
    void ecdsa384AndLmsVerifyAnswerUsrdAndTheCoresFailureCodes() {
        byte[] digest = Sha384.of("a SoC image".getBytes()).toByteArray();
        var key = EccPrivateKey.generate(RANDOM);
        var sig = key.signer().signDigest(Sha384.digest("a SoC image".getBytes()));
        var ecc = new Ecdsa384VerifyRequest(key.publicKey().x(), key.publicKey().y(), sig.r(), sig.s());
        var ok = mcu.response(McVerifyCommands.MC_ECDSA384_SIG_VERIFY, new Ecdsa384SignatureVerifyRequest(ecc, Octets.of(digest)));
        assertEquals(MailboxFrame.FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST, ok.fipsStatus(), "the core's USRD, relayed");
        byte[] other = digest.clone();
        other[0] ^= 1;
        assertEquals(0x000E_0004, mcu.error(McVerifyCommands.MC_ECDSA384_SIG_VERIFY, new Ecdsa384SignatureVerifyRequest(ecc,
                Octets.of(other))), "RUNTIME_ECDSA_VERIFY_FAILED");

        var signer = LmsSigners.zeroLeaf(LmsPrivateKey.generate(RANDOM));
        byte[] publicKey = signer.publicKey().toBytes();
        byte[] lmsSig = signer.sign(digest).bytes().toByteArray();
        var lms = new LmsVerifyRequest(be(publicKey, 0), be(publicKey, 4), Octets.of(publicKey, 8, 16), Octets.of(publicKey, 24, 24),
                be(lmsSig, 0), Octets.of(lmsSig, 4, 1252), be(lmsSig, 1256), Octets.of(lmsSig, 1260, 360));
        var lmsOk = mcu.response(McVerifyCommands.MC_LMS_SIG_VERIFY, new LmsSignatureVerifyRequest(lms, Octets.of(digest)));
        assertEquals(MailboxFrame.FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST, lmsOk.fipsStatus());
        assertEquals(0x000E_0042, mcu.error(McVerifyCommands.MC_LMS_SIG_VERIFY, new LmsSignatureVerifyRequest(lms, Octets.of(other))),
                "RUNTIME_LMS_VERIFY_FAILED");
        assertEquals(MailboxFrame.FIPS_APPROVED, mcu.response(McCryptoCommands.MC_CM_STATUS, NoFields.INSTANCE).fipsStatus());
    }

    @Test
    void selfTestIsTheCoresAndTakesItsSteps() {
        assertEquals(0x000E_0012, mcu.error(McSelfTestCommands.MC_FIPS_SELF_TEST_GET_RESULTS, NoFields.INSTANCE),
                "RUNTIME_SELF_TEST_NOT_STARTED");
        mcu.call(McSelfTestCommands.MC_FIPS_SELF_TEST_START, NoFields.INSTANCE);
        assertEquals(0x000E_0011, mcu.error(McSelfTestCommands.MC_FIPS_SELF_TEST_GET_RESULTS, NoFields.INSTANCE),
                "RUNTIME_SELF_TEST_IN_PROGRESS");
        device.exclusive(bus -> {
            for (int i = 0; i < 1000; i++) {
                bus.idle();
            }
            return null;
        });
        mcu.call(McSelfTestCommands.MC_FIPS_SELF_TEST_GET_RESULTS, NoFields.INSTANCE);
    }

    @Test
    void malformedFieldsAreTheCoresToRefuseAndTheMciRegisterSaysWhy() {
        assertEquals(0x000E_0009, mcu.error(McCommand.MC_IMPORT.code(), new byte[3]), "the core's RUNTIME_MAILBOX_INVALID_PARAMS");
        byte[] tampered = importKey(KeyUsage.AES, random(32)).bytes().toByteArray();
        tampered[60] ^= 1;
        assertEquals(0xA004_0011, mcu.error(McCryptoCommands.MC_AES_ENCRYPT_INIT, AesEncryptInitRequest.of(new Cmk(Octets.of(tampered)),
                AesMode.CBC, Octets.zeros(16))), "RUNTIME_DRIVER_AES_INVALID_TAG");
        int mciError = device.read32(device.config().mciBase() + MciRegs.FW_ERROR_NON_FATAL);
        assertEquals(0xA004_0011, mciError, "in MCI FW_ERROR_NON_FATAL");
    }

    /**
     * The MCU relays inside one device step: the core takes the steps it needs while the MCU waits,
     * without re-entering the MCU, and the core mailbox is free again afterwards.
     */
    @Test
    void aRelayedCommandIsServedWithinOneDeviceStep() {
        long before = device.steps();
        mcu.call(McCryptoCommands.MC_RANDOM_GENERATE, new RandomGenerateRequest(16));
        assertEquals(before + 1, device.steps());
        assertEquals(0, device.read32(MboxCsr.BASE + MboxCsr.LOCK) & 1, "lock was free; this read took it");
        device.write32(MboxCsr.BASE + MboxCsr.EXECUTE, 0);
    }

    @Test
    void aCoreMailboxHeldByTheSocIsMcuMailboxBusy() {
        var soc = device.asUser(7);
        assertEquals(0, soc.read32(MboxCsr.BASE + MboxCsr.LOCK), "the SoC takes the core mailbox");
        try {
            assertEquals(0x0600_0001, mcu.error(McCryptoCommands.MC_RANDOM_GENERATE, new RandomGenerateRequest(16)), "MCU_MAILBOX_BUSY");
        } finally {
            soc.write32(MboxCsr.BASE + MboxCsr.EXECUTE, 0);
        }
        assertInstanceOf(MailboxReply.Data.class, mcu.raw(McCommand.MC_RANDOM_GENERATE.code(), le(16)));
    }

    private static int be(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 4).getInt();
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static ECParameterSpec p384() throws Exception {
        var params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp384r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }
}
