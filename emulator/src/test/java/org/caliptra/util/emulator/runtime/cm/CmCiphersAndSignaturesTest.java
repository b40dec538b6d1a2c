package org.caliptra.util.emulator.runtime.cm;

import static org.caliptra.util.emulator.runtime.cm.CmClient.concat;
import static org.caliptra.util.emulator.runtime.cm.CmClient.hex;
import static org.caliptra.util.emulator.runtime.cm.CmClient.jcaGcm;
import static org.caliptra.util.emulator.runtime.cm.CmClient.jcaHmac;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.util.BigIntegers;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.Trng;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptFinalRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmSpdmInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.NoFields;
import org.junit.jupiter.api.Test;

/**
 * CM AES (CBC, CTR, GCM and its SPDM variants), ECDH, ECDSA, ML-DSA-87 and ML-KEM-1024 through the
 * mailbox of a booted caliptra-2.1 device, each against JCA or Bouncy Castle on the other side.
 */
class CmCiphersAndSignaturesTest extends BootedCmTest {
    private static byte[] jca(String transformation, int mode, byte[] key, byte[] iv, byte[] data) throws Exception {
        var c = Cipher.getInstance(transformation);
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return c.doFinal(data);
    }

    @Test
    void cbcAndCtrMatchJcaAcrossUpdates() throws Exception {
        byte[] key = random(32);
        Cmk cmk = cm.importKey(KeyUsage.AES, key);
        for (AesMode mode : AesMode.values()) {
            String t = mode == AesMode.CBC ? "AES/CBC/NoPadding" : "AES/CTR/NoPadding";
            int[] sizes = mode == AesMode.CBC ? new int[] {32, 0, 4096, 16} : new int[] {5, 1, 17, 4096, 0, 31};
            byte[][] parts = new byte[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                parts[i] = random(sizes[i]);
            }
            var init = cm.call(CmAesCommands.CM_AES_ENCRYPT_INIT, AesEncryptInitRequest.of(cmk, mode, Octets.of(parts[0])));
            byte[] iv = init.iv().toByteArray();
            byte[] ciphertext = init.ciphertext().toByteArray();
            var context = init.context();
            for (int i = 1; i < parts.length; i++) {
                var out = cm.call(CmAesCommands.CM_AES_ENCRYPT_UPDATE, new AesUpdateRequest(context, Octets.of(parts[i])));
                context = out.context();
                ciphertext = concat(ciphertext, out.output().toByteArray());
            }
            byte[] plaintext = concat(parts);
            assertArrayEquals(jca(t, Cipher.ENCRYPT_MODE, key, iv, plaintext), ciphertext, mode.toString());
            // decrypt in other pieces, byte by byte for CTR's first bytes
            int cut = mode == AesMode.CBC ? 48 : 103; // the rest fits one request
            var dec = cm.call(CmAesCommands.CM_AES_DECRYPT_INIT, AesDecryptInitRequest.of(cmk, mode, Octets.of(iv),
                    Octets.of(Arrays.copyOf(ciphertext, cut))));
            byte[] back = dec.output().toByteArray();
            var rest = cm.call(CmAesCommands.CM_AES_DECRYPT_UPDATE, new AesUpdateRequest(dec.context(),
                    Octets.of(Arrays.copyOfRange(ciphertext, cut, ciphertext.length))));
            assertArrayEquals(plaintext, concat(back, rest.output().toByteArray()), mode.toString());
        }
    }

