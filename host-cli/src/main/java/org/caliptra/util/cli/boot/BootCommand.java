package org.caliptra.util.cli.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.image.FuseOptions;
import org.caliptra.util.cli.image.FwIdFile;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootReport;
import org.caliptra.util.soc.boot.SocImage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caliptra-util boot}: a packaged image booted on an emulated device by soc-driver's
 * {@link BootFlow}, through the device's registers ({@link EmbeddedBoot}, which the commands that
 * ask a booted device something share), and its {@link BootReport} printed.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot a flash image or a bundle on an emulated Caliptra through its registers, stage by stage.",
            "Stages: fuses -> ROM -> FIRMWARE_LOAD -> runtime -> SET_AUTH_MANIFEST -> AUTHORIZE_AND_STASH per SoC image.",
            "Exit code 0 only if everything booted and every image was authorized, 1 if a stage failed, "
                    + "2 if an input is not a valid input of its kind."})
public final class BootCommand implements Callable<Integer> {
    static final class Input {
        @Option(names = "--flash", paramLabel = "FILE", required = true, description = "A flash image (FLSH v1, v3, A1 out-bundle).")
        Path flash;

        @Option(names = "--fw", paramLabel = "FILE", required = true, description = "A Caliptra firmware bundle.")
        Path fw;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--manifest", paramLabel = "FILE", description = "With --fw: the SoC manifest to set.")
    Path manifest;

    @Option(names = "--image", paramLabel = "FWID=FILE", description = "With --fw: an image to authorize (repeatable).")
    List<String> images = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "caliptra-1.2, caliptra-2.0 or caliptra-2.1 "
            + "(default: the device file's, else from the image: 1.x -> caliptra-1.2, 2.x -> caliptra-2.1).")
    String profile;

    @Mixin
    FuseOptions fuseOptions;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EmbeddedBoot.Images loaded;
        if (input.flash != null) {
            if (manifest != null || !images.isEmpty()) {
                throw new UsageException((manifest != null ? "--manifest" : "--image") + " goes with --fw: a flash image "
                        + "carries its own SoC manifest and images");
            }
            loaded = EmbeddedBoot.flash(input.flash);
        } else {
            loaded = fromFiles();
        }
        var setup = EmbeddedBoot.setup(loaded, profile, fuseOptions);
        BootReport report;
        try (var device = CaliptraDevice.createOnCallerThread(setup.config())) {
            report = EmbeddedBoot.run(device, setup, false);
        }
        var config = setup.config();
        new BootReportPrinter(spec.commandLine().getOut(), "lifecycle " + config.lifecycle().cliName() + ", profile "
                + config.profile().id()).print(report, format.json());
        return report.booted() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private EmbeddedBoot.Images fromFiles() {
        Optional<Octets> man = Optional.empty();
        if (manifest != null) {
            byte[] bytes = InputFiles.read(manifest, InputFiles.Kind.SOC_MANIFEST);
            SocManifest.parse(bytes, manifest.toString());
            man = Optional.of(Octets.of(bytes));
        }
        if (!images.isEmpty() && man.isEmpty()) {
            throw new UsageException("--image needs --manifest: images are authorized against a SoC manifest");
        }
        var list = new ArrayList<SocImage>();
        for (String s : images) {
            var image = FwIdFile.parse(s);
            list.add(SocImage.of(image.fwId(), image.file().toString(),
                    Octets.of(InputFiles.read(image.file(), InputFiles.Kind.SOC_IMAGE))));
        }
        return EmbeddedBoot.bundle(input.fw, man, list);
    }
}
