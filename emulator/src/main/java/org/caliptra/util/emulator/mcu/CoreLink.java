package org.caliptra.util.emulator.mcu;

import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.CommandCode;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MAILBOX_BUSY;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_BUFFER_TOO_SMALL;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_RESPONSE;

/**
 * The MCU's way to the Caliptra core: one mailbox transaction through the core's {@code mbox_csr}
 * registers as the MCU's own AXI requester, and reads of the soc_ifc registers the MCU watches.
 *
 * <p>The port it is given must let only the core firmware run while it waits: the MCU runtime is
 * itself inside a device step when it relays, and a driver that stepped the whole device would
 * re-enter it. The device wires a port whose idle() is one core firmware step (see DeviceCore).
 *
 * <p>The core's answers come back unchanged: its fields and fips_status, or its own error code as
 * the MCU's failure. A core that never takes the command (held in reset, halted) or whose mailbox
 * another requester holds is MCU_MAILBOX_BUSY, the reference's "Caliptra mailbox busy".
 */
public final class CoreLink {
    /** What the core answered: the fields after its response header, and its fips_status. */
    public record Answer(int fipsStatus, byte[] fields) {}

    private final MailboxPort mailbox;
    private final IntUnaryOperator socIfc;
    private OptionalInt relayedFipsStatus = OptionalInt.empty();

    /**
     * @param mailbox the core mailbox as the MCU's requester, stepping only the core while it waits
     * @param socIfc reads the soc_ifc register at an offset from 0x3003_0000
     */
    public CoreLink(MailboxPort mailbox, IntUnaryOperator socIfc) {
        this.mailbox = mailbox;
        this.socIfc = socIfc;
    }

    /** The core mailbox as the MCU, for clients that speak a protocol over it (DPE). */
    MailboxPort port() {
        return mailbox;
    }

    int socIfc(int offset) {
        return socIfc.applyAsInt(offset);
    }

    /**
     * One command with {@code fields} after the checksum, which this computes for {@code command}.
     *
     * @throws CommandFailure with the core's error code when the core refuses it
     */
    Answer execute(CommandCode command, byte[] fields) {
        MailboxReply reply;
        try {
            reply = mailbox.execute(command.code(), MailboxFrame.sealRequest(command.code(), fields));
        } catch (ProtocolException tooLarge) {
            throw CommandFailure.of(MCU_MBOX_BUFFER_TOO_SMALL, command.name() + ": " + tooLarge.getMessage());
        }
        if (reply instanceof MailboxReply.Data data) {
            try {
                var response = MailboxFrame.openResponse(data.bytes(), command.name() + " response from the core");
                return new Answer(response.fipsStatus(), response.fields());
            } catch (ProtocolException malformed) {
                throw CommandFailure.of(MCU_MBOX_INVALID_RESPONSE, malformed.getMessage());
            }
        }
        if (reply instanceof MailboxReply.Complete) {
            return new Answer(MailboxFrame.FIPS_APPROVED, new byte[0]);
        }
        if (reply instanceof MailboxReply.Failure failure) {
            throw new CommandFailure(failure.errorCode(), false, command.name() + " refused by the core: "
                    + CaliptraError.describe(failure.errorCode()));
        }
        if (reply instanceof MailboxReply.Busy) {
            throw CommandFailure.of(MCU_MAILBOX_BUSY, command.name() + ": another requester holds the core mailbox");
        }
        throw CommandFailure.of(MCU_MAILBOX_BUSY, command.name() + ": the core did not answer (" + reply + ")");
    }

    /** A typed command; a response the codec refuses is MCU_MBOX_INVALID_RESPONSE. */
    <Q, R> R call(CommandCodec<Q, R> codec, Q request) {
        byte[] fields = execute(codec.command(), codec.encodeRequest(request)).fields();
        try {
            return codec.decodeResponse(fields);
        } catch (ProtocolException malformed) {
            throw CommandFailure.of(MCU_MBOX_INVALID_RESPONSE, malformed.getMessage());
        }
    }

    /**
     * A relayed command: the answer's fields, with its fips_status kept for the MCU's own response
     * header ({@link #takeRelayedFipsStatus}).
     */
    byte[] relay(CommandCode command, byte[] fields) {
        var answer = execute(command, fields);
        relayedFipsStatus = OptionalInt.of(answer.fipsStatus());
        return answer.fields();
    }

    /** The fips_status of the answer relayed since the last call, if any; clears it. */
    OptionalInt takeRelayedFipsStatus() {
        var status = relayedFipsStatus;
        relayedFipsStatus = OptionalInt.empty();
        return status;
    }
}
