package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.octets;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.AuthorizedSubcommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.CapabilityFlag;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceInfo;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceInfoRequest;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.FirmwareVersion;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.FirmwareVersionRequest;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.McuRomCapability;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.McuRuntimeCapability;
import org.junit.jupiter.api.Test;

class McDeviceInfoCommandsTest {
    private static final McCommand MDID = McCommand.MC_DEVICE_ID;

    // ---- MC_DEVICE_ID: the facts of the old McDeviceId codec, now through MailboxFrame ----

    @Test
    void deviceIdCodeAndSizes() {
        assertEquals(0x4D44_4944, McDeviceInfoCommands.MC_DEVICE_ID.code());
        assertEquals(MDID, McCommand.fromCode(0x4D44_4944).orElseThrow());
        assertSizes(McDeviceInfoCommands.MC_DEVICE_ID.request(), 0, 0);
        assertSizes(McDeviceInfoCommands.MC_DEVICE_ID.response(), 4 * 2, 4 * 2); // four u16
    }

    @Test
    void deviceIdRequestIsTheChecksumOfTheCommandAlone() {
        // 0x4D + 0x44 + 0x49 + 0x44 = 0x11E, so the checksum is 0xFFFFFEE2.
        byte[] frame = MailboxFrame.sealRequest(MDID.code(), McDeviceInfoCommands.MC_DEVICE_ID.encodeRequest(NoFields.INSTANCE));
        assertArrayEquals(hex("E2FEFFFF"), frame);
        assertEquals(NoFields.INSTANCE, McDeviceInfoCommands.MC_DEVICE_ID.decodeRequest(
                MailboxFrame.openRequest(MDID.code(), frame, "MC_DEVICE_ID request")));

        var bad = assertThrows(MailboxFrame.FrameException.class,
                () -> MailboxFrame.openRequest(MDID.code(), hex("E3FEFFFF"), "MC_DEVICE_ID request"));
        assertEquals(MailboxFrame.Violation.BAD_CHECKSUM, bad.violation());

        // A trailing zero byte leaves the sum unchanged, so the frame opens and the message codec refuses it.
        byte[] fields = MailboxFrame.openRequest(MDID.code(), hex("E2FEFFFF00"), "MC_DEVICE_ID request");
        assertProtocolError(() -> McDeviceInfoCommands.MC_DEVICE_ID.decodeRequest(fields),
                "MC_DEVICE_ID request: 1 bytes, expected exactly 0");
    }

    @Test
    void deviceIdResponseWireBytesAreLittleEndianU16s() {
        var ids = new DeviceIdentity(0xCA11, 0x0021, 0xCA11, 0x0001);
        // body sum 0x11+0xCA+0x21+0x11+0xCA+0x01 = 0x1D8 -> checksum 0xFFFFFE28
        byte[] expected = hex("28FEFFFF 00000000 11CA 2100 11CA 0100");
        assertArrayEquals(expected, MailboxFrame.sealResponse(0, McDeviceInfoCommands.MC_DEVICE_ID.encodeResponse(ids)));
        var opened = MailboxFrame.openResponse(expected, "MC_DEVICE_ID response");
        assertEquals(MailboxFrame.FIPS_APPROVED, opened.fipsStatus());
        assertEquals(ids, McDeviceInfoCommands.MC_DEVICE_ID.decodeResponse(opened.fields()));
    }

    @Test
    void deviceIdRoundTripsExtremes() {
        for (int v : new int[] {0, 1, 0x7FFF, 0x8000, 0xFFFF}) {
            var ids = new DeviceIdentity(v, 0xFFFF - v, v, 0xFFFF - v);
            byte[] frame = MailboxFrame.sealResponse(MailboxFrame.FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST,
                    McDeviceInfoCommands.MC_DEVICE_ID.encodeResponse(ids));
            var opened = MailboxFrame.openResponse(frame, "MC_DEVICE_ID response");
            assertEquals(0x5553_5244, opened.fipsStatus());
            assertEquals(ids, McDeviceInfoCommands.MC_DEVICE_ID.decodeResponse(opened.fields()));
        }
    }

