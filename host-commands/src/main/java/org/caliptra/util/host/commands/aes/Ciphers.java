package org.caliptra.util.host.commands.aes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.aes.AesCommands.AesDecryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesDecryptUpdate;
import org.caliptra.util.host.commands.aes.AesCommands.AesEncryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesEncryptUpdate;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmDecryptFinal;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmDecryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmDecryptUpdate;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmEncryptFinal;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmEncryptInit;
import org.caliptra.util.host.commands.aes.AesCommands.AesGcmEncryptUpdate;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.CmAesCommands.AesContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesGcmContext;
import org.caliptra.util.protocol.cm.Cmk;

/**
 * High-level AES API (the reference's crypto_aes helpers), chunking any length for the caller.
 *
 * <p>Chunks are 4096 bytes by default, the most one command carries (MAX_CMB_DATA_SIZE), where the
 * reference helpers use 2048: a 4096-byte chunk's answer (at most 4272 bytes with its context) fits
 * the MCU's 16 KiB and the core's 256 KiB mailbox, and halves the round trips. A chunk size is a
 * multiple of the 16-byte AES block (CBC chains whole blocks), so only the last chunk may be
 * partial — for CBC the device itself refuses a total that is not a whole number of blocks.
 *
 * <p>CBC/CTR: the init command carries the first chunk, an update each further one. GCM: the init
 * carries all of the AAD (at most 4096 bytes), updates carry full chunks while more than one chunk
 * remains, and the final carries the rest and yields the tag. A GCM decryption whose tag does not
 * verify throws {@link GcmTagMismatchException} and releases no plaintext, so the decrypting
 * methods buffer the plaintext until the tag is checked.
 */
public final class Ciphers {
    public static final int CHUNK = AesCommands.MAX_DATA;
    private static final int BLOCK = 16;

    private Ciphers() {}

    /** A CBC/CTR ciphertext and the IV the device chose for it. */
    public record AesCiphertext(Octets iv, Octets ciphertext) {}

    /** A GCM ciphertext, the IV the device chose, and the tag. */
    public record GcmCiphertext(Octets iv, Octets ciphertext, Octets tag) {}

    /** What a streaming GCM encryption hands back besides the ciphertext it wrote. */
    public record GcmParameters(Octets iv, Octets tag) {}

    public static AesCiphertext encrypt(CaliptraSession session, Cmk key, AesMode mode, Octets plaintext) {
        return encrypt(session, key, mode, plaintext, CHUNK);
    }

    /** @param chunk bytes per command: a multiple of 16 from 16 to 4096 */
    public static AesCiphertext encrypt(CaliptraSession session, Cmk key, AesMode mode, Octets plaintext, int chunk) {
        var out = new ByteArrayOutputStream(plaintext.length());
        Octets iv = unchecked(() -> encrypt(session, key, mode, new ByteArrayInputStream(plaintext.toByteArray()), out, chunk));
        return new AesCiphertext(iv, Octets.of(out.toByteArray()));
    }

    /** Encrypts what {@code in} has left into {@code out} (neither is closed); returns the IV. */
    public static Octets encrypt(CaliptraSession session, Cmk key, AesMode mode, InputStream in, OutputStream out, int chunk)
            throws IOException {
        checkChunk(chunk);
        var init = Commands.execute(session, new AesEncryptInit(key, mode, Octets.of(in.readNBytes(chunk))));
        write(out, init.ciphertext());
        AesContext context = init.context();
        for (byte[] part = in.readNBytes(chunk); part.length > 0; part = in.readNBytes(chunk)) {
            var update = Commands.execute(session, new AesEncryptUpdate(context, Octets.of(part)));
            write(out, update.output());
            context = update.context();
        }
        return init.iv();
    }

    public static Octets decrypt(CaliptraSession session, Cmk key, AesMode mode, Octets iv, Octets ciphertext) {
        return decrypt(session, key, mode, iv, ciphertext, CHUNK);
    }

    /** @param chunk bytes per command: a multiple of 16 from 16 to 4096 */
    public static Octets decrypt(CaliptraSession session, Cmk key, AesMode mode, Octets iv, Octets ciphertext, int chunk) {
        var out = new ByteArrayOutputStream(ciphertext.length());
        unchecked(() -> {
            decrypt(session, key, mode, iv, new ByteArrayInputStream(ciphertext.toByteArray()), out, chunk);
            return null;
        });
        return Octets.of(out.toByteArray());
    }