    @Test
    void aesErrors() {
        Cmk cmk = cm.importKey(KeyUsage.AES, random(32));
        assertEquals(0x000E_0009, cm.error(CmAesCommands.CM_AES_ENCRYPT_INIT, AesEncryptInitRequest.of(cmk, AesMode.CBC, Octets.of(random(15)))),
                "CBC needs whole blocks");
        assertEquals(0x000E_0009, cm.error(CmAesCommands.CM_AES_ENCRYPT_INIT, new AesEncryptInitRequest(cmk, 0, Octets.zeros(16))), "mode 0");
        assertEquals(0x000E_0009, cm.error(CmAesCommands.CM_AES_DECRYPT_INIT, new AesDecryptInitRequest(cmk, 3, Octets.zeros(16),
                Octets.zeros(16))), "mode 3");
        var init = cm.call(CmAesCommands.CM_AES_ENCRYPT_INIT, AesEncryptInitRequest.of(cmk, AesMode.CBC, Octets.zeros(16)));
        assertEquals(0x000E_0009, cm.error(CmAesCommands.CM_AES_ENCRYPT_UPDATE, new AesUpdateRequest(init.context(), Octets.zeros(3))));
        byte[] tampered = init.context().bytes().toByteArray();
        tampered[100] ^= 1;
        assertEquals(0xA004_0011, cm.error(CmAesCommands.CM_AES_ENCRYPT_UPDATE, new AesUpdateRequest(
                new CmAesCommands.AesContext(Octets.of(tampered)), Octets.zeros(16))));
    }

    @Test
    void gcmMatchesJcaInPiecesAndVerifiesTags() {
        byte[] key = random(32);
        Cmk cmk = cm.importKey(KeyUsage.AES, key);
        byte[] aad = random(37);
        byte[][] parts = {random(5), random(40), random(0), random(4096), random(3)};
        var init = cm.call(CmAesCommands.CM_AES_GCM_ENCRYPT_INIT, new GcmEncryptInitRequest(0, cmk, Octets.of(aad)));
        var context = init.context();
        byte[] ciphertext = new byte[0];
        for (int i = 0; i < parts.length - 1; i++) {
            var out = cm.call(CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE, new GcmUpdateRequest(context, Octets.of(parts[i])));
            assertEquals(0, out.data().length() % 16, "whole blocks only");
            context = out.context();
            ciphertext = concat(ciphertext, out.data().toByteArray());
        }
        var fin = cm.call(CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL, new GcmUpdateRequest(context, Octets.of(parts[parts.length - 1])));
        ciphertext = concat(ciphertext, fin.ciphertext().toByteArray());
        byte[] plaintext = concat(parts);
        byte[] iv = init.iv().toByteArray();
        assertArrayEquals(jcaGcm(Cipher.ENCRYPT_MODE, key, iv, aad, plaintext), concat(ciphertext, fin.tag().toByteArray()));

        var dec = cm.call(CmAesCommands.CM_AES_GCM_DECRYPT_INIT, new GcmDecryptInitRequest(0, cmk, Octets.of(iv), Octets.of(aad)));
        assertEquals(Octets.of(iv), dec.iv());
        var mid = cm.call(CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE, new GcmUpdateRequest(dec.context(), Octets.of(Arrays.copyOf(ciphertext, 1001))));
        var ok = cm.call(CmAesCommands.CM_AES_GCM_DECRYPT_FINAL, GcmDecryptFinalRequest.of(mid.context(), fin.tag(),
                Octets.of(Arrays.copyOfRange(ciphertext, 1001, ciphertext.length))));
        assertTrue(ok.verified());
        assertArrayEquals(plaintext, concat(mid.data().toByteArray(), ok.plaintext().toByteArray()));
        byte[] wrong = fin.tag().toByteArray();
        wrong[0] ^= 1;
        var bad = cm.call(CmAesCommands.CM_AES_GCM_DECRYPT_FINAL, GcmDecryptFinalRequest.of(mid.context(), Octets.of(wrong),
                Octets.of(Arrays.copyOfRange(ciphertext, 1001, ciphertext.length))));
        assertFalse(bad.verified(), "a wrong tag is tag_verified 0, not an error");
        var shortTag = cm.call(CmAesCommands.CM_AES_GCM_DECRYPT_FINAL, GcmDecryptFinalRequest.of(mid.context(), fin.tag().slice(0, 8),
                Octets.of(Arrays.copyOfRange(ciphertext, 1001, ciphertext.length))));
        assertFalse(shortTag.verified(), "the reference compares a short tag with all 16 bytes");
        for (int tagLen : new int[] {7, 17}) {
            assertEquals(0x000E_0009, cm.error(CmAesCommands.CM_AES_GCM_DECRYPT_FINAL, new GcmDecryptFinalRequest(mid.context(), tagLen,
                    Octets.zeros(16), Octets.zeros(0))), "tag_len " + tagLen);
        }
        byte[] tampered = mid.context().bytes().toByteArray();
        tampered[50] ^= 1;
        assertEquals(0xA004_0011, cm.error(CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE, new GcmUpdateRequest(
                new CmAesCommands.AesGcmContext(Octets.of(tampered)), Octets.zeros(0))));
        assertEquals(0x000E_005D, cm.error(CmAesCommands.CM_AES_GCM_ENCRYPT_INIT, new GcmEncryptInitRequest(0,
                cm.importKey(KeyUsage.HMAC, random(48)), Octets.zeros(0))), "RUNTIME_CMB_INVALID_KEY_USAGE_AND_SIZE");
        cm.call(CmKeyCommands.CM_DELETE, cmk);
        assertEquals(0x000E_0009, cm.error(CmAesCommands.CM_AES_GCM_ENCRYPT_INIT, new GcmEncryptInitRequest(0, cmk, Octets.zeros(0))),
                "no usage entry to count");
    }

