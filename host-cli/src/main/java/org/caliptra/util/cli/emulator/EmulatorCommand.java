package org.caliptra.util.cli.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caliptra-util emulator …}: the emulated device itself. Subcommands: {@code CommandTree}. */
@Command(name = "emulator", mixinStandardHelpOptions = true, description = "The emulated Caliptra device.")
public final class EmulatorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an emulator subcommand is required");
    }

    /** {@code emulator template}: a commented device file. */
    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "Print a commented device file (profile, lifecycle, every fuse, ids, versions).")
    public static final class Template implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (var in = Template.class.getResourceAsStream("/templates/device.toml")) {
                spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        }
    }
}
