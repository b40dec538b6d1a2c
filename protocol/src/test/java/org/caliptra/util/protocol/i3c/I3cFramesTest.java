package org.caliptra.util.protocol.i3c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** The I3C socket frames of spec/hostlib.md §4.4, byte for byte. */
class I3cFramesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void firmwareVersionRequestIsTheSpecsSocketBytes() {
        var frame = I3cCommandFrame.mctpWrite(0x08, PecTest.FIRMWARE_VERSION_PACKET);
        assertArrayEquals(HEX.parseHex("080000000000001000" + "010008c87f0000a67f800100000000" + "35"), frame.encode());
        assertFalse(frame.descriptor().read());
        assertEquals(16, frame.descriptor().dataLength());
        assertEquals(0, frame.descriptor().cmdAttr());
        assertEquals(frame, I3cCommandFrame.decode(frame.encode()));
    }

    @Test
    void capabilitiesRequestCarriesPec0x20() {
        byte[] bytes = I3cCommandFrame.mctpWrite(0x08, PecTest.CAPABILITIES_PACKET).encode();
        assertArrayEquals(HEX.parseHex("080000000000000c00" + "010008c97f0000a67f8002" + "20"), bytes);
    }

    @Test
    void privateReadRequestIsRnwWithNoPayload() {
        var read = I3cCommandFrame.privateRead(0x08, 0);
        assertArrayEquals(HEX.parseHex("080000002000000000"), read.encode());
        assertTrue(read.descriptor().read());
        // The reference's own vectors: a write of 0x20 bytes and a read, to address 0x10.
        byte[] write = new I3cCommandFrame(0x10, I3cCommandDescriptor.privateWrite(0x20), Octets.zeros(0x20)).encode();
        assertArrayEquals(HEX.parseHex("100000000000002000"), java.util.Arrays.copyOf(write, 9));
        assertArrayEquals(HEX.parseHex("100000002000000000"), I3cCommandFrame.privateRead(0x10, 0).encode());
        // A read's data_length asks for bytes; none follow on the socket.
        var header = I3cCommandFrame.decodeHeader(HEX.parseHex("080000002000004500"), 0);
        assertEquals(0x45, header.descriptor().dataLength());
        assertEquals(0, header.payloadLength());
    }

    @Test
    void commandHeadersOtherThanRegularOrOversizedAreRefusedNamingTheField() {
        var immediate = assertThrows(ProtocolException.class, () -> I3cCommandFrame.decodeHeader(HEX.parseHex("080100000000000000"), 0));
        assertEquals("I3C command descriptor 0x0000000000000001: cmd_attr 1 (immediate) is not supported, only 0 (regular transfer)",
                immediate.getMessage());
        var combo = assertThrows(ProtocolException.class, () -> I3cCommandFrame.decodeHeader(HEX.parseHex("080300000000000000"), 0));
        assertTrue(combo.getMessage().contains("cmd_attr 3 (combo)"), combo.getMessage());
        // data_length 256 (0x0100) and 0xFFFF: one over the bound, and the largest a client can say.
        var over = assertThrows(ProtocolException.class, () -> I3cCommandFrame.decodeHeader(HEX.parseHex("080000000000000001"), 0));
        assertEquals("I3C command descriptor 0x0100000000000000: data_length 256 exceeds 255", over.getMessage());
        assertThrows(ProtocolException.class, () -> I3cCommandFrame.decodeHeader(HEX.parseHex("08000000000000ffff"), 0));
        assertEquals(255, I3cCommandFrame.decodeHeader(HEX.parseHex("08000000000000ff00"), 0).payloadLength());
        assertThrows(ProtocolException.class, () -> I3cCommandFrame.decodeHeader(new byte[8], 0));
        var lengthMismatch = assertThrows(ProtocolException.class, () -> I3cCommandFrame.decode(HEX.parseHex("0800000000000002000102ff")));
        assertEquals("I3C command frame: 12 bytes, the header says 11", lengthMismatch.getMessage());
    }

    @Test
    void theResponsePacketShapeOfTheSpec() {
        // FirmwareVersion response to tag 0: EID 0 → 8, SOM EOM, TO 0; cc 0 and a 32-byte version.
        byte[] packet = HEX.parseHex("010800c07f0000a67f0001" + "00000000" + "322e302e30" + "00".repeat(27));
        var frame = I3cTargetFrame.mctpRead(0x08, packet);
        byte[] bytes = frame.encode();
        assertEquals(6 + packet.length + 1, bytes.length);
        // ibi 0 (read data), from 0x08, descriptor data_length 48 = 47-byte packet + PEC, tid 0, err 0.
        assertArrayEquals(HEX.parseHex("000830000000"), java.util.Arrays.copyOf(bytes, 6));
        byte[] withAddress = new byte[1 + packet.length];
        withAddress[0] = 0x11;
        System.arraycopy(packet, 0, withAddress, 1, packet.length);
        assertEquals(Pec.crc8(withAddress), bytes[bytes.length - 1] & 0xFF);
        assertEquals(frame, I3cTargetFrame.decode(bytes));
        assertArrayEquals(packet, Pec.openRead(0x08, frame.data().toByteArray()));
    }

    @Test
    void anIbiIsItsMandatoryDataByteWithAnEmptyDescriptor() {
        var ibi = I3cTargetFrame.ibi(I3cTargetFrame.MDB_PENDING_READ_MCTP, 0x08);
        assertArrayEquals(HEX.parseHex("ae0800000000"), ibi.encode());
        assertTrue(I3cTargetFrame.decode(ibi.encode()).isIbi());
        assertThrows(IllegalArgumentException.class, () -> I3cTargetFrame.ibi(0, 0x08));
    }

    @Test
    void responseDescriptorFieldsAndBounds() {
        var d = new I3cResponseDescriptor(0x0102, 0x3, 0xA);
        byte[] b = new byte[4];
        d.encode(b, 0);
        assertArrayEquals(HEX.parseHex("020100a3"), b);
        assertEquals(d, I3cResponseDescriptor.decode(b, 0));
        var reserved = assertThrows(ProtocolException.class, () -> I3cResponseDescriptor.decode(HEX.parseHex("04030201"), 0));
        assertEquals("I3C response descriptor 0x01020304: reserved bits 23:16 are 0x02, must be 0", reserved.getMessage());
        var over = assertThrows(ProtocolException.class, () -> I3cTargetFrame.decodeHeader(HEX.parseHex("000800010000"), 0));
        assertEquals("I3C target frame: data_length 256 exceeds 255", over.getMessage());
        assertThrows(ProtocolException.class, () -> I3cTargetFrame.decode(HEX.parseHex("00080200000001")));
        assertThrows(IllegalArgumentException.class, () -> I3cTargetFrame.readData(0x08, new byte[256]));
    }
}
