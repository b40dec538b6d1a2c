package org.caliptra.util.image.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way an input file is read: only a regular file (symbolic links followed), and never
 * more bytes than its kind can hold. A FIFO would block the open until some writer appears, and a
 * device such as /dev/zero never ends, so both are refused by their type before they are opened;
 * a regular file larger than its {@link InputLimit} is refused by its size before it is read.
 *
 * <p>The type check and the open are two steps: a file swapped for a FIFO in between would still
 * block the open. Java has no O_NONBLOCK open, and only a user's own files take part, so that race
 * is accepted. The read itself is bounded too, so a file that grows after the check (or one whose
 * size the file system does not report, as in /proc) still yields at most the limit.
 */
public final class RegularFiles {
    private static final int READ_CHUNK = 64 * 1024;

    private RegularFiles() {}

    public static byte[] read(Path file, InputLimit limit) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InputFileException(file, reason(e));
        }
        if (attributes.isDirectory()) {
            throw new InputFileException(file, "is a directory, expected a file");
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException(file, "is " + specialKind(file) + ", not a regular file; only regular files are read");
        }
        if (attributes.size() > limit.maxBytes()) {
            throw tooLarge(file, attributes.size() + " bytes", limit);
        }
        int expected = (int) attributes.size();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = new byte[expected];
            int n = readFully(in, bytes);
            // Whatever follows the reported size (a file that grew, or /proc's size 0): at most up to the
            // limit, and readNBytes(len) grows its buffer with the data, not to len.
            byte[] more = in.readNBytes((int) (limit.maxBytes() - n) + 1);
            if (n + (long) more.length > limit.maxBytes()) {
                throw tooLarge(file, "more than " + limit.maxBytes() + " bytes", limit);
            }
            if (more.length == 0) {
                return n == expected ? bytes : java.util.Arrays.copyOf(bytes, n);
            }
            byte[] all = java.util.Arrays.copyOf(bytes, n + more.length);
            System.arraycopy(more, 0, all, n, more.length);
            return all;
        } catch (IOException e) {
            throw new InputFileException(file, reason(e));
        }
    }

    /**
     * Reads into {@code bytes} a chunk at a time: NIO reads a heap array through a temporary native
     * buffer as large as the request, which for a 32 MiB flash image would double its footprint.
     */
    private static int readFully(InputStream in, byte[] bytes) throws IOException {
        int n = 0;
        while (n < bytes.length) {
            int got = in.read(bytes, n, Math.min(READ_CHUNK, bytes.length - n));
            if (got < 0) {
                break;
            }
            n += got;
        }
        return n;
    }

    private static InputFileException tooLarge(Path file, String size, InputLimit limit) {
        return new InputFileException(file, "too large (" + size + "): " + limit.describe());
    }

    /** "a FIFO", "a character device", …: what the user gave instead of a file. */
    private static String specialKind(Path file) {
        try {
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0xF000;
            return switch (type) {
                case 0x1000 -> "a FIFO";
                case 0x2000 -> "a character device";
                case 0x6000 -> "a block device";
                case 0xC000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // Not a POSIX file system view: the type cannot be named, only refused.
            return "a special file";
        }
    }

    /** The OS's words for a failure, on one line, without repeating the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String text = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return "cannot read: " + text.replace('\n', ' ').replace('\r', ' ');
    }
}
