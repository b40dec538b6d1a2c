package org.caliptra.util.image.io;

import java.nio.file.Path;
import org.caliptra.util.image.ImageException;

/** An input file that cannot be read as one: missing, not a regular file, or larger than its kind can be. */
public final class InputFileException extends ImageException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    public InputFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the file name, for callers that name the file their own way. */
    public String problem() {
        return problem;
    }
}
