package org.caliptra.util.cli.device.random;

import java.nio.file.Path;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.random.RandomNumbers;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util random N}: random bytes from the device. */
@Command(name = "random", mixinStandardHelpOptions = true,
        description = {"Draw N random bytes (1 to 4096) from the device's DRBG (RandomGenerate: MC_RANDOM_GENERATE or "
                + "CM_RANDOM_GENERATE) and print them as hex, or with --out write them raw to FILE (mode 0600).",
            "The embedded emulator's TRNG is seeded from its device file, so its draws repeat from run to run; a real "
                + "device's do not."})
public final class RandomCommand extends DeviceCommand {
    @Parameters(index = "0", paramLabel = "N", description = "How many bytes: 1 to 4096.")
    String count;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the bytes, raw, to FILE (mode 0600) instead of printing them.")
    Path out;

    private int size;

    @Override
    protected void prepare() {
        size = parse(count);
    }

    /** N as a byte count the device serves in one command, or a usage error saying what it takes. */
    static int parse(String n) {
        long value;
        try {
            value = Long.parseLong(n.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("N '" + n + "' is not a number of bytes; give 1 to " + RandomNumbers.MAX_BYTES);
        }
        if (value < 1 || value > RandomNumbers.MAX_BYTES) {
            throw new UsageException("N is " + value + ": the device returns 1 to " + RandomNumbers.MAX_BYTES
                    + " random bytes per command");
        }
        return (int) value;
    }

    @Override
    protected int run(CaliptraSession session) {
        Octets data = RandomNumbers.generate(session, size);
        var report = new FieldReport().put("bytes", data.length());
        if (out != null) {
            Outputs.writePrivate(out, data);
            report.put("out", out.toString());
        } else {
            report.put("data", data);
        }
        return print(report);
    }
}
