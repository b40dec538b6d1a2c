package org.caliptra.util.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.regs.MciRegs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CaliptraDeviceTest {
    private static final DeviceIdentity IDS = new DeviceIdentity(0x1234, 0xABCD, 0x5678, 0x0042);
    private static final int MC_DEVICE_ID = McCommand.MC_DEVICE_ID.code();
    /** Worked out by hand: 0 - (0x4D + 0x44 + 0x49 + 0x44) = 0xFFFFFEE2. */
    private static final byte[] DEVICE_ID_REQUEST = HexFormat.of().parseHex("E2FEFFFF");
    private final CaliptraDevice device = CaliptraDevice.create(DeviceConfig.builder().identity(IDS).build());

    @AfterEach
    void close() {
        device.close();
    }

    private static DeviceIdentity identity(MailboxReply reply) {
        var data = assertInstanceOf(MailboxReply.Data.class, reply);
        return McDeviceInfoCommands.MC_DEVICE_ID.decodeResponse(MailboxFrame.openResponse(data.bytes(), "MC_DEVICE_ID response").fields());
    }

    @Test
    void answersMcDeviceIdWithTheConfiguredIdentity() {
        var reply = device.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST);
        // Expected bytes worked out by hand: fips 0, then 34 12 CD AB 78 56 42 00;
        // sum 0x34+0x12+0xCD+0xAB+0x78+0x56+0x42 = 0x2CE -> checksum 0xFFFFFD32.
        assertArrayEquals(HexFormat.of().parseHex("32FDFFFF000000003412CDAB78564200"),
                assertInstanceOf(MailboxReply.Data.class, reply).bytes());
        assertEquals(IDS, identity(reply));
    }

    @Test
    void defaultIdentityIsDocumented() {
        try (var d = CaliptraDevice.createDefault()) {
            assertEquals(DeviceConfig.DEFAULT_IDENTITY, identity(d.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST)));
            assertEquals(Profile.CALIPTRA_2_1, d.config().profile());
        }
    }

    @Test
    void unknownCommandFailsWithUnimplemented() {
        int bogus = 0x5858_5858;
        var reply = device.execute(bogus, MailboxChecksum.seal(bogus, new byte[0]));
        assertEquals(new MailboxReply.Failure(0x000E_0002), reply);
    }

    @Test
    void badChecksumAndShortRequestFail() {
        byte[] req = DEVICE_ID_REQUEST.clone();
        req[0] ^= 1;
        assertEquals(new MailboxReply.Failure(0x000E_0005), device.execute(MC_DEVICE_ID, req), "RUNTIME_INVALID_CHECKSUM");
        assertEquals(new MailboxReply.Failure(0x000E_0009), device.execute(MC_DEVICE_ID, new byte[2]), "RUNTIME_MAILBOX_INVALID_PARAMS");
        assertEquals(new MailboxReply.Failure(0x000E_0009), device.execute(MC_DEVICE_ID, MailboxChecksum.seal(MC_DEVICE_ID, new byte[4])));
        // and the device still serves the next valid command
        assertEquals(IDS, identity(device.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST)));
    }

    @Test
    void anMcuFailureIsReportedThroughTheMciErrorRegisterAsOnHardware() {
        int mci = device.config().mciBase();
        device.execute(0x5858_5858, MailboxChecksum.seal(0x5858_5858, new byte[0]));
        assertEquals(CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND.code(), device.read32(mci + 0x64), "MCI FW_ERROR_NON_FATAL");
        assertEquals(0, device.read32(mci + 0x60), "MCI FW_ERROR_FATAL");
        identity(device.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST));
        assertEquals(0, device.read32(mci + 0x64), "cleared when the next command starts");
        device.write32(mci + 0x64, 0x55);
        assertEquals(0x55, device.read32(mci + 0x64), "read/write to SoC agents");
        assertThrows(BusFaultException.class, () -> device.read32(mci + 0x68), "unmodelled MCI registers fault");
    }

    @Test
    void anUnansweredCommandTimesOutOnBothMailboxes() {
        // A passive core whose ROM never started (no fuses, no GO) answers nothing.
        try (var passive = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_0).build())) {
            int version = 0x4650_5652;
            assertEquals(new MailboxReply.Timeout(DeviceCore.MAILBOX_POLL_LIMIT),
                    passive.execute(version, MailboxChecksum.seal(version, new byte[0])));
            assertEquals(0, passive.read32(0x3002_0000) & 1, "the driver released the lock");
        }
        // The same on the subsystem's core mailbox, while its MCU mailbox keeps serving.
        int version = 0x4650_5652;
        assertEquals(new MailboxReply.Timeout(DeviceCore.MAILBOX_POLL_LIMIT),
                device.coreMailbox().execute(version, MailboxChecksum.seal(version, new byte[0])));
        assertEquals(IDS, identity(device.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST)));
    }

    @Test
    void registerLevelTransactionLikeASocAgent() {
        int sram = device.mcuMailboxBase();
        int csr = sram + 0x20_0000;
        device.setRequesterUser(7);
        assertEquals(0, device.read32(csr + MciRegs.MBOX_LOCK), "first read acquires");
        assertEquals(1, device.read32(csr + MciRegs.MBOX_LOCK), "second read sees it held");
        assertEquals(7, device.read32(csr + MciRegs.MBOX_USER));
        device.write32(csr + MciRegs.MBOX_CMD, MC_DEVICE_ID);
        device.write32(csr + MciRegs.MBOX_DLEN, 4);
        device.write32(sram, 0xFFFF_FEE2);
        device.write32(csr + MciRegs.MBOX_EXECUTE, 1);
        assertEquals(MailboxStatus.CMD_BUSY.value(), device.read32(csr + MciRegs.MBOX_CMD_STATUS), "nothing ran yet");
        device.step();
        assertEquals(MailboxStatus.DATA_READY.value(), device.read32(csr + MciRegs.MBOX_CMD_STATUS));
        assertEquals(16, device.read32(csr + MciRegs.MBOX_DLEN));
        assertEquals(0xFFFF_FD32, device.read32(sram));
        assertEquals(0, device.read32(sram + 4));
        assertEquals(0xABCD_1234, device.read32(sram + 8));
        assertEquals(0x0042_5678, device.read32(sram + 12));
        device.write32(csr + MciRegs.MBOX_EXECUTE, 0);
        assertEquals(0, device.read32(csr + MciRegs.MBOX_USER), "lock released");
        assertEquals(0, device.read32(csr + MciRegs.MBOX_LOCK), "free again");
        assertEquals(0, device.protocolViolations());
    }

    @Test
    void anotherRequesterCannotHijackAnOpenTransaction() {
        int csr = device.mcuMailboxBase() + 0x20_0000;
        var one = device.asUser(1);
        var two = device.asUser(2);
        assertEquals(0, one.read32(csr + MciRegs.MBOX_LOCK));
        two.write32(csr + MciRegs.MBOX_CMD, 0x1111_1111);
        two.write32(csr + MciRegs.MBOX_EXECUTE, 0);
        assertEquals(2, device.protocolViolations());
        assertEquals(1, one.read32(csr + MciRegs.MBOX_LOCK), "still held by user 1");
        assertInstanceOf(MailboxReply.Busy.class, two.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST));
        one.write32(csr + MciRegs.MBOX_EXECUTE, 0);
        assertEquals(IDS, identity(two.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST)));
    }

    @Test
    void unmappedAndMisalignedAccessesAreReported() {
        var unmapped = assertThrows(BusFaultException.class, () -> device.read32(0x3004_0000));
        assertEquals("no register mapped at SoC address 0x30040000", unmapped.getMessage());
        var hole = assertThrows(BusFaultException.class, () -> device.read32(0x3003_0180));
        assertEquals("no soc_ifc register at SoC address 0x30030180 (offset 0x180)", hole.getMessage());
        var misaligned = assertThrows(BusFaultException.class, () -> device.write32(device.mcuMailboxBase() + 2, 0));
        assertTrue(misaligned.getMessage().contains("misaligned"));
        assertThrows(BusFaultException.class, () -> device.read32(device.mcuMailboxBase() + 0x20_0000 + 0x28));
    }

    @Test
    void concurrentCallersAreSerialisedOnTheDeviceThread() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<MailboxReply>>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> device.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST));
            }
            for (Future<MailboxReply> f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
                assertEquals(IDS, identity(f.get(30, TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, device.steps(), "one firmware step per command");
    }

    @Test
    void exclusiveRegisterSequencesFromManyAgentsNeverInterleave() throws Exception {
        int sram = device.mcuMailboxBase();
        int csr = sram + 0x20_0000;
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 400; i++) {
                int user = 1 + i % 4;
                tasks.add(() -> device.asUser(user).exclusive(bus -> {
                    int lockBefore = bus.read32(csr + MciRegs.MBOX_LOCK);
                    int owner = bus.read32(csr + MciRegs.MBOX_USER);
                    bus.write32(csr + MciRegs.MBOX_CMD, MC_DEVICE_ID);
                    bus.write32(csr + MciRegs.MBOX_DLEN, 4);
                    bus.write32(sram, 0xFFFF_FEE2);
                    bus.write32(csr + MciRegs.MBOX_EXECUTE, 1);
                    bus.idle();
                    int status = bus.read32(csr + MciRegs.MBOX_CMD_STATUS);
                    bus.write32(csr + MciRegs.MBOX_EXECUTE, 0);
                    return lockBefore == 0 && owner == user && status == MailboxStatus.DATA_READY.value() ? user : -1;
                }));
            }
            for (Future<Integer> f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
                assertTrue(f.get(30, TimeUnit.SECONDS) > 0, "every sequence found the mailbox free and got its answer");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, device.protocolViolations());
    }

    @Test
    void aFailingExclusiveSequenceLeavesTheDeviceServing() {
        var fault = assertThrows(BusFaultException.class, () -> device.exclusive(bus -> bus.read32(0x3004_0000)));
        assertEquals("no register mapped at SoC address 0x30040000", fault.getMessage());
        assertEquals(IDS, identity(device.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST)));
    }

    @Test
    void burstsAreTheWordAccessesTheyReplace() {
        int sram = device.mcuMailboxBase();
        int csr = sram + 0x20_0000;
        byte[] request = HexFormat.of().parseHex("E2FEFFFF");
        byte[] back = new byte[16];
        device.exclusive(bus -> {
            bus.read32(csr + MciRegs.MBOX_LOCK);
            bus.write32(csr + MciRegs.MBOX_CMD, MC_DEVICE_ID);
            bus.write32(csr + MciRegs.MBOX_DLEN, 4);
            bus.writeBlock(sram, request, 0, request.length);
            bus.write32(csr + MciRegs.MBOX_EXECUTE, 1);
            bus.idle();
            bus.readBlock(sram, back, 0, back.length);
            bus.write32(csr + MciRegs.MBOX_EXECUTE, 0);
            return null;
        });
        assertArrayEquals(HexFormat.of().parseHex("32FDFFFF000000003412CDAB78564200"), back);
    }

    @Test
    void closingWhileCallersWaitEndsEveryCallOneWayOrTheOther() throws Exception {
        var pool = Executors.newFixedThreadPool(3);
        try {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < 300; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        device.execute(MC_DEVICE_ID, DEVICE_ID_REQUEST);
                        return "served";
                    } catch (DeviceClosedException e) {
                        return "closed";
                    }
                }));
            }
            device.close();
            for (var f : futures) {
                var outcome = f.get(30, TimeUnit.SECONDS); // a lost wake-up fails here instead of hanging
                assertTrue(outcome.equals("served") || outcome.equals("closed"), outcome);
            }
            assertThrows(DeviceClosedException.class, device::step);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedDeviceSaysSo() {
        device.close();
        var e = assertThrows(DeviceClosedException.class, () -> device.read32(device.mcuMailboxBase()));
        assertEquals("the device is closed", e.getMessage());
    }
}
