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
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFiles.readEccPublic(p256)).getMessage()
                .contains("not on P-384"));
        Path pubOnly = dir.resolve("pub-only.pem");
        KeyFiles.writeEccPublic(EccPrivateKey.generate(new SecureRandom()).publicKey(), pubOnly);
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFiles.readEccPrivate(pubOnly)).getMessage()
                .contains("no ECC private key found"));
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
