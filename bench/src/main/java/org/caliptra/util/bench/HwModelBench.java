package org.caliptra.util.bench;

import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.fuses.FuseSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process Java side of what the hw-model C binding's benchmark (cbinding/src/test/c/bench_model.c)
 * measures from C: a device that runs on its caller's thread, as a C model's does, booted from power-on
 * to boot status 0x600 with the AST2700 bundle and the default device configuration (caliptra-1.2,
 * unprovisioned, default fuses: what {@code caliptra_model_init_default} + {@code _boot_default} do),
 * and one register read and one step on a booted device. The difference to the C numbers is the
 * JNI crossing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HwModelBench {
    private static final int BOOT_STATUS = SocIfcRegs.BASE + SocIfcRegs.BOOT_STATUS;
    private BootPlan plan;
    private CaliptraDevice booted;

    @Setup
    public void setUp() throws Exception {
        plan = BootPlan.firmwareOnly(FuseSet.defaults(Generation.V1), Octets.of(Ast2700.bundle()));
        booted = boot();
    }

    @TearDown
    public void tearDown() {
        booted.close();
    }

    private CaliptraDevice boot() {
        var d = CaliptraDevice.createOnCallerThread(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).build());
        d.setRequesterUser(1);
        if (!new BootFlow(d).run(plan).booted() || d.read32(BOOT_STATUS) != 0x600) {
            d.close();
            throw new IllegalStateException("the AST2700 bundle must boot an unprovisioned caliptra-1.2");
        }
        return d;
    }

    /** Power-on (a new device) to boot status 0x600. */
    @Benchmark
    public int bootToRuntimeOnTheCallersThread() {
        try (var d = boot()) {
            return d.read32(BOOT_STATUS);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int readBootStatus() {
        return booted.read32(BOOT_STATUS);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void step() {
        booted.step();
    }
}
