package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.AuthorizedSubcommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceInfoRequest;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.FirmwareVersionRequest;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.McuRuntimeCapability;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

/** MC_FIRMWARE_VERSION, MC_DEVICE_CAPABILITIES, MC_DEVICE_INFO and the reserved codes, on booted, ROM-only and unstarted devices. */
class McuInfoTest {
    private static String version(McuClient mcu, int index) {
        return mcu.call(McDeviceInfoCommands.MC_FIRMWARE_VERSION, new FirmwareVersionRequest(index)).text();
    }

    @Test
    void firmwareVersionsOfABootedDevice() {
        try (var d = McuClient.booted()) {
            var mcu = new McuClient(d);
            assertEquals("1.2.3", version(mcu, 0), "the runtime the core booted (manifest version 0x01020003)");
            assertEquals("2.0.0", version(mcu, 1), "the reference MCU runtime's version by default");
            assertEquals(0x0602_0002, mcu.error(McDeviceInfoCommands.MC_FIRMWARE_VERSION, new FirmwareVersionRequest(2)),
                    "no SoC version: UnsupportedOperation, MCU_MBOX_COMMON in the MCI register");
            assertEquals(0x0602_0004, mcu.error(McDeviceInfoCommands.MC_FIRMWARE_VERSION, new FirmwareVersionRequest(3)),
                    "InvalidParameter → MCU_MBOX_INVALID_PARAMS");
        }
    }

    /** spec/hostlib.md §3.1's worked example: request BF FE FF FF 01 00 00 00, response "2.0.0" with fips 0. */
    @Test
    void firmwareVersionIsByteExactAgainstTheSpecExample() {
        try (var d = McuClient.atRom(McuClient.config())) {
            var reply = d.execute(McCommand.MC_FIRMWARE_VERSION.code(), HexFormat.of().parseHex("BFFEFFFF01000000"));
            assertArrayEquals(HexFormat.of().parseHex("0DFFFFFF000000000500000032 2E302E30".replace(" ", "")),
                    ((MailboxReply.Data) reply).bytes());
        }
    }

    @Test
    void configuredVersionsAndACoreStillInItsRom() {
        var config = McuClient.config().toBuilder().mcuRuntimeVersion(DeviceConfig.packVersion(3, 14, 159))
                .socFirmwareVersion(DeviceConfig.packVersion(7, 8, 9)).build();
        try (var d = McuClient.atRom(config)) {
            var mcu = new McuClient(d);
            assertEquals("0.0.0", version(mcu, 0), "the ROM's VERSION: no runtime in CPTRA_FW_REV_ID[1] yet");
            assertEquals("3.14.159", version(mcu, 1));
            assertEquals("7.8.9", version(mcu, 2));
        }
    }

    @Test
    void aCoreThatNeverStartedHasNoVersionOrCapabilities() {
        try (var d = CaliptraDevice.create(McuClient.config())) {
            var mcu = new McuClient(d);
            assertEquals("2.0.0", version(mcu, 1), "the MCU's own answer needs no core");
            assertEquals(0x0602_0002, mcu.error(McDeviceInfoCommands.MC_FIRMWARE_VERSION, new FirmwareVersionRequest(0)));
            assertEquals(0x0602_0002, mcu.error(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES, NoFields.INSTANCE));
        }
    }

    @Test
    void capabilitiesCopyTheCoresAndSayWhatTheMcuServes() {
        try (var d = McuClient.booted()) {
            var caps = new McuClient(d).call(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES, NoFields.INSTANCE);
            byte[] core = new McuClient(d.coreMailbox()).call(InfoCommands.CAPABILITIES, NoFields.INSTANCE).bits().toByteArray();
            assertArrayEquals(core, caps.caps().slice(0, 16).toByteArray(), "Caliptra's 16 bytes unchanged");
            assertTrue(caps.coreCapabilities().has(InfoCommands.Capabilities.RT_BASE));
            assertEquals(0, caps.mcuRom());
            assertEquals(Set.of(McuRuntimeCapability.MCI_MAILBOX_SERVICE, McuRuntimeCapability.MCTP_VDM_RESPONDER,
                    McuRuntimeCapability.USERSPACE_DEBUG_LOG), set(caps));
            assertEquals(0x300FF, caps.externalCommands(), "the four MCTP-VDM commands, GetAttestation, both debug-unlock "
                    + "commands, ExportAttestedCsr, DOT and AuthorizedCommand");
            assertEquals(0xFFF, caps.authorizedSubcommands(), "MACC, PVPK, MCMS, MCFP, MRVK, RVKH, IFPK, POPK and the four "
                    + "authorized DOT subcommands (spec/hostlib.md §4.2)");
            assertTrue(caps.reserved().isZero());
        }
        try (var d = McuClient.atRom(McuClient.config())) {
            var caps = new McuClient(d).call(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES, NoFields.INSTANCE);
            assertTrue(caps.coreCapabilities().has(InfoCommands.Capabilities.ROM_BASE), "the ROM's CAPABILITIES");
            assertFalse(caps.coreCapabilities().has(InfoCommands.Capabilities.RT_BASE));
        }
    }

    private static Set<McuRuntimeCapability> set(DeviceCapabilities caps) {
        var s = new java.util.HashSet<McuRuntimeCapability>();
        for (var c : McuRuntimeCapability.values()) {
            if (caps.has(c)) {
                s.add(c);
            }
        }
        return s;
    }

