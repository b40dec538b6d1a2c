package org.caliptra.util.cli.device.dot;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;

/** {@code caliptra-util dot status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Read the DOT state (DotStatus, MDST): whether DOT is enabled, whether ownership is locked, and how "
                + "many DOT fuses are burnt (odd: locked).")
public final class DotStatusCommand extends DeviceCommand {
    @Override
    protected int run(CaliptraSession session) {
        var s = Ownership.status(session);
        return print(new FieldReport().put("enabled", s.enabled() != 0).put("locked", s.locked() != 0).put("burned", s.burned()));
    }
}
