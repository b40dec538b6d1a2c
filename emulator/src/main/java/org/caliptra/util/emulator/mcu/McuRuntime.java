package org.caliptra.util.emulator.mcu;

import java.util.HashMap;
import java.util.Map;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.mcu.DeviceIdentity;

/**
 * The MCU runtime firmware's mailbox service: on each step it takes a pending command from MCI
 * mailbox 0, checks size and checksum as Caliptra firmware does, dispatches through a table of
 * handlers keyed by command code, and answers DATA_READY with a checksummed response or
 * CMD_FAILURE with an error code.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class McuRuntime {
    private final McuMailbox mailbox;
    private final Map<Integer, McCommandHandler> handlers;
    private int lastErrorCode;

    public McuRuntime(McuMailbox mailbox, DeviceIdentity identity) {
        this.mailbox = mailbox;
        var table = new HashMap<Integer, McCommandHandler>();
        table.putAll(DeviceInfoHandlers.create(identity));
        this.handlers = Map.copyOf(table);
    }

    /** The error code of the most recent failed command (0 after a success). */
    public int lastErrorCode() {
        return lastErrorCode;
    }

    /** One firmware step: serves at most one pending command. Returns true if it served one. */
    public boolean step() {
        if (!mailbox.hasPendingCommand()) {
            return false;
        }
        var request = mailbox.takeCommand();
        try {
            byte[] body = dispatch(request.command(), request.payload());
            lastErrorCode = 0;
            mailbox.respond(MailboxStatus.DATA_READY, MailboxChecksum.seal(0, body));
        } catch (McCommandFailure failure) {
            lastErrorCode = failure.errorCode();
            mailbox.respond(MailboxStatus.CMD_FAILURE, new byte[0]);
        }
        return true;
    }

    private byte[] dispatch(int command, byte[] payload) throws McCommandFailure {
        if (payload.length < MailboxChecksum.SIZE) {
            throw new McCommandFailure(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS.code(),
                    "request of " + payload.length + " bytes has no checksum");
        }
        if (!MailboxChecksum.isValid(command, payload)) {
            throw new McCommandFailure(CaliptraError.RUNTIME_INVALID_CHECKSUM.code(), "request checksum mismatch");
        }
        McCommandHandler handler = handlers.get(command);
        if (handler == null) {
            throw new McCommandFailure(CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND.code(),
                    String.format("command 0x%08X", command));
        }
        return handler.handle(java.util.Arrays.copyOfRange(payload, MailboxChecksum.SIZE, payload.length));
    }
}
