package org.caliptra.util.cli.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.soc.SocManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image create-auth-flash}: cptra_imgtool's flash command: FLSH v1 (or the A1 out-bundle), v3 for 2.x. */
@Command(name = "create-auth-flash", mixinStandardHelpOptions = true,
        description = {"Build the flash image of a cptra_imgtool configuration.",
            "FLSH v1: Caliptra FW (id 1), SoC manifest (id 2), MCU runtime (id 3); v3 for generation = \"2.x\": ids 0, 1, 2.",
            "Then every image_metadata_list entry except fw_id 1, in order, as ids 0x1000, 0x1001, ...",
            "Without --man the manifest is generated first, as cptra_imgtool does."})
public final class CreateAuthFlashCommand implements Callable<Integer> {
    @Mixin
    ImgtoolOptions imgtool;

    @Option(names = "--man", paramLabel = "FILE", description = "Existing manifest to use (default: generate it).")
    Path man;

    @Option(names = "--flash", paramLabel = "FILE", description = "Output flash image (default out/<prj_name>-flash-image.bin).")
    Path flash;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var project = imgtool.open(spec.commandLine().getErr());
        byte[] manifest;
        var stdout = spec.commandLine().getOut();
        var outputs = new ArrayList<AtomicFiles.Output>();
        Path manOut = null;
        if (man != null) {
            manifest = InputFiles.read(man, InputFiles.Kind.SOC_MANIFEST);
            SocManifest.parse(manifest, man.toString());
        } else {
            manifest = project.buildManifest().toBytes();
            // cptra_imgtool writes the generated manifest beside the flash output (out/ by default)
            manOut = flash != null ? flash.toAbsolutePath().resolveSibling(project.defaultManifestPath().getFileName())
                    : project.defaultManifestPath();
            outputs.add(AtomicFiles.Output.replacing(manOut, manifest));
        }
        Path out = flash != null ? flash : project.defaultFlashPath();
        byte[] image = project.buildFlash(manifest);
        outputs.add(AtomicFiles.Output.replacing(out, image));
        // The generated manifest and the flash image that carries it appear together or not at all.
        AtomicFiles.writeAll(outputs);
        if (manOut != null) {
            stdout.printf("wrote %s: generated SoC manifest, %d bytes%n", manOut, manifest.length);
        }
        // Named from the bytes written, so the report cannot disagree with what `image inspect` will say.
        String kind = FlashImage.isFlashV1(image) ? "flash-v1" : FlashImage.isOutBundle(image) ? "flash-v1 out-bundle" : "flash-v3";
        stdout.printf("wrote %s: %s, %d bytes%n", out, kind, image.length);
        stdout.flush();
        // Written as cptra_imgtool writes it (its A1 configurations leave the Caliptra firmware out on
        // purpose), but judged as `image verify` judges it, and any rejection said out loud.
        project.flashRejection(image).ifPresent(why -> {
            var err = spec.commandLine().getErr();
            err.println("warning: " + out + " is written, but a device would not boot it: " + why);
            err.flush();
        });
        return ExitCodes.OK;
    }
}
