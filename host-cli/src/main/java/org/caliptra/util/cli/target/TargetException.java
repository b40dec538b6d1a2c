package org.caliptra.util.cli.target;

import org.caliptra.util.protocol.CaliptraException;

/** A target URI that names nothing this tool can open: a usage error. */
public final class TargetException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }
}
