package org.caliptra.util.protocol.mctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mctp.VdmCommands.DebugLog;
import org.caliptra.util.protocol.mctp.VdmCommands.FirmwareVersion;
import org.caliptra.util.protocol.mctp.VdmCommands.FirmwareVersionRequest;
import org.caliptra.util.protocol.mctp.VdmCommands.VdmCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.junit.jupiter.api.Test;

/** Message sizes of spec/hostlib.md §4.2: request/response VDM lengths less the 6-byte header and the 4-byte cc. */
class VdmCommandsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void commandBytesAreTheOnesOfTheSpec() {
        assertEquals(0x01, VdmCommand.VDM_FIRMWARE_VERSION.code());
        assertEquals(0x02, VdmCommand.VDM_DEVICE_CAPABILITIES.code());
        assertEquals(0x03, VdmCommand.VDM_GET_DEBUG_LOG.code());
        assertEquals(0x04, VdmCommand.VDM_CLEAR_DEBUG_LOG.code());
        assertEquals("VDM_GET_DEBUG_LOG (VDM 0x03)", VdmCommand.VDM_GET_DEBUG_LOG.describe());
    }

    @Test
    void firmwareVersionIsAnAreaIndexOutAndA32ByteNulPaddedStringBack() {
        // request VDM 10 bytes = 6 header + area_index
        assertArrayEquals(HEX.parseHex("01000000"), VdmCommands.VDM_FIRMWARE_VERSION.encodeRequest(new FirmwareVersionRequest(1)));
        byte[] response = VdmCommands.VDM_FIRMWARE_VERSION.encodeResponse(FirmwareVersion.of("2.0.0"));
        assertEquals(42 - 10, response.length);
        assertArrayEquals(HEX.parseHex("322e302e30" + "00".repeat(27)), response);
        assertEquals(Octets.of("2.0.0".getBytes()), VdmCommands.VDM_FIRMWARE_VERSION.decodeResponse(response).string());
        // no NUL: all 32 bytes are the string
        assertEquals(32, new FirmwareVersion(Octets.of("a".repeat(32).getBytes())).string().length());
        assertThrows(ProtocolException.class, () -> VdmCommands.VDM_FIRMWARE_VERSION.decodeResponse(new byte[31]));
    }

    @Test
    void capabilitiesAre36BytesAndClearLogHasNoData() {
        var caps = DeviceCapabilities.of(1, 2, 3, 4, 5, 6, 7);
        assertEquals(46 - 10, VdmCommands.VDM_DEVICE_CAPABILITIES.encodeResponse(caps).length);
        assertEquals(caps, VdmCommands.VDM_DEVICE_CAPABILITIES.decodeResponse(VdmCommands.VDM_DEVICE_CAPABILITIES.encodeResponse(caps)));
        assertEquals(0, VdmCommands.VDM_CLEAR_DEBUG_LOG.encodeResponse(NoFields.INSTANCE).length);
        assertEquals(0, VdmCommands.VDM_GET_DEBUG_LOG.encodeRequest(NoFields.INSTANCE).length);
    }

    @Test
    void debugLogIsMoreDataSizeAndAtMost900Bytes() {
        byte[] r = VdmCommands.VDM_GET_DEBUG_LOG.encodeResponse(new DebugLog(1, Octets.fromHex("abcd")));
        assertArrayEquals(HEX.parseHex("01000000" + "02000000" + "abcd"), r);
        DebugLog log = VdmCommands.VDM_GET_DEBUG_LOG.decodeResponse(r);
        assertTrue(log.hasMoreData());
        assertFalse(new DebugLog(0, Octets.zeros(0)).hasMoreData());
        assertEquals(18 + 900 - 10, VdmCommands.VDM_GET_DEBUG_LOG.encodeResponse(new DebugLog(0, Octets.zeros(900))).length);
        assertThrows(IllegalArgumentException.class, () -> new DebugLog(0, Octets.zeros(901)));
        byte[] over = HEX.parseHex("00000000" + "85030000" + "00".repeat(901));
        var e = assertThrows(ProtocolException.class, () -> VdmCommands.VDM_GET_DEBUG_LOG.decodeResponse(over));
        assertTrue(e.getMessage().contains("VDM_GET_DEBUG_LOG response"), e.getMessage());
        byte[] truncated = HEX.parseHex("00000000" + "05000000" + "0102");
        var t = assertThrows(ProtocolException.class, () -> VdmCommands.VDM_GET_DEBUG_LOG.decodeResponse(truncated));
        assertTrue(t.getMessage().contains("data_size"), t.getMessage());
    }
}
