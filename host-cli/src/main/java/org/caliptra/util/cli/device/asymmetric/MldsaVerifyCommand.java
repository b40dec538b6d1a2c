package org.caliptra.util.cli.device.asymmetric;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.InputStreams;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util mldsa-verify}: check an ML-DSA-87 signature with a device key. */
@Command(name = "mldsa-verify", mixinStandardHelpOptions = true,
        description = "Verify an ML-DSA-87 signature of a message of at most 4096 bytes with an ML-DSA device key "
                + "(MldsaVerify); a signature that does not verify is the device's refusal: exit 1 with its error code.")
public final class MldsaVerifyCommand extends DeviceCommand {
    @Mixin
    KeyInput key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The message, or - for standard input.")
    String file;

    @Option(names = "--signature", paramLabel = "FILE", required = true,
            description = "The signature: 4627 bytes (as mldsa-sign writes it) or 4628 with the padding byte.")
    Path signatureFile;

    private Octets message;
    private MldsaSignature signature;

    @Override
    protected void prepare() {
        key.read();
        signature = SignatureFiles.mldsa("--signature", signatureFile);
        message = InputStreams.readWhole(file, InputFiles.Kind.DEVICE_MESSAGE, System.in);
    }

    @Override
    protected int run(CaliptraSession session) {
        key.with(session, KeyUsage.MLDSA, cmk -> {
            Asymmetric.mldsaVerify(session, cmk, message, signature);
            return null;
        });
        return print(new FieldReport().put("verified", true));
    }
}
