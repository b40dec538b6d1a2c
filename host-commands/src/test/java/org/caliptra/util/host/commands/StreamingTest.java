package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.caliptra.util.host.commands.aes.Ciphers;
import org.caliptra.util.host.commands.aes.GcmTagMismatchException;
import org.caliptra.util.host.commands.hash.Hashing;
import org.caliptra.util.host.commands.hmac.Macs;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.junit.jupiter.api.Test;

/** The streaming helpers against a device that computes with the JDK: chunk sizes as sent, results as JCA computes them. */
class StreamingTest {
    private final FakeCrypto device = new FakeCrypto();
    private final CaliptraSession session = session(device);
    private final byte[] aesKey = bytes(32, 7);

    private static CaliptraSession session(FakeCrypto device) {
        var s = new CaliptraSession(new MailboxTransport(new InProcessMailboxDriver(device),
                CommandCatalog.builtIn().mailboxTable(DeviceKind.MCU)));
        s.connect();
        return s;
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static List<String> expected(String... parts) {
        var all = new ArrayList<String>();
        for (String p : parts) {
            String[] kv = p.split("\\*");
            all.addAll(Collections.nCopies(kv.length == 2 ? Integer.parseInt(kv[1]) : 1, kv[0]));
        }
        return all;
    }

    @Test
    void aMebibyteHashesAsOneInit255UpdatesAndAnEmptyFinal() throws Exception {
        byte[] data = bytes(1 << 20, 1);
        var digest = Hashing.sha(session, HashAlgorithm.SHA384, new ByteArrayInputStream(data));
        assertEquals(expected("MCSI 4096", "MCSU 4096*255", "MCSF 0"), device.log());
        assertEquals(Octets.of(MessageDigest.getInstance("SHA-384").digest(data)), digest.value());
        assertEquals(HashAlgorithm.SHA384, digest.algorithm());
    }

    @Test
    void aBufferHashesWithAShortLastUpdate() throws Exception {
        byte[] data = bytes(10_000, 2);
        var buffer = ByteBuffer.wrap(data);
        var digest = Hashing.sha(session, HashAlgorithm.SHA512, buffer);
        assertEquals(expected("MCSI 4096", "MCSU 4096", "MCSU 1808", "MCSF 0"), device.log());
        assertEquals(Octets.of(MessageDigest.getInstance("SHA-512").digest(data)), digest.value());
        assertEquals(0, buffer.remaining());
    }

    @Test
    void smallAndEmptyMessagesAreAnInitAndAFinal() throws Exception {
        assertEquals(Octets.of(MessageDigest.getInstance("SHA-384").digest()), Hashing.sha(session, HashAlgorithm.SHA384, Octets.zeros(0)).value());
        byte[] a129 = "a".repeat(129).getBytes();
        assertEquals(Octets.of(MessageDigest.getInstance("SHA-384").digest(a129)),
                Hashing.sha(session, HashAlgorithm.SHA384, Octets.of(a129)).value());
        assertEquals(expected("MCSI 0", "MCSF 0", "MCSI 129", "MCSF 0"), device.log());
    }

    @Test
    void cbcEncryptsIn4096ByteChunksAndDecryptsBack() throws Exception {
        byte[] plaintext = bytes(10_000, 3);
        var key = device.key(aesKey);
        var encrypted = Ciphers.encrypt(session, key, AesMode.CBC, Octets.of(plaintext));
        Cipher jca = Cipher.getInstance("AES/CBC/NoPadding");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(encrypted.iv().toByteArray()));
        assertEquals(Octets.of(jca.doFinal(plaintext)), encrypted.ciphertext());
        assertEquals(Octets.of(plaintext), Ciphers.decrypt(session, key, AesMode.CBC, encrypted.iv(), encrypted.ciphertext()));
        assertEquals(expected("MCCI 4096", "MCCU 4096", "MCCU 1808", "MCAJ 4096", "MCAU 4096", "MCAU 1808"), device.log());
    }

