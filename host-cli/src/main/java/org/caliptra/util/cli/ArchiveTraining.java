package org.caliptra.util.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * The runs the launcher's class-data-sharing archive is recorded from. {@code ./caliptra-util}
 * runs this class once per jar with {@code -XX:DumpLoadedClassList} and archives the classes it
 * loaded, so the archive holds the same classes whichever command happens to run first after a
 * build: start-up, help, version, parse errors and {@code get-device-id} in text and JSON. Every
 * run is in process, writes nowhere and touches no file; the embedded emulator is named
 * explicitly so that {@code CALIPTRA_TARGET} cannot send the training to a real device.
 */
public final class ArchiveTraining {
    /** Each run's arguments and the exit code it must end with. */
    record Run(int exitCode, String... args) {}

    static final List<Run> RUNS = List.of(
            new Run(ExitCodes.OK, "--version"),
            new Run(ExitCodes.OK, "--help"),
            new Run(ExitCodes.OK, "image", "verify", "--help"),
            new Run(ExitCodes.OK, "get-device-id", "--target", "emulator"),
            new Run(ExitCodes.OK, "get-device-id", "--target", "emulator", "--format", "json"),
            new Run(ExitCodes.USAGE, "get-device-id", "--target", "emulator", "--format", "xml"),
            new Run(ExitCodes.OK, "emulator", "template"));

    private ArchiveTraining() {}

    /** Exits 0 when every run ended as expected; otherwise 1, naming the first that did not. */
    public static void main(String[] args) {
        CaliptraUtil.prepareProcess();
        String failed = train();
        if (failed != null) {
            System.err.println("caliptra-util archive training: " + failed);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Runs every training run; null when all ended as expected, else what went wrong. */
    static String train() {
        var discard = new PrintWriter(Writer.nullWriter());
        for (Run run : RUNS) {
            int code = CaliptraUtil.run(discard, discard, run.args());
            if (code != run.exitCode()) {
                return String.join(" ", run.args()) + " exited " + code + ", expected " + run.exitCode();
            }
        }
        return null;
    }
}
