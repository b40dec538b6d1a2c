package org.caliptra.util.cli.device.random;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.host.commands.random.RandomNumbers;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util random-stir}: additional input into the device's DRBG. */
@Command(name = "random-stir", mixinStandardHelpOptions = true,
        description = "Stir additional input (at most 4080 bytes: 85 of the 48-byte blocks the device takes) into the device's "
                + "DRBG (RandomStir: MC_RANDOM_STIR or CM_RANDOM_STIR): the device reseeds with it, and later random bytes depend on it.")
public final class RandomStirCommand extends DeviceCommand {
    static final class Source {
        @Option(names = "--input-file", paramLabel = "FILE", required = true, description = "The input (at most 4080 bytes).")
        Path file;

        @Option(names = "--input-hex", paramLabel = "HEX", required = true, description = "The input as hex (at most 4080 bytes).")
        String hex;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    private Octets input;

    @Override
    protected void prepare() {
        input = source.file != null ? Octets.of(InputFiles.read(source.file, InputFiles.Kind.DEVICE_MESSAGE))
                : HexOption.parseUpTo("--input-hex", source.hex, RandomNumbers.MAX_STIR_BYTES, "the input");
        if (input.length() > RandomNumbers.MAX_STIR_BYTES) {
            throw new UsageException("--input-file " + source.file + ": " + input.length() + " bytes; the device stirs in at most "
                    + RandomNumbers.MAX_STIR_BYTES + " (85 whole 48-byte blocks)");
        }
    }

    @Override
    protected int run(CaliptraSession session) {
        RandomNumbers.stir(session, input);
        return print(new FieldReport().put("bytes", input.length()));
    }
}
