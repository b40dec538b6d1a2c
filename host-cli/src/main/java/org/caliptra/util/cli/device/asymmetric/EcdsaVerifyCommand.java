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
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caliptra-util ecdsa-verify}: check an ECDSA P-384 signature with a device key. */
@Command(name = "ecdsa-verify", mixinStandardHelpOptions = true,
        description = "Verify an ECDSA P-384 signature of a message of at most 4096 bytes with an ECDSA device key "
                + "(EcdsaVerify); a signature that does not verify is the device's refusal: exit 1 with its error code.")
public final class EcdsaVerifyCommand extends DeviceCommand {
    @Mixin
    KeyInput key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The message, or - for standard input.")
    String file;

    @Option(names = "--signature", paramLabel = "FILE", required = true,
            description = "The signature: DER (as ecdsa-sign --out writes it) or 96 bytes of r and s.")
    Path signatureFile;

    private Octets message;
    private EcdsaSignature signature;

    @Override
    protected void prepare() {
        key.read();
        signature = SignatureFiles.ecdsa("--signature", signatureFile);
        message = InputStreams.readWhole(file, InputFiles.Kind.DEVICE_MESSAGE, System.in);
    }

    @Override
    protected int run(CaliptraSession session) {
        key.with(session, KeyUsage.ECDSA, cmk -> {
            Asymmetric.ecdsaVerify(session, cmk, message, signature);
            return null;
        });
        return print(new FieldReport().put("verified", true));
    }
}
