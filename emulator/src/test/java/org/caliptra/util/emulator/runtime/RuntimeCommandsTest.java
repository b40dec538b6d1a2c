package org.caliptra.util.emulator.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime room of a booted caliptra-1.2 device, command by command, with the expected bytes and
 * error codes written out from spec/device.md §2.4, §3.7 and §4.2. Requester 1 is the bundle's PL0.
 */
class RuntimeCommandsTest {
    static final int SOC = 0x3003_0000;
    private final CaliptraDevice device = TestFirmware.bootedDevice();

    @AfterEach
    void close() {
        device.close();
    }

    private MailboxReply send(int command, byte[] fields) {
        return device.execute(command, MailboxChecksum.seal(command, fields));
    }

    private static byte[] fields(MailboxReply reply) {
        return MailboxFrame.openResponse(assertInstanceOf(MailboxReply.Data.class, reply).bytes(), "response").fields();
    }

    @Test
    void capabilitiesSayRtBase() {
        byte[] caps = fields(send(0x4341_5053, new byte[0]));
        // u128 big-endian, RT_BASE is bit 64: byte 7 = 0x01.
        assertArrayEquals(HexFormat.of().parseHex("00000000000000010000000000000000"), caps);
    }

    @Test
    void versionReportsTheRevisionRegisters() {
        byte[] v = fields(send(0x4650_5652, new byte[0]));
        assertEquals(28, v.length);
        assertArrayEquals(HexFormat.of().parseHex("53504946" + "11000000"), java.util.Arrays.copyOf(v, 8), "FIPS, HW_REV 0x11");
        assertEquals(device.read32(SOC + 0x0D8), littleEndian(v, 8), "CPTRA_FW_REV_ID[0]");
        assertEquals(device.read32(SOC + 0x0DC), littleEndian(v, 12), "CPTRA_FW_REV_ID[1]");
        assertEquals("Caliptra RTM", new String(v, 16, 12, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void fwInfoCarriesTheLoadedImagesDigests() {
        byte[] info = fields(send(0x494E_464F, new byte[0]));
        assertEquals(256, info.length, "1.x FW_INFO after the header");
        assertEquals(1, littleEndian(info, 0), "pl0_pauser");
        var accepted = device.acceptedImage().orElseThrow();
        // fmc_sha384_digest at 112 is u32[12]: each 4-byte group of the digest byte-reversed.
        byte[] fmc = accepted.fmcDigest().toByteArray();
        for (int w = 0; w < 12; w++) {
            for (int b = 0; b < 4; b++) {
                assertEquals(fmc[4 * w + b], info[112 + 4 * w + 3 - b]);
            }
        }
    }

    @Test
    void stashMeasurementIsForPl0AndExactSize() {
        assertEquals(0, littleEndian(fields(send(0x4D45_4153, new byte[104])), 0), "dpe_result 0");
        // caliptra-sw runtime/src/stash_measurement.rs: ref_from_bytes fails → RUNTIME_INSUFFICIENT_MEMORY.
        assertEquals(new MailboxReply.Failure(0x000E_0003), send(0x4D45_4153, new byte[100]), "RUNTIME_INSUFFICIENT_MEMORY");
        var pl1 = device.asUser(2);
        assertEquals(new MailboxReply.Failure(0x000E_0016), pl1.execute(0x4D45_4153, MailboxChecksum.seal(0x4D45_4153, new byte[104])),
                "RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL");
        assertEquals(0x000E_0016, device.read32(SOC + 0x00C), "CPTRA_FW_ERROR_NON_FATAL");
        fields(send(0x4650_5652, new byte[0]));
        assertEquals(0, device.read32(SOC + 0x00C), "cleared before the next command");
    }

    @Test
    void selfTestRunsForItsStepsAndSaysSo() {
        assertEquals(new MailboxReply.Failure(0x000E_0012), send(0x4650_4C67, new byte[0]), "RUNTIME_SELF_TEST_NOT_STARTED");
        fields(send(0x4650_4C54, new byte[0]));
        assertEquals(new MailboxReply.Failure(0x000E_0011), send(0x4650_4C67, new byte[0]), "RUNTIME_SELF_TEST_IN_PROGRESS");
        for (int i = 0; i < RuntimeFirmware.SELF_TEST_STEPS; i++) {
            device.step();
        }
        assertEquals(0, fields(send(0x4650_4C67, new byte[0])).length);
    }

    @Test
    void shutdownAnswersThenHalts() {
        assertEquals(0, fields(send(0x4650_5344, new byte[0])).length);
        device.step();
        assertTrue(device.fatal());
        assertEquals(0x000E_0008, device.read32(SOC + 0x008), "CPTRA_FW_ERROR_FATAL = RUNTIME_SHUTDOWN");
    }

    @Test
    void anUnknownCommandAndABadChecksumAreNotFatalAtRuntime() {
        assertEquals(new MailboxReply.Failure(0x000E_0002), send(0x1234_5678, new byte[0]));
        byte[] frame = MailboxChecksum.seal(0x4650_5652, new byte[0]);
        frame[0] ^= 1;
        assertEquals(new MailboxReply.Failure(0x000E_0005), device.execute(0x4650_5652, frame));
        assertEquals(new MailboxReply.Failure(0x000E_0009), device.execute(0x4650_5652, new byte[3]));
        assertEquals(CaliptraFirmware.Phase.RUNTIME, device.phase());
    }

    @Test
    void firmwareLoadAtRuntimeIsAnUpdateReset() {
        assertEquals(new MailboxReply.Complete(), device.execute(0x4657_4C44, TestFirmware.bundle()));
        assertEquals(CaliptraFirmware.Phase.FIRMWARE_BOOT, device.phase());
        // 1.x update reset: 321..328 then RT alias 0x400..0x406, one per step, then 0x600.
        for (int milestone : new int[] {321, 322, 323, 324, 325, 326, 327, 328, 0x400, 0x401, 0x402, 0x403, 0x404, 0x405}) {
            device.step();
            assertEquals(milestone, device.read32(SOC + 0x038));
        }
        device.step();
        assertEquals(0x600, device.read32(SOC + 0x038));
        assertEquals(CaliptraFirmware.Phase.RUNTIME, device.phase());
        fields(send(0x4650_5652, new byte[0]));
    }

    private static int littleEndian(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
