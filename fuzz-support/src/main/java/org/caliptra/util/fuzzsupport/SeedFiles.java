package org.caliptra.util.fuzzsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where each module's {@code FuzzSeedWriter} puts a seed: beside the fuzz test, directories made as needed. */
public final class SeedFiles {
    private SeedFiles() {}

    public static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
