package org.caliptra.util.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Everything in the directory but the given names: temporary files must never be left. */
    List<String> others(String... expected) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !List.of(expected).contains(n)).sorted().toList();
        }
    }

    @Test
    void publicAndPrivateModesAreExactWhateverWasThereBefore() throws Exception {
        Path pub = dir.resolve("image.bin");
        AtomicFiles.write(pub, new byte[] {1, 2, 3});
        assertEquals("rw-r--r--", mode(pub));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(pub));

        Path priv = dir.resolve("key.pem");
        AtomicFiles.write(priv, "secret".getBytes(StandardCharsets.US_ASCII), AtomicFiles.Mode.PRIVATE, AtomicFiles.Existing.REFUSE);
        assertEquals("rw-------", mode(priv));
        assertEquals(1, ((Number) Files.getAttribute(priv, "unix:nlink")).intValue(), "the temporary link is gone");

        // replacing a world-writable file gives the output its own mode, not the old file's
        Path loose = dir.resolve("loose.bin");
        Files.write(loose, new byte[] {9});
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-rw-rw-"));
        AtomicFiles.write(loose, new byte[] {7, 7}, AtomicFiles.Mode.PRIVATE, AtomicFiles.Existing.REPLACE);
        assertEquals("rw-------", mode(loose));
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(loose));
        assertEquals(List.of(), others("image.bin", "key.pem", "loose.bin"));
    }

    @Test
    void refuseLeavesAnExistingFileByteIdentical() throws Exception {
        Path target = dir.resolve("key.pem");
        byte[] original = "the key that must survive\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(target, original);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        var modified = Files.getLastModifiedTime(target);

        var e = assertThrows(OutputFileException.class,
                () -> AtomicFiles.write(target, new byte[] {0}, AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REFUSE));
        assertEquals(target + ": already exists; not overwritten", e.getMessage());
        assertArrayEquals(original, Files.readAllBytes(target));
        assertEquals("rw-------", mode(target));
        assertEquals(modified, Files.getLastModifiedTime(target));
        assertEquals(List.of(), others("key.pem"));
    }

    @Test
    void refuseAlsoRefusesADanglingSymlink() throws Exception {
        Path target = dir.resolve("link.pem");
        Files.createSymbolicLink(target, dir.resolve("elsewhere.pem"));
        assertThrows(OutputFileException.class,
                () -> AtomicFiles.write(target, new byte[] {1}, AtomicFiles.Mode.PRIVATE, AtomicFiles.Existing.REFUSE));
        assertFalse(Files.exists(dir.resolve("elsewhere.pem")), "nothing was written through the link");
        assertEquals(List.of(), others("link.pem"));
    }

    @Test
    void concurrentNoOverwriteWritersExactlyOneWins() throws Exception {
        int writers = 8;
        for (int round = 0; round < 20; round++) {
            Path target = dir.resolve("race-" + round + ".bin");
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(writers);
            try {
                var results = new ArrayList<Future<Boolean>>();
                for (int w = 0; w < writers; w++) {
                    byte[] content = new byte[64 * 1024];
                    java.util.Arrays.fill(content, (byte) w);
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            AtomicFiles.write(target, content, AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REFUSE);
                            return true;
                        } catch (OutputFileException e) {
                            assertEquals(target + ": already exists; not overwritten", e.getMessage());
                            return false;
                        }
                    }));
                }
                start.countDown();
                int won = -1;
                int wins = 0;
                for (int w = 0; w < writers; w++) {
                    if (results.get(w).get(30, TimeUnit.SECONDS)) {
                        wins++;
                        won = w;
                    }
                }
                assertEquals(1, wins, "round " + round);
                byte[] expected = new byte[64 * 1024];
                java.util.Arrays.fill(expected, (byte) won);
                assertArrayEquals(expected, Files.readAllBytes(target), "the winner's bytes, whole");
            } finally {
                pool.shutdownNow();
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(20, files.count(), "no temporary files left");
        }
    }

    @Test
    void missingDirectoryAndDirectoryTargetsAreOneLineErrors() {
        Path nowhere = dir.resolve("absent/out.bin");
        var e = assertThrows(OutputFileException.class, () -> AtomicFiles.write(nowhere, new byte[1]));
        assertEquals(nowhere + ": the directory " + dir.resolve("absent") + " does not exist", e.getMessage());
        var d = assertThrows(OutputFileException.class, () -> AtomicFiles.write(dir, new byte[1]));
        assertEquals(dir + ": is a directory", d.getMessage());
    }

    @Test
    void aDirectoryWhereNoFileCanBeCreatedLeavesNothing() throws Exception {
        // /proc refuses new files even to root, which a chmod'ed directory would not.
        Path target = Path.of("/proc/self/caliptra-atomic-test.bin");
        var e = assertThrows(OutputFileException.class, () -> AtomicFiles.write(target, new byte[10]));
        assertTrue(e.getMessage().startsWith(target + ": cannot create a temporary file in /proc/"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertFalse(Files.exists(target));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoTemporaryFileAndNoPartialTarget() throws Exception {
        // The child may write at most 64 KiB per file (ulimit -f counts 1024-byte blocks), as on a full disk.
        Path fresh = dir.resolve("fresh.bin");
        var r = child(fresh, 1 << 20, "REFUSE");
        assertEquals(3, r.code, r.out);
        assertTrue(r.out.startsWith(fresh + ": cannot write 1048576 bytes: "), r.out);
        assertFalse(Files.exists(fresh));

        Path existing = dir.resolve("existing.bin");
        byte[] before = "previous output".getBytes(StandardCharsets.US_ASCII);
        Files.write(existing, before);
        var replace = child(existing, 1 << 20, "REPLACE");
        assertEquals(3, replace.code, replace.out);
        assertArrayEquals(before, Files.readAllBytes(existing), "the old output is untouched");
        assertEquals(List.of(), others("existing.bin"));

        // and below the limit the same child succeeds, so the limit is what failed above
        var small = child(fresh, 1000, "REFUSE");
        assertEquals(0, small.code, small.out);
        assertEquals(1000, Files.size(fresh));
    }

    @Test
    void writeAllPutsEveryFileInPlaceOrNone() throws Exception {
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        Path taken = dir.resolve("taken.bin");
        byte[] oldA = "old a".getBytes(StandardCharsets.US_ASCII);
        byte[] mine = "not ours".getBytes(StandardCharsets.US_ASCII);
        Files.write(a, oldA);
        Files.write(taken, mine);

        // The no-overwrite output fails on a name that exists: nothing else may change.
        var e = assertThrows(OutputFileException.class, () -> AtomicFiles.writeAll(List.of(
                AtomicFiles.Output.replacing(a, new byte[] {1}), AtomicFiles.Output.refusing(b, new byte[] {2}),
                AtomicFiles.Output.refusing(taken, new byte[] {3}))));
        assertEquals(taken + ": already exists; not overwritten", e.getMessage());
        assertArrayEquals(oldA, Files.readAllBytes(a));
        assertFalse(Files.exists(b), "the output created before the failure is taken back");
        assertArrayEquals(mine, Files.readAllBytes(taken));
        assertEquals(List.of(), others("a.bin", "taken.bin"));

        // A replacement that fails after another was renamed into place: the first is restored.
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path c = sub.resolve("c.bin");
        byte[] oldC = "old c".getBytes(StandardCharsets.US_ASCII);
        Files.write(c, oldC);
        Path blocked = Path.of("/proc/self/caliptra-writeall.bin");
        var f = assertThrows(OutputFileException.class, () -> AtomicFiles.writeAll(List.of(
                AtomicFiles.Output.replacing(c, new byte[] {4}), AtomicFiles.Output.replacing(blocked, new byte[] {5}))));
        assertTrue(f.getMessage().startsWith(blocked + ": cannot create a temporary file"), f.getMessage());
        assertArrayEquals(oldC, Files.readAllBytes(c));
        try (var left = Files.list(sub)) {
            assertEquals(List.of("c.bin"), left.map(p -> p.getFileName().toString()).toList());
        }

        // And when all can be written, all are, the replaced one keeping no second name.
        AtomicFiles.writeAll(List.of(AtomicFiles.Output.replacing(a, new byte[] {6}), AtomicFiles.Output.refusing(b, new byte[] {7})));
        assertArrayEquals(new byte[] {6}, Files.readAllBytes(a));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(b));
        assertEquals(1, ((Number) Files.getAttribute(a, "unix:nlink")).intValue());
        assertEquals(List.of(), others("a.bin", "b.bin", "taken.bin", "sub"));
    }

    @Test
    void writeAllRefusesTheSameTargetTwiceBeforeWritingAnything() {
        Path a = dir.resolve("a.bin");
        var e = assertThrows(OutputFileException.class, () -> AtomicFiles.writeAll(List.of(
                AtomicFiles.Output.replacing(a, new byte[] {1}), AtomicFiles.Output.replacing(dir.resolve("./a.bin"), new byte[] {2}))));
        assertEquals(dir.resolve("./a.bin") + ": is named twice among the outputs of one command", e.getMessage());
        assertFalse(Files.exists(a));
    }

    record Run(int code, String out) {}

    Run child(Path target, int size, String existing) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\"", java, "-XX:-UsePerfData", "-Xshare:off",
                "-cp", System.getProperty("java.class.path"), AtomicWriteChild.class.getName(), target.toString(),
                Integer.toString(size), existing).redirectErrorStream(true);
        Path log = Files.createTempFile("atomic-child", ".log");
        try {
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child did not finish");
            }
            return new Run(p.exitValue(), Files.readString(log).strip());
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