    /** Decrypts what {@code in} has left into {@code out} (neither is closed). */
    public static void decrypt(CaliptraSession session, Cmk key, AesMode mode, Octets iv, InputStream in, OutputStream out,
            int chunk) throws IOException {
        checkChunk(chunk);
        var init = Commands.execute(session, new AesDecryptInit(key, mode, iv, Octets.of(in.readNBytes(chunk))));
        write(out, init.output());
        AesContext context = init.context();
        for (byte[] part = in.readNBytes(chunk); part.length > 0; part = in.readNBytes(chunk)) {
            var update = Commands.execute(session, new AesDecryptUpdate(context, Octets.of(part)));
            write(out, update.output());
            context = update.context();
        }
    }

    public static GcmCiphertext gcmEncrypt(CaliptraSession session, Cmk key, Octets aad, Octets plaintext) {
        return gcmEncrypt(session, key, aad, plaintext, CHUNK);
    }

    /** @param chunk bytes per command: a multiple of 16 from 16 to 4096 */
    public static GcmCiphertext gcmEncrypt(CaliptraSession session, Cmk key, Octets aad, Octets plaintext, int chunk) {
        var out = new ByteArrayOutputStream(plaintext.length() + BLOCK);
        GcmParameters p = unchecked(() -> gcmEncrypt(session, key, aad, new ByteArrayInputStream(plaintext.toByteArray()), out, chunk));
        return new GcmCiphertext(p.iv(), Octets.of(out.toByteArray()), p.tag());
    }

    /** Encrypts what {@code in} has left into {@code out} (neither is closed); returns the IV and the tag. */
    public static GcmParameters gcmEncrypt(CaliptraSession session, Cmk key, Octets aad, InputStream in, OutputStream out, int chunk)
            throws IOException {
        checkChunk(chunk);
        checkAad(aad);
        var init = Commands.execute(session, AesGcmEncryptInit.of(key, aad));
        AesGcmContext context = init.context();
        byte[] current = in.readNBytes(chunk);
        for (byte[] next = in.readNBytes(chunk); next.length > 0; next = in.readNBytes(chunk)) {
            var update = Commands.execute(session, new AesGcmEncryptUpdate(context, Octets.of(current)));
            write(out, update.output());
            context = update.context();
            current = next;
        }
        var last = Commands.execute(session, new AesGcmEncryptFinal(context, Octets.of(current)));
        write(out, last.ciphertext());
        return new GcmParameters(init.iv(), last.tag());
    }

    /**
     * The plaintext, once the device has verified {@code tag}.
     *
     * @throws GcmTagMismatchException when it has not; no plaintext is returned
     */
    public static Octets gcmDecrypt(CaliptraSession session, Cmk key, Octets iv, Octets aad, Octets ciphertext, Octets tag) {
        return gcmDecrypt(session, key, iv, aad, ciphertext, tag, CHUNK);
    }

    /** @param chunk bytes per command: a multiple of 16 from 16 to 4096 */
    public static Octets gcmDecrypt(CaliptraSession session, Cmk key, Octets iv, Octets aad, Octets ciphertext, Octets tag,
            int chunk) {
        checkChunk(chunk);
        checkAad(aad);
        Objects.requireNonNull(tag, "tag");
        var plaintext = new ByteArrayOutputStream(ciphertext.length());
        AesGcmContext context = Commands.execute(session, AesGcmDecryptInit.of(key, iv, aad)).context();
        int at = 0;
        while (ciphertext.length() - at > chunk) {
            var update = Commands.execute(session, new AesGcmDecryptUpdate(context, ciphertext.slice(at, chunk)));
            plaintext.writeBytes(update.output().toByteArray());
            context = update.context();
            at += chunk;
        }
        var last = Commands.execute(session, new AesGcmDecryptFinal(context, tag, ciphertext.slice(at, ciphertext.length() - at)));
        if (!last.tagVerified()) {
            throw new GcmTagMismatchException("AesGcmDecryptFinal: the device did not verify the " + tag.length()
                    + "-byte tag over " + ciphertext.length() + " bytes of ciphertext and " + aad.length()
                    + " bytes of AAD; the plaintext is withheld");
        }
        plaintext.writeBytes(last.plaintext().toByteArray());
        return Octets.of(plaintext.toByteArray());
    }

    private static void checkChunk(int chunk) {
        if (chunk < BLOCK || chunk > CHUNK || chunk % BLOCK != 0) {
            throw new IllegalArgumentException("AES chunk size must be a multiple of " + BLOCK + " from " + BLOCK + " to " + CHUNK
                    + " bytes, got " + chunk);
        }
    }

    private static void checkAad(Octets aad) {
        if (aad.length() > AesCommands.MAX_DATA) {
            throw new IllegalArgumentException("AES-GCM: the AAD travels whole in the init command, at most "
                    + AesCommands.MAX_DATA + " bytes; got " + aad.length());
        }
    }

    private static void write(OutputStream out, Octets data) throws IOException {
        out.write(data.toByteArray());
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** In-memory streams do not fail; the signature says they could. */
    private static <T> T unchecked(IoSupplier<T> body) {
        try {
            return body.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
