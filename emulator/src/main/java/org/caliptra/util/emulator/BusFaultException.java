package org.caliptra.util.emulator;

import org.caliptra.util.protocol.CaliptraException;

/** A SoC bus access that no register answers: unmapped or misaligned address. */
public final class BusFaultException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public BusFaultException(String message) {
        super(message);
    }
}
