package org.caliptra.util.cli.booted;

import java.nio.file.Path;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.boot.EmbeddedBoot;
import org.caliptra.util.cli.image.FuseOptions;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.Lifecycle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The device a command asks: until a socket target exists, an embedded emulated device booted
 * from {@code --fw} or {@code --flash} with the profile and fuse options of {@code boot}, exactly
 * as {@code boot} boots it ({@link EmbeddedBoot}). Shared by every command that needs a device at
 * runtime.
 */
public final class BootedDeviceOptions {
    static final class Input {
        @Option(names = "--flash", paramLabel = "FILE", required = true,
                description = "A flash image (FLSH v1, v3, A1 out-bundle) to boot the device from.")
        Path flash;

        @Option(names = "--fw", paramLabel = "FILE", required = true, description = "A Caliptra firmware bundle to boot the device from.")
        Path fw;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "caliptra-1.2, caliptra-2.0 or caliptra-2.1 "
            + "(default: the device file's, else from the image: 1.x -> caliptra-1.2, 2.x -> caliptra-2.1).")
    String profile;

    @Mixin
    FuseOptions fuseOptions;

    private EmbeddedBoot.Setup setup;

    /** What will boot, read and checked without booting anything: a bad input is exit 2 here. */
    public EmbeddedBoot.Setup setup() {
        if (setup == null) {
            setup = EmbeddedBoot.setup(EmbeddedBoot.flashOrBundle(input.flash, input.fw), profile, fuseOptions);
        }
        return setup;
    }

    /** The generation of the part that will boot (its profile's). */
    public Generation generation() {
        return setup().generation();
    }

    /** A usage error unless the part is 2.x: {@code option} needs the ML-DSA identity that 1.x parts lack. */
    public void requireMldsa(String option) {
        if (generation() == Generation.V1) {
            throw new UsageException(option + ": a Caliptra 1.x part (profile " + setup().config().profile().id()
                    + ") has no ML-DSA identity; it needs a 2.x bundle or profile");
        }
    }

    /** Boots the device to runtime (exit 1 naming the stage if it does not get there). */
    public BootedDevice boot() {
        return BootedDevice.boot(setup(), false);
    }

    /**
     * Boots a part in the manufacturing lifecycle that requests the IDevID CSR
     * (CPTRA_DBG_MANUF_SERVICE_REG[0]) on the way; the ROM hands it over before ready_for_fw.
     */
    public BootedDevice bootRequestingIdevidCsr() {
        fuseOptions.lifecycleOption().filter(l -> Lifecycle.fromName(l).orElse(null) != Lifecycle.MANUFACTURING).ifPresent(l -> {
            throw new UsageException("--manufacturing-csr boots a part in the manufacturing lifecycle; --lifecycle says '" + l + "'");
        });
        return BootedDevice.boot(EmbeddedBoot.manufacturing(setup()), true);
    }
}
