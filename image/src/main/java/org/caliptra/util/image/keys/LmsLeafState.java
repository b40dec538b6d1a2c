package org.caliptra.util.image.keys;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.io.InputFileException;
import org.caliptra.util.image.io.InputLimit;
import org.caliptra.util.image.io.RegularFiles;
import org.caliptra.util.image.io.OutputFileException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.sign.SigningException;

/**
 * The persisted "next unused leaf" of a full-tree LMS key, kept beside the key file as
 * {@code <key>.state}. A leaf is reserved by writing the advanced counter durably (temp file,
 * fsync, atomic rename, fsync of the directory) before any signature with it exists, so a leaf is
 * never used twice, even if the process is killed halfway; at worst a leaf is skipped.
 */
public final class LmsLeafState {
    private static final Pattern NEXT = Pattern.compile("(?m)^next_leaf\\s*=\\s*(\\d+)\\s*$");
    /** The file is two comment lines and two short keys, about 200 bytes. */
    static final InputLimit FILE_LIMIT = new InputLimit("an LMS state file", 4096, "it holds a key id and a leaf number");
    private static final Pattern KEY = Pattern.compile("(?m)^key_id\\s*=\\s*([0-9a-f]{32})\\s*$");

    private final Path file;
    private final Octets keyId;

    public LmsLeafState(Path file, Octets keyId) {
        this.file = file;
        this.keyId = keyId;
    }

    public static Path beside(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".state");
    }

    public Path file() {
        return file;
    }

    /** Creates the state of a new key (next leaf 0); refuses, atomically, to overwrite an existing one. */
    public void initialise() {
        try {
            AtomicFiles.write(file, text(0), AtomicFiles.Mode.PRIVATE, AtomicFiles.Existing.REFUSE);
        } catch (OutputFileException e) {
            if (Files.exists(file)) {
                throw new SigningException("LMS state " + file + " already exists; refusing to reset a key's leaf counter", e);
            }
            throw new SigningException("cannot write LMS state: " + e.getMessage(), e);
        }
    }

    /** The next leaf that would be used, without reserving it. */
    public int peek() {
        return read();
    }

    /** Durably advances the counter and returns the leaf that now belongs to the caller alone. */
    public int reserve() {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        if (Files.exists(lock) && !Files.isRegularFile(lock)) {
            // Opening a FIFO for writing would wait for a reader forever.
            throw new SigningException("LMS state lock " + lock + " is not a regular file; remove it");
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = ch.lock()) {
            int leaf = read();
            if (leaf >= Lms.LEAVES) {
                throw new SigningException("LMS key " + keyId.hex() + " is exhausted: all " + Lms.LEAVES
                        + " leaves used (state " + file + ")");
            }
            write(leaf + 1);
            return leaf;
        } catch (IOException e) {
            throw new SigningException("cannot lock LMS state " + file + ": " + e.getMessage(), e);
        }
    }

    private int read() {
        String text;
        try {
            text = new String(RegularFiles.read(file, FILE_LIMIT), StandardCharsets.UTF_8);
        } catch (InputFileException e) {
            if (Files.notExists(file)) {
                throw new SigningException("LMS state " + file + " is missing: a full-tree key cannot sign without "
                        + "its leaf counter (restore it from a backup; never recreate it at a lower value)");
            }
            throw new SigningException("cannot read LMS state " + file + ": " + e.problem(), e);
        }
        var key = KEY.matcher(text);
        if (!key.find() || !key.group(1).equals(keyId.hex())) {
            throw new SigningException("LMS state " + file + " belongs to another key (key_id does not match "
                    + keyId.hex() + ")");
        }
        var next = NEXT.matcher(text);
        if (!next.find()) {
            throw new SigningException("LMS state " + file + " has no next_leaf line");
        }
        String digits = next.group(1).replaceFirst("^0+(?=\\d)", "");
        // Any count of digits matches; more than six is past 2^15 whatever they say, and might not fit a long.
        long value = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value > Lms.LEAVES) {
            throw new SigningException("LMS state " + file + ": next_leaf " + (digits.length() > 12
                    ? digits.substring(0, 12) + "… (" + digits.length() + " digits)" : digits) + " is beyond the " + Lms.LEAVES + " leaves");
        }
        return (int) value;
    }

    /**
     * Called with the lock held. AtomicFiles fsyncs the new file, renames it atomically over the
     * old one and fsyncs the directory, so after a crash the file holds either the old or the new
     * counter, and once this returns the new one is on disk.
     */
    private void write(int nextLeaf) {
        try {
            AtomicFiles.write(file, text(nextLeaf), AtomicFiles.Mode.PRIVATE, AtomicFiles.Existing.REPLACE);
        } catch (OutputFileException e) {
            throw new SigningException("cannot write LMS state: " + e.getMessage(), e);
        }
    }

    private byte[] text(int nextLeaf) {
        return ("# caliptra-util LMS signer state. The next unused leaf of this key.\n"
                + "# Never lower next_leaf or copy this file to another machine that also signs.\n"
                + "key_id = " + keyId.hex() + "\n"
                + "next_leaf = " + nextLeaf + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
