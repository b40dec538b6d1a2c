package org.caliptra.util.cli.device.keys;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.host.commands.keys.Keys;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;

/** {@code caliptra-util cm-status}. */
@Command(name = "cm-status", mixinStandardHelpOptions = true,
        description = "Read the cryptographic mailbox's status (CmStatus: MC_CM_STATUS or CM_STATUS): how many entries of its "
                + "key usage storage are taken (one per AES key, freed by delete) and how many it has.")
public final class CmStatusCommand extends DeviceCommand {
    @Override
    protected int run(CaliptraSession session) {
        var s = Keys.status(session);
        return print(new FieldReport().u32("used_usage_storage", s.usedUsageStorage()).u32("total_usage_storage", s.totalUsageStorage()));
    }
}
