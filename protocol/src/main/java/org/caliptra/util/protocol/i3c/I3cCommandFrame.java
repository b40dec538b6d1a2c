package org.caliptra.util.protocol.i3c;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/**
 * A command frame a controller (client) sends on the I3C socket (spec/hostlib.md §4.4):
 * {@code to_addr:u8 ‖ descriptor (8 bytes) ‖ payload}, the payload present only for a write and
 * {@code data_length} bytes long. A private write of an MCTP packet carries the packet and its PEC
 * ({@link Pec#sealWrite}); a private read request carries nothing.
 */
public record I3cCommandFrame(int toAddress, I3cCommandDescriptor descriptor, Octets payload) {
    public static final int HEADER_SIZE = 1 + I3cCommandDescriptor.SIZE;
    /**
     * The most bytes one transfer carries in either direction: the target's 256-byte FIFO less
     * one; the reference server refuses to send more.
     */
    public static final int MAX_DATA_LENGTH = 255;

    public I3cCommandFrame {
        checkAddress(toAddress);
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(payload, "payload");
        int expected = payloadLength(descriptor);
        if (payload.length() != expected) {
            throw new IllegalArgumentException("payload of " + payload.length() + " bytes, the descriptor says " + expected);
        }
    }

    /** The header of a frame, which says how many payload bytes follow it. */
    public record Header(int toAddress, I3cCommandDescriptor descriptor) {
        public int payloadLength() {
            return I3cCommandFrame.payloadLength(descriptor);
        }
    }

    public static I3cCommandFrame privateWrite(int toAddress, byte[] payload) {
        return new I3cCommandFrame(toAddress, I3cCommandDescriptor.privateWrite(payload.length), Octets.of(payload));
    }

    /** A private write of an MCTP packet: the packet and its PEC. */
    public static I3cCommandFrame mctpWrite(int toAddress, byte[] packet) {
        return privateWrite(toAddress, Pec.sealWrite(toAddress, packet));
    }

    /** @param length bytes asked for; 0 lets the target send what it has */
    public static I3cCommandFrame privateRead(int toAddress, int length) {
        return new I3cCommandFrame(toAddress, I3cCommandDescriptor.privateRead(length), Octets.zeros(0));
    }

    private static int payloadLength(I3cCommandDescriptor descriptor) {
        return descriptor.read() ? 0 : descriptor.dataLength();
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_SIZE + payload.length()];
        out[0] = (byte) toAddress;
        descriptor.encode(out, 1);
        payload.copyTo(out, HEADER_SIZE);
        return out;
    }

    /**
     * Reads the 9-byte header at {@code offset} of a stream.
     *
     * @throws ProtocolException for a transfer other than a regular one, or a data_length over 255
     */
    public static Header decodeHeader(byte[] in, int offset) {
        if (in.length - offset < HEADER_SIZE) {
            throw new ProtocolException("I3C command frame: " + (in.length - offset) + " bytes, the header has " + HEADER_SIZE);
        }
        return new Header(in[offset] & 0xFF, I3cCommandDescriptor.decode(in, offset + 1).checkSupported());
    }

    /**
     * Exactly one frame.
     *
     * @throws ProtocolException when the header is unsupported or the length does not match it
     */
    public static I3cCommandFrame decode(byte[] frame) {
        Header header = decodeHeader(frame, 0);
        int expected = HEADER_SIZE + header.payloadLength();
        if (frame.length != expected) {
            throw new ProtocolException("I3C command frame: " + frame.length + " bytes, the header says " + expected);
        }
        return new I3cCommandFrame(header.toAddress(), header.descriptor(), Octets.of(frame, HEADER_SIZE, frame.length - HEADER_SIZE));
    }

    static void checkAddress(int address) {
        if (address < 0 || address > 0xFF) {
            throw new IllegalArgumentException("I3C address must fit in a byte: " + address);
        }
    }
}
