package org.caliptra.util.host.commands;

import java.util.List;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.error.CaliptraError;

/**
 * The device refused a command with an error code (the transport's DEVICE_ERROR): the Caliptra
 * mailbox error code of a mailbox target, the completion code of an MCTP-VDM one.
 */
public final class DeviceErrorException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final int code;

    public DeviceErrorException(String command, int code, TransportException cause) {
        super(command + " failed on the device: " + CaliptraError.describe(code), cause);
        this.command = command;
        this.code = code;
    }

    /** The catalogue command that failed, e.g. "HashInit". */
    public String command() {
        return command;
    }

    public int code() {
        return code;
    }

    /** The names Caliptra gives the code ("RUNTIME_CMD_BUSY"…), empty when the error table does not know it. */
    public List<String> errorNames() {
        return CaliptraError.withCode(code).stream().map(CaliptraError::firmwareName).distinct().toList();
    }
}
