package org.caliptra.util.image.sign;

import org.caliptra.util.image.ImageException;

/** A signature that could not be made: key mismatch, exhausted or unsafe LMS state, helper failure. */
public final class SigningException extends ImageException {
    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
