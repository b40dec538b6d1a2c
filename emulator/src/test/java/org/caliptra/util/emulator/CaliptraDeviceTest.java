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
import org.caliptra.util.emulator.mcu.McuMailbox;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mcu.McDeviceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaliptraDeviceTest {
    private static final DeviceIdentity IDS = new DeviceIdentity(0x1234, 0xABCD, 0x5678, 0x0042);
    private final CaliptraDevice device = CaliptraDevice.create(DeviceConfig.builder().identity(IDS).build());

    @AfterEach
    void close() {
        device.close();
    }

    @Test
    void answersMcDeviceIdWithTheConfiguredIdentity() {
        var reply = device.execute(McDeviceId.CODE, McDeviceId.encodeRequest());
        var data = assertInstanceOf(MailboxReply.Data.class, reply);
        // Expected bytes worked out by hand: fips 0, then 34 12 CD AB 78 56 42 00;
        // sum 0x34+0x12+0xCD+0xAB+0x78+0x56+0x42 = 0x2CE -> checksum 0xFFFFFD32.
        assertArrayEquals(HexFormat.of().parseHex("32FDFFFF000000003412CDAB78564200"), data.bytes());
        assertEquals(new McDeviceId.Response(0, IDS), McDeviceId.decodeResponse(data.bytes()));
    }

    @Test
    void defaultIdentityIsDocumented() {
        try (var d = CaliptraDevice.createDefault()) {
            var data = (MailboxReply.Data) d.execute(McDeviceId.CODE, McDeviceId.encodeRequest());
            assertEquals(DeviceConfig.DEFAULT_IDENTITY, McDeviceId.decodeResponse(data.bytes()).identity());
            assertEquals(Profile.CALIPTRA_2_1, d.config().profile());
        }
    }

    @Test
    void unknownCommandFailsWithUnimplemented() {
        int bogus = 0x5858_5858;
        var reply = device.execute(bogus, MailboxChecksum.seal(bogus, new byte[0]));
        assertEquals(new MailboxReply.Failure(CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND.code()), reply);
    }

    @Test
    void badChecksumAndShortRequestFail() {
        byte[] req = McDeviceId.encodeRequest();
        req[0] ^= 1;
        assertEquals(new MailboxReply.Failure(CaliptraError.RUNTIME_INVALID_CHECKSUM.code()), device.execute(McDeviceId.CODE, req));
        assertEquals(new MailboxReply.Failure(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS.code()),
                device.execute(McDeviceId.CODE, new byte[2]));
        assertEquals(new MailboxReply.Failure(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS.code()),
                device.execute(McDeviceId.CODE, MailboxChecksum.seal(McDeviceId.CODE, new byte[4])));
        // and the device still serves the next valid command
        assertInstanceOf(MailboxReply.Data.class, device.execute(McDeviceId.CODE, McDeviceId.encodeRequest()));
    }

    @Test
    void registerLevelTransactionLikeASocAgent() {
        int sram = device.mcuMailboxBase();
        int csr = sram + 0x20_0000;
        device.setRequesterUser(7);
        assertEquals(0, device.read32(csr + McuMailbox.LOCK), "first read acquires");
        assertEquals(1, device.read32(csr + McuMailbox.LOCK), "second read sees it held");
        assertEquals(7, device.read32(csr + McuMailbox.USER));
        device.write32(csr + McuMailbox.CMD, McDeviceId.CODE);
        device.write32(csr + McuMailbox.DLEN, 4);
        device.write32(sram, 0xFFFF_FEE2);
        device.write32(csr + McuMailbox.EXECUTE, 1);
        assertEquals(MailboxStatus.CMD_BUSY.value(), device.read32(csr + McuMailbox.CMD_STATUS), "nothing ran yet");
        device.step();
        assertEquals(MailboxStatus.DATA_READY.value(), device.read32(csr + McuMailbox.CMD_STATUS));
        assertEquals(16, device.read32(csr + McuMailbox.DLEN));
        assertEquals(0xFFFF_FD32, device.read32(sram));
        assertEquals(0, device.read32(sram + 4));
        assertEquals(0xABCD_1234, device.read32(sram + 8));
        assertEquals(0x0042_5678, device.read32(sram + 12));
        device.write32(csr + McuMailbox.EXECUTE, 0);
        assertEquals(0, device.read32(csr + McuMailbox.USER), "lock released");
        assertEquals(0, device.read32(csr + McuMailbox.LOCK), "free again");
        assertEquals(0, device.protocolViolations());
    }

    @Test
    void anotherRequesterCannotHijackAnOpenTransaction() {
        int csr = device.mcuMailboxBase() + 0x20_0000;
        device.setRequesterUser(1);
        assertEquals(0, device.read32(csr + McuMailbox.LOCK));
        device.setRequesterUser(2);
        device.write32(csr + McuMailbox.CMD, 0x1111_1111);
        device.write32(csr + McuMailbox.EXECUTE, 0);
        assertEquals(2, device.protocolViolations());
        assertEquals(1, device.read32(csr + McuMailbox.LOCK), "still held by user 1");
        assertInstanceOf(MailboxReply.Busy.class, device.execute(McDeviceId.CODE, McDeviceId.encodeRequest()));
        device.setRequesterUser(1);
        device.write32(csr + McuMailbox.EXECUTE, 0);
        assertInstanceOf(MailboxReply.Data.class, device.execute(McDeviceId.CODE, McDeviceId.encodeRequest()));
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
                tasks.add(() -> device.execute(McDeviceId.CODE, McDeviceId.encodeRequest()));
            }
            for (Future<MailboxReply> f : pool.invokeAll(tasks)) {
                var data = assertInstanceOf(MailboxReply.Data.class, f.get());
                assertEquals(IDS, McDeviceId.decodeResponse(data.bytes()).identity());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(200, device.steps(), "one firmware step per command");
    }

    @Test
    void atomicRegisterSequencesFromManyThreadsNeverInterleave() throws Exception {
        int sram = device.mcuMailboxBase();
        int csr = sram + 0x20_0000;
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 400; i++) {
                int user = 1 + i % 4;
                tasks.add(() -> device.atomically(bus -> {
                    bus.setRequesterUser(user);
                    int lockBefore = bus.read32(csr + McuMailbox.LOCK);
                    bus.write32(csr + McuMailbox.CMD, McDeviceId.CODE);
                    bus.write32(csr + McuMailbox.DLEN, 4);
                    bus.write32(sram, 0xFFFF_FEE2);
                    bus.write32(csr + McuMailbox.EXECUTE, 1);
                    bus.step();
                    int status = bus.read32(csr + McuMailbox.CMD_STATUS);
                    bus.write32(csr + McuMailbox.EXECUTE, 0);
                    return lockBefore == 0 && status == MailboxStatus.DATA_READY.value() ? user : -1;
                }));
            }
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                assertTrue(f.get() > 0, "every sequence found the mailbox free and got its answer");
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(0, device.protocolViolations());
    }

    @Test
    void aFailingAtomicSequenceLeavesTheDeviceServing() {
        var fault = assertThrows(BusFaultException.class, () -> device.atomically(bus -> bus.read32(0x3004_0000)));
        assertEquals("no register mapped at SoC address 0x30040000", fault.getMessage());
        assertInstanceOf(MailboxReply.Data.class, device.execute(McDeviceId.CODE, McDeviceId.encodeRequest()));
    }

    @Test
    void closingWhileCallersWaitEndsEveryCallOneWayOrTheOther() throws Exception {
        var pool = Executors.newFixedThreadPool(3);
        try {
            var tasks = new ArrayList<Callable<String>>();
            for (int i = 0; i < 300; i++) {
                tasks.add(() -> {
                    try {
                        device.execute(McDeviceId.CODE, McDeviceId.encodeRequest());
                        return "served";
                    } catch (DeviceClosedException e) {
                        return "closed";
                    }
                });
            }
            var futures = new ArrayList<Future<String>>();
            for (var t : tasks) {
                futures.add(pool.submit(t));
            }
            device.close();
            for (var f : futures) {
                var outcome = f.get(); // a lost wake-up would hang here
                assertTrue(outcome.equals("served") || outcome.equals("closed"), outcome);
            }
            assertThrows(DeviceClosedException.class, device::step);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void closedDeviceSaysSo() {
        device.close();
        var e = assertThrows(DeviceClosedException.class, () -> device.read32(device.mcuMailboxBase()));
        assertEquals("the device is closed", e.getMessage());
    }
}
