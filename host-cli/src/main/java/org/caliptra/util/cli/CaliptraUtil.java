package org.caliptra.util.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code caliptra-util}: the entry point. One class per subcommand, listed in {@link CommandTree}
 * rather than in {@code subcommands} here so that only the ones the arguments name are built;
 * shared options are mixins.
 */
@Command(name = "caliptra-util",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Talk to a Caliptra device (real or emulated), and build, sign and verify Caliptra images.",
        footer = {"", "Targets: --target URI or CALIPTRA_TARGET; default 'emulator' (an embedded emulated device).",
                "Exit codes: 0 success; 1 the device refused a valid input, or a device or transport failure; "
                        + "2 bad usage, or an input that is not a valid input of its kind."})
public final class CaliptraUtil implements Runnable {
    static final String PICOCLI_CONVERTER_EXCLUDES = "picocli.converters.excludes";
    static final String PICOCLI_DISABLE_CLOSURES = "picocli.disable.closures";
    /**
     * picocli's syntax: comma-separated regular expressions over class names. One expression, as
     * picocli compiles each anew for every converter of every command it builds.
     */
    static final String EXCLUDED_CONVERTERS = "java\\.(time|sql)\\..*";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        prepareProcess();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * What the process that runs the CLI does first (a value the user set wins). picocli registers
     * a converter for every java.time and java.sql type it can find, by reflection, in each command
     * it builds; no option here takes one (a test holds this), so those look-ups are skipped. Its
     * factory looks for Groovy's Closure class, and the class loader can only say "no" after
     * opening the 11,000-entry jar; there is no Groovy here.
     */
    static void prepareProcess() {
        if (System.getProperty(PICOCLI_CONVERTER_EXCLUDES) == null) {
            System.setProperty(PICOCLI_CONVERTER_EXCLUDES, EXCLUDED_CONVERTERS);
        }
        if (System.getProperty(PICOCLI_DISABLE_CLOSURES) == null) {
            System.setProperty(PICOCLI_DISABLE_CLOSURES, "true");
        }
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var cli = new CommandLine(new CaliptraUtil());
        CommandTree.attach(cli, args);
        return execute(cli, out, err, args);
    }

    /** Runs {@code cli}, its subcommands attached (the settings reach only those), as the CLI does. */
    static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setErr(err);
        ErrorReporting.install(cli);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
