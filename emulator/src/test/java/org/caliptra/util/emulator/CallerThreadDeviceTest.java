package org.caliptra.util.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A device without a thread of its own: calls run on the caller's thread under the device's lock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CallerThreadDeviceTest {
    private static final int SOC = SocIfcRegs.BASE;
    private static final int VERSION = CaliptraCommand.VERSION.code();

    private static CaliptraDevice device(Lifecycle lifecycle) {
        return CaliptraDevice.createOnCallerThread(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).lifecycle(lifecycle).build());
    }

    @Test
    void callsRunOnTheCallersThreadWhileAnActorDeviceHandsThemOff() {
        Thread me = Thread.currentThread();
        try (var inline = device(Lifecycle.UNPROVISIONED); var actor = CaliptraDevice.create(DeviceConfig.defaults())) {
            assertSame(me, inline.exclusive(bus -> Thread.currentThread()));
            assertNotSame(me, actor.exclusive(bus -> Thread.currentThread()));
        }
    }

    @Test
    void bootsToRuntimeAndLogsWhatTheFirmwareDid() {
        byte[] bundle = TestFirmware.bundle();
        try (var d = device(Lifecycle.UNPROVISIONED)) {
            d.setRequesterUser(1);
            assertEquals(0, d.outputLength(), "nothing happens before the SoC boots the part");
            assertTrue(new BootFlow(d).run(BootPlan.firmwareOnly(FuseSet.defaults(Generation.V1), Octets.of(bundle))).booted());
            assertEquals(0x600, d.read32(SOC + SocIfcRegs.BOOT_STATUS));
            var reply = d.coreMailbox().execute(VERSION, MailboxFrame.sealRequest(VERSION, new byte[0]));
            assertInstanceOf(MailboxReply.Data.class, reply);

            String log = d.outputText();
            assertTrue(log.startsWith("[rom] cold boot: CPTRA_BOOTFSM_GO and CPTRA_FUSE_WR_DONE are set\n"
                    + "[rom] lifecycle unprovisioned, debug unlocked, vendor_pk_hash not fused, owner_pk_hash not fused, lms_verify off\n"
                    + "[rom] boot status 0x181\n"), log);
            assertTrue(log.contains("[rom] ready for firmware\n"), log);
            assertTrue(log.contains(String.format("[rom] FIRMWARE_LOAD (0x46574C44) from 0x00000001, %d bytes: CMD_COMPLETE\n",
                    bundle.length)), log);
            assertTrue(log.contains("[rom] boot status 0x88\n[rom] boot status 0xC1\n"), log);
            assertTrue(log.contains("[fmc] boot status 0x406\n[rt] boot status 0x600\n[rt] ready for commands\n"), log);
            // VERSION is FIPS_VERSION "FPVR": a 4-byte request (the checksum alone); a 1.x response of 36 bytes
            // (header 8, mode 4, fips_rev 12, name 12; spec/device.md §4.2).
            assertTrue(log.endsWith("[rt] VERSION (0x46505652) from 0x00000001, 4 bytes: DATA_READY, 36 bytes\n"), log);
            // The log is append-only: reading from an offset gives exactly the tail.
            int half = d.outputLength() / 2;
            assertEquals(log.substring(half), new String(d.output(half), java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void readyForFwIsLatchedThroughFirmwareLoadThoughTheFlagDrops() {
        try (var d = device(Lifecycle.UNPROVISIONED)) {
            d.setRequesterUser(1);
            assertFalse(d.readyForFwSeen());
            FuseSet.defaults(Generation.V1).writeTo(d);
            d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 1);
            assertEquals(0, d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FUSES, "ready_for_fuses drops");
            d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1);
            assertTrue(d.stepUntil(bus -> (bus.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 100));
            assertTrue(d.readyForFwSeen());
            var reply = d.coreMailbox().execute(CaliptraCommand.FIRMWARE_LOAD.code(), TestFirmware.bundle());
            assertEquals(new MailboxReply.Complete(), reply);
            assertEquals(0, d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW, "the flag drops at FIRMWARE_LOAD");
            assertTrue(d.readyForFwSeen(), "the latch does not");
        }
    }

    @Test
    void aWrongVendorKeyHashEndsInTheFatalErrorAndTheLogSaysWhy() {
        byte[] hash = new byte[48];
        hash[0] = 1;
        Octets wrong = Octets.of(hash);
        try (var d = device(Lifecycle.PRODUCTION)) {
            d.setRequesterUser(1);
            var report = new BootFlow(d).run(BootPlan.firmwareOnly(FuseSet.builder(Generation.V1).vendorPkHash(wrong).build(),
                    Octets.of(TestFirmware.bundle())));
            assertFalse(report.booted());
            assertEquals(0x000B_0005, d.read32(SOC + SocIfcRegs.FW_ERROR_FATAL));
            assertTrue(d.fatal());
            String log = d.outputText();
            assertTrue(log.contains("vendor_pk_hash 01" + "00".repeat(47)), log);
            assertTrue(log.contains(": CMD_FAILURE IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH (0x000B0005)"), log);
            assertTrue(log.endsWith("[rom] fatal error IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH (0x000B0005): halted until reset\n"),
                    log);
        }
    }

    @Test
    void aClosedDeviceRefusesEveryCall() {
        var d = device(Lifecycle.UNPROVISIONED);
        d.close();
        assertThrows(DeviceClosedException.class, () -> d.read32(SOC + SocIfcRegs.FLOW_STATUS));
        assertThrows(DeviceClosedException.class, () -> d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1));
        assertThrows(DeviceClosedException.class, d::step);
        assertThrows(DeviceClosedException.class, d::outputText);
        d.close(); // twice is harmless
    }

    @Test
    void busFaultsReachTheCallerUnchanged() {
        try (var d = device(Lifecycle.UNPROVISIONED)) {
            var e = assertThrows(BusFaultException.class, () -> d.read32(0x4000_0000));
            assertEquals("no register mapped at SoC address 0x40000000", e.getMessage());
            assertEquals(SocIfcRegs.FLOW_READY_FOR_FUSES, d.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FUSES,
                    "the device goes on after a fault");
        }
    }

    @Test
    void commandsFromManyThreadsStayWholeTransactions() throws Exception {
        byte[] bundle = TestFirmware.bundle();
        var pool = Executors.newFixedThreadPool(4);
        try (var d = device(Lifecycle.UNPROVISIONED)) {
            d.setRequesterUser(1);
            assertTrue(new BootFlow(d).run(BootPlan.firmwareOnly(FuseSet.defaults(Generation.V1), Octets.of(bundle))).booted());
            byte[] request = MailboxFrame.sealRequest(VERSION, new byte[0]);
            var expected = d.coreMailbox().execute(VERSION, request);
            var futures = new ArrayList<Future<MailboxReply>>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit((Callable<MailboxReply>) () -> d.coreMailbox().execute(VERSION, request)));
            }
            for (var f : futures) {
                assertEquals(expected, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
