package org.caliptra.util.cli.device.debug;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.host.commands.debug.Debug;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;

/** {@code caliptra-util clear-log}: empty the MCU's debug log. */
@Command(name = "clear-log", mixinStandardHelpOptions = true,
        description = "Empty the MCU's debug log (DebugClearLog: MC_CLEAR_LOG or VDM 0x04).")
public final class ClearLogCommand extends DeviceCommand {
    @Override
    protected int run(CaliptraSession session) {
        Debug.clearLog(session);
        return print(new FieldReport().put("cleared", true));
    }
}
