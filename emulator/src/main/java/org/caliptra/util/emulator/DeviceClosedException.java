package org.caliptra.util.emulator;

import org.caliptra.util.protocol.CaliptraException;

/** An access to a device after {@link CaliptraDevice#close()}. */
public final class DeviceClosedException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public DeviceClosedException(String message) {
        super(message);
    }
}
