package org.caliptra.util.cli.device.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.image.ImageJson;
import org.caliptra.util.cli.target.TargetOptions;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.host.transport.plugin.TransportInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caliptra-util transports}: the target schemes the built-in socket transports and transport plugins answer. */
@Command(name = "transports", mixinStandardHelpOptions = true,
        description = {"List the transports on the class path (the built-in socket transports udp, mctp-i3c, apb, apb+unix, mbox and mbox+unix among them) and the plugin path: "
                + "each one's name (the target scheme it answers), description, provider class and where it was loaded from.",
            "The embedded emulator (--target emulator) is built in and always available."})
public final class TransportsCommand implements Callable<Integer> {
    @Option(names = "--plugin-dir", paramLabel = "DIR",
            description = "A directory of plugin jars, or one jar; repeatable. $CALIPTRA_PLUGIN_PATH adds more.")
    List<Path> pluginDirs = new ArrayList<>();

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<TransportInfo> transports = Targets.listTransports(TargetOptions.pluginPath(pluginDirs));
        var out = spec.commandLine().getOut();
        if (format.json()) {
            var list = new ArrayList<Map<String, Object>>();
            for (TransportInfo t : transports) {
                var row = new LinkedHashMap<String, Object>();
                row.put("name", t.name());
                row.put("description", t.description());
                row.put("provider", t.providerClass());
                row.put("origin", t.origin());
                list.add(row);
            }
            ImageJson.print(out, Map.of("transports", list));
            return ExitCodes.OK;
        }
        out.println("emulator: the embedded emulated device (built in)");
        for (TransportInfo t : transports) {
            out.println(t.name() + ": " + t.description() + " (" + t.providerClass() + " from " + t.origin() + ")");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
