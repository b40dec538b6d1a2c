package org.caliptra.util.cli.device.dot;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.GetDotBackupBlob;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util dot backup-blob}. */
@Command(name = "backup-blob", mixinStandardHelpOptions = true,
        description = "Read the DOT blob (GetDotBackupBlob, MDBB; authorized) and write its 168 bytes to --out (mode 0600), "
                + "for dot recovery.")
public final class DotBackupBlobCommand extends DeviceCommand {
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the blob.")
    Path out;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;

    @Override
    protected void prepare() {
        signer = auth.require("dot backup-blob");
    }

    @Override
    protected int run(CaliptraSession session) {
        var blob = AuthKeys.authorized(session, signer, GetDotBackupBlob::preImage, t -> Ownership.backupBlob(session, t));
        Outputs.writePrivate(out, blob.blob());
        return print(new FieldReport().put("bytes", blob.blob().length()).put("out", out.toString()));
    }
}
