package org.caliptra.util.cli.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.imgtool.ImgtoolConfig;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.flash.FlashEntry;
import org.caliptra.util.image.flash.FlashImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code image extract FLASH --out DIR}: every image of a flash image as a file. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Write every image of a flash image to a directory (as stored: padded to 4 bytes).",
            "Names: the v3 file name; else caliptra-fw.bin, soc-manifest.bin, mcu-runtime.bin and, with --cfg,",
            "the configured file of each SoC image (otherwise image-0x1000.bin, ...). Existing files are not overwritten."})
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FLASH", description = "A flash image (FLSH v1, v3 or the A1 out-bundle).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write to (must exist).")
    Path out;

    @Option(names = "--cfg", paramLabel = "FILE", description = "cptra_imgtool configuration, to name SoC images by file.")
    Path cfg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(out)) {
            throw new UsageException(out + ": output directory not found");
        }
        byte[] bytes = InputFiles.read(file);
        byte[] inner = !FlashImage.isFlashV1(bytes) && FlashImage.isOutBundle(bytes)
                ? java.util.Arrays.copyOfRange(bytes, FlashImage.OUT_BUNDLE_FLASH_OFFSET, bytes.length) : bytes;
        var flash = FlashImage.parse(inner, file.toString());
        Map<Integer, String> socNames = new HashMap<>();
        if (cfg != null) {
            int i = 0;
            for (var e : ImgtoolConfig.read(cfg).images()) {
                if (e.fwId() != 1) {
                    socNames.put(FlashEntry.SOC_IMAGE_BASE + i++, e.file().isEmpty() ? null : e.file());
                }
            }
        }
        boolean v1 = flash.version() == 1;
        var used = new HashSet<String>();
        var targets = new java.util.LinkedHashMap<Path, FlashEntry>();
        for (var e : flash.entries()) {
            String name = e.filename() != null && !e.filename().isEmpty() ? Path.of(e.filename()).getFileName().toString()
                    : e.identifier() == (v1 ? FlashEntry.V1_CALIPTRA_FW : FlashEntry.V3_CALIPTRA_FW) ? "caliptra-fw.bin"
                    : e.identifier() == (v1 ? FlashEntry.V1_SOC_MANIFEST : FlashEntry.V3_SOC_MANIFEST) ? "soc-manifest.bin"
                    : e.identifier() == (v1 ? FlashEntry.V1_MCU_RUNTIME : FlashEntry.V3_MCU_RUNTIME) ? "mcu-runtime.bin"
                    : socNames.get(e.identifier()) != null ? socNames.get(e.identifier())
                    : String.format("image-0x%X.bin", e.identifier());
            if (!used.add(name)) {
                name = String.format("image-0x%X-%s", e.identifier(), name);
            }
            Path target = out.resolve(name);
            if (Files.exists(target)) {
                // Answers before anything is written in the usual case; the write below refuses atomically.
                throw new UsageException(target + ": already exists; extract never overwrites");
            }
            targets.put(target, e);
        }
        var stdout = spec.commandLine().getOut();
        for (var t : targets.entrySet()) {
            var e = t.getValue();
            AtomicFiles.write(t.getKey(), e.data().toByteArray(), AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REFUSE);
            stdout.printf("0x%04X -> %s (%d bytes)%n", e.identifier(), t.getKey(), e.data().length());
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