    @Test
    void deviceIdRejectsWrongSizeAndBadChecksum() {
        byte[] good = MailboxFrame.sealResponse(0, McDeviceInfoCommands.MC_DEVICE_ID.encodeResponse(new DeviceIdentity(1, 2, 3, 0)));
        // Dropping the last (zero) byte keeps the checksum valid: the message is one byte short.
        var opened = MailboxFrame.openResponse(Arrays.copyOf(good, 15), "MC_DEVICE_ID response");
        assertProtocolError(() -> McDeviceInfoCommands.MC_DEVICE_ID.decodeResponse(opened.fields()),
                "MC_DEVICE_ID response: 7 bytes, expected exactly 8");
        byte[] bad = good.clone();
        bad[9] ^= 0x40;
        assertProtocolError(() -> MailboxFrame.openResponse(bad, "MC_DEVICE_ID response"), "MC_DEVICE_ID response",
                "checksum mismatch");
    }

    @Test
    void identityFieldsAreU16() {
        assertArgumentError("vendor_id", () -> new DeviceIdentity(0x10000, 0, 0, 0));
        assertArgumentError("subsystem_id", () -> new DeviceIdentity(0, 0, 0, -1));
    }

    // ---- MC_FIRMWARE_VERSION ----

    @Test
    void firmwareVersionSizes() {
        assertSizes(McDeviceInfoCommands.MC_FIRMWARE_VERSION.request(), 4, 4); // index
        assertSizes(McDeviceInfoCommands.MC_FIRMWARE_VERSION.response(), 4, 4 + 32); // data_len + version[<=32]
        randomBytesSurvive(McDeviceInfoCommands.MC_FIRMWARE_VERSION.request(), 4, 11);
    }

    @Test
    void firmwareVersionRequestFrames() {
        // hostlib §3.1: MFWV request for index 0 and 1.
        int code = McCommand.MC_FIRMWARE_VERSION.code();
        assertArrayEquals(hex("C0FEFFFF 00000000"), MailboxFrame.sealRequest(code, McDeviceInfoCommands.MC_FIRMWARE_VERSION
                .encodeRequest(new FirmwareVersionRequest(FirmwareVersionRequest.CALIPTRA_CORE))));
        assertArrayEquals(hex("BFFEFFFF 01000000"), MailboxFrame.sealRequest(code, McDeviceInfoCommands.MC_FIRMWARE_VERSION
                .encodeRequest(new FirmwareVersionRequest(FirmwareVersionRequest.MCU_RUNTIME))));
    }

    @Test
    void firmwareVersionResponseFrame() {
        // hostlib §3.1: "2.0.0", fips 0.
        byte[] frame = hex("0DFFFFFF 00000000 05000000 322E302E30");
        var opened = MailboxFrame.openResponse(frame, "MC_FIRMWARE_VERSION response");
        FirmwareVersion version = McDeviceInfoCommands.MC_FIRMWARE_VERSION.decodeResponse(opened.fields());
        assertEquals("2.0.0", version.text());
        assertArrayEquals(frame, MailboxFrame.sealResponse(0, McDeviceInfoCommands.MC_FIRMWARE_VERSION.encodeResponse(
                FirmwareVersion.of("2.0.0"))));
    }

    @Test
    void firmwareVersionRoundTripsEmptyAndFull() {
        for (String s : new String[] {"", "1.2.3.4-mock_git_commit_sha", "a".repeat(32)}) {
            var v = FirmwareVersion.of(s);
            assertEquals(v, McDeviceInfoCommands.MC_FIRMWARE_VERSION.decodeResponse(
                    McDeviceInfoCommands.MC_FIRMWARE_VERSION.encodeResponse(v)));
            assertEquals(s, v.text());
        }
        assertEquals("1.0", new FirmwareVersion(octets("312E30 0000")).text());
    }

    @Test
    void firmwareVersionRefusesBadLengths() {
        var codec = McDeviceInfoCommands.MC_FIRMWARE_VERSION;
        assertProtocolError(() -> codec.decodeResponse(hex("21000000")), "MC_FIRMWARE_VERSION response",
                "field 'data_len' at offset 0 is 33, expected 0..32");
        assertProtocolError(() -> codec.decodeResponse(hex("05000000 322E302E")), "MC_FIRMWARE_VERSION response",
                "field 'data_len'", "is 5 but 4 bytes follow");
        assertProtocolError(() -> codec.decodeResponse(hex("03000000 322E302E30")), "MC_FIRMWARE_VERSION response",
                "field 'data_len'", "is 3 but 5 bytes follow");
        assertProtocolError(() -> codec.decodeResponse(hex("050000")), "MC_FIRMWARE_VERSION response: 3 bytes, expected 4 to 36");
        assertProtocolError(() -> codec.decodeRequest(hex("0000000000")), "MC_FIRMWARE_VERSION request: 5 bytes");
        assertArgumentError("version", () -> FirmwareVersion.of("1".repeat(33)));
        assertArgumentError("version", () -> FirmwareVersion.of("1.0\u00e9"));
    }

