package org.caliptra.util.image.io;

import java.nio.file.Path;
import org.caliptra.util.image.ImageException;

/** An output file that could not be written; one line naming the file and what failed. */
public final class OutputFileException extends ImageException {
    private static final long serialVersionUID = 1L;

    public OutputFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
