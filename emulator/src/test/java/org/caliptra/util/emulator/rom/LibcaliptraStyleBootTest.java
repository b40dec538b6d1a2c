package org.caliptra.util.emulator.rom;

import org.caliptra.util.protocol.regs.MboxCsr;

import org.caliptra.util.protocol.regs.SocIfcRegs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.testsupport.SharedTestData;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives the emulated caliptra-1.2 device exactly as libcaliptra does (spec/device.md §6.1–§6.2):
 * PAUSER set-and-lock, fuses, FUSE_WR_DONE, BOOTFSM_GO, wait for ready_for_fw, FIRMWARE_LOAD
 * word by word, poll, clear EXECUTE, FSM idle, then wait for the runtime.
 */
class LibcaliptraStyleBootTest {
    static final int MBOX = 0x3002_0000;
    static final int SOC = 0x3003_0000;
    static final int PL0 = 0x2121_2121;
    static final String VENDOR = "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc";
    static final String OWNER = "124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6";

    static byte[] bundle() throws Exception {
        return SharedTestData.read(SharedTestData.prebuilt("caliptra-fw.bin"));
    }

    static CaliptraDevice device(boolean debugLocked) {
        return CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).lifecycle(Lifecycle.PRODUCTION)
                .debugLocked(debugLocked).build());
    }

    /** libcaliptra's boot helper: PAUSER set+lock, fuses (hash words big-endian), FUSE_WR_DONE, GO, ready_for_fw. */
    static void bootToReadyForFw(CaliptraDevice d, String vendorHash, int runtimeSvnFuse) {
        d.setRequesterUser(PL0);
        d.write32(SOC + SocIfcRegs.MBOX_VALID_USER, PL0);
        d.write32(SOC + SocIfcRegs.MBOX_USER_LOCK, 1);
        d.write32(SOC + SocIfcRegs.MBOX_VALID_USER, 0x1234); // locked: ignored
        assertEquals(PL0, d.read32(SOC + SocIfcRegs.MBOX_VALID_USER));
        assertTrue((d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FUSES) != 0, "ready_for_fuses at reset");
        byte[] vendor = HexFormat.of().parseHex(vendorHash);
        byte[] owner = HexFormat.of().parseHex(OWNER);
        for (int w = 0; w < 12; w++) {
            d.write32(SOC + 0x250 + 4 * w, ByteBuffer.wrap(vendor, 4 * w, 4).getInt());
            d.write32(SOC + 0x284 + 4 * w, ByteBuffer.wrap(owner, 4 * w, 4).getInt());
        }
        d.write32(SOC + 0x340, 1); // FUSE_LMS_VERIFY
        d.write32(SOC + 0x2B8, (int) ((1L << runtimeSvnFuse) - 1)); // thermometer SVN
        d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 1);
        assertEquals(0, d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FUSES, "ready_for_fuses dropped");
        d.write32(SOC + 0x340, 0); // after FUSE_WR_DONE: locked
        d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1);
        assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 1000), "ready_for_fw");
    }

    /** caliptra_upload_fw: LOCK, CMD, DLEN, DATAIN words, EXECUTE, poll; returns the final status. */
    static int uploadFirmware(CaliptraDevice d, byte[] image) {
        assertEquals(0, d.read32(MBOX + MboxCsr.LOCK), "lock acquired");
        assertEquals(1, d.read32(MBOX + MboxCsr.LOCK), "second read sees it held");
        d.write32(MBOX + MboxCsr.CMD, 0x4657_4C44);
        d.write32(MBOX + MboxCsr.DLEN, image.length);
        var words = ByteBuffer.wrap(java.util.Arrays.copyOf(image, (image.length + 3) & ~3)).order(ByteOrder.LITTLE_ENDIAN);
        while (words.hasRemaining()) {
            d.write32(MBOX + MboxCsr.DATAIN, words.getInt());
        }
        d.write32(MBOX + MboxCsr.EXECUTE, 1);
        int status = 0;
        for (int i = 0; i < 100 && (status & 0xF) == 0; i++) {
            d.step();
            status = d.read32(MBOX + MboxCsr.STATUS);
        }
        d.write32(MBOX + MboxCsr.EXECUTE, 0);
        d.step();
        int idle = d.read32(MBOX + MboxCsr.STATUS);
        assertEquals(0, (idle >> 16) & 0xF, "STATUS[19:16] read 0 when idle (the c-binding example checks them)");
        assertEquals(0, (idle >> 6) & 7, "mbox_fsm_ps IDLE");
        return status & 0xF;
    }

    @Test
    void bootsTheRealBundleToRuntime() throws Exception {
        try (var d = device(false)) {
            bootToReadyForFw(d, VENDOR, 0);
            assertEquals(70, d.read32(SOC + SocIfcRegs.BOOT_STATUS), "LDevID derivation complete");
            assertEquals(2, uploadFirmware(d, bundle()), "CMD_COMPLETE");
            assertTrue(d.stepUntil(x -> x.read32(SOC + SocIfcRegs.BOOT_STATUS) == 0x600, 100), "boot status 0x600");
            assertTrue((d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_RUNTIME) != 0);
            assertEquals(0, d.read32(SOC + SocIfcRegs.FW_ERROR_NON_FATAL));

            var info = (MailboxReply.Data) d.execute(0x494E_464F, MailboxChecksum.seal(0x494E_464F, new byte[0]));
            byte[] r = info.bytes();
            assertEquals(264, r.length, "1.2 FW_INFO response size");
            var b = ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(PL0, b.getInt(8), "pl0_pauser");
            // fmc_sha384_digest as big-endian words: the first word reads 4b37512f
            assertEquals(0x4b37512f, b.getInt(8 + 20 + 60 + 32));
            var version = (MailboxReply.Data) d.execute(0x4650_5652, MailboxChecksum.seal(0x4650_5652, new byte[0]));
            assertEquals("Caliptra RTM", new String(version.bytes(), 24, 12));
            var caps = (MailboxReply.Data) d.execute(0x4341_5053, MailboxChecksum.seal(0x4341_5053, new byte[0]));
            assertEquals(1, caps.bytes()[8 + 7], "RT_BASE");
        }
    }

    @Test
    void debugLockedPartsKeepBootStatusHidden() throws Exception {
        try (var d = device(true)) {
            bootToReadyForFw(d, VENDOR, 0);
            assertEquals(0, d.read32(SOC + SocIfcRegs.BOOT_STATUS));
            assertEquals(2, uploadFirmware(d, bundle()));
            assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_RUNTIME) != 0, 100));
            assertEquals(0, d.read32(SOC + SocIfcRegs.BOOT_STATUS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "vendor signature byte, 0x0792, 0, 0x000B000C",
        "FMC byte, 0x2000, 0, 0x000B0014",
        "TOC byte, 0x1640, 0, 0x000B0012",
        "wrong vendor hash fuse, -1, 0, 0x000B0005",
        "SVN below the fuse, -1, 1, 0x000B002E",
    })
    void tamperedImagesEndWithTheRightCode(String name, String offset, int svnFuse, String code) throws Exception {
        byte[] image = bundle();
        int at = Integer.decode(offset);
        String vendor = VENDOR;
        if (at >= 0) {
            image[at] ^= 0x01;
        } else if (svnFuse == 0) {
            vendor = "00" + VENDOR.substring(2);
        }
        try (var d = device(false)) {
            bootToReadyForFw(d, vendor, svnFuse);
            assertEquals(3, uploadFirmware(d, image), "CMD_FAILURE");
            int expected = Integer.decode(code);
            assertEquals(expected, d.read32(SOC + SocIfcRegs.FW_ERROR_NON_FATAL), name);
            assertEquals(expected, d.read32(SOC + SocIfcRegs.FW_ERROR_FATAL), "image rejection at cold boot is fatal");
            assertTrue(d.fatal());
        }
    }

    @Test
    void theRealBundlesIdentityMeasuresItsRuntimeAndTheRomsStashes() throws Exception {
        byte[] bundle = bundle();
        try (var d = device(true)) {
            bootToReadyForFw(d, VENDOR, 0);
            byte[] m1 = new byte[104];
            byte[] m2 = new byte[104];
            java.util.Arrays.fill(m1, 4, 52, (byte) 0x11);
            java.util.Arrays.fill(m2, 4, 52, (byte) 0x22);
            assertInstanceOf(MailboxReply.Data.class, d.execute(0x4D45_4153, MailboxChecksum.seal(0x4D45_4153, m1)));
            assertInstanceOf(MailboxReply.Data.class, d.execute(0x4D45_4153, MailboxChecksum.seal(0x4D45_4153, m2)));
            assertEquals(2, uploadFirmware(d, bundle), "CMD_COMPLETE");
            assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_RUNTIME) != 0, 100));
            var sha384 = java.security.MessageDigest.getInstance("SHA-384");
            // PCR31 holds the ROM's stashes, in order.
            sha384.update(new byte[48]);
            sha384.update(java.util.Arrays.copyOfRange(m1, 4, 52));
            byte[] pcr31 = sha384.digest();
            sha384.update(pcr31);
            sha384.update(java.util.Arrays.copyOfRange(m2, 4, 52));
            pcr31 = sha384.digest();
            byte[] quote = ((MailboxReply.Data) d.execute(0x5043_5251, MailboxChecksum.seal(0x5043_5251, new byte[32]))).bytes();
            assertArrayEquals(pcr31, java.util.Arrays.copyOfRange(quote, 8 + 31 * 48, 8 + 32 * 48));
            // The RT alias TcbInfo's fwid is SHA-384 of the runtime as the README places it (offset 0x609C, 83 416 bytes).
            byte[] cert = ((MailboxReply.Data) d.execute(0x4345_5252, MailboxChecksum.seal(0x4345_5252, new byte[0]))).bytes();
            byte[] runtimeDigest = java.security.MessageDigest.getInstance("SHA-384")
                    .digest(java.util.Arrays.copyOfRange(bundle, 0x609C, 0x609C + 83416));
            int size = ByteBuffer.wrap(cert).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
            var x509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(cert, 12, size));
            byte[] tcb = x509.getExtensionValue("2.23.133.5.4.1");
            assertTrue(java.util.Collections.indexOfSubList(bytesList(tcb), bytesList(runtimeDigest)) >= 0,
                    "the runtime digest is the TcbInfo's fwid");
        }
    }

    private static java.util.List<Byte> bytesList(byte[] b) {
        var out = new java.util.ArrayList<Byte>(b.length);
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }

    @Test
    void romCommandsBeforeFirmwareLoad() throws Exception {
        try (var d = device(false)) {
            bootToReadyForFw(d, VENDOR, 0);
            var caps = assertInstanceOf(MailboxReply.Data.class, d.execute(0x4341_5053, MailboxChecksum.seal(0x4341_5053, new byte[0])));
            assertEquals(24, caps.length());
            assertEquals(1, caps.bytes()[8 + 15], "ROM_BASE");
            assertArrayEquals(HexFormat.of().parseHex("0000000000000000"), java.util.Arrays.copyOf(
                    ((MailboxReply.Data) d.execute(0x4650_4C54, MailboxChecksum.seal(0x4650_4C54, new byte[0]))).bytes(), 8));
            assertInstanceOf(MailboxReply.Data.class, d.execute(0x4650_4C67, MailboxChecksum.seal(0x4650_4C67, new byte[0])));
            assertEquals(new MailboxReply.Failure(0), d.execute(0x4650_4C67, MailboxChecksum.seal(0x4650_4C67, new byte[0])),
                    "GET_RESULTS without a pending start fails without a code");
            byte[] stash = new byte[104];
            for (int i = 0; i < 8; i++) {
                assertInstanceOf(MailboxReply.Data.class, d.execute(0x4D45_4153, MailboxChecksum.seal(0x4D45_4153, stash)));
            }
            assertEquals(new MailboxReply.Failure(0x0102_0008), d.execute(0x4D45_4153, MailboxChecksum.seal(0x4D45_4153, stash)));
            assertTrue(d.fatal(), "the 9th measurement is fatal");
        }
        try (var d = device(false)) {
            bootToReadyForFw(d, VENDOR, 0);
            assertEquals(new MailboxReply.Failure(0x0102_0004), d.execute(0x1234_5678, MailboxChecksum.seal(0x1234_5678, new byte[0])),
                    "an unknown command is fatal in the ROM");
            assertTrue(d.fatal());
        }
    }

    @Test
    void piecewiseUploadHoldsTheLockAcrossChunks() throws Exception {
        byte[] image = bundle();
        try (var d = device(false)) {
            bootToReadyForFw(d, VENDOR, 0);
            assertEquals(0, d.read32(MBOX + MboxCsr.LOCK));
            d.write32(MBOX + MboxCsr.CMD, 0x4657_4C44);
            d.write32(MBOX + MboxCsr.DLEN, image.length);
            var words = ByteBuffer.wrap(java.util.Arrays.copyOf(image, (image.length + 3) & ~3)).order(ByteOrder.LITTLE_ENDIAN);
            var rnd = new Random(5);
            while (words.hasRemaining()) {
                int chunk = Math.min(words.remaining() / 4, 1 + rnd.nextInt(0x1234));
                for (int i = 0; i < chunk; i++) {
                    d.write32(MBOX + MboxCsr.DATAIN, words.getInt());
                }
                d.step(); // time passes between chunks; the lock stays ours
                assertEquals(1, d.read32(MBOX + MboxCsr.LOCK));
            }
            d.write32(MBOX + MboxCsr.EXECUTE, 1);
            assertTrue(d.stepUntil(x -> (x.read32(MBOX + MboxCsr.STATUS) & 0xF) != 0, 10));
            assertEquals(2, d.read32(MBOX + MboxCsr.STATUS) & 0xF);
            d.write32(MBOX + MboxCsr.EXECUTE, 0);
            assertTrue(d.stepUntil(x -> x.read32(SOC + SocIfcRegs.BOOT_STATUS) == 0x600, 100));
        }
    }
}
