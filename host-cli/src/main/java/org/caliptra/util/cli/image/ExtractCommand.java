package org.caliptra.util.cli.image;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.protocol.Text;
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
            "Names: the v3 file name; else caliptra-fw.bin, soc-manifest.bin, mcu-runtime.bin and, with --cfg, "
                    + "the configured file of each SoC image (otherwise image-0x1000.bin, ...).",
            "Existing files are not overwritten."})
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
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.FLASH_IMAGE);
        byte[] inner = !FlashImage.isFlashV1(bytes) && FlashImage.isOutBundle(bytes)
                ? java.util.Arrays.copyOfRange(bytes, FlashImage.OUT_BUNDLE_FLASH_OFFSET, bytes.length) : bytes;
        var flash = FlashImage.parse(inner, file.toString());
        Map<Integer, String> socNames = new HashMap<>();
        if (cfg != null) {
            int i = 0;
            var configured = ImgtoolConfig.read(cfg).images();
            for (int k = 0; k < configured.size(); k++) {
                var e = configured.get(k);
                if (e.fwId() != 1) {
                    socNames.put(FlashEntry.SOC_IMAGE_BASE + i++, e.file().isEmpty() ? null
                            : baseName(e.file(), cfg + ": key 'file' in [[image_metadata_list]] #" + (k + 1) + ":"));
                }
            }
        }
        boolean v1 = flash.version() == 1;
        var used = new HashSet<String>();
        var targets = new java.util.LinkedHashMap<Path, FlashEntry>();
        var entries = flash.entries();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            String where = String.format("image info %d (identifier 0x%X)", i, e.identifier());
            String name = e.filename() != null && !e.filename().isEmpty() ? baseName(e.filename(), file + ": " + where + ": file name")
                    : e.identifier() == (v1 ? FlashEntry.V1_CALIPTRA_FW : FlashEntry.V3_CALIPTRA_FW) ? "caliptra-fw.bin"
                    : e.identifier() == (v1 ? FlashEntry.V1_SOC_MANIFEST : FlashEntry.V3_SOC_MANIFEST) ? "soc-manifest.bin"
                    : e.identifier() == (v1 ? FlashEntry.V1_MCU_RUNTIME : FlashEntry.V3_MCU_RUNTIME) ? "mcu-runtime.bin"
                    : socNames.get(e.identifier()) != null ? socNames.get(e.identifier())
                    : String.format("image-0x%X.bin", e.identifier());
            name = unique(name, e.identifier(), used);
            // baseName leaves one plain name, so every target is a child of --out; checked all the same.
            Path target = out.resolve(name);
            if (!out.equals(target.getParent())) {
                throw new UsageException(file + ": " + where + ": " + Text.quote(name) + " would be written outside " + out);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                // Answers before anything is written in the usual case; writeAll refuses atomically anyway.
                throw new UsageException(target + ": already exists; extract never overwrites");
            }
            targets.put(target, e);
        }
        // Every image or none: a name taken in the meantime undoes the ones already placed.
        AtomicFiles.writeAll(targets.entrySet().stream()
                .map(t -> AtomicFiles.Output.refusing(t.getKey(), t.getValue().data().toByteArray())).toList());
        var stdout = spec.commandLine().getOut();
        for (var t : targets.entrySet()) {
            var e = t.getValue();
            stdout.printf("0x%04X -> %s (%d bytes)%n", e.identifier(), Text.oneLine(t.getKey().toString()), e.data().length());
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * The last segment of a stored or configured name (a v3 name is a TFTP path, a configured one
     * is relative to the prebuilt directory): what is written is always a plain name in --out,
     * never "../x.bin" or an absolute path. A name that leaves no usable file name is refused.
     */
    static String baseName(String stored, String what) {
        String base = stored.substring(stored.lastIndexOf('/') + 1);
        String problem = base.isEmpty() ? "names no file"
                : base.equals(".") || base.equals("..") ? "names a directory, not a file"
                : base.chars().anyMatch(c -> c == 0) ? "holds a NUL character"
                : base.chars().anyMatch(c -> Character.isISOControl(c)) ? "holds a control character"
                : null;
        if (problem != null) {
            throw new UsageException(what + " " + Text.quote(stored) + " " + problem + "; extract needs a file name");
        }
        return base;
    }

    /** {@code name}, or for a second entry of that name {@code image-0x<id>-name} (and a counter if that is taken too). */
    private static String unique(String name, int identifier, java.util.Set<String> used) {
        String candidate = name;
        for (int n = 1; !used.add(candidate); n++) {
            candidate = String.format("image-0x%X-", identifier) + (n == 1 ? "" : n + "-") + name;
        }
        return candidate;
    }
}
