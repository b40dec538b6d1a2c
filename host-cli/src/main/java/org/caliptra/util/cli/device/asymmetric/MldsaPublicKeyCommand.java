package org.caliptra.util.cli.device.asymmetric;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.KeyInput;
import org.caliptra.util.host.commands.asymmetric.Asymmetric;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.MldsaPublicKey;
import org.caliptra.util.protocol.cm.KeyUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util mldsa-public-key}: the ML-DSA-87 public key of a seed device key. */
@Command(name = "mldsa-public-key", mixinStandardHelpOptions = true,
        description = "Read the ML-DSA-87 public key of the key pair a seed device key derives (MldsaKeygen: "
                + "MC_MLDSA_CMK_PUBLIC_KEY or CM_MLDSA_PUBLIC_KEY): 2592 bytes of hex, and with --out a PEM public key file.")
public final class MldsaPublicKeyCommand extends DeviceCommand {
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
        var pub = key.with(session, KeyUsage.MLDSA, seed -> Asymmetric.mldsaPublicKey(session, seed));
        var report = new FieldReport().put("public_key", pub.bytes());
        if (out != null) {
            KeyFiles.writeMldsaPublic(new MldsaPublicKey(pub.bytes()), out);
            report.put("out", out.toString());
        }
        return print(report);
    }
}
