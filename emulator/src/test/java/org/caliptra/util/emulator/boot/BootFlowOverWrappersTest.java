package org.caliptra.util.emulator.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootImages;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.boot.BootReport;
import org.caliptra.util.soc.boot.BootStage;
import org.caliptra.util.soc.boot.Outcome;
import org.caliptra.util.soc.fuses.FuseSet;
import org.caliptra.util.testsupport.FaultyBus;
import org.caliptra.util.testsupport.RecordingBus;
import org.caliptra.util.testsupport.SharedTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * soc-driver's BootFlow over buses that are not the emulator object: a recorder that sees every
 * access, and fault injectors. The AST2700 bundle and its fuses are the shared test data's.
 */
class BootFlowOverWrappersTest {
    static final int PL0 = 0x2121_2121;
    static final String VENDOR = "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc";
    static final String OWNER = "124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6";
    static final BootFlow.Limits QUICK = new BootFlow.Limits(1_000, 200);

    private final CaliptraDevice device = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2)
            .lifecycle(Lifecycle.PRODUCTION).build());

    @AfterEach
    void close() {
        device.close();
    }

    static FuseSet fuses(String vendorHash) {
        return FuseSet.of(Generation.V1, Fuses.builder().lifecycle(Lifecycle.PRODUCTION)
                .vendorPkHash(Octets.fromHex(vendorHash)).ownerPkHash(Octets.fromHex(OWNER)).lmsVerify(true).build());
    }

    static BootPlan plan(String vendorHash) {
        return BootPlan.firmwareOnly(fuses(vendorHash), Octets.of(SharedTestData.read(SharedTestData.prebuilt("caliptra-fw.bin"))));
    }

    static List<BootStage> stages(BootReport report) {
        return report.stages().stream().map(s -> s.stage()).toList();
    }

    @Test
    void theAst2700BundleBootsThroughARecorderInTheOrderLibcaliptraUses() {
        var bus = new RecordingBus(device.asUser(PL0));
        var plan = plan(VENDOR);
        var report = new BootFlow(bus, QUICK).run(plan);
        assertTrue(report.booted(), report.toString());
        assertEquals(List.of(BootStage.FUSES, BootStage.ROM, BootStage.FIRMWARE_LOAD, BootStage.RUNTIME), stages(report));
        assertEquals("ready_for_runtime, boot status 0x600", report.stages().get(3).detail());

        // Fuses (vendor hash word 0 at 0x250), then FUSE_WR_DONE, then BOOTFSM_GO, then FIRMWARE_LOAD.
        int vendorWord0 = bus.firstWrite(0x3003_0250, 0x428D_18B0);
        int fuseDone = bus.firstWrite(0x3003_00B0, 1);
        int go = bus.firstWrite(0x3003_00B8, 1);
        int command = bus.firstWrite(0x3002_0008, 0x4657_4C44);
        assertTrue(0 <= vendorWord0 && vendorWord0 < fuseDone && fuseDone < go && go < command,
                vendorWord0 + " < " + fuseDone + " < " + go + " < " + command);
        int length = plan.images().firmware().length();
        assertEquals((length + 3) / 4, bus.count(RecordingBus.Access.Kind.WRITE, 0x3002_0010), "one DATAIN write per word");
        assertEquals(1, bus.count(RecordingBus.Access.Kind.WRITE, 0x3002_000C), "DLEN once");
        assertTrue(bus.firstWrite(0x3002_000C, length) > command, "DLEN after CMD");
        assertTrue(bus.firstWrite(0x3002_0018, 0) > bus.firstWrite(0x3002_0018, 1), "EXECUTE set, then cleared");
        assertEquals(new Outcome.Passed(), report.stages().get(2).outcome());
    }

    @Test
    void aWrongVendorHashStopsAtFirmwareLoadWithTheRomCode() {
        var report = new BootFlow(new RecordingBus(device.asUser(PL0)), QUICK).run(plan("00" + VENDOR.substring(2)));
        assertFalse(report.booted());
        assertEquals(List.of(BootStage.FUSES, BootStage.ROM, BootStage.FIRMWARE_LOAD), stages(report));
        assertEquals(new Outcome.DeviceError(0x000B_0005), report.stages().get(2).outcome(),
                "IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH");
        assertTrue(device.fatal(), "a cold-boot rejection halts the ROM");
    }

    @Test
    void fusesThatNeverGetDoneAreReported() {
        var bus = new FaultyBus(device.asUser(PL0)).dropWrites(address -> address == 0x3003_00B0);
        var report = new BootFlow(bus, QUICK).run(plan(VENDOR));
        assertEquals(List.of(BootStage.FUSES), stages(report));
        assertEquals(new Outcome.FusesNotAccepted(), report.stages().get(0).outcome());
    }

    @Test
    void aRomThatNeverGetsGoIsNotReady() {
        var bus = new FaultyBus(device.asUser(PL0)).dropWrites(address -> address == 0x3003_00B8);
        var report = new BootFlow(bus, QUICK).run(plan(VENDOR));
        assertEquals(new Outcome.NotReady("ready_for_fw", 1_000), report.stages().get(1).outcome());
        assertEquals(2, report.stages().size());
    }

    @Test
    void aHeldLockIsBusyAndAStuckStatusIsATimeout() {
        var busy = new BootFlow(new FaultyBus(device.asUser(PL0)).forceReads(a -> a == 0x3002_0000, 1), QUICK).run(plan(VENDOR));
        assertEquals(new Outcome.Busy(), busy.stages().get(2).outcome());

        try (var other = CaliptraDevice.create(device.config())) {
            var stuck = new FaultyBus(other.asUser(PL0)).forceReads(a -> a == 0x3002_001C, 0); // MBOX_STATUS: CMD_BUSY
            var report = new BootFlow(stuck, QUICK).run(plan(VENDOR));
            assertEquals(new Outcome.Timeout(200), report.stages().get(2).outcome());
            assertEquals("no answer within 200 polls", report.stages().get(2).detail());
        }
    }

    @Test
    void aManifestOfZerosIsRefusedWithTheMarkerError() {
        var images = new BootImages(plan(VENDOR).images().firmware(), Optional.of(Octets.zeros(7168)), List.of());
        var report = new BootFlow(device.asUser(PL0), QUICK).run(new BootPlan(fuses(VENDOR), images));
        assertEquals(BootStage.SET_AUTH_MANIFEST, report.stages().get(4).stage());
        assertEquals(new Outcome.DeviceError(0x000E_0045), report.stages().get(4).outcome(), "RUNTIME_INVALID_AUTH_MANIFEST_MARKER");
        assertFalse(report.booted());
    }
}
