package org.caliptra.util.emulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.Words;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MBOX requests: each MBOX_EXECUTE is one whole mailbox transaction on the device's
 * {@link MailboxPort} (lock, command, data, execute, status polls, response, release, all as one
 * device submission), answered by one MBOX_RESPONSE whose status is the mailbox's CMD_STATUS:
 *
 * <ul>
 *   <li>success with data: DATA_READY (1) on the core mailbox; CMD_COMPLETE (2) on the MCU mailbox,
 *       which reports 2 for every MC_* command that succeeds, with or without data;
 *   <li>success without data: CMD_COMPLETE (2), dlen 0;
 *   <li>failure: CMD_FAILURE (3), dlen 4: the device's error code (the mailbox's FW_ERROR_NON_FATAL,
 *       else FATAL), little-endian;
 *   <li>the device did not answer within its poll limit (the mailbox was released): CMD_FAILURE (3), dlen 0;
 *   <li>the mailbox lock was held by another requester (an APB client in the middle of its own
 *       transaction): CMD_BUSY (0), dlen 0 — nothing ran, the request can be sent again.
 * </ul>
 */
final class MboxHandler extends SimpleChannelInboundHandler<MboxMessage.Execute> {
    private static final Logger LOG = LoggerFactory.getLogger(MboxHandler.class);
    private final String kind;
    private final MailboxPort port;
    private final MailboxStatus dataStatus;

    private final DeviceCalls calls;

    /**
     * @param mcuMailbox whether the port is an MCU mailbox (data answered with CMD_COMPLETE)
     * @param deviceCalls where the device is called (the device's call executor; see {@link DeviceCalls})
     */
    MboxHandler(String kind, MailboxPort port, boolean mcuMailbox, Executor deviceCalls) {
        this.kind = kind;
        this.port = Objects.requireNonNull(port, "port");
        this.dataStatus = mcuMailbox ? MailboxStatus.CMD_COMPLETE : MailboxStatus.DATA_READY;
        this.calls = new DeviceCalls(Objects.requireNonNull(deviceCalls, "deviceCalls"));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MboxMessage.Execute request) {
        calls.submit(ctx, () -> {
            try {
                return respond(port.execute(request.mailboxCommand(), request.data().toByteArray()));
            } catch (ProtocolException e) {
                // The device broke the mailbox protocol (a reserved status, a DLEN beyond its SRAM): say so, keep serving.
                LOG.warn("{}: command 0x{}: {}; answered CMD_FAILURE", ConnectionGuard.describe(kind, ctx),
                        String.format("%08X", request.mailboxCommand()), e.getMessage());
                return new MboxMessage.Response(MailboxStatus.CMD_FAILURE, Octets.zeros(0));
            }
        }, LOG, kind);
    }

    private MboxMessage.Response respond(MailboxReply reply) {
        if (reply instanceof MailboxReply.Data data) {
            return new MboxMessage.Response(dataStatus, Octets.of(data.bytes()));
        }
        if (reply instanceof MailboxReply.Complete) {
            return new MboxMessage.Response(MailboxStatus.CMD_COMPLETE, Octets.zeros(0));
        }
        if (reply instanceof MailboxReply.Failure failure) {
            byte[] code = new byte[4];
            Words.putLittleEndian(failure.errorCode(), code, 0, 4);
            return new MboxMessage.Response(MailboxStatus.CMD_FAILURE, Octets.of(code));
        }
        if (reply instanceof MailboxReply.Timeout) {
            return new MboxMessage.Response(MailboxStatus.CMD_FAILURE, Octets.zeros(0));
        }
        return new MboxMessage.Response(MailboxStatus.CMD_BUSY, Octets.zeros(0));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        calls.writabilityChanged(ctx);
        super.channelWritabilityChanged(ctx);
    }
}
