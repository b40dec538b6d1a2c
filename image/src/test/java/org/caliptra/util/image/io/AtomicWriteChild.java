package org.caliptra.util.image.io;

import java.nio.file.Path;

/**
 * Run in a child JVM whose file-size limit (RLIMIT_FSIZE) is below the content size, so the write
 * fails halfway through as on a full disk. Arguments: target, size in bytes, REPLACE or REFUSE.
 * Prints the error and exits 3 when the write fails, 0 when it succeeds.
 */
public final class AtomicWriteChild {
    public static void main(String[] args) {
        byte[] content = new byte[Integer.parseInt(args[1])];
        java.util.Arrays.fill(content, (byte) 0x5A);
        try {
            AtomicFiles.write(Path.of(args[0]), content, AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.valueOf(args[2]));
        } catch (OutputFileException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
