package org.caliptra.util.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real-artifact corpus, read in place from {@code ../shared/testdata}. When it is
 * absent the tests that need it are skipped with that reason; they never fail for it.
 */
public final class TestData {
    private TestData() {}

    public static Path root() {
        String configured = System.getProperty("caliptra.testdata");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "testdata");
        assumeTrue(Files.isDirectory(root), "skipped: shared test data not found at " + root.toAbsolutePath().normalize());
        return root;
    }

    public static Path ast2700() {
        return root().resolve("ast2700");
    }

    public static Path key(String name) {
        return ast2700().resolve("key/ast2700-default").resolve(name);
    }

    public static Path prebuilt(String name) {
        return ast2700().resolve("prebuilt/ast2700-default").resolve(name);
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
