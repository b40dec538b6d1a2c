package org.caliptra.util.cli;

import java.io.PrintWriter;
import org.caliptra.util.cli.boot.BootCommand;
import org.caliptra.util.cli.device.GetDeviceIdCommand;
import org.caliptra.util.cli.emulator.EmulatorCommand;
import org.caliptra.util.cli.image.ImageCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caliptra-util}: the entry point. One class per subcommand; shared options are mixins. */
@Command(name = "caliptra-util",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Talk to a Caliptra device (real or emulated), and build, sign and verify Caliptra images.",
        subcommands = {GetDeviceIdCommand.class, ImageCommand.class, BootCommand.class, EmulatorCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Targets: --target URI or CALIPTRA_TARGET; default 'emulator' (an embedded emulated device).",
                "Exit codes: 0 success; 1 the device refused a valid input, or a device or transport failure;",
                "2 bad usage, or an input that is not a valid input of its kind."})
public final class CaliptraUtil implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var cli = new CommandLine(new CaliptraUtil());
        cli.setOut(out);
        cli.setErr(err);
        ErrorReporting.install(cli);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
