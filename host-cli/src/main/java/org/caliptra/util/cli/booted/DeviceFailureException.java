package org.caliptra.util.cli.booted;

import org.caliptra.util.protocol.CaliptraException;

/** The embedded device did not boot to runtime, or refused what it was asked: exit 1, one line naming what failed. */
public final class DeviceFailureException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public DeviceFailureException(String message) {
        super(message);
    }
}
