package org.caliptra.util.cli.device.asymmetric;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util ecdsa-public-key}: the public key of an ECDSA device key. */
@Command(name = "ecdsa-public-key", mixinStandardHelpOptions = true,
        description = "Read the ECC P-384 public key of an ECDSA device key (EcdsaPublicKey: MC_ECDSA_CMK_PUBLIC_KEY or "
                + "CM_ECDSA_PUBLIC_KEY): x and y, and with --out a PEM public key file.")
public final class EcdsaPublicKeyCommand extends DeviceCommand {
    @Mixin
    KeyInput key;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the key as a PEM SubjectPublicKeyInfo (a new file).")
    Path out;

    @Override
    protected void prepare() {
        key.read();
    }

    @Override
    protected int run(CaliptraSession session) {
        var pub = key.with(session, KeyUsage.ECDSA, cmk -> Asymmetric.ecdsaPublicKey(session, cmk));
        if (out != null) {
            KeyFiles.writeEccPublic(new EccPublicKey(pub.x(), pub.y()), out);
        }
        var report = new FieldReport().put("x", pub.x()).put("y", pub.y());
        if (out != null) {
            report.put("out", out.toString());
        }
        return print(report);
    }
}
