package org.caliptra.util.cli.image;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.caliptra.util.protocol.Text;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import picocli.CommandLine;

/**
 * One {@code --image FWID=FILE} argument of {@code boot} and {@code image verify}: a fw_id (a u32,
 * decimal or 0x-hex) and the image file. Parsed after picocli, so a bad value is a usage error
 * naming the option here rather than a converter exception that nothing reports.
 */
public record FwIdFile(int fwId, Path file) {
    public static FwIdFile parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--image " + Text.quote(spec) + ": expected FWID=FILE");
        }
        int fwId;
        try {
            fwId = U32Converter.parse(spec.substring(0, eq));
        } catch (CommandLine.TypeConversionException e) {
            throw new UsageException("--image " + Text.quote(spec) + ": the fw_id " + e.getMessage());
        }
        try {
            return new FwIdFile(fwId, Path.of(spec.substring(eq + 1)));
        } catch (InvalidPathException e) {
            throw new UsageException("--image " + Text.quote(spec) + ": not a usable path: " + e.getReason());
        }
    }
}
