package org.caliptra.util.emulator.firmware;

import java.util.Arrays;
import java.util.function.Consumer;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INVALID_CHECKSUM;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND;

/**
 * How runtime firmware — Caliptra's and the MCU's alike — judges a request frame (spec/device.md
 * §2.4): shorter than its checksum is RUNTIME_MAILBOX_INVALID_PARAMS, a wrong checksum
 * RUNTIME_INVALID_CHECKSUM, an unknown command RUNTIME_UNIMPLEMENTED_COMMAND, fields the command's
 * codec refuses the route's error (RUNTIME_MAILBOX_INVALID_PARAMS unless the command's own parser
 * answers otherwise). All are non-fatal.
 */
public final class RuntimeRules {
    private RuntimeRules() {}

    /**
     * Checks and serves one request; {@code admit} may refuse the command (with a
     * {@link CommandFailure}) once it is known, before its fields are decoded.
     *
     * @return the response fields
     */
    public static byte[] serve(CommandTable table, int command, byte[] frame, Requester requester,
            Consumer<CommandTable.Route<?, ?>> admit) {
        if (frame.length < MailboxFrame.REQUEST_HEADER) {
            throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "request of " + frame.length + " bytes has no checksum");
        }
        if (!MailboxChecksum.isValid(command, frame)) {
            throw CommandFailure.of(RUNTIME_INVALID_CHECKSUM, "request checksum mismatch");
        }
        var route = table.route(command).orElseThrow(() -> CommandFailure.of(RUNTIME_UNIMPLEMENTED_COMMAND,
                String.format("command 0x%08X", command)));
        admit.accept(route);
        try {
            return route.serve(Arrays.copyOfRange(frame, MailboxFrame.REQUEST_HEADER, frame.length), requester);
        } catch (ProtocolException malformed) {
            throw CommandFailure.of(route.malformed(), malformed.getMessage());
        }
    }
}
