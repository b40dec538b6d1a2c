package org.caliptra.util.cli.device.dot;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The code authentication key (CAK, 48 bytes) a DOT lock or rotation installs: a file, or hex. */
public final class CakOption {
    static final class Source {
        @Option(names = "--cak-file", paramLabel = "FILE", required = true, description = "The 48-byte CAK.")
        Path file;

        @Option(names = "--cak", paramLabel = "HEX", required = true,
                description = "The CAK as 96 hex digits; prefer --cak-file, which keeps it out of the process list.")
        String hex;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    Octets read() {
        if (source.hex != null) {
            return HexOption.parse("--cak", source.hex, 48, "a CAK");
        }
        byte[] b = InputFiles.read(source.file, InputFiles.Kind.RAW_KEY);
        if (b.length != 48) {
            throw new UsageException("--cak-file " + source.file + ": " + b.length + " bytes; a CAK is 48");
        }
        return Octets.of(b);
    }
}
