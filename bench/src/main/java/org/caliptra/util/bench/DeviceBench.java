package org.caliptra.util.bench;

import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.boot.BootReport;
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
 * (VERSION at runtime, through soc-driver's RegisterMailboxDriver on the device thread), and a full
 * boot of the real AST2700 bundle by soc-driver's BootFlow from fuses to runtime ready, against the
 * bundle's verify cost measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DeviceBench {
    static final int VERSION = CaliptraCommand.VERSION.code();
    private byte[] bundle;
    private BootPlan plan;
    private Fuses fuses;
    private CaliptraDevice booted;
    private final byte[] versionRequest = MailboxFrame.sealRequest(VERSION, new byte[0]);

    @Setup
    public void setUp() throws Exception {
        bundle = Ast2700.bundle();
        fuses = Ast2700.fuses();
        plan = Ast2700.bootPlan();
        booted = newDevice();
        check(boot(booted));
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
        d.setRequesterUser(Ast2700.PL0);
        return d;
    }

    /** Fuses through the registers, GO, ROM, FIRMWARE_LOAD, runtime ready: what `caliptra-util boot --fw` does. */
    private BootReport boot(CaliptraDevice d) {
        return new BootFlow(d).run(plan);
    }

    private static boolean check(BootReport report) {
        if (!report.booted()) {
            throw new IllegalStateException("the bundle must boot: " + report);
        }
        return true;
    }

    @Benchmark
    public MailboxReply versionRoundTripThroughRegisters() {
        return booted.coreMailbox().execute(VERSION, versionRequest);
    }

    /** Power-on included: the device's actor thread start is part of what a user waits for. */
    @Benchmark
    public boolean fullBootOfTheRealBundle() {
        try (var d = newDevice()) {
            return check(boot(d));
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
        return check(boot(powered.device));
    }

    @Benchmark
    public VerificationResult bundleVerifyCost() {
        return RomVerifier.verify(bundle, fuses);
    }
}
