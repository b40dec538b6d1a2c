package org.caliptra.util.protocol.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

class McDeviceIdTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void codeIsMdid() {
        assertEquals(0x4D44_4944, McDeviceId.CODE);
        assertEquals(McCommand.MC_DEVICE_ID, McCommand.fromCode(0x4D44_4944).orElseThrow());
    }

    @Test
    void requestIsTheChecksumOfTheCommandAlone() {
        // 0x4D + 0x44 + 0x49 + 0x44 = 0x11E, so the checksum is 0xFFFFFEE2.
        assertArrayEquals(hex("E2FEFFFF"), McDeviceId.encodeRequest());
        assertDoesNotThrow(() -> McDeviceId.checkRequest(hex("E2FEFFFF")));
        assertThrows(ProtocolException.class, () -> McDeviceId.checkRequest(hex("E3FEFFFF")));
        assertThrows(ProtocolException.class, () -> McDeviceId.checkRequest(hex("E2FEFFFF00")));
    }

    @Test
    void responseWireBytesAreLittleEndianU16s() {
        var ids = new DeviceIdentity(0xCA11, 0x0021, 0xCA11, 0x0001);
        // body sum 0x11+0xCA+0x21+0x11+0xCA+0x01 = 0x1D8 -> checksum 0xFFFFFE28
        byte[] expected = hex("28FEFFFF 00000000 11CA 2100 11CA 0100");
        assertArrayEquals(expected, McDeviceId.encodeResponse(new McDeviceId.Response(0, ids)));
        assertEquals(new McDeviceId.Response(0, ids), McDeviceId.decodeResponse(expected));
    }

    @Test
    void roundTripsExtremes() {
        for (int v : new int[] {0, 1, 0x7FFF, 0x8000, 0xFFFF}) {
            var r = new McDeviceId.Response(0x5553_5244, new DeviceIdentity(v, 0xFFFF - v, v, 0xFFFF - v));
            assertEquals(r, McDeviceId.decodeResponse(McDeviceId.encodeResponse(r)));
        }
    }

    @Test
    void rejectsWrongSizeAndBadChecksum() {
        byte[] good = McDeviceId.encodeResponse(new McDeviceId.Response(0, new DeviceIdentity(1, 2, 3, 4)));
        var shortE = assertThrows(ProtocolException.class, () -> McDeviceId.decodeResponse(java.util.Arrays.copyOf(good, 15)));
        assertEquals("MC_DEVICE_ID response: 15 bytes, expected 16", shortE.getMessage());
        byte[] bad = good.clone();
        bad[9] ^= 0x40;
        var sumE = assertThrows(ProtocolException.class, () -> McDeviceId.decodeResponse(bad));
        assertTrue(sumE.getMessage().contains("checksum mismatch"), sumE.getMessage());
    }

    @Test
    void identityFieldsAreU16() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DeviceIdentity(0x10000, 0, 0, 0));
        assertTrue(e.getMessage().startsWith("vendor_id"));
        assertThrows(IllegalArgumentException.class, () -> new DeviceIdentity(0, 0, 0, -1));
    }
}