    @Test
    void spdmGcmMatchesTheLibspdmVector() {
        Cmk secret = cm.importKey(KeyUsage.HMAC,
                hex("edc06197770f538cb25085b0bc98c04954db9ca64b2c782850f2ca5ad337162f2f244285702ab0749b6e1b43c30adbc4"));
        byte[] plaintext = hex("0102030405060708");
        String[][] expected = {{"784e23733e7a15da", "fd4a030b68dd7d31d7c0536e8c78d7ea"}, {"9ed99cd617338830", "07616191b0339213c364781cd06310c5"}};
        for (int be = 0; be < 2; be++) {
            var context = cm.call(CmAesCommands.CM_AES_GCM_SPDM_ENCRYPT_INIT, GcmSpdmInitRequest.of(0x11, be == 1, 1, secret, Octets.zeros(0)));
            var fin = cm.call(CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL, new GcmUpdateRequest(context, Octets.of(plaintext)));
            assertArrayEquals(hex(expected[be][0]), fin.ciphertext().toByteArray(), be == 1 ? "big-endian counter" : "little-endian");
            assertArrayEquals(hex(expected[be][1]), fin.tag().toByteArray());
            var dec = cm.call(CmAesCommands.CM_AES_GCM_SPDM_DECRYPT_INIT, GcmSpdmInitRequest.of(0x11, be == 1, 1, secret, Octets.zeros(0)));
            var back = cm.call(CmAesCommands.CM_AES_GCM_DECRYPT_FINAL, GcmDecryptFinalRequest.of(dec, fin.tag(), fin.ciphertext()));
            assertTrue(back.verified());
            assertArrayEquals(plaintext, back.plaintext().toByteArray());
        }
        assertArrayEquals(hex("2382fc62b2e82ad4d6296e3fc7388f484ef7fd27d5c7664c6f388497bb9fcb53"), CmGcmHandlers.spdmExpand(HashAlgorithm.SHA384,
                hex("edc06197770f538cb25085b0bc98c04954db9ca64b2c782850f2ca5ad337162f2f244285702ab0749b6e1b43c30adbc4"), 0x11, "key", 32));
        assertEquals(0x000E_0009, cm.error(CmAesCommands.CM_AES_GCM_SPDM_ENCRYPT_INIT, GcmSpdmInitRequest.of(0x15, false, 1, secret, Octets.zeros(0))));
        assertEquals(0x000E_005D, cm.error(CmAesCommands.CM_AES_GCM_SPDM_ENCRYPT_INIT, GcmSpdmInitRequest.of(0x12, false, 1,
                cm.importKey(KeyUsage.AES, random(32)), Octets.zeros(0))));
    }

    @Test
    void theGcmUsageLimitIsTwoToTheThirtySecondMinusOne() {
        var storage = new CmStorage(new Trng(Octets.of(random(48))));
        int id = storage.addKey();
        storage.setGcmUses(id, CmStorage.GCM_MAX_KEY_USES - 1);
        storage.countGcmUse(id);
        var failure = assertThrows(CommandFailure.class, () -> storage.countGcmUse(id));
        assertEquals(0x000E_006D, failure.code(), "RUNTIME_GCM_KEY_USAGE_LIMIT_REACHED");
    }

