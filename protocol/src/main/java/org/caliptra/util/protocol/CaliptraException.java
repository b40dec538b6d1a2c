package org.caliptra.util.protocol;

/**
 * Root of every failure a user of caliptra-util can cause or observe.
 *
 * <p>Messages name the thing that is wrong (file, field, offset, register, command) and, where
 * Caliptra defines one, carry the Caliptra error name and code, so the CLI can print
 * {@link #getMessage()} as one line without a stack trace. Control characters a message echoes from
 * its input (a file name, a TOML value) are escaped here, so no input can break that line.
 */
public abstract class CaliptraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CaliptraException(String message) {
        super(Text.oneLine(message));
    }

    protected CaliptraException(String message, Throwable cause) {
        super(Text.oneLine(message), cause);
    }
}
