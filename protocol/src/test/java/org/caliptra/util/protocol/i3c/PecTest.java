package org.caliptra.util.protocol.i3c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** CRC-8/SMBUS and the PECs of spec/hostlib.md §4.4's worked examples. */
class PecTest {
    private static final HexFormat HEX = HexFormat.of();
    /** FirmwareVersion(area 0), tag 0, from EID 8 to EID 0 (§4.4). */
    static final byte[] FIRMWARE_VERSION_PACKET = HEX.parseHex("010008c87f0000a67f800100000000");
    /** DeviceCapabilities, tag 1 (§4.4). */
    static final byte[] CAPABILITIES_PACKET = HEX.parseHex("010008c97f0000a67f8002");

    @Test
    void crc8SmbusCheckValueIs0xF4() {
        assertEquals(0xF4, Pec.crc8("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0x00, Pec.crc8(new byte[0]));
        // One byte through polynomial 0x07 with no reflection: 0x01 → 0x07, 0x80 → 0x89.
        assertEquals(0x07, Pec.crc8(new byte[] {1}));
        assertEquals(0x89, Pec.crc8(new byte[] {(byte) 0x80}));
    }

    @Test
    void theWorkedRequestsHaveThePecsOfTheSpec() {
        assertEquals(0x35, Pec.ofWrite(0x08, FIRMWARE_VERSION_PACKET, 0, FIRMWARE_VERSION_PACKET.length));
        assertEquals(0x20, Pec.ofWrite(0x08, CAPABILITIES_PACKET, 0, CAPABILITIES_PACKET.length));
        // The write PEC is the CRC of (addr << 1) ‖ packet; the read PEC of (addr << 1) | 1 ‖ packet.
        byte[] withAddress = new byte[1 + CAPABILITIES_PACKET.length];
        withAddress[0] = 0x11;
        System.arraycopy(CAPABILITIES_PACKET, 0, withAddress, 1, CAPABILITIES_PACKET.length);
        assertEquals(Pec.crc8(withAddress), Pec.ofRead(0x08, CAPABILITIES_PACKET, 0, CAPABILITIES_PACKET.length));
    }

    @Test
    void sealAppendsThePecAndOpenChecksAndStripsIt() {
        byte[] sealed = Pec.sealWrite(0x08, FIRMWARE_VERSION_PACKET);
        assertArrayEquals(HEX.parseHex("010008c87f0000a67f80010000000035"), sealed);
        assertArrayEquals(FIRMWARE_VERSION_PACKET, Pec.openWrite(0x08, sealed));
        byte[] read = Pec.sealRead(0x08, CAPABILITIES_PACKET);
        assertArrayEquals(CAPABILITIES_PACKET, Pec.openRead(0x08, read));
        // A write PEC does not open as a read, nor for another address.
        var e = assertThrows(ProtocolException.class, () -> Pec.openRead(0x08, sealed));
        assertEquals(String.format("private read: PEC 0x35 at offset 15, expected 0x%02X",
                Pec.ofRead(0x08, FIRMWARE_VERSION_PACKET, 0, FIRMWARE_VERSION_PACKET.length)), e.getMessage());
        assertThrows(ProtocolException.class, () -> Pec.openWrite(0x09, sealed));
        assertEquals("private write: no bytes, so no PEC",
                assertThrows(ProtocolException.class, () -> Pec.openWrite(0x08, new byte[0])).getMessage());
    }
}
