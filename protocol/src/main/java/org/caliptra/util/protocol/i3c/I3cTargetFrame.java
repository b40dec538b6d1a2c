package org.caliptra.util.protocol.i3c;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/**
 * A frame the target side (server) sends on the I3C socket (spec/hostlib.md §4.4):
 * {@code ibi:u8 ‖ from_addr:u8 ‖ response descriptor (u32 LE) ‖ data[data_length ≤ 255]}. A
 * non-zero {@code ibi} is an in-band interrupt whose value is the mandatory data byte (0xAE: an MCTP
 * packet is pending, do a private read) and whose descriptor is empty; {@code ibi = 0} is the data
 * of a private read, for MCTP a packet and its PEC ({@link Pec#sealRead}).
 */
public record I3cTargetFrame(int ibi, int fromAddress, I3cResponseDescriptor descriptor, Octets data) {
    public static final int HEADER_SIZE = 2 + I3cResponseDescriptor.SIZE;
    /** The IBI mandatory data byte of the MCTP-over-I3C binding: "pending read" of an MCTP packet. */
    public static final int MDB_PENDING_READ_MCTP = 0xAE;

    public I3cTargetFrame {
        if (ibi < 0 || ibi > 0xFF) {
            throw new IllegalArgumentException("ibi must fit in a byte: " + ibi);
        }
        I3cCommandFrame.checkAddress(fromAddress);
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(data, "data");
        if (data.length() != descriptor.dataLength()) {
            throw new IllegalArgumentException("data of " + data.length() + " bytes, the descriptor says " + descriptor.dataLength());
        }
        if (data.length() > I3cCommandFrame.MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("at most " + I3cCommandFrame.MAX_DATA_LENGTH + " data bytes, got " + data.length());
        }
    }

    /** The header of a frame, which says how many data bytes follow it. */
    public record Header(int ibi, int fromAddress, I3cResponseDescriptor descriptor) {}

    public static I3cTargetFrame ibi(int mdb, int fromAddress) {
        if (mdb == 0) {
            throw new IllegalArgumentException("an IBI's mandatory data byte is not 0 (0 marks read data)");
        }
        return new I3cTargetFrame(mdb, fromAddress, I3cResponseDescriptor.EMPTY, Octets.zeros(0));
    }

    public static I3cTargetFrame readData(int fromAddress, byte[] data) {
        return new I3cTargetFrame(0, fromAddress, I3cResponseDescriptor.ofData(data.length), Octets.of(data));
    }

    /** The answer to a private read of an MCTP packet: the packet and its PEC. */
    public static I3cTargetFrame mctpRead(int fromAddress, byte[] packet) {
        return readData(fromAddress, Pec.sealRead(fromAddress, packet));
    }

    public boolean isIbi() {
        return ibi != 0;
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_SIZE + data.length()];
        out[0] = (byte) ibi;
        out[1] = (byte) fromAddress;
        descriptor.encode(out, 2);
        data.copyTo(out, HEADER_SIZE);
        return out;
    }

    /**
     * Reads the 6-byte header at {@code offset} of a stream.
     *
     * @throws ProtocolException for reserved descriptor bits or a data_length over 255
     */
    public static Header decodeHeader(byte[] in, int offset) {
        if (in.length - offset < HEADER_SIZE) {
            throw new ProtocolException("I3C target frame: " + (in.length - offset) + " bytes, the header has " + HEADER_SIZE);
        }
        var descriptor = I3cResponseDescriptor.decode(in, offset + 2);
        if (descriptor.dataLength() > I3cCommandFrame.MAX_DATA_LENGTH) {
            throw new ProtocolException(String.format("I3C target frame: data_length %d exceeds %d", descriptor.dataLength(),
                    I3cCommandFrame.MAX_DATA_LENGTH));
        }
        return new Header(in[offset] & 0xFF, in[offset + 1] & 0xFF, descriptor);
    }

    /**
     * Exactly one frame.
     *
     * @throws ProtocolException when the header is malformed or the length does not match it
     */
    public static I3cTargetFrame decode(byte[] frame) {
        Header header = decodeHeader(frame, 0);
        int expected = HEADER_SIZE + header.descriptor().dataLength();
        if (frame.length != expected) {
            throw new ProtocolException("I3C target frame: " + frame.length + " bytes, the header says " + expected);
        }
        return new I3cTargetFrame(header.ibi(), header.fromAddress(), header.descriptor(),
                Octets.of(frame, HEADER_SIZE, frame.length - HEADER_SIZE));
    }
}
