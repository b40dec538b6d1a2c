package org.caliptra.util.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.soc.SocIfc;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The emulated device: a small command's mailbox round trip through the core mailbox registers
 * (VERSION at runtime), and a full boot of the real AST2700 bundle from fuses to runtime ready,
 * against the bundle's verify cost measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DeviceBench {
    static final int VERSION = 0x4650_5652;
    private byte[] bundle;
    private Fuses fuses;
    private CaliptraDevice booted;
    private final byte[] versionRequest = MailboxChecksum.seal(VERSION, new byte[0]);

    @Setup
    public void setUp() throws Exception {
        bundle = Files.readAllBytes(Ast2700.root().resolve("prebuilt/ast2700-default/caliptra-fw.bin"));
        fuses = Ast2700.fuses();
        booted = bootedDevice();
        if (!(booted.coreMailbox().execute(VERSION, versionRequest) instanceof MailboxReply.Data)) {
            throw new IllegalStateException("the booted device must answer VERSION");
        }
    }

    @TearDown
    public void tearDown() {
        booted.close();
    }

    private static CaliptraDevice newDevice() {
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).lifecycle(Lifecycle.PRODUCTION).build());
        d.setRequesterUser(0x2121_2121);
        return d;
    }

    private CaliptraDevice bootedDevice() {
        return boot(newDevice());
    }

    /** Fuses through the registers (hash words big-endian), GO, ROM, FIRMWARE_LOAD, runtime ready. */
    private CaliptraDevice boot(CaliptraDevice d) {
        d.atomically(bus -> {
            writeHash(bus, 0x250, fuses.vendorPkHash());
            writeHash(bus, 0x284, fuses.ownerPkHash());
            bus.write32(SocIfc.BASE + 0x340, 1);
            bus.write32(SocIfc.BASE + SocIfc.FUSE_WR_DONE, 1);
            bus.write32(SocIfc.BASE + SocIfc.BOOTFSM_GO, 1);
            return null;
        });
        d.stepUntil(x -> (x.read32(SocIfc.BASE + SocIfc.FLOW_STATUS) & SocIfc.FLOW_READY_FOR_FW) != 0, 100);
        if (!(d.coreMailbox().execute(0x4657_4C44, bundle) instanceof MailboxReply.Complete)) {
            throw new IllegalStateException("FIRMWARE_LOAD must complete");
        }
        d.stepUntil(x -> (x.read32(SocIfc.BASE + SocIfc.FLOW_STATUS) & SocIfc.FLOW_READY_FOR_RUNTIME) != 0, 100);
        return d;
    }

    private static void writeHash(CaliptraDevice d, int offset, Octets hash) {
        byte[] b = hash.toByteArray();
        for (int w = 0; w < 12; w++) {
            d.write32(SocIfc.BASE + offset + 4 * w, ByteBuffer.wrap(b, 4 * w, 4).getInt());
        }
    }

    @Benchmark
    public MailboxReply versionRoundTripThroughRegisters() {
        return booted.coreMailbox().execute(VERSION, versionRequest);
    }

    /** Power-on included: the device's actor thread start is part of what a user waits for. */
    @Benchmark
    public boolean fullBootOfTheRealBundle() {
        try (var d = bootedDevice()) {
            return (d.read32(SocIfc.BASE + SocIfc.FLOW_STATUS) & SocIfc.FLOW_READY_FOR_RUNTIME) != 0;
        }
    }

    /** A device powered on but not yet fused, so the boot benchmark leaves out thread start-up. */
    @State(Scope.Thread)
    public static class PoweredOnDevice {
        CaliptraDevice device;

        @Setup(Level.Invocation)
        public void powerOn() {
            device = newDevice();
        }

        @TearDown(Level.Invocation)
        public void powerOff() {
            device.close();
        }
    }

    @Benchmark
    public boolean bootFromFusesToRuntimeReady(PoweredOnDevice powered) {
        var d = boot(powered.device);
        return (d.read32(SocIfc.BASE + SocIfc.FLOW_STATUS) & SocIfc.FLOW_READY_FOR_RUNTIME) != 0;
    }

    @Benchmark
    public VerificationResult bundleVerifyCost() {
        return RomVerifier.verify(bundle, fuses);
    }
}
