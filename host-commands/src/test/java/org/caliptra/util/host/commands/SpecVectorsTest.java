package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.caliptra.util.host.commands.attestation.Attestation;
import org.caliptra.util.host.commands.attestation.AttestationCommands.EvidenceFormat;
import org.caliptra.util.host.commands.attestation.AttestationCommands.GetAttestation;
import org.caliptra.util.host.commands.attestation.AttestationCommands.PkiEntitySlot;
import org.caliptra.util.host.commands.asymmetric.AsymmetricCommands.EcdhGenerate;
import org.caliptra.util.host.commands.debug.Debug;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockToken;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.FirmwareVersion;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetDeviceCapabilities;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetFirmwareVersion;
import org.caliptra.util.host.commands.ownership.OwnershipCommands;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotStatus;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.InfoCommands.FipsVersion;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockToken;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.junit.jupiter.api.Test;

/** The worked examples of spec/hostlib.md §3.1 byte for byte, and the unit vectors of §6.1. */
class SpecVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    /** §6.1 MockMailbox / §6.2 fixture caps: caps[7]=1, caps[15]=1, mcu_rt 0xFF, external 0x000200EF, authorized 9. */
    private static final String TEST_CAPS = "00000000000000" + "01" + "00000000" + "00000001" + "00000000" + "000000FF" + "000200EF"
            + "00000009" + "00000000";

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @Test
    void mcapRequestIsTheChecksumAlone() {
        var port = new Harness(s -> new org.caliptra.util.protocol.MailboxReply.Data(hex("04FEFFFF 01000000" + TEST_CAPS)));
        var caps = DeviceInfo.getDeviceCapabilities(port.session(DeviceKind.MCU));
        assertEquals(0x4D43_4150, port.last().command());
        assertArrayEquals(hex("DF FE FF FF"), port.last().payload());
        // §3.1: the response with fips 1 and the test caps (payload sum 508 → 04 FE FF FF), read with the BE accessors
        assertEquals(1, caps.fipsStatus());
        assertEquals(0x0002_00EF, caps.capabilities().externalCommands());
        assertEquals(0x0000_0009, caps.capabilities().authorizedSubcommands());
        assertEquals(0xFF, caps.capabilities().mcuRt());
        assertEquals(1L, caps.capabilities().caliptraRt());
        assertEquals(1, caps.capabilities().caliptraRom());
        assertEquals(0, caps.capabilities().caliptraFmc());
        assertEquals(0, caps.capabilities().mcuRom());
    }

    @Test
    void mfwvRequestsForIndexZeroAndOne() {
        var port = new Harness(s -> new org.caliptra.util.protocol.MailboxReply.Data(
                hex("0D FF FF FF 00 00 00 00 05 00 00 00 32 2E 30 2E 30")));
        var session = port.session(DeviceKind.MCU);
        FirmwareVersion v = DeviceInfo.getFirmwareVersion(session, GetFirmwareVersion.CALIPTRA_CORE);
        assertEquals(0x4D46_5756, port.last().command());
        assertArrayEquals(hex("C0 FE FF FF 00 00 00 00"), port.last().payload());
        DeviceInfo.getFirmwareVersion(session, GetFirmwareVersion.MCU_RUNTIME);
        assertArrayEquals(hex("BF FE FF FF 01 00 00 00"), port.last().payload());
        // §3.1: the "2.0.0" answer reads as 2.0.0.0 with no commit
        assertEquals(new FirmwareVersion(0, 2, 0, 0, 0, Octets.zeros(20)), v);
        assertEquals("2.0.0.0", v.text());
    }

    @Test
    void dotStatusRequestIsFamily0x11WithTheSubcommandFirst() {
        var port = Harness.answering(hex("01 00 0300"));
        var status = port.session(DeviceKind.MCU).execute(new DotStatus());
        assertEquals(0x11, port.last().command());
        assertArrayEquals(hex("B7 FE FF FF 54 53 44 4D"), port.last().payload());
        assertEquals(new OwnershipCommands.Status(0, 1, 0, 3), status);
    }

    @Test
    void everyDotIdTravelsAs0x11WithItsFourCc() {
        var catalog = CommandCatalog.builtIn();
        String[] fourCcs = {"MDLK", "MDDS", "MDUC", "MDUL", "MDRT", "MDBB", "MDST", "MDRC", "DOTW", "DOTX"};
        for (int i = 0; i < fourCcs.length; i++) {
            int id = 0x8020 + i;
            var port = new Harness(s -> new org.caliptra.util.protocol.MailboxReply.Failure(0x1234));
            var session = port.session(DeviceKind.MCU);
            assertThrows(DeviceErrorException.class, () -> Commands.execute(session, catalog.command(id).orElseThrow().example()));
            assertEquals(0x11, port.last().command(), fourCcs[i]);
            byte[] fields = port.last().fields();
            assertEquals(fourCcs[i], new StringBuilder(new String(Arrays.copyOf(fields, 4))).reverse().toString());
            assertEquals(4 + catalog.command(id).orElseThrow().request().minSize(), fields.length, fourCcs[i]);
        }
    }

    @Test
    void pdutInnerChecksumVectorAndBothFramings() {
        var token = new ProdDebugUnlockToken(new UnlockToken(0, 1, Octets.zeros(32), 2, Octets.zeros(3), Octets.zeros(48),
                Octets.zeros(96), Octets.zeros(2592), Octets.zeros(96), Octets.zeros(4628)));
        // §2.4: length=1, level=2, rest 0 → 0 − (0x50+0x44+0x55+0x54 + 1 + 2) = 0xFFFFFEC0
        assertEquals(0xFFFF_FEC0, token.token().checksum());
        byte[] internal = token.encodeRequest();
        assertArrayEquals(hex("C0FEFFFF 01000000"), Arrays.copyOf(internal, 8));

        var mcu = new Harness(s -> Harness.data(0, new byte[0]));
        mcu.session(DeviceKind.MCU).execute(token);
        assertEquals(0x4D50_5554, mcu.last().command());
        byte[] sram = mcu.last().payload();
        assertEquals(7508, sram.length);
        // the MPUT checksum over all 7504 bytes, inner checksum included: "MPUT" 326 + 956 + 1 + 2 = 1285
        assertArrayEquals(hex("FBFAFFFF"), Arrays.copyOf(sram, 4));
        assertArrayEquals(internal, Arrays.copyOfRange(sram, 4, sram.length));
        assertEquals(2, sram[44]);

        var core = new Harness(s -> Harness.data(0, new byte[0]));
        core.session(DeviceKind.CALIPTRA_CORE).execute(token);
        assertEquals(0x5044_5554, core.last().command());
        byte[] coreSram = core.last().payload();
        assertEquals(7504, coreSram.length);
        // on a core the frame checksum is the inner one: the same command code and bytes
        assertArrayEquals(internal, coreSram);
    }

    @Test
    void aWrongInnerChecksumIsRecomputed() {
        var good = ProdDebugUnlockToken.TYPE.example();
        var tampered = new ProdDebugUnlockToken(new UnlockToken(0x1234_5678, good.token().length(), good.token().uniqueDeviceIdentifier(),
                good.token().unlockLevel(), good.token().reserved(), good.token().challenge(), good.token().eccPublicKey(),
                good.token().mldsaPublicKey(), good.token().eccSignature(), good.token().mldsaSignature()));
        assertEquals(good, tampered);
        assertTrue(tampered.token().checksumValid());
    }

    @Test
    void ecdhGenerateSendsOnlyTheChecksum() {
        var port = Harness.answering(new byte[76 + 96]);
        port.session(DeviceKind.MCU).execute(new EcdhGenerate());
        assertEquals(0x4D43_4547, port.last().command());
        // "MCEG" 0x4D+0x43+0x45+0x47 = 284 → 0xFFFFFEE4
        assertArrayEquals(hex("E4FEFFFF"), port.last().payload());
        assertArrayEquals(hex("00000000"), new EcdhGenerate().encodeRequest());
    }

    @Test
    void mfwvVersionStringsParseAsTheReferenceParsesThem() {
        assertEquals(new FirmwareVersion(7, 1, 2, 3, 0, Octets.zeros(20)),
                FirmwareVersion.parse(7, Octets.of("1.2.3.4567-mock_commit_hash".getBytes())));
        assertEquals("1.2.3.0", FirmwareVersion.parse(1, Octets.of("1.2.3.4-mock_git_commit_sha".getBytes())).text());
        var withCommit = FirmwareVersion.parse(0, Octets.of("1.2.3.4 0123456789abcdef0123456789\0\0".getBytes()));
        assertEquals("1.2.3.4", withCommit.text());
        assertEquals("0123456789abcdef0123", withCommit.commit());
        assertEquals("0.0.0.0", FirmwareVersion.parse(0, Octets.fromHex("ff2e31")).text());
        assertEquals("0.0.0.0", FirmwareVersion.parse(0, Octets.zeros(0)).text());
        assertEquals("1.0.2.0", FirmwareVersion.parse(0, Octets.of("1.x.2".getBytes())).text());
        assertEquals("4294967295.0.0.0", FirmwareVersion.parse(0, Octets.of("4294967295.4294967296".getBytes())).text());
    }

    @Test
    void mgatDataLenCountsTheFormatWord() {
        var good = Harness.answering(hex("0A000000 01000000 AABBCCDDEEFF"));
        var evidence = Attestation.getAttestation(good.session(DeviceKind.MCU), EvidenceFormat.OCP_EAT,
                AsymAlgorithm.ECC_P384, PkiEntitySlot.VENDOR, Octets.zeros(32));
        assertEquals(1, evidence.evidenceFormat());
        assertEquals(Octets.fromHex("AABBCCDDEEFF"), evidence.evidence());

        var truncated = Harness.answering(hex("0A000000 01000000 AABBCCDD"));
        var t = assertThrows(TransportException.class, () -> Attestation.getAttestation(truncated.session(DeviceKind.MCU),
                EvidenceFormat.OCP_EAT, AsymAlgorithm.ECC_P384, PkiEntitySlot.VENDOR, Octets.zeros(32)));
        assertEquals(TransportException.Kind.INVALID_MESSAGE, t.kind());
        assertTrue(t.getMessage().contains("MC_GET_ATTESTATION response") && t.getMessage().contains("data_len"), t.getMessage());

        var tooShort = Harness.answering(hex("03000000 01000000"));
        var s = assertThrows(TransportException.class, () -> Attestation.supportedFormats(tooShort.session(DeviceKind.MCU)));
        assertTrue(s.getMessage().contains("data_len") && s.getMessage().contains("expected 4.."), s.getMessage());

        var query = Harness.answering(hex("08000000 00000000 06000000"));
        assertEquals(Set.of(EvidenceFormat.OCP_EAT, EvidenceFormat.PCR_QUOTE), Attestation.supportedFormats(query.session(DeviceKind.MCU)));
        // the query as the reference sends it: format 0, algorithm 1, slot 0, zero nonce
        assertArrayEquals(hex("00000000 01000000 00000000" + "00".repeat(32)), query.last().fields());
    }

    @Test
    void getAttestationRequestIs44BytesWithFieldsAt0_4_8_12() {
        byte[] nonce = new byte[32];
        Arrays.fill(nonce, (byte) 0x11);
        byte[] r = GetAttestation.of(EvidenceFormat.PCR_QUOTE, AsymAlgorithm.MLDSA87, PkiEntitySlot.OWNER, Octets.of(nonce))
                .encodeRequest();
        assertEquals(44, r.length);
        assertArrayEquals(hex("02000000"), Arrays.copyOfRange(r, 0, 4));
        assertArrayEquals(hex("02000000"), Arrays.copyOfRange(r, 4, 8));
        assertArrayEquals(hex("01000000"), Arrays.copyOfRange(r, 8, 12));
        assertArrayEquals(nonce, Arrays.copyOfRange(r, 12, 44));
        assertEquals(0x2, EvidenceFormat.OCP_EAT.bit());
        assertEquals(0x4, EvidenceFormat.PCR_QUOTE.bit());
    }

    @Test
    void mglgMoreDataIsTheFirstWordOfTheData() {
        var port = Harness.answering(hex("06000000 01000000 ABCD"));
        var page = Debug.getLogPage(port.session(DeviceKind.MCU));
        assertTrue(page.moreData());
        assertEquals(Octets.fromHex("ABCD"), page.data());
        var last = Harness.answering(hex("04000000 00000000"));
        assertFalse(Debug.getLogPage(last.session(DeviceKind.MCU)).moreData());
    }

    @Test
    void coreVersionIsTheRuntimeRevisionAsTheMcuFormatsIt() {
        var port = Harness.answering(InfoCommands.VERSION.encodeResponse(
                new FipsVersion(FipsVersion.MODE_FIPS, 0x112, 0x0841_0842, 0x0201_0003, FipsVersion.NAME)));
        var session = port.session(DeviceKind.CALIPTRA_CORE);
        assertEquals("2.1.3.0", DeviceInfo.getFirmwareVersion(session, 0).text());
        assertEquals(0x4650_5652, port.last().command());
        assertEquals(4, port.last().payload().length);
        var e = assertThrows(TransportException.class, () -> DeviceInfo.getFirmwareVersion(session, 1));
        assertEquals(TransportException.Kind.INVALID_MESSAGE, e.kind());
        assertEquals("GetFirmwareVersion (0x0001): VERSION request: index 1 names firmware a Caliptra core mailbox cannot report; it answers "
                + "index 0 (Caliptra core) only — ask the MCU mailbox or MCTP-VDM", e.getMessage());
        assertEquals(1, port.sent().size());
    }

    @Test
    void coreCapabilitiesFillTheFirst16BytesOfThe36() {
        var port = Harness.answering(InfoCommands.CAPABILITIES.encodeResponse(
                InfoCommands.Capabilities.of(InfoCommands.Capabilities.RT_BASE, InfoCommands.Capabilities.ROM_BASE)));
        var caps = port.session(DeviceKind.CALIPTRA_CORE).execute(new GetDeviceCapabilities()).capabilities();
        assertEquals(0x4341_5053, port.last().command());
        assertEquals(new DeviceCapabilities(Octets.fromHex("0000000000000001" + "00000000" + "00000001" + "00".repeat(20))), caps);
        assertTrue(caps.coreCapabilities().has(InfoCommands.Capabilities.RT_BASE));
        assertEquals(0, caps.externalCommands());
    }
}