    @Test
    void ctrTakesAChosenChunkSizeAndAnyLength() {
        byte[] plaintext = bytes(9000, 4);
        var key = device.key(aesKey);
        var encrypted = Ciphers.encrypt(session, key, AesMode.CTR, Octets.of(plaintext), 2048);
        assertEquals(Octets.of(plaintext), Ciphers.decrypt(session, key, AesMode.CTR, encrypted.iv(), encrypted.ciphertext(), 2048));
        assertEquals(expected("MCCI 2048", "MCCU 2048*3", "MCCU 808", "MCAJ 2048", "MCAU 2048*3", "MCAU 808"), device.log());
        var e = assertThrows(IllegalArgumentException.class, () -> Ciphers.encrypt(session, key, AesMode.CTR, Octets.of(plaintext), 100));
        assertEquals("AES chunk size must be a multiple of 16 from 16 to 4096 bytes, got 100", e.getMessage());
    }

    @Test
    void gcmSendsTheAadAtInitFullChunksAsUpdatesAndTheRestAtFinal() throws Exception {
        byte[] plaintext = bytes(10_000, 5);
        byte[] aad = bytes(32, 6);
        var key = device.key(aesKey);
        var sealed = Ciphers.gcmEncrypt(session, key, Octets.of(aad), Octets.of(plaintext));
        Cipher jca = Cipher.getInstance("AES/GCM/NoPadding");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, sealed.iv().toByteArray()));
        jca.updateAAD(aad);
        byte[] expected = jca.doFinal(plaintext);
        assertArrayEquals(expected, concat(sealed.ciphertext().toByteArray(), sealed.tag().toByteArray()));

        var opened = Ciphers.gcmDecrypt(session, key, sealed.iv(), Octets.of(aad), sealed.ciphertext(), sealed.tag());
        assertEquals(Octets.of(plaintext), opened);
        assertEquals(expected("MCGI 32", "MCGU 4096*2", "MCGF 1808", "MCDI 32", "MCDU 4096*2", "MCDF 1808"), device.log());
    }

    @Test
    void gcmOfExactlyTwoChunksKeepsTheSecondForTheFinal() {
        var key = device.key(aesKey);
        var sealed = Ciphers.gcmEncrypt(session, key, Octets.zeros(0), Octets.of(bytes(8192, 8)));
        Ciphers.gcmDecrypt(session, key, sealed.iv(), Octets.zeros(0), sealed.ciphertext(), sealed.tag());
        assertEquals(expected("MCGI 0", "MCGU 4096", "MCGF 4096", "MCDI 0", "MCDU 4096", "MCDF 4096"), device.log());
    }

    @Test
    void aTamperedTagReleasesNoPlaintext() {
        var key = device.key(aesKey);
        var sealed = Ciphers.gcmEncrypt(session, key, Octets.of("additional authenticated data".getBytes()),
                Octets.of("ECDH shared secret verification test data".getBytes()));
        byte[] tag = sealed.tag().toByteArray();
        tag[0] ^= 1;
        var e = assertThrows(GcmTagMismatchException.class, () -> Ciphers.gcmDecrypt(session, key, sealed.iv(),
                Octets.of("additional authenticated data".getBytes()), sealed.ciphertext(), Octets.of(tag)));
        assertEquals("AesGcmDecryptFinal: the device did not verify the 16-byte tag over 41 bytes of ciphertext and 29 bytes of "
                + "AAD; the plaintext is withheld", e.getMessage());
    }

    @Test
    void anAadTheInitCannotCarryIsRefusedBeforeAnythingIsSent() {
        var key = device.key(aesKey);
        var e = assertThrows(IllegalArgumentException.class, () -> Ciphers.gcmEncrypt(session, key, Octets.zeros(4097), Octets.zeros(16)));
        assertEquals("AES-GCM: the AAD travels whole in the init command, at most 4096 bytes; got 4097", e.getMessage());
        assertEquals(List.of(), device.log());
    }

    @Test
    void hmacOverMoreThanOneCommandIsRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> Macs.hmac(session, device.key(aesKey), HashAlgorithm.SHA384,
                Octets.zeros(4097)));
        assertEquals("Hmac: the device MACs at most 4096 bytes in its single command and cannot stream; got 4097", e.getMessage());
        assertEquals(List.of(), device.log());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
