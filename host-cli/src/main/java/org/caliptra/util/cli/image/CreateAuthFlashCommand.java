package org.caliptra.util.cli.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.soc.SocManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image create-auth-flash}: cptra_imgtool's flash command: FLSH v1 (or the A1 out-bundle). */
@Command(name = "create-auth-flash", mixinStandardHelpOptions = true,
        description = {"Build the flash image of a cptra_imgtool configuration: Caliptra FW (id 1), SoC manifest (id 2),",
            "MCU runtime (id 3), then every image_metadata_list entry except fw_id 1 (ids 0x1000, 0x1001, ...).",
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
        stdout.printf("wrote %s: %s, %d bytes%n", out, project.config().cptraOutBundle() ? "flash-v1 out-bundle" : "flash-v1",
                image.length);
        stdout.flush();
        return ExitCodes.OK;
    }
}
