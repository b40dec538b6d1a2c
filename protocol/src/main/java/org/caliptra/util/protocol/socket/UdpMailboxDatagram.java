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
 * datagram holding the raw SRAM response ({@code chksum ‖ fips_status ‖ …}) with no prefix; an
 * empty reply means the device failed the command or answered without data — the protocol carries
 * no error code.
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
