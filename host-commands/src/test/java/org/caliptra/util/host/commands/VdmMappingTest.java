package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugClearLog;
import org.caliptra.util.host.commands.debug.DebugCommands.DebugGetLog;
import org.caliptra.util.host.commands.debug.DebugCommands.LogPage;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.Capabilities;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.FirmwareVersion;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetDeviceCapabilities;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetFirmwareVersion;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mctp.VdmCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.junit.jupiter.api.Test;

/** The four MCTP-VDM mappings of spec/hostlib.md §2.5: payloads out, response data (after the completion code) back. */
class VdmMappingTest {
    private static final HexFormat HEX = HexFormat.of();

    private static VdmCommandMapping mapping(int id) {
        return CommandCatalog.builtIn().vdmTable().lookup(id).orElseThrow();
    }

    @Test
    void firmwareVersionSendsTheAreaIndexAndReadsTheStringToItsFirstNul() {
        var m = mapping(0x0001);
        assertEquals(0x01, m.vdmCommand());
        assertEquals("VDM_FIRMWARE_VERSION (VDM 0x01)", m.name());
        assertArrayEquals(HEX.parseHex("02000000"), m.toVdmPayload(new GetFirmwareVersion(2).encodeRequest()));
        byte[] field = Arrays.copyOf("2.0.0".getBytes(), 32);
        System.arraycopy("9.9.9 junk".getBytes(), 0, field, 6, 10);
        FirmwareVersion v = GetFirmwareVersion.TYPE.decodeResponse(m.toInternalResponse(field));
        assertEquals(new FirmwareVersion(0, 2, 0, 0, 0, Octets.zeros(20)), v);
        FirmwareVersion full = GetFirmwareVersion.TYPE.decodeResponse(m.toInternalResponse(
                VdmCommands.VDM_FIRMWARE_VERSION.encodeResponse(VdmCommands.FirmwareVersion.of("1.2.3 abcd"))));
        assertEquals("1.2.3.0", full.text());
        assertEquals("abcd", full.commit());
        var e = assertThrows(ProtocolException.class, () -> m.toInternalResponse(new byte[31]));
        assertTrue(e.getMessage().startsWith("VDM_FIRMWARE_VERSION response: 31 bytes, expected exactly 32"), e.getMessage());
    }

    @Test
    void capabilitiesAreCopiedWithFipsStatusZero() {
        var m = mapping(0x0002);
        assertEquals(0x02, m.vdmCommand());
        assertEquals(0, m.toVdmPayload(new GetDeviceCapabilities().encodeRequest()).length);
        var caps = DeviceCapabilities.of(0x0102, 3, 4, 0, 0x30, 0x2000F, 0x0FFF);
        assertEquals(new Capabilities(0, caps), GetDeviceCapabilities.TYPE.decodeResponse(m.toInternalResponse(caps.caps().toByteArray())));
    }

    @Test
    void debugLogNormalisesMoreDataAndTakesAtMost900Bytes() {
        var m = mapping(0x7005);
        assertEquals(0x03, m.vdmCommand());
        assertEquals(0, m.toVdmPayload(new DebugGetLog().encodeRequest()).length);
        byte[] data = new byte[900];
        Arrays.fill(data, (byte) 0x5A);
        LogPage page = DebugGetLog.TYPE.decodeResponse(m.toInternalResponse(
                VdmCommands.VDM_GET_DEBUG_LOG.encodeResponse(new VdmCommands.DebugLog(7, Octets.of(data)))));
        assertEquals(new LogPage(0, true, Octets.of(data)), page);
        byte[] internal = m.toInternalResponse(HEX.parseHex("00000000" + "02000000" + "abcd"));
        assertArrayEquals(HEX.parseHex("00000000" + "00000000" + "02000000" + "abcd"), Arrays.copyOf(internal, 14));
        assertEquals(4108, internal.length);
        var e = assertThrows(ProtocolException.class, () -> m.toInternalResponse(HEX.parseHex("00000000" + "85030000" + "00".repeat(901))));
        assertEquals("VDM_GET_DEBUG_LOG response: 909 bytes, expected 8 to 908", e.getMessage());
        var overDeclared = assertThrows(ProtocolException.class, () -> m.toInternalResponse(HEX.parseHex("00000000" + "85030000" + "00")));
        assertTrue(overDeclared.getMessage().contains("field 'data_size' at offset 4 is 901, at most 900"), overDeclared.getMessage());
    }

    @Test
    void clearDebugLogHasNoData() {
        var m = mapping(0x7008);
        assertEquals(0x04, m.vdmCommand());
        assertEquals(new StatusResponse(0), DebugClearLog.TYPE.decodeResponse(m.toInternalResponse(new byte[0])));
        assertThrows(ProtocolException.class, () -> m.toInternalResponse(new byte[1]));
    }
}
