package org.caliptra.util.cli;

import org.caliptra.util.protocol.Text;

import org.caliptra.util.cli.target.TargetException;
import org.caliptra.util.image.ImageException;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.MailboxCommandException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and the exit-code contract: 2 for usage, 1 for
 * device and transport failures. A stack trace is printed only when CALIPTRA_UTIL_DEBUG is set.
 */
final class ErrorReporting {
    private ErrorReporting() {}

    static void install(CommandLine cli) {
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionExceptionHandler(new Failures());
    }

    // Classes rather than lambdas: picocli's handler interfaces are Java 5 class files, and a
    // lambda of such an interface is spun at run time and keeps the interface itself out of the
    // launcher's class-data-sharing archive.

    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            var cmd = ex.getCommandLine();
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + Text.oneLine(ex.getMessage()) + " (see --help)");
            return ExitCodes.USAGE;
        }
    }

    private static final class Failures implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
            if (System.getenv("CALIPTRA_UTIL_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            // Messages quote file names and values from the input; escaping keeps every error on one line.
            if (ex instanceof UsageException || ex instanceof TargetException || ex instanceof ImageException) {
                cmd.getErr().println(prefix + Text.oneLine(ex.getMessage()));
                return ExitCodes.USAGE;
            }
            if (ex instanceof CaliptraException || ex instanceof MailboxCommandException) {
                cmd.getErr().println(prefix + Text.oneLine(ex.getMessage()));
                return ExitCodes.FAILURE;
            }
            cmd.getErr().println(prefix + "internal error: " + Text.oneLine(String.valueOf(ex))
                    + " (set CALIPTRA_UTIL_DEBUG=1 for a stack trace, and please report it)");
            return ExitCodes.FAILURE;
        }
    }
}
