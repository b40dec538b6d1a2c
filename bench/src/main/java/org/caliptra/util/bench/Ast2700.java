package org.caliptra.util.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.fuses.FuseSet;

/** The AST2700 reference corpus as the benchmarks use it (../shared/testdata, or -Dcaliptra.testdata). */
final class Ast2700 {
    /** The prebuilt bundle's pl0_pauser, which the BootMCU presents. */
    static final int PL0 = 0x2121_2121;

    private Ast2700() {}

    /** The prebuilt default bundle. */
    static byte[] bundle() throws IOException {
        return Files.readAllBytes(root().resolve("prebuilt/ast2700-default/caliptra-fw.bin"));
    }

    /** Fuses and the prebuilt bundle, as {@code caliptra-util boot --fw} runs them. */
    static BootPlan bootPlan() throws IOException {
        return BootPlan.firmwareOnly(FuseSet.of(Generation.V1, fuses()), Octets.of(bundle()));
    }

    /** A caliptra-1.2 part in production, debug locked, powered on; the SoC agent presents {@link #PL0}. */
    static CaliptraDevice lockedProductionDevice() {
        var d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).lifecycle(Lifecycle.PRODUCTION)
                .debugLocked(true).build());
        d.setRequesterUser(PL0);
        return d;
    }

    /** {@link #lockedProductionDevice} booted to runtime with {@link #bootPlan}. */
    static CaliptraDevice bootedDevice() throws IOException {
        var d = lockedProductionDevice();
        if (!new BootFlow(d).run(bootPlan()).booted()) {
            d.close();
            throw new IllegalStateException("the AST2700 bundle must boot");
        }
        return d;
    }

    static Path root() {
        return Path.of(System.getProperty("caliptra.testdata", "../shared/testdata")).resolve("ast2700").toAbsolutePath();
    }

    /** The fuses of testdata/ast2700/README.md: production, LMS verify on, both key hashes fused. */
    static Fuses fuses() {
        return Fuses.builder().lmsVerify(true)
                .vendorPkHash(Octets.fromHex("428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc"))
                .ownerPkHash(Octets.fromHex("124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6"))
                .build();
    }
}
