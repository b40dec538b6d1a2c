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
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util ecdsa-sign}: an ECDSA P-384 signature by a device key. */
@Command(name = "ecdsa-sign", mixinStandardHelpOptions = true,
        description = "Sign a message of at most 4096 bytes with an ECDSA device key (EcdsaSign: the device hashes it with "
                + "SHA-384); prints r and s, and with --out writes the DER ECDSA-Sig-Value.")
public final class EcdsaSignCommand extends DeviceCommand {
    @Mixin
    KeyInput key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The message, or - for standard input.")
    String file;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the signature (DER).")
    Path out;

    private Octets message;

    @Override
    protected void prepare() {
        key.read();
        message = InputStreams.readWhole(file, InputFiles.Kind.DEVICE_MESSAGE, System.in);
    }

    @Override
    protected int run(CaliptraSession session) {
        var sig = key.with(session, KeyUsage.ECDSA, cmk -> Asymmetric.ecdsaSign(session, cmk, message));
        var report = new FieldReport().put("r", sig.r()).put("s", sig.s());
        if (out != null) {
            Outputs.write(out, Octets.of(new EccSignature(sig.r(), sig.s()).toDer()));
            report.put("out", out.toString());
        }
        return print(report);
    }
}