    private static ECParameterSpec p384() throws Exception {
        var params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp384r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    @Test
    void ecdhAgreesWithJca() throws Exception {
        var generated = cm.call(CmAsymmetricCommands.CM_ECDH_GENERATE, NoFields.INSTANCE);
        byte[] exchange = generated.exchangeData().toByteArray();
        var gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp384r1"));
        var mine = gen.generateKeyPair();
        var devicePub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1, Arrays.copyOf(exchange, 48)),
                new BigInteger(1, Arrays.copyOfRange(exchange, 48, 96))), p384()));
        var agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(mine.getPrivate());
        agreement.doPhase(devicePub, true);
        byte[] secret = agreement.generateSecret();
        var w = ((java.security.interfaces.ECPublicKey) mine.getPublic()).getW();
        byte[] peer = concat(BigIntegers.asUnsignedByteArray(48, w.getAffineX()), BigIntegers.asUnsignedByteArray(48, w.getAffineY()));
        Cmk hmac = cm.call(CmAsymmetricCommands.CM_ECDH_FINISH, CmAsymmetricCommands.EcdhFinishRequest.of(generated.context(), KeyUsage.HMAC,
                Octets.of(peer)));
        assertArrayEquals(jcaHmac("HmacSHA384", secret, peer), cm.hmac(hmac, HashAlgorithm.SHA384, peer), "all 48 bytes");
        Cmk aes = cm.call(CmAsymmetricCommands.CM_ECDH_FINISH, CmAsymmetricCommands.EcdhFinishRequest.of(generated.context(), KeyUsage.AES,
                Octets.of(peer)));
        byte[][] sealed = cm.gcmEncrypt(aes, new byte[0], peer);
        assertArrayEquals(jcaGcm(Cipher.ENCRYPT_MODE, Arrays.copyOf(secret, 32), sealed[0], new byte[0], peer), sealed[1], "the first 32 bytes");
        byte[] offCurve = peer.clone();
        offCurve[95] ^= 1;
        assertEquals(0x0005_0011, cm.error(CmAsymmetricCommands.CM_ECDH_FINISH, CmAsymmetricCommands.EcdhFinishRequest.of(generated.context(),
                KeyUsage.AES, Octets.of(offCurve))), "DRIVER_ECC384_HW_ERROR");
        assertEquals(0x000E_0009, cm.error(CmAsymmetricCommands.CM_ECDH_FINISH, new CmAsymmetricCommands.EcdhFinishRequest(generated.context(),
                0, Octets.of(peer))));
        byte[] tampered = generated.context().bytes().toByteArray();
        tampered[40] ^= 1;
        assertEquals(0xA004_0011, cm.error(CmAsymmetricCommands.CM_ECDH_FINISH, CmAsymmetricCommands.EcdhFinishRequest.of(
                new CmAsymmetricCommands.EcdhContext(Octets.of(tampered)), KeyUsage.AES, Octets.of(peer))));
    }

    @Test
    void ecdsaMatchesTheVectorsAndJca() throws Exception {
        Cmk cmk = cm.importKey(KeyUsage.ECDSA, new byte[48]);
        var pub = cm.call(CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY, cmk);
        assertArrayEquals(hex("d7dd94e0bffc4cade9902b7fdb154260d5ec5dfd57950e8359015a302c8bf7bba7e5f6dffc1685162bdd35f9f5c1b0ff"), pub.x().toByteArray());
        assertArrayEquals(hex("bb9c3a2f061e8d7014278dd51e66a918a6b6f9f1c1937312d4e7a921b18ef0f41fdd401d9e7718509f8731e9eec9c31d"), pub.y().toByteArray());
        var sig = cm.call(CmAsymmetricCommands.CM_ECDSA_SIGN, new CmAsymmetricCommands.SignRequest(cmk, Octets.of("abc".getBytes())));
        assertArrayEquals(hex("48f620244dc28ebe2df7e7ff646dc307017f0b35ea9a1d3d56cdb3bc89339181d479b1bc5d09ccbce106d032113f0d4e"), sig.r().toByteArray());
        assertArrayEquals(hex("4efa5ffcdf5c568037a1fe4d6efceddf072ed5234923b21727adf372be1d7baaa726403a0c578d3ce91710167a51052d"), sig.s().toByteArray());
        var jcaPub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1, pub.x().toByteArray()),
                new BigInteger(1, pub.y().toByteArray())), p384()));
        byte[] message = random(4096);
        var deviceSig = cm.call(CmAsymmetricCommands.CM_ECDSA_SIGN, new CmAsymmetricCommands.SignRequest(cmk, Octets.of(message)));
        var verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(jcaPub);
        verifier.update(message);
        assertTrue(verifier.verify(EccSignature.of(new BigInteger(1, deviceSig.r().toByteArray()), new BigInteger(1, deviceSig.s().toByteArray())).toDer()));

        var jcaPriv = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1,
                hex("feeef5544a76564990128ad189e873f21f0dfd5ad7e2fa861127ee6e394ca784871c1aec032c7a8b10b93e0eab8946d6")), p384()));
        var signer = Signature.getInstance("SHA384withECDSA");
        signer.initSign(jcaPriv);
        signer.update(message);
        var jcaSig = EccSignature.fromDer(signer.sign());
        cm.call(CmAsymmetricCommands.CM_ECDSA_VERIFY, new CmAsymmetricCommands.EcdsaVerifyRequest(cmk,
                new CmAsymmetricCommands.EcdsaSignature(jcaSig.r(), jcaSig.s()), Octets.of(message)));
        message[0] ^= 1;
        assertEquals(0xA005_0000, cm.error(CmAsymmetricCommands.CM_ECDSA_VERIFY, new CmAsymmetricCommands.EcdsaVerifyRequest(cmk,
                new CmAsymmetricCommands.EcdsaSignature(jcaSig.r(), jcaSig.s()), Octets.of(message))), "RUNTIME_MAILBOX_SIGNATURE_MISMATCH");
        assertEquals(0x0005_000F, cm.error(CmAsymmetricCommands.CM_ECDSA_VERIFY, new CmAsymmetricCommands.EcdsaVerifyRequest(cmk,
                new CmAsymmetricCommands.EcdsaSignature(Octets.zeros(48), jcaSig.s()), Octets.of(message))));
        assertEquals(0x000E_0009, cm.error(CmAsymmetricCommands.CM_ECDSA_SIGN, new CmAsymmetricCommands.SignRequest(
                cm.importKey(KeyUsage.HMAC, new byte[48]), Octets.zeros(0))), "not an ECDSA key");
        assertArrayEquals(Sha384.of(new byte[0]).toByteArray(), Sha384.of(new byte[0]).toByteArray());
    }

    @Test
    void mldsaMatchesTheVectorAndBouncyCastle() throws Exception {
        byte[] seed = hex("631afc2a36a57e1d090dadc2791d486d72c69a9aabf97990c573214846fe5b64");
        Cmk cmk = cm.importKey(KeyUsage.MLDSA, seed);
        byte[] pk = cm.call(CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY, cmk).bytes().toByteArray();
        assertArrayEquals(hex("114a97bd159dee6758acca1bd58d8b3b8ec416befa654dd2f0b80b36875e4670e9ef41b938c143a04f68c3f78be751ef"),
                Sha384.of(pk).toByteArray());
        assertArrayEquals(hex("573449ae1772430db958dd78747f0aefc03f6ddedce592d5f4b517b38bcfcb90"), Arrays.copyOf(pk, 32));
        byte[] message = random(1000);
        var sig = cm.call(CmAsymmetricCommands.CM_MLDSA_SIGN, new CmAsymmetricCommands.SignRequest(cmk, Octets.of(message)));
        assertEquals(0, sig.field().get(4627), "pad byte");
        var verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, pk));
        verifier.update(message, 0, message.length);
        assertTrue(verifier.verifySignature(sig.signature().toByteArray()));

        var signer = new MLDSASigner();
        signer.init(true, new org.bouncycastle.crypto.params.ParametersWithRandom(new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_87, seed),
                RANDOM));
        signer.update(message, 0, message.length);
        var bcSig = CmAsymmetricCommands.MldsaSignature.of(Octets.of(signer.generateSignature()));
        cm.call(CmAsymmetricCommands.CM_MLDSA_VERIFY, new CmAsymmetricCommands.MldsaVerifyRequest(cmk, bcSig, Octets.of(message)));
        message[0] ^= 1;
        assertEquals(0xA005_0000, cm.error(CmAsymmetricCommands.CM_MLDSA_VERIFY, new CmAsymmetricCommands.MldsaVerifyRequest(cmk, bcSig,
                Octets.of(message))));
        assertEquals(0x000E_0009, cm.error(CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY, cm.importKey(KeyUsage.AES, seed)));
    }

    @Test
    void mlkemRoundTripsWithBouncyCastle() {
        byte[] seed = random(64);
        Cmk cmk = cm.importKey(KeyUsage.MLKEM, seed);
        var bcKey = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_1024, seed);
        byte[] ek = cm.call(CmAsymmetricCommands.CM_MLKEM_KEY_GEN, cmk).bytes().toByteArray();
        assertArrayEquals(bcKey.getPublicKeyParameters().getEncoded(), ek, "FIPS 203 keygen from d ‖ z");

        // The host encapsulates to the device's key; the device decapsulates into an AES CMK.
        var encapsulated = new MLKEMGenerator(RANDOM).generateEncapsulated(bcKey.getPublicKeyParameters());
        Cmk shared = cm.call(CmAsymmetricCommands.CM_MLKEM_DECAPSULATE, CmAsymmetricCommands.DecapsulateRequest.of(KeyUsage.AES, cmk,
                Octets.of(encapsulated.getEncapsulation())));
        byte[][] sealed = cm.gcmEncrypt(shared, new byte[0], seed);
        assertArrayEquals(jcaGcm(Cipher.ENCRYPT_MODE, encapsulated.getSecret(), sealed[0], new byte[0], seed), sealed[1]);

        // The device encapsulates to a host key; the host decapsulates.
        var host = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_1024, random(64));
        var response = cm.call(CmAsymmetricCommands.CM_MLKEM_ENCAPSULATE, CmAsymmetricCommands.EncapsulateRequest.of(KeyUsage.AES,
                new CmAsymmetricCommands.EncapsulationKey(Octets.of(host.getPublicKeyParameters().getEncoded()))));
        byte[] secret = new MLKEMExtractor(host).extractSecret(response.ciphertext().toByteArray());
        sealed = cm.gcmEncrypt(response.sharedKey(), new byte[0], seed);
        assertArrayEquals(jcaGcm(Cipher.ENCRYPT_MODE, secret, sealed[0], new byte[0], seed), sealed[1]);

        byte[] corrupt = encapsulated.getEncapsulation();
        corrupt[0] ^= 1;
        Cmk rejected = cm.call(CmAsymmetricCommands.CM_MLKEM_DECAPSULATE, CmAsymmetricCommands.DecapsulateRequest.of(KeyUsage.AES, cmk,
                Octets.of(corrupt)));
        sealed = cm.gcmEncrypt(rejected, new byte[0], seed);
        assertFalse(Arrays.equals(jcaGcm(Cipher.ENCRYPT_MODE, encapsulated.getSecret(), sealed[0], new byte[0], seed), sealed[1]),
                "implicit rejection: another key, no error");
        assertEquals(0x000E_0009, cm.error(CmAsymmetricCommands.CM_MLKEM_KEY_GEN, cm.importKey(KeyUsage.HMAC, Arrays.copyOf(seed, 64))));
        assertEquals(0x000E_0009, cm.error(CmAsymmetricCommands.CM_MLKEM_DECAPSULATE, new CmAsymmetricCommands.DecapsulateRequest(0, cmk,
                Octets.of(corrupt))));
        assertEquals(0x000E_0009, cm.error(CmAsymmetricCommands.CM_MLKEM_ENCAPSULATE, new CmAsymmetricCommands.EncapsulateRequest(7,
                new CmAsymmetricCommands.EncapsulationKey(Octets.of(host.getPublicKeyParameters().getEncoded())))));
    }
}