    /** Bits follow the MCU's command table: a family registered there is advertised with no other change. */
    @Test
    void commandBitsFollowWhatTheTableServes() {
        byte[] coreCaps = new byte[16];
        coreCaps[7] = 1;
        var core = new CoreLink((command, request) -> new MailboxReply.Data(MailboxFrame.sealResponse(0, coreCaps)), offset -> 0);
        Set<Integer> served = Set.of(McCommand.MC_FUSE_LOCK_PARTITION.code(), McCommand.MC_DEVICE_OWNERSHIP_TRANSFER.code(),
                McCommand.MC_GET_AUTH_CMD_CHALLENGE.code());
        var caps = new DeviceInformation(core, 0, OptionalInt.empty(), served::contains).capabilities();
        assertEquals(AuthorizedSubcommand.GET_AUTH_CHALLENGE.mask() | AuthorizedSubcommand.FUSE_LOCK_PARTITION.mask()
                | AuthorizedSubcommand.DOT_LOCK.mask() | AuthorizedSubcommand.DOT_DISABLE.mask() | AuthorizedSubcommand.DOT_ROTATE.mask()
                | AuthorizedSubcommand.GET_DOT_BACKUP_BLOB.mask(), caps.authorizedSubcommands());
        assertEquals(0x0F | ExternalCommand.DEVICE_OWNERSHIP_TRANSFER.mask() | ExternalCommand.AUTHORIZED_COMMAND.mask(),
                caps.externalCommands());
        assertEquals(1L, caps.caliptraRt());
        var none = new DeviceInformation(core, 0, OptionalInt.empty(), code -> false).capabilities();
        assertEquals(0x0F, none.externalCommands(), "the MCTP-VDM responder's four only");
        assertEquals(0, none.authorizedSubcommands());
    }

    /** MC_DEVICE_INFO 0 is the part's UEID: the same 17 bytes its LDevID certificate carries. */
    @Test
    void deviceInfoZeroIsTheUeidOfTheFuses() throws Exception {
        byte[] attr = new byte[96];
        for (int i = 0; i < attr.length; i++) {
            attr[i] = (byte) (0x40 + i);
        }
        var fuses = FuseSet.defaults(Generation.V2).toBuilder().idevidCertAttr(Octets.of(attr)).build();
        var config = McuClient.config().toBuilder().fuses(fuses).build();
        try (var d = CaliptraDevice.create(config)) {
            d.setRequesterUser(1);
            fuses.writeTo(d);
            d.write32(org.caliptra.util.protocol.regs.SocIfcRegs.BASE + org.caliptra.util.protocol.regs.SocIfcRegs.FUSE_WR_DONE, 1);
            d.write32(org.caliptra.util.protocol.regs.SocIfcRegs.BASE + org.caliptra.util.protocol.regs.SocIfcRegs.BOOTFSM_GO, 1);
            var mcu = new McuClient(d);
            byte[] id = mcu.call(McDeviceInfoCommands.MC_DEVICE_INFO, new DeviceInfoRequest(0)).data().toByteArray();
            // Word 11's low byte is the UEID type; words 12-15 follow, each little-endian (the register reads the bytes big-endian).
            byte[] expected = new byte[17];
            expected[0] = attr[47];
            for (int w = 0; w < 4; w++) {
                for (int b = 0; b < 4; b++) {
                    expected[1 + 4 * w + b] = attr[48 + 4 * w + 3 - b];
                }
            }
            assertArrayEquals(expected, id);
            var ldevid = new McuClient(d.coreMailbox()).call(CertificateCommands.GET_LDEV_ECC384_CERT_V2, NoFields.INSTANCE).data();
            var cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(ldevid.toByteArray()));
            var ext = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(cert.getExtensionValue("2.23.133.5.4.4")).getOctets());
            byte[] certUeid = ASN1OctetString.getInstance(((org.bouncycastle.asn1.ASN1Sequence) ext).getObjectAt(0)).getOctets();
            assertArrayEquals(certUeid, id, "the LDevID certificate's UEID");
            assertEquals(0x0602_0004, mcu.error(McDeviceInfoCommands.MC_DEVICE_INFO, new DeviceInfoRequest(1)));
        }
    }

    @Test
    void theReservedCertificateChainCodesAreUnknownCommandsAsInTheReference() {
        try (var d = CaliptraDevice.create(McuClient.config())) {
            var mcu = new McuClient(d);
            assertEquals(0x000E_0002, mcu.error(McCommand.MC_GET_CERT_CHAIN.code(), new byte[0]), "RUNTIME_UNIMPLEMENTED_COMMAND");
            assertEquals(0x000E_0002, mcu.error(McCommand.MC_SET_CERT_CHAIN.code(), new byte[8]));
        }
    }

    @Test
    void versionsPackAsTheReferenceDoesAndSurviveToBuilder() {
        assertEquals(0x0200_0000, DeviceConfig.DEFAULT_MCU_RUNTIME_VERSION);
        assertEquals(0x0102_0003, DeviceConfig.packVersion(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> DeviceConfig.packVersion(256, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DeviceConfig.packVersion(0, 0, 0x10000));
        var config = McuClient.config().toBuilder().mcuRuntimeVersion(5).socFirmwareVersion(6).mcuAxiUser(9).build();
        var copy = config.toBuilder().build();
        assertEquals(5, copy.mcuRuntimeVersion());
        assertEquals(OptionalInt.of(6), copy.socFirmwareVersion());
        assertEquals(9, copy.mcuAxiUser());
        assertEquals(OptionalInt.empty(), McuClient.config().socFirmwareVersion());
    }
}
