package org.caliptra.util.image.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.testsupport.SharedTestData;
import org.caliptra.util.image.verify.SignatureChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    static void pem(Path file, String type, byte[] der) throws Exception {
        var w = new StringWriter();
        try (var p = new PemWriter(w)) {
            p.writeObject(new PemObject(type, der));
        }
        Files.writeString(file, w.toString());
    }

    @Test
    void readsTheReferenceEccKeysIncludingTheEcParametersPrefix() throws Exception {
        assertTrue(Files.readString(SharedTestData.key("vnd-man-ecc-prvk.pem")).startsWith("-----BEGIN EC PARAMETERS"));
        var man = KeyFiles.readEccPrivate(SharedTestData.key("vnd-man-ecc-prvk.pem"));
        assertEquals(KeyFiles.readEccPublic(SharedTestData.key("vnd-man-ecc-pubk.pem")), man.publicKey());
        var own = KeyFiles.readEccPrivate(SharedTestData.key("own-fw-ecc-prvk.pem"));
        assertEquals(KeyFiles.readEccPublic(SharedTestData.key("own-fw-ecc-pubk.pem")), own.publicKey());
        // the README's documented quirk: the vendor FW private key is not the vendor FW public key
        assertNotEquals(KeyFiles.readEccPublic(SharedTestData.key("vnd-fw-ecc-pubk.pem")),
                KeyFiles.readEccPrivate(SharedTestData.key("vnd-fw-ecc-prvk.pem")).publicKey());
    }

    @Test
    void eccRoundTripsThroughSec1Pkcs8AndSpki() throws Exception {
        var key = EccPrivateKey.generate(new SecureRandom());
        Path priv = dir.resolve("k-prvk.pem");
        Path pub = dir.resolve("k-pubk.pem");
        KeyFiles.writeEccPrivate(key, priv);
        KeyFiles.writeEccPublic(key.publicKey(), pub);
        assertTrue(Files.readString(priv).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(priv));
        assertEquals(key.publicKey(), KeyFiles.readEccPrivate(priv).publicKey());
        assertEquals(key.publicKey(), KeyFiles.readEccPublic(pub));
        assertEquals(key.publicKey(), KeyFiles.readEccPublic(priv), "a private key file also yields its public key");

        // PKCS#8 as the JDK writes it
        var kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp384r1"));
        var jdk = kpg.generateKeyPair();
        Path pkcs8 = dir.resolve("jdk-pkcs8.pem");
        pem(pkcs8, "PRIVATE KEY", jdk.getPrivate().getEncoded());
        Path spki = dir.resolve("jdk-spki.pem");
        pem(spki, "PUBLIC KEY", jdk.getPublic().getEncoded());
        assertEquals(KeyFiles.readEccPublic(spki), KeyFiles.readEccPrivate(pkcs8).publicKey());

        var digest = Sha384.digest("message".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var sig = KeyFiles.readEccPrivate(pkcs8).signer().signDigest(digest);
        assertEquals(Lms.Check.VALID, SignatureChecks.ecdsa(KeyFiles.readEccPublic(spki), digest.toByteArray(), sig));
    }

    @Test
    void eccErrorsNameTheFileAndTheProblem() throws Exception {
        var missing = assertThrows(KeyFileException.class, () -> KeyFiles.readEccPrivate(dir.resolve("nope.pem")));
        assertEquals(dir.resolve("nope.pem") + ": no such file", missing.getMessage());
        Path text = dir.resolve("text.pem");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFiles.readEccPublic(text)).getMessage()
                .endsWith("not a PEM file (no '-----BEGIN' line)"));
        var kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        Path p256 = dir.resolve("p256.pem");
        pem(p256, "PUBLIC KEY", kpg.generateKeyPair().getPublic().getEncoded());
        assertEquals(p256 + ": holds an ECC prime256v1 public key, not an ECC P-384 one",
                assertThrows(KeyFileException.class, () -> KeyFiles.readEccPublic(p256)).getMessage());
        Path pubOnly = dir.resolve("pub-only.pem");
        KeyFiles.writeEccPublic(EccPrivateKey.generate(new SecureRandom()).publicKey(), pubOnly);
        assertEquals(pubOnly + ": holds an ECC P-384 public key, not an ECC P-384 private key ('EC PRIVATE KEY' or "
                + "'PRIVATE KEY' PEM block)", assertThrows(KeyFileException.class, () -> KeyFiles.readEccPrivate(pubOnly)).getMessage());
    }

    /** The message a reader gives for {@code file}, which must be one line with no Java exception text in it. */
    static String refusal(org.junit.jupiter.api.function.Executable read, Path file) {
        String m = assertThrows(KeyFileException.class, read).getMessage();
        assertTrue(m.startsWith(file + ": "), m);
        assertEquals(1, m.lines().count(), m);
        assertFalse(m.contains("java.") || m.contains("Exception"), "Java exception text in: " + m);
        return m.substring(file.toString().length() + 2);
    }

    @Test
    void theWrongKindOfKeyIsNamedAsWhatItIs() throws Exception {
        var ecc = EccPrivateKey.generate(new SecureRandom());
        Path eccPub = dir.resolve("ecc-pubk.pem");
        Path eccPriv = dir.resolve("ecc-prvk.pem");
        KeyFiles.writeEccPublic(ecc.publicKey(), eccPub);
        KeyFiles.writeEccPrivate(ecc, eccPriv);
        var mldsa = MldsaPrivateKey.generate(new SecureRandom());
        Path mldsaPub = dir.resolve("mldsa-pubk.pem");
        Path mldsaPriv = dir.resolve("mldsa-prvk.pem");
        KeyFiles.writeMldsaPublic(mldsa.publicKey(), mldsaPub);
        KeyFiles.writeMldsaPrivate(mldsa, mldsaPriv);
        Path lmsPub = SharedTestData.key("vnd-fw-lms-pubk.pem");
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Path rsaPriv = dir.resolve("rsa.pem");
        pem(rsaPriv, "PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());

        assertEquals("holds an ML-DSA-87 public key, not an ECC P-384 one", refusal(() -> KeyFiles.readEccPublic(mldsaPub), mldsaPub));
        assertEquals("holds an ML-DSA-87 private key, not an ECC P-384 one",
                refusal(() -> KeyFiles.readEccPrivate(mldsaPriv), mldsaPriv));
        assertEquals("holds an RSA private key, not an ECC P-384 one", refusal(() -> KeyFiles.readEccPrivate(rsaPriv), rsaPriv));
        assertEquals("not a PEM file (no '-----BEGIN' line) (48 bytes is a raw LMS key)",
                refusal(() -> KeyFiles.readEccPrivate(lmsPub), lmsPub));
        // Once the last 48 bytes of any key were taken as an LMS key, which then failed as a mismatch.
        assertEquals("holds an ECC P-384 public key, not an LMS one", refusal(() -> KeyFiles.readLmsPublic(eccPub), eccPub));
        assertEquals("holds an ML-DSA-87 public key, not an LMS one", refusal(() -> KeyFiles.readLmsPublic(mldsaPub), mldsaPub));
        assertEquals("holds an ECC P-384 private key, not an LMS private key",
                refusal(() -> KeyFiles.readLmsPrivate(eccPriv), eccPriv));
        assertEquals("holds an ECC P-384 public key, not an ML-DSA-87 one", refusal(() -> KeyFiles.readMldsaPublic(eccPub), eccPub));
        assertEquals("holds an RSA private key, not an ML-DSA-87 one", refusal(() -> KeyFiles.readMldsaPrivate(rsaPriv), rsaPriv));
        assertEquals("raw ML-DSA-87 public key must be 2592 bytes, found 48 (48 bytes is a raw LMS key)",
                refusal(() -> KeyFiles.readMldsaPublic(lmsPub), lmsPub));
    }

    @Test
    void malformedPemSaysWhichBlockAndHowWithoutQuotingJava() throws Exception {
        Path badDer = dir.resolve("bad-der.pem");
        Files.writeString(badDer, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertEquals("malformed PEM: the 'EC PRIVATE KEY' block does not hold a valid DER encoding of its kind",
                refusal(() -> KeyFiles.readEccPrivate(badDer), badDer));
        Path badBase64 = dir.resolve("bad-base64.pem");
        Files.writeString(badBase64, "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
        assertEquals("malformed PEM: the 'PUBLIC KEY' block is not valid base64",
                refusal(() -> KeyFiles.readEccPublic(badBase64), badBase64));
        Path noEnd = dir.resolve("no-end.pem");
        Files.writeString(noEnd, "-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n"
                + "-----BEGIN EC PRIVATE KEY-----\nAAAA\n");
        assertEquals("malformed PEM: the 'EC PRIVATE KEY' block has no matching '-----END' line",
                refusal(() -> KeyFiles.readEccPrivate(noEnd), noEnd));
        Path emptySeq = dir.resolve("empty-seq.pem");
        Files.writeString(emptySeq, "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n");
        assertEquals("malformed PEM: the 'PUBLIC KEY' block does not hold a valid DER encoding of its kind",
                refusal(() -> KeyFiles.readEccPublic(emptySeq), emptySeq));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void keyFilesAreRegularFilesOfAtMost64KiB() throws Exception {
        Path fifo = dir.resolve("fifo.pem");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        assertEquals("is a FIFO, not a regular file; only regular files are read", refusal(() -> KeyFiles.readEccPrivate(fifo), fifo));
        Path zero = Path.of("/dev/zero");
        assertEquals("is a character device, not a regular file; only regular files are read",
                refusal(() -> KeyFiles.readLmsPrivate(zero), zero));
        Path big = dir.resolve("big.pem");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64 * 1024 + 1);
        }
        assertEquals("too large (65537 bytes): a key file is at most 65536 bytes (the largest key, an ML-DSA-87 private key PEM, "
                + "is under 7 KB)", refusal(() -> KeyFiles.readMldsaPrivate(big), big));
    }

    @Test
    void lmsKeysReadRawAndInTheOidWrappedForm() throws Exception {
        var raw = KeyFiles.readLmsPublic(SharedTestData.key("vnd-fw-lms-pubk.pem"));
        assertEquals(48, Files.size(SharedTestData.key("vnd-fw-lms-pubk.pem")), "raw bytes despite the .pem name");
        Path spki = dir.resolve("lms-spki.pem");
        pem(spki, "PUBLIC KEY", new SubjectPublicKeyInfo(new AlgorithmIdentifier(KeyFiles.ID_ALG_HSS_LMS_HASHSIG),
                raw.toBytes()).getEncoded());
        assertEquals(raw, KeyFiles.readLmsPublic(spki));
        byte[] privRaw = Files.readAllBytes(SharedTestData.key("vnd-fw-lms-prvk.pem"));
        Path pkcs8 = dir.resolve("lms-pkcs8.pem");
        pem(pkcs8, "PRIVATE KEY", new PrivateKeyInfo(new AlgorithmIdentifier(KeyFiles.ID_ALG_HSS_LMS_HASHSIG),
                new DEROctetString(privRaw)).getEncoded());
        assertArrayEquals(privRaw, KeyFiles.readLmsPrivate(pkcs8).toBytes());
        Path shortFile = dir.resolve("short.bin");
        Files.write(shortFile, new byte[47]);
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFiles.readLmsPublic(shortFile)).getMessage()
                .endsWith("raw LMS public key must be 48 bytes, found 47"));
        Path written = dir.resolve("w-prvk.pem");
        var generated = LmsPrivateKey.generate(new SecureRandom());
        KeyFiles.writeLmsPrivate(generated, written);
        assertArrayEquals(generated.toBytes(), KeyFiles.readLmsPrivate(written).toBytes());
    }

    @Test
    void mldsaRoundTripsRawAndPem() throws Exception {
        var key = MldsaPrivateKey.generate(new SecureRandom());
        Path priv = dir.resolve("m-prvk.pem");
        Path pub = dir.resolve("m-pubk.pem");
        KeyFiles.writeMldsaPrivate(key, priv);
        KeyFiles.writeMldsaPublic(key.publicKey(), pub);
        assertEquals(key.publicKey(), KeyFiles.readMldsaPublic(pub));
        assertEquals(key.publicKey(), KeyFiles.readMldsaPrivate(priv).publicKey());
        Path rawPriv = dir.resolve("m.bin");
        Files.write(rawPriv, key.expandedEncoding());
        assertEquals(4896, Files.size(rawPriv));
        Path rawPub = dir.resolve("m-pub.bin");
        Files.write(rawPub, key.publicKey().bytes().toByteArray());
        assertEquals(key.publicKey(), KeyFiles.readMldsaPublic(rawPub));
        var sig = KeyFiles.readMldsaPrivate(rawPriv).signer().sign("header".getBytes());
        assertEquals(0, sig.bytes().get(4627), "pad byte");
        assertEquals(Lms.Check.VALID, SignatureChecks.mldsa(key.publicKey().bytes(), "header".getBytes(), sig.bytes()));
        assertEquals(Lms.Check.INVALID, SignatureChecks.mldsa(key.publicKey().bytes(), "other".getBytes(), sig.bytes()));
        assertEquals(sig, key.signer().sign("header".getBytes()), "deterministic");
        assertFalse(key.toString().contains("4896"));
    }
}
