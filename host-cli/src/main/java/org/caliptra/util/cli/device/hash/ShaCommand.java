package org.caliptra.util.cli.device.hash;

import java.io.IOException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.host.commands.hash.Hashing;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util sha}: a file's SHA-384 or SHA-512, computed by the device. */
@Command(name = "sha", mixinStandardHelpOptions = true,
        description = "Hash a file (or standard input, -) on the device with SHA-384 or SHA-512 (HashInit, HashUpdate, "
                + "HashFinalize), streaming it 4096 bytes per command, and print the digest.")
public final class ShaCommand extends DeviceCommand {
    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "sha384", converter = HashAlgorithmConverter.class,
            description = "sha384 or sha512 (default: ${DEFAULT-VALUE}).")
    HashAlgorithm algorithm;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to hash, or - for standard input.")
    String file;

    private InputStreams.Counted in;

    @Override
    protected void prepare() {
        in = InputStreams.open(file, System.in);
    }

    @Override
    protected int run(CaliptraSession session) throws IOException {
        try (var input = in) {
            var digest = Hashing.sha(session, algorithm, input);
            return print(new FieldReport().put("algorithm", HashAlgorithmConverter.name(algorithm)).put("digest", digest.value())
                    .put("file", input.name()).put("bytes", input.count()));
        }
    }
}