    // ---- MC_DEVICE_CAPABILITIES ----

    /** caliptra_rt 1, caliptra_rom 1, mcu_rt 0xFF, external_commands 0x000200EF, authorized_subcommands 9. */
    private static final String HOSTLIB_TEST_CAPS = "0000000000000001 00000000 00000001 00000000 000000FF 000200EF 00000009 00000000";

    @Test
    void capabilitiesSizes() {
        assertSizes(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES.request(), 0, 0);
        // caliptra_rt 8 + fmc 4 + rom 4 + mcu_rom 4 + mcu_rt 4 + external 4 + authorized 4 + reserved 4
        assertSizes(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES.response(), 8 + 4 * 6 + 4, 36);
        randomBytesSurvive(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES.response(), 36, 12);
    }

    @Test
    void capabilitiesFrameOfTheHostLibraryMock() {
        // hostlib §3.1: fips 1 and the mock's caps sum to 508, so the checksum is 0xFFFFFE04.
        byte[] frame = hex("04FEFFFF 01000000" + HOSTLIB_TEST_CAPS);
        var opened = MailboxFrame.openResponse(frame, "MC_DEVICE_CAPABILITIES response");
        assertEquals(1, opened.fipsStatus());
        DeviceCapabilities caps = McDeviceInfoCommands.MC_DEVICE_CAPABILITIES.decodeResponse(opened.fields());
        assertEquals(DeviceCapabilities.of(1, 0, 1, 0, 0xFF, 0x0002_00EF, 9), caps);
        assertEquals(1L, caps.caliptraRt());
        assertEquals(0, caps.caliptraFmc());
        assertEquals(1, caps.caliptraRom());
        assertEquals(0, caps.mcuRom());
        assertEquals(0xFF, caps.mcuRt());
        assertEquals(0x0002_00EF, caps.externalCommands());
        assertEquals(9, caps.authorizedSubcommands());
        assertTrue(caps.reserved().isZero());
        for (McuRuntimeCapability flag : McuRuntimeCapability.values()) {
            assertTrue(caps.has(flag), flag.name());
        }
        assertTrue(caps.has(ExternalCommand.AUTHORIZED_COMMAND));
        assertFalse(caps.has(ExternalCommand.GET_ATTESTATION));
        assertFalse(caps.has(ExternalCommand.DEVICE_OWNERSHIP_TRANSFER));
        assertTrue(caps.has(AuthorizedSubcommand.GET_AUTH_CHALLENGE));
        assertTrue(caps.has(AuthorizedSubcommand.PROGRAM_FIELD_ENTROPY));
        assertFalse(caps.has(AuthorizedSubcommand.PROVISION_VENDOR_PK_HASH));
        assertFalse(caps.has(McuRomCapability.FLASH_BOOT));
        // The first 16 bytes are the core CAPABILITIES u128: RT_BASE is bit 64, ROM_BASE bit 0.
        InfoCommands.Capabilities core = caps.coreCapabilities();
        assertTrue(core.has(InfoCommands.Capabilities.RT_BASE));
        assertTrue(core.has(InfoCommands.Capabilities.ROM_BASE));
        assertFalse(core.has(InfoCommands.Capabilities.RT_OCP_LOCK));
    }

    @Test
    void capabilityWordsAreBigEndianAtTheirOffsets() {
        var caps = DeviceCapabilities.of(0x0102_0304_0506_0708L, 0x1112_1314, 0x2122_2324, 0x3132_3334, 0x4142_4344,
                0x5152_5354, 0x6162_6364);
        assertEquals(octets("0102030405060708 11121314 21222324 31323334 41424344 51525354 61626364 00000000"), caps.caps());
        assertEquals(0x0102_0304_0506_0708L, caps.caliptraRt());
        assertEquals(0x6162_6364, caps.authorizedSubcommands());
        assertEquals(-1L, DeviceCapabilities.of(-1L, 0, 0, 0, 0, 0, 0).caliptraRt());
    }

