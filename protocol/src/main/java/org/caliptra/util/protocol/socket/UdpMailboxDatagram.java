package org.caliptra.util.protocol.socket;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * The UDP mailbox protocol (spec/hostlib.md §3.2). A request is one datagram: the external command
 * code as a u32 LE, then the bytes that go into mailbox SRAM, checksum first. The reply is one
 * datagram holding the raw SRAM response ({@code chksum ‖ fips_status ‖ …}) with no prefix.
 *
 * <p>A command that ends without response data gets a <em>failure reply</em>: the reference
 * servers send an empty datagram (hw-model responder) or the single byte 0xFF (mock server), which
 * carry no error code; this project's endpoint sends {@code FF ‖ error code (u32 LE)}, five bytes,
 * the code being the device's CPTRA_FW_ERROR_NON_FATAL for CMD_FAILURE and 0 when there is none
 * (see {@link #failureReply}). A response frame is never shorter than 8 bytes, so the three
 * cannot be mistaken for one, and a client of the reference reports all three as an invalid
 * message. (An empty datagram cannot be sent through Netty's datagram channels at all.)
 *
 * <p>Bounds: a request is at most {@link #MAX_REQUEST_SIZE} bytes (the 16 KiB mailbox SRAM of a
 * subsystem-mode part plus the command code; the largest MC_* request, DOT rotate, is 7 572); a
 * reply at most {@link #MAX_REPLY_SIZE}, the largest UDP payload over IPv4.
 */
public record UdpMailboxDatagram(int command, Octets sram) {
    public static final int COMMAND_SIZE = 4;
    /** The mailbox SRAM bytes a request may carry: SUBSYSTEM_MAILBOX_SIZE_LIMIT (spec/device.md §2.5). */
    public static final int MAX_SRAM = CmHashCommands.SUBSYSTEM_MAILBOX_SIZE;
    public static final int MAX_REQUEST_SIZE = COMMAND_SIZE + MAX_SRAM;
    /** 65 535 less the IPv4 and UDP headers. */
    public static final int MAX_REPLY_SIZE = 65_507;

    /** First byte of a failure reply. */
    public static final int FAILURE_MARKER = 0xFF;
    /** {@code FF ‖ error code}. */
    public static final int FAILURE_REPLY_SIZE = 5;

    /** What a client makes of a reply datagram. */
    public sealed interface Reply {
        /** A response frame whose checksum matches: the SRAM response. */
        record Response(Octets frame) implements Reply {}

        /** A failure reply; {@code errorCode} 0 when the server had none to give. */
        record Failure(int errorCode) implements Reply {}

        /** Neither: not an answer to accept (a corrupted or foreign datagram), with why. */
        record Invalid(String reason) implements Reply {}
    }

    public UdpMailboxDatagram {
        Objects.requireNonNull(sram, "sram");
        if (sram.length() > MAX_SRAM) {
            throw new IllegalArgumentException("at most " + MAX_SRAM + " SRAM bytes in a datagram, got " + sram.length());
        }
    }

    /** A request for {@code command} whose SRAM is {@code fields} sealed with their checksum. */
    public static UdpMailboxDatagram request(int command, byte[] fields) {
        return new UdpMailboxDatagram(command, Octets.of(MailboxFrame.sealRequest(command, fields)));
    }

    public byte[] encode() {
        byte[] out = new byte[COMMAND_SIZE + sram.length()];
        out[0] = (byte) command;
        out[1] = (byte) (command >>> 8);
        out[2] = (byte) (command >>> 16);
        out[3] = (byte) (command >>> 24);
        sram.copyTo(out, COMMAND_SIZE);
        return out;
    }

    /**
     * Whether a request datagram of {@code size} bytes is one to serve: checked before anything is
     * copied out of the receive buffer.
     *
     * @throws ProtocolException naming the size and the bound it breaks
     */
    public static void checkRequestSize(int size) {
        if (size < COMMAND_SIZE) {
            throw new ProtocolException("UDP mailbox request: " + size + " bytes, shorter than the 4-byte command code");
        }
        if (size > MAX_REQUEST_SIZE) {
            throw new ProtocolException("UDP mailbox request: " + size + " bytes or more, over the " + MAX_REQUEST_SIZE
                    + "-byte bound (command code and " + MAX_SRAM + " bytes of mailbox SRAM)");
        }
    }

    /**
     * A request datagram. The SRAM bytes are not checked: the device checks the checksum, as the
     * mailbox hardware leaves it to the firmware.
     *
     * @throws ProtocolException when the size is outside 4..{@link #MAX_REQUEST_SIZE}
     */
    public static UdpMailboxDatagram decode(byte[] datagram) {
        checkRequestSize(datagram.length);
        int command = (datagram[0] & 0xFF) | (datagram[1] & 0xFF) << 8 | (datagram[2] & 0xFF) << 16 | (datagram[3] & 0xFF) << 24;
        return new UdpMailboxDatagram(command, Octets.of(datagram, COMMAND_SIZE, datagram.length - COMMAND_SIZE));
    }

    /** The five-byte failure reply carrying {@code errorCode} (0: the device gave none). */
    public static byte[] failureReply(int errorCode) {
        return new byte[] {(byte) FAILURE_MARKER, (byte) errorCode, (byte) (errorCode >>> 8), (byte) (errorCode >>> 16),
                (byte) (errorCode >>> 24)};
    }

    /** Classifies {@code reply[0, length)}: a verified response, a failure reply of any of the three forms, or neither. */
    public static Reply classifyReply(byte[] reply, int length) {
        if (length > reply.length) {
            throw new IllegalArgumentException("length " + length + " beyond the " + reply.length + "-byte buffer");
        }
        if (length == 0 || (length == 1 && (reply[0] & 0xFF) == FAILURE_MARKER)) {
            return new Reply.Failure(0);
        }
        if (length == FAILURE_REPLY_SIZE && (reply[0] & 0xFF) == FAILURE_MARKER) {
            return new Reply.Failure((reply[1] & 0xFF) | (reply[2] & 0xFF) << 8 | (reply[3] & 0xFF) << 16 | (reply[4] & 0xFF) << 24);
        }
        if (length < MailboxFrame.RESPONSE_HEADER) {
            return new Reply.Invalid(length + " bytes: shorter than the 8-byte response header and not a failure reply");
        }
        if (length > MAX_REPLY_SIZE) {
            return new Reply.Invalid(length + " bytes: over the " + MAX_REPLY_SIZE + "-byte bound");
        }
        if (!replyVerifies(reply, length)) {
            int stored = (reply[0] & 0xFF) | (reply[1] & 0xFF) << 8 | (reply[2] & 0xFF) << 16 | (reply[3] & 0xFF) << 24;
            return new Reply.Invalid(String.format("checksum 0x%08X at offset 0 does not match the response (expected 0x%08X)", stored,
                    MailboxChecksum.compute(0, reply, MailboxChecksum.SIZE, length)));
        }
        return new Reply.Response(Octets.of(reply, 0, length));
    }

    /**
     * Whether {@code reply[0, length)} is a response frame a client may accept: the 8-byte response
     * header at least, at most {@link #MAX_REPLY_SIZE}, and a checksum (command 0) that matches.
     * An empty reply is the server's failure signal and is not one.
     */
    public static boolean replyVerifies(byte[] reply, int length) {
        if (length < MailboxFrame.RESPONSE_HEADER || length > MAX_REPLY_SIZE || length > reply.length) {
            return false;
        }
        int stored = (reply[0] & 0xFF) | (reply[1] & 0xFF) << 8 | (reply[2] & 0xFF) << 16 | (reply[3] & 0xFF) << 24;
        return stored == MailboxChecksum.compute(0, reply, MailboxChecksum.SIZE, length);
    }
}
