package org.caliptra.util.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of real artifacts made by other tools, read in place from
 * {@code ../shared/testdata} (the build passes {@code -Dcaliptra.testdata}); never copied into the
 * repository. Its absence skips a test locally and fails it under CI ({@link Prerequisites}).
 */
public final class SharedTestData {
    public static final String PROPERTY = "caliptra.testdata";

    private SharedTestData() {}

    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        Path root = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "testdata")).toAbsolutePath().normalize();
        Prerequisites.require(Files.isDirectory(root.resolve("ast2700")), "the shared test data is not at " + root
                + " (expected its ast2700/ corpus; put the corpus at ../shared/testdata beside the checkout or pass -D"
                + PROPERTY + "=DIR)");
        return root;
    }

    /** The AST2700 corpus: configurations, keys and prebuilt images of cptra_imgtool. */
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
