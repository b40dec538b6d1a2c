package org.caliptra.util.image.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.pqc.crypto.lms.LMSPublicKeyParameters;
import org.bouncycastle.pqc.crypto.lms.LMSSigner;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.testsupport.SharedTestData;
import org.caliptra.util.image.sign.SigningException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LmsTest {
    /** BouncyCastle's RFC 8554 verifier: independent of our implementation. */
    static boolean bcVerifies(LmsPublicKey key, byte[] message, LmsSignature sig) {
        try {
            var signer = new LMSSigner();
            signer.init(false, LMSPublicKeyParameters.getInstance(key.toBytes()));
            return signer.verifySignature(message, sig.bytes().toByteArray());
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vnd-fw", "vnd-man", "own-fw", "own-man"})
    void zeroLeafTreeReproducesTheReferenceToolsPublicKeys(String prefix) {
        var priv = KeyFiles.readLmsPrivate(SharedTestData.key(prefix + "-lms-prvk.pem"));
        var pub = KeyFiles.readLmsPublic(SharedTestData.key(prefix + "-lms-pubk.pem"));
        assertEquals(pub, priv.zeroLeafPublicKey());
    }

    @Test
    void zeroLeafSignaturesVerifyHereAndInBouncyCastle() {
        var priv = KeyFiles.readLmsPrivate(SharedTestData.key("own-fw-lms-prvk.pem"));
        var signer = LmsSigners.zeroLeaf(priv);
        byte[] message = new byte[48];
        new SecureRandom().nextBytes(message);
        LmsSignature sig = signer.sign(message);
        assertEquals(5, sig.q());
        assertEquals(Lms.Check.VALID, Lms.verify(signer.publicKey(), message, sig));
        assertTrue(bcVerifies(signer.publicKey(), message, sig));
        assertEquals(sig, signer.sign(message), "deterministic nonce: equal inputs, equal bytes");
        message[0] ^= 1;
        assertEquals(Lms.Check.INVALID, Lms.verify(signer.publicKey(), message, sig));
        assertFalse(bcVerifies(signer.publicKey(), message, sig));
    }

    @Test
    void malformedSignaturesAreDistinguishedFromWrongOnes() {
        var priv = LmsPrivateKey.generate(new SecureRandom());
        var signer = LmsSigners.zeroLeaf(priv);
        byte[] msg = new byte[48];
        byte[] sig = signer.sign(msg).bytes().toByteArray();
        byte[] badQ = sig.clone();
        badQ[0] = (byte) 0x80; // q >= 2^15
        assertEquals(Lms.Check.MALFORMED, Lms.verify(signer.publicKey(), msg, new LmsSignature(Octets.of(badQ))));
        byte[] badOts = sig.clone();
        badOts[7] = 8;
        assertEquals(Lms.Check.MALFORMED, Lms.verify(signer.publicKey(), msg, new LmsSignature(Octets.of(badOts))));
        var otherType = new LmsPublicKey(11, 7, signer.publicKey().id(), signer.publicKey().root());
        assertEquals(Lms.Check.MALFORMED, Lms.verify(otherType, msg, new LmsSignature(Octets.of(sig))));
        byte[] badPath = sig.clone();
        badPath[1600] ^= 1;
        assertEquals(Lms.Check.INVALID, Lms.verify(signer.publicKey(), msg, new LmsSignature(Octets.of(badPath))));
    }

    @Test
    void fullTreeSignerUsesEachLeafOnceAndPersistsTheCounter(@TempDir Path dir) throws Exception {
        var priv = LmsPrivateKey.generate(new SecureRandom());
        Path keyFile = dir.resolve("k-prvk.pem");
        KeyFiles.writeLmsPrivate(priv, keyFile);
        var pub = priv.fullTreePublicKey(null);
        new LmsLeafState(LmsLeafState.beside(keyFile), priv.id()).initialise();

        var signer = (LmsSigners.ModeSigner) LmsSigners.forKey(KeyFiles.readLmsPrivate(keyFile), pub, keyFile);
        assertEquals(LmsSigners.Mode.FULL_TREE, signer.mode());
        byte[] msg = "same message".getBytes();
        var first = signer.sign(msg);
        var second = signer.sign(msg);
        assertEquals(0, first.q());
        assertEquals(1, second.q());
        assertTrue(bcVerifies(pub, msg, first));
        assertTrue(bcVerifies(pub, msg, second));
        assertEquals(Lms.Check.VALID, Lms.verify(pub, msg, second));
        assertTrue(Files.readString(LmsLeafState.beside(keyFile)).contains("next_leaf = 2"));

        // A new signer over the same files continues after the used leaves.
        var again = LmsSigners.fullTree(KeyFiles.readLmsPrivate(keyFile), pub, keyFile);
        assertEquals(2, again.sign(msg).q());
    }

    @Test
    void fullTreeStateMustExistBelongToTheKeyAndNotBeExhausted(@TempDir Path dir) throws Exception {
        var priv = LmsPrivateKey.generate(new SecureRandom());
        Path keyFile = dir.resolve("k-prvk.pem");
        var pub = priv.fullTreePublicKey(null);
        var missing = assertThrows(SigningException.class, () -> LmsSigners.fullTree(priv, pub, keyFile));
        assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());

        Path state = LmsLeafState.beside(keyFile);
        Files.writeString(state, "key_id = " + "00".repeat(16) + "\nnext_leaf = 0\n");
        var foreign = assertThrows(SigningException.class, () -> LmsSigners.fullTree(priv, pub, keyFile));
        assertTrue(foreign.getMessage().contains("belongs to another key"), foreign.getMessage());

        Files.writeString(state, "key_id = " + priv.id().hex() + "\nnext_leaf = 32768\n");
        var signer = LmsSigners.fullTree(priv, pub, keyFile);
        var exhausted = assertThrows(SigningException.class, () -> signer.sign(new byte[48]));
        assertTrue(exhausted.getMessage().contains("exhausted"), exhausted.getMessage());
        assertThrows(SigningException.class, () -> new LmsLeafState(state, priv.id()).initialise());
    }

    @Test
    void aNextLeafTooLongForALongIsBeyondTheTreeNotACrash(@TempDir Path dir) throws Exception {
        var priv = LmsPrivateKey.generate(new SecureRandom());
        Path state = dir.resolve("k-prvk.pem.state");
        Files.writeString(state, "key_id = " + priv.id().hex() + "\nnext_leaf = 12345678901234567890\n");
        var e = assertThrows(SigningException.class, () -> new LmsLeafState(state, priv.id()).peek());
        assertEquals("LMS state " + state + ": next_leaf 123456789012… (20 digits) is beyond the 32768 leaves", e.getMessage());
        // leading zeros are still the number they spell
        Files.writeString(state, "key_id = " + priv.id().hex() + "\nnext_leaf = 0000000000000000000007\n");
        assertEquals(7, new LmsLeafState(state, priv.id()).peek());
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aStateFileThatIsNoRegularFileIsRefusedNotWaitedOn(@TempDir Path dir) throws Exception {
        var priv = LmsPrivateKey.generate(new SecureRandom());
        Path state = dir.resolve("k-prvk.pem.state");
        assertEquals(0, new ProcessBuilder("mkfifo", state.toString()).inheritIO().start().waitFor());
        var e = assertThrows(SigningException.class, () -> new LmsLeafState(state, priv.id()).peek());
        assertEquals("cannot read LMS state " + state + ": is a FIFO, not a regular file; only regular files are read", e.getMessage());
        Files.delete(state);
        Files.writeString(state, "key_id = " + priv.id().hex() + "\nnext_leaf = 0\n");
        Path lock = dir.resolve("k-prvk.pem.state.lock");
        assertEquals(0, new ProcessBuilder("mkfifo", lock.toString()).inheritIO().start().waitFor());
        var locked = assertThrows(SigningException.class, () -> new LmsLeafState(state, priv.id()).reserve());
        assertEquals("LMS state lock " + lock + " is not a regular file; remove it", locked.getMessage());
    }

    @Test
    void signerRefusesAKeyThatMatchesNeitherTree() {
        var priv = LmsPrivateKey.generate(new SecureRandom());
        var other = LmsPrivateKey.generate(new SecureRandom()).zeroLeafPublicKey();
        var e = assertThrows(SigningException.class, () -> LmsSigners.forKey(priv, other, Path.of("x-prvk.pem")));
        assertTrue(e.getMessage().contains("does not match the configured public key"), e.getMessage());
    }

    @Test
    void privateKeyRoundTripsAndNeverPrintsItsSeed() {
        var priv = LmsPrivateKey.generate(new SecureRandom());
        byte[] bytes = priv.toBytes();
        assertArrayEquals(bytes, LmsPrivateKey.fromBytes(bytes).toBytes());
        String seedHex = Octets.of(bytes, 24, 24).hex();
        assertFalse(priv.toString().contains(seedHex));
    }
}
