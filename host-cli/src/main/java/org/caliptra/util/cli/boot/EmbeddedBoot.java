package org.caliptra.util.cli.boot;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.image.FuseOptions;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootImages;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.boot.BootReport;
import org.caliptra.util.soc.boot.SocImage;

/**
 * How the CLI boots an embedded emulated device, shared by {@code boot} and the commands that ask
 * a booted device something: the images from {@code --flash} or {@code --fw}, the device
 * configuration from the profile and the fuse options, and soc-driver's {@link BootFlow} over the
 * device's registers, presented as the bundle's PL0 requester.
 */
public final class EmbeddedBoot {
    private EmbeddedBoot() {}

    /** What a SoC loads, and the generation its bundle marker or flash layout names. */
    public record Images(BootImages images, Generation generation) {}

    /** What to boot and the device to boot it on. */
    public record Setup(DeviceConfig config, BootImages images) {
        public Generation generation() {
            return config.profile().generation();
        }
    }

    /** A flash image, unpacked by the function {@code image verify} judges it with; exit 2 if it is not one. */
    public static Images flash(Path flash) {
        var contents = FlashVerification.contents(InputFiles.read(flash, InputFiles.Kind.FLASH_IMAGE), flash.toString());
        return new Images(BootImages.of(contents), contents.generation());
    }

    /** What {@code --flash FILE | --fw FILE} names: the flash image when given, else the bare bundle. */
    public static Images flashOrBundle(Path flash, Path fw) {
        return flash != null ? flash(flash) : bundle(fw, Optional.empty(), List.of());
    }

    /** A bare bundle, with an optional SoC manifest and images; exit 2 if the file has no bundle marker. */
    public static Images bundle(Path fw, Optional<Octets> manifest, List<SocImage> socImages) {
        var images = new BootImages(Octets.of(InputFiles.readBundle(fw)), manifest, socImages);
        // Without a marker the file is no bundle at all; with one, whatever else is wrong is the ROM's to say.
        Generation generation = images.bundleGeneration().orElseThrow(() -> new UsageException(fw + ": not a Caliptra firmware "
                + "bundle (no CMAN or CMN2 marker at offset 0)"));
        return new Images(images, generation);
    }

    /**
     * The device file's part (or the defaults), the profile chosen ({@code --profile}, else the
     * device file's, else the image's generation: 1.x → caliptra-1.2, 2.x → caliptra-2.1), and the
     * fuses and lifecycle the options give.
     */
    public static Setup setup(Images images, String profile, FuseOptions fuseOptions) {
        return new Setup(config(images.generation() == Generation.V1 ? Profile.CALIPTRA_1_2 : Profile.CALIPTRA_2_1, profile, fuseOptions),
                images.images());
    }

    /**
     * The device configuration of the options: the profile {@code --profile} names, else the device
     * file's, else {@code fallback}; with the device file's part and the options' fuses and lifecycle.
     */
    public static DeviceConfig config(Profile fallback, String profile, FuseOptions fuseOptions) {
        Optional<Profile> chosen = Optional.ofNullable(profile).map(p -> Profile.fromId(p).orElseThrow(() -> new UsageException(
                "--profile '" + p + "': expected caliptra-1.2, caliptra-2.0 or caliptra-2.1")));
        Profile defaultProfile = chosen.orElse(fallback);
        var fuses = fuseOptions.fuses();
        var base = fuseOptions.file().map(f -> f.deviceConfig(defaultProfile))
                .orElseGet(() -> DeviceConfig.builder().profile(defaultProfile).build());
        Profile p = chosen.orElse(base.profile());
        return base.toBuilder().profile(p).lifecycle(fuses.lifecycle()).fuses(fuseOptions.fuseSet(p.generation())).build();
    }

    /** The setup on a part in the manufacturing lifecycle, as the IDevID CSR request needs. */
    public static Setup manufacturing(Setup setup) {
        return new Setup(setup.config().toBuilder().lifecycle(Lifecycle.MANUFACTURING).build(), setup.images());
    }

    /**
     * The register bus the SoC agent boots through: the bundle's PL0 requester, as the AST2700
     * BootMCU presents; firmware that is no bundle never gets past the ROM, whoever sends it.
     */
    public static RegisterBus bootBus(CaliptraDevice device, BootImages images) {
        return images.bootRequester().isPresent() ? device.asUser(images.bootRequester().getAsInt()) : device;
    }

    /** Boots {@code device} (created from {@code setup.config()}) and returns the report. */
    public static BootReport run(CaliptraDevice device, Setup setup, boolean requestIdevidCsr) {
        var plan = new BootPlan(setup.config().fuses(), setup.images());
        return new BootFlow(bootBus(device, setup.images())).run(requestIdevidCsr ? plan.withIdevidCsrRequest() : plan);
    }

    /** The first failing stage of {@code report} in one line, as the boot table names it: stage, result or error, detail. */
    public static String failure(BootReport report) {
        return report.firstFailure().map(s -> BootReportPrinter.describe(s, report.generation()))
                .orElse("runtime was never reached");
    }
}
