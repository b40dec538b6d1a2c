package org.caliptra.util.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading inputs the way every command should: clear errors. Outputs go through {@code AtomicFiles}. */
public final class InputFiles {
    private InputFiles() {}

    /** The file's bytes, or a usage error that names it. */
    public static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new UsageException(file + ": is a directory, expected a file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException(file + ": permission denied");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }
}
