package org.caliptra.util.cli.device.debug;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.debug.Debug;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util get-log}: read (and so drain) the MCU's debug log. */
@Command(name = "get-log", mixinStandardHelpOptions = true,
        description = {"Read the next page of the MCU's debug log (DebugGetLog: MC_GET_LOG or VDM 0x03), or with --all every "
                + "page until the device has no more; what is read is drained from the device.",
            "The log's bytes go to --out when given, else to standard output as they are; --format json prints them as "
                + "hex with the page count and whether more remain."})
public final class GetLogCommand extends DeviceCommand {
    @Option(names = "--all", description = "Read pages until the device says no more remain.")
    boolean all;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the log's bytes to FILE instead of standard output.")
    Path out;

    @Override
    protected int run(CaliptraSession session) {
        Octets data;
        boolean more;
        int pages = 1;
        if (all) {
            data = Debug.drainLog(session);
            more = false;
            pages = -1;
        } else {
            var page = Debug.getLogPage(session);
            data = page.data();
            more = page.moreData();
        }
        if (out != null) {
            Outputs.write(out, data);
        }
        if (device.json()) {
            var report = new FieldReport().put("bytes", data.length()).put("more_data", more);
            if (pages > 0) {
                report.put("pages", pages);
            }
            if (out == null) {
                report.put("data", data);
            } else {
                report.put("out", out.toString());
            }
            return print(report);
        }
        if (out == null) {
            // The emulated MCU writes printable lines; a real one may write defmt frames, passed through as they are.
            out().print(new String(data.toByteArray(), StandardCharsets.ISO_8859_1));
            out().flush();
        }
        if (more) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": more log pages remain; run again, or use --all");
        }
        return ExitCodes.OK;
    }
}