    @Test
    void capabilityFlagBits() {
        assertEquals(7, McuRuntimeCapability.DOE.bit());
        assertEquals(2, McuRomCapability.NETWORK_BOOT.bit());
        assertEquals(0, ExternalCommand.FIRMWARE_VERSION.bit());
        assertEquals(7, ExternalCommand.EXPORT_ATTESTED_CSR.bit());
        assertEquals(16, ExternalCommand.DEVICE_OWNERSHIP_TRANSFER.bit());
        assertEquals(17, ExternalCommand.AUTHORIZED_COMMAND.bit());
        assertEquals(11, AuthorizedSubcommand.GET_DOT_BACKUP_BLOB.bit());
        assertEquals(0x0002_00EF, CapabilityFlag.maskOf(ExternalCommand.FIRMWARE_VERSION, ExternalCommand.DEVICE_CAPABILITIES,
                ExternalCommand.GET_DEBUG_LOG, ExternalCommand.CLEAR_DEBUG_LOG, ExternalCommand.REQUEST_DEBUG_UNLOCK,
                ExternalCommand.AUTHORIZE_DEBUG_UNLOCK_TOKEN, ExternalCommand.EXPORT_ATTESTED_CSR, ExternalCommand.AUTHORIZED_COMMAND));
    }

    @Test
    void capabilitiesRefuseWrongSizes() {
        assertProtocolError(() -> McDeviceInfoCommands.MC_DEVICE_CAPABILITIES.decodeResponse(new byte[35]),
                "MC_DEVICE_CAPABILITIES response: 35 bytes, expected exactly 36");
        assertProtocolError(() -> McDeviceInfoCommands.MC_DEVICE_CAPABILITIES.decodeResponse(new byte[37]),
                "MC_DEVICE_CAPABILITIES response: 37 bytes, expected exactly 36");
        assertArgumentError("caps", () -> new DeviceCapabilities(Octets.zeros(32)));
    }

    // ---- MC_DEVICE_INFO (older revision) ----

    @Test
    void deviceInfoSizesAndFrames() {
        assertSizes(McDeviceInfoCommands.MC_DEVICE_INFO.request(), 4, 4); // index
        assertSizes(McDeviceInfoCommands.MC_DEVICE_INFO.response(), 4, 4 + 32); // data_len + data[<=32]
        // 0x4D + 0x44 + 0x49 + 0x4E = 0x128
        assertArrayEquals(hex("D8FEFFFF 00000000"), MailboxFrame.sealRequest(McCommand.MC_DEVICE_INFO.code(),
                McDeviceInfoCommands.MC_DEVICE_INFO.encodeRequest(new DeviceInfoRequest(DeviceInfoRequest.UNIQUE_CHIP_ID))));
        var uid = new DeviceInfo(octets("00112233445566778899AABBCCDDEEFF"));
        byte[] fields = McDeviceInfoCommands.MC_DEVICE_INFO.encodeResponse(uid);
        assertArrayEquals(hex("10000000 00112233445566778899AABBCCDDEEFF"), fields);
        assertEquals(uid, McDeviceInfoCommands.MC_DEVICE_INFO.decodeResponse(fields));
        randomBytesSurvive(McDeviceInfoCommands.MC_DEVICE_INFO.request(), 4, 13);
    }

    @Test
    void deviceInfoRefusesBadLengths() {
        var codec = McDeviceInfoCommands.MC_DEVICE_INFO;
        assertProtocolError(() -> codec.decodeResponse(hex("FFFFFFFF")), "MC_DEVICE_INFO response",
                "field 'data_len' at offset 0 is 4294967295, expected 0..32");
        assertProtocolError(() -> codec.decodeResponse(hex("02000000 AA")), "MC_DEVICE_INFO response", "field 'data_len'",
                "is 2 but 1 bytes follow");
        assertProtocolError(() -> codec.decodeResponse(hex("00000000 AA")), "MC_DEVICE_INFO response", "field 'data_len'",
                "is 0 but 1 bytes follow");
        assertArgumentError("data", () -> new DeviceInfo(Octets.zeros(33)));
    }
}
