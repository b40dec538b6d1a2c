package org.caliptra.util.fuzzsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Private scratch directories for the fuzz targets that parse files (key files, LMS state, TOML):
 * the input is written to a file here and the reader under test opens it by name. One directory
 * per name for the life of the JVM, deleted on exit; created lazily so a target can also be called
 * outside JUnit (the pending-seed runner, a debugger).
 */
public final class Sandbox {
    /** Starts the name of every sandbox directory, so a message that names a sandbox file contains it. */
    public static final String PREFIX = "caliptra-fuzz-";
    private static final ConcurrentHashMap<String, Path> DIRECTORIES = new ConcurrentHashMap<>();

    private Sandbox() {}

    public static Path directory(String name) {
        return DIRECTORIES.computeIfAbsent(name, n -> {
            try {
                Path dir = Files.createTempDirectory(PREFIX + n + "-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes {@code content} to {@code name} in the sandbox {@code sandbox}, replacing what was there. */
    public static Path file(String sandbox, String name, byte[] content) {
        Path file = directory(sandbox).resolve(name);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit; the directory is under java.io.tmpdir
        }
    }
}
