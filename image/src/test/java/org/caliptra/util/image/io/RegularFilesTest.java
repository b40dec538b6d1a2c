package org.caliptra.util.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every input is read the same bounded way: regular files only, never more than its kind can hold. */
class RegularFilesTest {
    static final InputLimit SMALL = new InputLimit("a test input", 1000, "because the test says so");

    @TempDir
    Path dir;

    String refusal(Path file, InputLimit limit) {
        var e = assertThrows(InputFileException.class, () -> RegularFiles.read(file, limit));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        return e.problem();
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedBeforeItIsOpenedSoNothingWaitsForAWriter() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        assertEquals("is a FIFO, not a regular file; only regular files are read", refusal(fifo, SMALL));
        // also behind a symbolic link, which is followed
        Path link = Files.createSymbolicLink(dir.resolve("link"), fifo);
        assertEquals("is a FIFO, not a regular file; only regular files are read", refusal(link, SMALL));
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endlessDevicesAreRefusedBeforeAByteIsRead() {
        assertEquals("is a character device, not a regular file; only regular files are read", refusal(Path.of("/dev/zero"), SMALL));
        assertEquals("is a character device, not a regular file; only regular files are read",
                refusal(Path.of("/dev/urandom"), SMALL));
    }

    @Test
    void aLargeFileIsRefusedByItsSizeWithTheLimitAndWhy() throws Exception {
        Path sparse = dir.resolve("sparse.bin");
        try (var f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(200L << 20);
        }
        assertEquals("too large (209715200 bytes): a test input is at most 1000 bytes (because the test says so)",
                refusal(sparse, SMALL));
        Path exact = Files.write(dir.resolve("exact.bin"), new byte[1000]);
        assertArrayEquals(new byte[1000], RegularFiles.read(exact, SMALL));
    }

    @Test
    void aFileWhoseSizeIsNotKnownUpFrontIsStillReadOnlyUpToTheLimit() {
        // /proc files report size 0 and then deliver content: the read itself is bounded.
        Path status = Path.of("/proc/self/status");
        assertEquals("too large (more than 10 bytes): a test input is at most 10 bytes (tiny)",
                refusal(status, new InputLimit("a test input", 10, "tiny")));
        assertTrue(new String(RegularFiles.read(status, new InputLimit("a test input", 1 << 16, "ample"))).contains("Name:"));
    }

    @Test
    void missingAndDirectoryInputsAreNamed() {
        assertEquals("no such file", refusal(dir.resolve("absent"), SMALL));
        assertEquals("is a directory, expected a file", refusal(dir, SMALL));
    }

    @Test
    void aFileOfManyReadChunksComesBackWholeAndInOrder() throws Exception {
        byte[] content = new byte[3 * 64 * 1024 + 12_345];
        new java.util.Random(9).nextBytes(content);
        Path file = Files.write(dir.resolve("chunks.bin"), content);
        assertArrayEquals(content, RegularFiles.read(file, new InputLimit("a test input", content.length, "exactly")));
        assertEquals("too large (" + content.length + " bytes): a test input is at most " + (content.length - 1)
                + " bytes (one less)", refusal(file, new InputLimit("a test input", content.length - 1, "one less")));
    }
}
