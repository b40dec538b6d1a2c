package org.caliptra.util.image.keys;

import java.nio.file.Path;
import org.caliptra.util.image.ImageException;

/** A key file that cannot be read or is not the kind of key asked for; names the file. */
public final class KeyFileException extends ImageException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public KeyFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
