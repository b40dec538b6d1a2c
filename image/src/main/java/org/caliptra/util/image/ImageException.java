package org.caliptra.util.image;

import org.caliptra.util.protocol.CaliptraException;

/**
 * Root of every failure of the image module that a user can cause: malformed files, keys that do
 * not fit, signing refused. Messages name the file, field or offset.
 */
public abstract class ImageException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    protected ImageException(String message) {
        super(message);
    }

    protected ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
