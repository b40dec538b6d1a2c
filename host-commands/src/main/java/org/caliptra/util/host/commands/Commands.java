package org.caliptra.util.host.commands;

import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.transport.TransportException;

/** Running a catalogue command, with the device's refusal as a typed {@link DeviceErrorException}. */
public final class Commands {
    private Commands() {}

    /**
     * Runs {@code command} on {@code session} and returns its typed response.
     *
     * @throws DeviceErrorException when the device answered with an error code
     * @throws TransportException for any other failure below the session
     */
    public static <R> R execute(CaliptraSession session, Command<R> command) {
        try {
            return session.execute(command);
        } catch (TransportException e) {
            if (e.kind() == TransportException.Kind.DEVICE_ERROR && e.deviceErrorCode().isPresent()) {
                throw new DeviceErrorException(command.name(), e.deviceErrorCode().getAsInt(), e);
            }
            throw e;
        }
    }
}
