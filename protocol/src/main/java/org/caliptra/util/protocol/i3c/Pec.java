package org.caliptra.util.protocol.i3c;

import java.util.Arrays;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The SMBus/I3C packet error code (spec/hostlib.md §4.4): CRC-8/SMBUS — polynomial 0x07, initial
 * value 0, no reflection, no final xor; {@code check("123456789") = 0xF4}. On the MCTP-over-I3C
 * socket it covers the target's address byte and the MCTP packet: {@code (addr << 1)} for a private
 * write (the controller appends it as the last payload byte), {@code (addr << 1) | 1} for a private
 * read (the target appends it, the controller verifies and strips it).
 */
public final class Pec {
    private static final int POLYNOMIAL = 0x07;
    private static final byte[] TABLE = table();

    private Pec() {}

    private static byte[] table() {
        byte[] t = new byte[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            t[i] = (byte) crc;
        }
        return t;
    }

    /** CRC-8/SMBUS of {@code data[offset, offset + length)}. */
    public static int crc8(byte[] data, int offset, int length) {
        return update(0, data, offset, length);
    }

    public static int crc8(byte[] data) {
        return crc8(data, 0, data.length);
    }

    /** The PEC a controller appends to a private write of {@code packet[offset, offset + length)} to {@code address}. */
    public static int ofWrite(int address, byte[] packet, int offset, int length) {
        return update(update(0, (address << 1) & 0xFF), packet, offset, length);
    }

    /** The PEC a target appends to a private read of {@code packet[offset, offset + length)} from {@code address}. */
    public static int ofRead(int address, byte[] packet, int offset, int length) {
        return update(update(0, ((address << 1) | 1) & 0xFF), packet, offset, length);
    }

    /** {@code packet ‖ PEC} as a controller writes it to {@code address}. */
    public static byte[] sealWrite(int address, byte[] packet) {
        byte[] out = Arrays.copyOf(packet, packet.length + 1);
        out[packet.length] = (byte) ofWrite(address, packet, 0, packet.length);
        return out;
    }

    /** {@code packet ‖ PEC} as a target answers a private read from {@code address}. */
    public static byte[] sealRead(int address, byte[] packet) {
        byte[] out = Arrays.copyOf(packet, packet.length + 1);
        out[packet.length] = (byte) ofRead(address, packet, 0, packet.length);
        return out;
    }

    /**
     * The packet of a private write to {@code address}, its PEC checked and stripped.
     *
     * @throws ProtocolException when the payload is empty or its last byte is not the PEC
     */
    public static byte[] openWrite(int address, byte[] payload) {
        return open(payload, payload.length == 0 ? 0 : ofWrite(address, payload, 0, payload.length - 1), "private write");
    }

    /**
     * The packet of a private read from {@code address}, its PEC checked and stripped.
     *
     * @throws ProtocolException when the data is empty or its last byte is not the PEC
     */
    public static byte[] openRead(int address, byte[] data) {
        return open(data, data.length == 0 ? 0 : ofRead(address, data, 0, data.length - 1), "private read");
    }

    private static byte[] open(byte[] payload, int expected, String what) {
        if (payload.length == 0) {
            throw new ProtocolException(what + ": no bytes, so no PEC");
        }
        int found = payload[payload.length - 1] & 0xFF;
        if (found != expected) {
            throw new ProtocolException(String.format("%s: PEC 0x%02X at offset %d, expected 0x%02X", what, found,
                    payload.length - 1, expected));
        }
        return Arrays.copyOf(payload, payload.length - 1);
    }

    private static int update(int crc, int b) {
        return TABLE[(crc ^ b) & 0xFF] & 0xFF;
    }

    private static int update(int crc, byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            crc = update(crc, data[i]);
        }
        return crc;
    }
}
