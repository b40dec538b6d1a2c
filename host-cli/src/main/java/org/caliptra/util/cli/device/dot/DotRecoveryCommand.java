package org.caliptra.util.cli.device.dot;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.commands.ownership.OwnershipCommands;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util dot recovery}. */
@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = "Restore the DOT blob from a backup (DotRecovery, MDRC): the device takes a blob that is authentic for "
                + "its current DOT fuse count; a reset is required.")
public final class DotRecoveryCommand extends DeviceCommand {
    @Option(names = "--blob", paramLabel = "FILE", required = true, description = "The 168-byte blob dot backup-blob wrote.")
    Path blobFile;

    private Octets blob;

    @Override
    protected void prepare() {
        byte[] b = InputFiles.read(blobFile, InputFiles.Kind.DOT_BLOB);
        if (b.length != OwnershipCommands.BLOB_SIZE) {
            throw new UsageException("--blob " + blobFile + ": " + b.length + " bytes; a DOT blob is " + OwnershipCommands.BLOB_SIZE);
        }
        blob = Octets.of(b);
    }

    @Override
    protected int run(CaliptraSession session) {
        return print(DotTransitionReport.of("recovered", Ownership.recover(session, blob)));
    }
}
