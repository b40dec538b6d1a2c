package org.caliptra.util.protocol.core;

import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.core.InfoCommands.Capabilities;
import org.caliptra.util.protocol.core.InfoCommands.FipsVersion;
import org.caliptra.util.protocol.core.InfoCommands.FwInfoV1;
import org.caliptra.util.protocol.core.InfoCommands.FwInfoV2;
import org.junit.jupiter.api.Test;

/** CAPABILITIES, VERSION and FW_INFO against spec/device.md §4.2 (totals include the 8-byte header). */
class InfoCommandsTest {
    @Test
    void capabilityBitsSitWhereTheSpecSays() {
        // u128 big-endian: ROM_BASE bit 0 → byte 15; RT_BASE bit 64 → byte 7; ROM_OCP_LOCK bit 1 → byte 15 bit 1.
        assertArrayEquals(hex("00000000000000000000000000000001"), InfoCommands.CAPABILITIES.encodeResponse(Capabilities.of(0)));
        assertArrayEquals(hex("00000000000000010000000000000000"), InfoCommands.CAPABILITIES.encodeResponse(Capabilities.of(64)));
        var both = InfoCommands.CAPABILITIES.decodeResponse(hex("00000000000000030000000000000003"));
        assertTrue(both.has(Capabilities.RT_BASE) && both.has(Capabilities.RT_OCP_LOCK) && both.has(Capabilities.ROM_OCP_LOCK));
        assertFalse(both.has(Capabilities.ROM_STABLE_OWNER_KEY));
        assertEquals(16, InfoCommands.CAPABILITIES.response().minSize(), "24 total - 8");
    }

    @Test
    void versionIsTwentyEightBytesOfFieldsWithTheNameLast() {
        var v = new FipsVersion(FipsVersion.MODE_FIPS, 0x11, 0x0102_0304, 0x0506_0708, FipsVersion.NAME);
        byte[] bytes = InfoCommands.VERSION.encodeResponse(v);
        assertEquals(36 - 8, bytes.length);
        assertArrayEquals(hex("53504946 11000000 04030201 08070605") , java.util.Arrays.copyOf(bytes, 16));
        assertEquals("Caliptra RTM", new String(bytes, 16, 12, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(v, InfoCommands.VERSION.decodeResponse(bytes));
        assertEquals(0x0304, v.romVersion());
        assertEquals(0x0102, v.fmcVersion());
    }

    @Test
    void versionNameBeyondAsciiIsAMalformedResponseNotAQuestionMark() {
        byte[] bytes = InfoCommands.VERSION.encodeResponse(
                new FipsVersion(FipsVersion.MODE_FIPS, 0x11, 0x0102_0304, 0x0506_0708, FipsVersion.NAME));
        bytes[16 + 9] = (byte) 0xB9;
        var e = assertThrows(org.caliptra.util.protocol.ProtocolException.class, () -> InfoCommands.VERSION.decodeResponse(bytes));
        assertEquals("VERSION response: field 'name' at offset 16 holds byte 0xB9 at index 9, which is not ASCII", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FipsVersion(0, 0, 0, 0, "Calipträ"));
    }

    @Test
    void fwInfoLayoutsPerGenerationWithDigestsInWordOrder() {
        assertEquals(264 - 8, InfoCommands.fwInfo(Generation.V1).response().minSize());
        assertEquals(392 - 8, InfoCommands.fwInfo(Generation.V2).response().minSize());
        var v1 = new FwInfoV1(0x21, 3, 2, 1, 0, counting(0, 20), counting(20, 20), counting(40, 20), counting(60, 32),
                counting(100, 48), counting(150, 48), counting(200, 48));
        byte[] bytes = InfoCommands.FW_INFO_V1.encodeResponse(v1);
        // fmc_sha384_digest at 20 + 60 + 32 = 112: u32[12], each word of the standard digest byte-reversed.
        assertArrayEquals(hex("67666564"), java.util.Arrays.copyOfRange(bytes, 112, 116));
        assertEquals(v1, InfoCommands.FW_INFO_V1.decodeResponse(bytes));
        var v2 = new FwInfoV2(1, 2, 3, 4, 5, counting(0, 20), counting(1, 20), counting(2, 20), counting(3, 32), counting(4, 48),
                counting(5, 48), counting(6, 48), counting(7, 48), 0x000E_0002, counting(8, 48), 1, 2, 3, 4, 5, 6, 7);
        byte[] b2 = InfoCommands.FW_INFO_V2.encodeResponse(v2);
        // most_recent_fw_error follows five u32, three revisions, 32 + 4 × 48 digest bytes: offset 304.
        assertArrayEquals(hex("02000E00"), java.util.Arrays.copyOfRange(b2, 304, 308));
        assertEquals(v2, InfoCommands.FW_INFO_V2.decodeResponse(b2));
        var e = assertThrows(ProtocolException.class, () -> InfoCommands.FW_INFO_V2.decodeResponse(bytes));
        assertTrue(e.getMessage().startsWith("FW_INFO response: 256 bytes, expected exactly 384"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FwInfoV1(0, 0, 0, 0, 0, Octets.zeros(19), counting(20, 20),
                counting(40, 20), counting(60, 32), counting(100, 48), counting(150, 48), counting(200, 48)));
    }
}
