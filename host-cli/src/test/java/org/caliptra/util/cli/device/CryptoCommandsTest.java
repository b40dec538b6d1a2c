package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.fails;
import static org.caliptra.util.cli.device.DeviceCli.hex;
import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.caliptra.util.cli.device.DeviceCli.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.caliptra.util.image.keys.KeyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cryptographic commands against the embedded emulator, each result held against an
 * independent computation: the JCA's digests, MACs and ciphers with the same key, BouncyCastle's
 * ML-DSA, the JCA's ECDSA and ECDH.
 */
class CryptoCommandsTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void shaStreamsAFileAndEqualsTheJcasDigest() throws Exception {
        byte[] data = random(10_000, 1);
        Path in = file("data.bin", data);
        var r = json("sha", in.toString());
        assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(data), hex(r.get("digest")));
        assertEquals(10_000, r.get("bytes").asLong());
        assertEquals("sha384", r.get("algorithm").asText());
        var r512 = json("sha", "--alg", "sha512", in.toString());
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(data), hex(r512.get("digest")));
        // An empty file is a digest too (init with no data, final).
        var empty = json("sha", file("empty", new byte[0]).toString());
        assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(new byte[0]), hex(empty.get("digest")));
    }

    @Test
    void shaReadsStandardInput() throws Exception {
        byte[] data = random(5000, 2);
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(data));
            var r = json("sha", "-");
            assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(data), hex(r.get("digest")));
            assertEquals("standard input", r.get("file").asText());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void hmacWithARawKeyOrAnImportedCmkEqualsTheJcasMac() throws Exception {
        byte[] key = new byte[48];
        Arrays.fill(key, (byte) 0x0B);
        byte[] message = "Test message for HMAC-SHA384 validation".getBytes();
        Path msg = file("msg", message);
        var mac = Mac.getInstance("HmacSHA384");
        mac.init(new SecretKeySpec(key, "HmacSHA384"));
        byte[] expected = mac.doFinal(message);

        assertArrayEquals(expected, hex(json("hmac", "--key-hex", hex(key), msg.toString()).get("mac")));
        Path keyFile = file("key.bin", key);
        assertArrayEquals(expected, hex(json("hmac", "--key-file", keyFile.toString(), msg.toString()).get("mac")));

        // A CMK imported by one run serves another: the embedded device is deterministic (docs/cli.md).
        Path cmk = dir.resolve("hmac.cmk");
        json("import", "--usage", "hmac", "--key-file", keyFile.toString(), "--out", cmk.toString());
        assertEquals(128, Files.size(cmk));
        assertArrayEquals(expected, hex(json("hmac", "--cmk", cmk.toString(), msg.toString()).get("mac")));

        byte[] key64 = new byte[64];
        Arrays.fill(key64, (byte) 0x0C);
        var mac512 = Mac.getInstance("HmacSHA512");
        mac512.init(new SecretKeySpec(key64, "HmacSHA512"));
        assertArrayEquals(mac512.doFinal(message), hex(json("hmac", "--alg", "sha512", "--key-hex", hex(key64), msg.toString()).get("mac")));
        ok("delete", "--cmk", cmk.toString());
    }

    @Test
    void aKeyDerivedByHmacKdfCounterEncryptsAsTheKeyTheSp800108CounterModeGives() throws Exception {
        byte[] kin = new byte[48];
        Arrays.fill(kin, (byte) 0x0D);
        String label = "key derivation test label";
        Path derived = dir.resolve("derived.cmk");
        json("hmac-kdf-counter", "--key-hex", hex(kin), "--usage", "aes", "--key-size", "32", "--label", label, "--out", derived.toString());
        // One counter block: HMAC-SHA-384(kin, 00000001 ‖ label), the first 32 bytes.
        var mac = Mac.getInstance("HmacSHA384");
        mac.init(new SecretKeySpec(kin, "HmacSHA384"));
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] aesKey = Arrays.copyOf(mac.doFinal(label.getBytes()), 32);

        byte[] plaintext = random(64, 3);
        Path ct = dir.resolve("ct");
        var enc = json("aes-encrypt", "--mode", "cbc", "--cmk", derived.toString(), file("pt", plaintext).toString(), "--out", ct.toString());
        var jca = Cipher.getInstance("AES/CBC/NoPadding");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(hex(enc.get("iv"))));
        assertArrayEquals(jca.doFinal(plaintext), Files.readAllBytes(ct));
    }

    @Test
    void aesCbcAndCtrEqualTheJcasAndRoundTripOverManyChunks() throws Exception {
        byte[] key = random(32, 4);
        for (String mode : new String[] {"cbc", "ctr"}) {
            // 10 000 bytes: three 4096-byte commands; CTR also takes a partial block at the end.
            byte[] plaintext = random(mode.equals("cbc") ? 10_000 : 10_003, 5);
            Path pt = file(mode + ".pt", plaintext);
            Path ct = dir.resolve(mode + ".ct");
            var enc = json("aes-encrypt", "--mode", mode, "--key-hex", hex(key), pt.toString(), "--out", ct.toString());
            byte[] iv = hex(enc.get("iv"));
            assertEquals(16, iv.length);
            var jca = Cipher.getInstance(mode.equals("cbc") ? "AES/CBC/NoPadding" : "AES/CTR/NoPadding");
            jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            assertArrayEquals(jca.doFinal(plaintext), Files.readAllBytes(ct), mode);

            Path back = dir.resolve(mode + ".back");
            ok("aes-decrypt", "--mode", mode, "--key-hex", hex(key), "--iv", hex(iv), ct.toString(), "--out", back.toString());
            assertArrayEquals(plaintext, Files.readAllBytes(back), mode);
        }
    }

    @Test
    void aesGcmEqualsTheJcasAndRoundTripsAndAWrongTagWritesNothing() throws Exception {
        byte[] key = random(32, 6);
        byte[] plaintext = random(9000, 7);
        byte[] aad = random(32, 8);
        Path pt = file("gcm.pt", plaintext);
        Path aadFile = file("aad", aad);
        Path ct = dir.resolve("gcm.ct");
        Path tagOut = dir.resolve("gcm.tag");
        var enc = json("aes-gcm-encrypt", "--key-hex", hex(key), "--aad", aadFile.toString(), pt.toString(), "--out", ct.toString(),
                "--tag-out", tagOut.toString());
        byte[] iv = hex(enc.get("iv"));
        byte[] tag = hex(enc.get("tag"));
        assertEquals(12, iv.length);
        assertArrayEquals(tag, Files.readAllBytes(tagOut));
        var jca = Cipher.getInstance("AES/GCM/NoPadding");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        jca.updateAAD(aad);
        byte[] sealed = jca.doFinal(plaintext);
        assertArrayEquals(Arrays.copyOf(sealed, plaintext.length), Files.readAllBytes(ct), "ciphertext");
        assertArrayEquals(Arrays.copyOfRange(sealed, plaintext.length, sealed.length), tag, "tag");

        Path back = dir.resolve("gcm.back");
        ok("aes-gcm-decrypt", "--key-hex", hex(key), "--iv", hex(iv), "--tag-file", tagOut.toString(), "--aad", aadFile.toString(),
                ct.toString(), "--out", back.toString());
        assertArrayEquals(plaintext, Files.readAllBytes(back));

        byte[] badTag = tag.clone();
        badTag[0] ^= 1;
        Path never = dir.resolve("never");
        String err = fails(1, "aes-gcm-decrypt", "--key-hex", hex(key), "--iv", hex(iv), "--tag", hex(badTag), "--aad",
                aadFile.toString(), ct.toString(), "--out", never.toString());
        assertTrue(err.contains("plaintext is withheld"), err);
        assertFalse(Files.exists(never), "no plaintext is written when the tag does not verify");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void ecdsaSignaturesVerifyWithTheJcaAgainstTheDevicesPublicKey() throws Exception {
        Path seed = file("ecdsa.key", new byte[48]);
        Path cmk = dir.resolve("ecdsa.cmk");
        ok("import", "--usage", "ecdsa", "--key-file", seed.toString(), "--out", cmk.toString());
        Path pem = dir.resolve("ecdsa-pub.pem");
        var pub = json("ecdsa-public-key", "--cmk", cmk.toString(), "--out", pem.toString());
        var fromPem = KeyFiles.readEccPublic(pem);
        assertArrayEquals(hex(pub.get("x")), fromPem.x().toByteArray());

        byte[] message = "Test message for ECDSA signing".getBytes();
        Path msg = file("msg", message);
        Path sig = dir.resolve("sig.der");
        var signed = json("ecdsa-sign", "--cmk", cmk.toString(), msg.toString(), "--out", sig.toString());
        var verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(ecPublicKey(hex(pub.get("x")), hex(pub.get("y"))));
        verifier.update(message);
        assertTrue(verifier.verify(Files.readAllBytes(sig)), "the DER signature verifies with the JCA");
        assertEquals(48, hex(signed.get("r")).length);

        assertTrue(json("ecdsa-verify", "--cmk", cmk.toString(), msg.toString(), "--signature", sig.toString()).get("verified").asBoolean());
        Path tampered = file("tampered", "Tampered message for ECDSA signing".getBytes());
        String err = fails(1, "ecdsa-verify", "--cmk", cmk.toString(), tampered.toString(), "--signature", sig.toString());
        assertTrue(err.contains("EcdsaVerify failed on the device: RUNTIME_MAILBOX_SIGNATURE_MISMATCH (0xA0050000)"), err);
        // The same key as a raw key for one call.
        ok("ecdsa-verify", "--key-file", seed.toString(), msg.toString(), "--signature", sig.toString());
    }

    private static ECPublicKey ecPublicKey(byte[] x, byte[] y) throws Exception {
        var params = ((ECPublicKey) generator().generateKeyPair().getPublic()).getParams();
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), params));
    }

    private static KeyPairGenerator generator() throws Exception {
        var g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return g;
    }

    @Test
    void ecdhAgreesWithAJcaPeer() throws Exception {
        var peer = generator().generateKeyPair();
        var peerPoint = ((ECPublicKey) peer.getPublic()).getW();
        byte[] peerData = new byte[96];
        System.arraycopy(fixed(peerPoint.getAffineX()), 0, peerData, 0, 48);
        System.arraycopy(fixed(peerPoint.getAffineY()), 0, peerData, 48, 48);
        Path shared = dir.resolve("shared.cmk");
        var finished = json("ecdh-finish", "--generate", "--peer", hex(peerData), "--usage", "aes", "--out", shared.toString());
        byte[] devicePoint = hex(finished.get("exchange_data"));
        assertEquals(96, devicePoint.length);

        var agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(peer.getPrivate());
        agreement.doPhase(ecPublicKey(Arrays.copyOf(devicePoint, 48), Arrays.copyOfRange(devicePoint, 48, 96)), true);
        byte[] secret = agreement.generateSecret();
        // An AES key from the exchange is the shared X coordinate's first 32 bytes; the CMK serves a later run for CBC.
        byte[] plaintext = random(64, 10);
        Path ct = dir.resolve("ecdh.ct");
        var enc = json("aes-encrypt", "--mode", "cbc", "--cmk", shared.toString(), file("ecdh.pt", plaintext).toString(), "--out",
                ct.toString());
        var jca = Cipher.getInstance("AES/CBC/NoPadding");
        jca.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOf(secret, 32), "AES"), new IvParameterSpec(hex(enc.get("iv"))));
        assertArrayEquals(plaintext, jca.doFinal(Files.readAllBytes(ct)), "the peer decrypts with its own view of the shared secret");
    }

    /**
     * What outlives one run of the embedded device (docs/cli.md): CMKs, sealed under the key the ROM
     * draws at every cold boot from the seeded TRNG; not contexts, sealed under a key the runtime
     * draws when first asked, nor an AES key's GCM usage entry, which lives in the run that made it.
     */
    @Test
    void anEcdhContextFromAnotherRunOfTheEmbeddedDeviceIsRefused() throws Exception {
        Path aes = dir.resolve("aes.cmk");
        ok("import", "--usage", "aes", "--key-hex", "11".repeat(32), "--out", aes.toString());
        String gcm = fails(1, "aes-gcm-encrypt", "--cmk", aes.toString(), file("p", new byte[16]).toString(), "--out",
                dir.resolve("c").toString());
        assertTrue(gcm.contains("AesGcmEncryptInit failed on the device: RUNTIME_MAILBOX_INVALID_PARAMS (0x000E0009)"), gcm);

        Path context = dir.resolve("ecdh.ctx");
        var generated = json("ecdh-generate", "--context-out", context.toString());
        assertEquals(96, hex(generated.get("exchange_data")).length);
        String err = fails(1, "ecdh-finish", "--context", context.toString(), "--peer", generated.get("exchange_data").asText(),
                "--usage", "aes", "--out", dir.resolve("x.cmk").toString());
        assertTrue(err.contains("EcdhFinish failed on the device: RUNTIME_DRIVER_AES_INVALID_TAG (0xA0040011)"), err);
    }

    private static byte[] fixed(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[48];
        int n = Math.min(raw.length, 48);
        System.arraycopy(raw, raw.length - n, out, 48 - n, n);
        return out;
    }

    @Test
    void mldsaSignaturesVerifyWithBouncyCastleAgainstTheDevicesPublicKey() throws Exception {
        byte[] seed = random(32, 9);
        Path seedFile = file("mldsa.seed", seed);
        var pub = hex(json("mldsa-public-key", "--key-file", seedFile.toString()).get("public_key"));
        assertEquals(2592, pub.length);
        byte[] message = "a message for ML-DSA-87".getBytes();
        Path msg = file("msg", message);
        Path sig = dir.resolve("mldsa.sig");
        ok("mldsa-sign", "--key-file", seedFile.toString(), msg.toString(), "--out", sig.toString());
        byte[] signature = Files.readAllBytes(sig);
        assertEquals(4627, signature.length);
        var verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, pub));
        verifier.update(message, 0, message.length);
        assertTrue(verifier.verifySignature(signature), "pure ML-DSA-87 with an empty context");

        ok("mldsa-verify", "--key-file", seedFile.toString(), msg.toString(), "--signature", sig.toString());
        String err = fails(1, "mldsa-verify", "--key-file", seedFile.toString(), file("other", "another".getBytes()).toString(),
                "--signature", sig.toString());
        assertTrue(err.contains("MldsaVerify failed on the device: RUNTIME_MAILBOX_SIGNATURE_MISMATCH"), err);
    }

    @Test
    void rawKeysAreNeverPrinted() throws Exception {
        String key = "5a".repeat(32);
        var r = DeviceCli.ok("aes-encrypt", "--mode", "cbc", "--key-hex", key, file("pt", new byte[32]).toString(), "--out",
                dir.resolve("ct").toString());
        assertFalse(r.out().contains(key));
        String err = fails(2, "aes-encrypt", "--mode", "cbc", "--key-hex", key + "zz", file("pt2", new byte[32]).toString(), "--out",
                dir.resolve("ct2").toString());
        assertFalse(err.toLowerCase().contains("5a5a"), "the key is not echoed: " + err);
        assertTrue(err.contains("--key-hex: character 65 is not a hex digit"), err);
        assertTrue(HexFormat.of().formatHex(new byte[] {1}).length() == 2);
    }
}
