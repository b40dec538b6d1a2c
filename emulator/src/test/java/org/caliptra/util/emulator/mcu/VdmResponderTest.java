package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The MCTP-VDM responder of a booted caliptra-2.1 device, byte for byte (spec/hostlib.md §4.1–§4.2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VdmResponderTest {
    private static final HexFormat HEX = HexFormat.of();
    private CaliptraDevice device;

    @BeforeAll
    void boot() {
        device = McuClient.booted();
    }

    @AfterAll
    void close() {
        device.close();
    }

    private String exchange(String requestHex) {
        return HEX.formatHex(device.exchangeVdm(HEX.parseHex(requestHex.replace(" ", ""))));
    }

    private static String padded(String version) {
        return HEX.formatHex(Arrays.copyOf(version.getBytes(), 32));
    }

    /** The spec's worked example: area 0 → header 00 00 A6 7F 00 01, cc 0, version[32]. */
    @Test
    void firmwareVersionAnswersTheSpecsExampleLayout() {
        assertEquals("0000a67f0001" + "00000000" + padded("1.2.3"), exchange("00 00 A6 7F 80 01 00 00 00 00"));
        assertEquals("0000a67f0001" + "00000000" + padded("2.0.0"), exchange("00 00 A6 7F 80 01 01 00 00 00"));
    }

    /** A failing FirmwareVersion keeps its 42-byte layout, zero version, as the reference encodes it. */
    @Test
    void firmwareVersionFailuresKeepTheirLayout() {
        assertEquals("0000a67f0001" + "07000000" + "00".repeat(32), exchange("00 00 A6 7F 80 01 02 00 00 00"),
                "index 2 without a SoC version: UNSUPPORTED_OPERATION");
        assertEquals("0000a67f0001" + "02000000" + "00".repeat(32), exchange("00 00 A6 7F 80 01 09 00 00 00"),
                "index 9: INVALID_PARAMETER");
    }

    @Test
    void deviceCapabilitiesAreTheMailboxsCaps() {
        byte[] response = device.exchangeVdm(HEX.parseHex("0000A67F8002"));
        assertEquals(46, response.length);
        assertEquals("0000a67f000200000000", HEX.formatHex(response, 0, 10));
        var caps = new McuClient(device).call(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES, NoFields.INSTANCE);
        assertArrayEquals(caps.caps().toByteArray(), Arrays.copyOfRange(response, 10, 46));
    }

    @Test
    void malformedRequestsGetTheReferencesCompletionCodes() {
        assertEquals("0000a67f0000" + "03000000", exchange("00 00 A6"), "shorter than the header: INVALID_LENGTH, command 0");
        assertEquals("0000a67f0009" + "07000000", exchange("00 00 A6 7F 80 09"), "unknown command: UNSUPPORTED_OPERATION");
        assertEquals("0000a67f0002" + "03000000", exchange("00 00 A6 7F 80 02 00"), "a byte too many: INVALID_LENGTH");
        assertEquals("0000a67f0001" + "03000000", exchange("00 00 A6 7F 80 01 00 00 00"), "a byte too few");
        assertEquals("0000a67f0004" + "03000000", exchange("00 00 A6 7F 80 04 00 00 00 00"));
        assertEquals("0000a67f0001" + "02000000", exchange("00 00 A6 7E 80 01 00 00 00 00"), "another vendor: INVALID_PARAMETER");
        assertEquals("0000a67f0001" + "02000000", exchange("00 00 A6 7F 00 01 00 00 00 00"), "a response: INVALID_PARAMETER");
        assertEquals("0000a67f0002" + "02000000", exchange("00 00 A6 7F C0 02"), "reserved control bits: INVALID_PARAMETER");
        var decoded = VdmMessage.Response.decode(device.exchangeVdm(HEX.parseHex("0000A67F8009")));
        assertEquals(VdmCompletionCode.UNSUPPORTED_OPERATION.value(), decoded.completionCode());
    }

    @Test
    void aCoreThatNeverStartedFailsTheCoreDerivedAnswers() {
        try (var d = CaliptraDevice.create(McuClient.config())) {
            // The core never takes the MCU's VERSION / CAPABILITIES: the reference's map_mcu_err of MAILBOX_BUSY.
            assertEquals("0000a67f0001" + "c0000000" + "00".repeat(32),
                    HEX.formatHex(d.exchangeVdm(HEX.parseHex("0000A67F800100000000"))), "CALIPTRA_MAILBOX_BUSY");
            assertEquals("0000a67f0002" + "c0000000" + "00".repeat(36), HEX.formatHex(d.exchangeVdm(HEX.parseHex("0000A67F8002"))));
            assertEquals("0000a67f0001" + "00000000" + padded("2.0.0"),
                    HEX.formatHex(d.exchangeVdm(HEX.parseHex("0000A67F800101000000"))), "the MCU's own version needs no core");
        }
    }

    @Test
    void aPartWithoutAnMcuHasNoResponder() {
        try (var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).build())) {
            var e = assertThrows(IllegalStateException.class, () -> d.exchangeVdm(HEX.parseHex("0000A67F8002")));
            assertEquals("caliptra-1.2 has no MCU, so no MCTP-VDM responder (caliptra-2.1 has)", e.getMessage());
        }
    }
}
