package org.caliptra.util.cli.device.asymmetric;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util mldsa-sign}: an ML-DSA-87 signature by a device key. */
@Command(name = "mldsa-sign", mixinStandardHelpOptions = true,
        description = "Sign a message of at most 4096 bytes with an ML-DSA-87 device key (MldsaSign) and write the "
                + "4627-byte FIPS 204 signature to --out.")
public final class MldsaSignCommand extends DeviceCommand {
    @Mixin
    KeyInput key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The message, or - for standard input.")
    String file;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the signature.")
    Path out;

    private Octets message;

    @Override
    protected void prepare() {
        key.read();
        message = InputStreams.readWhole(file, InputFiles.Kind.DEVICE_MESSAGE, System.in);
    }

    @Override
    protected int run(CaliptraSession session) {
        var sig = key.with(session, KeyUsage.MLDSA, cmk -> Asymmetric.mldsaSign(session, cmk, message));
        Outputs.write(out, sig.signature());
        return print(new FieldReport().put("bytes", sig.signature().length()).put("out", out.toString()));
    }
}
