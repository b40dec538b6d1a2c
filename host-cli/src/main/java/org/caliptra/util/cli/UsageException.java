package org.caliptra.util.cli;

import org.caliptra.util.protocol.CaliptraException;

/** Bad arguments or input that the user must fix: exit code 2. */
public final class UsageException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
