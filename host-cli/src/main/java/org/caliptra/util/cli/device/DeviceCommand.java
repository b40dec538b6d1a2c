package org.caliptra.util.cli.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.target.OpenTarget;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that asks the target one thing: its inputs are read and checked first ({@link
 * #prepare}), so a bad input is exit 2 before anything is opened; then the target is opened, a
 * session connected (the embedded device booted unless {@link #needsBoot} says otherwise), and
 * {@link #run} talks to it. A device refusal is exit 1 naming the Caliptra error and its code.
 */
public abstract class DeviceCommand implements Callable<Integer> {
    @Mixin
    protected DeviceOptions device;

    @Spec
    protected CommandSpec spec;

    private OpenTarget target;

    /** Reads and checks the inputs; nothing is opened yet. */
    protected void prepare() {}

    /** Whether the command needs the embedded device's Caliptra core running: every one but what the MCU answers alone. */
    protected boolean needsBoot() {
        return true;
    }

    /** Talks to the device; returns the exit code. */
    protected abstract int run(CaliptraSession session) throws IOException;

    @Override
    public final Integer call() {
        prepare();
        var config = device.sessionConfig();
        try (var opened = device.open()) {
            target = opened;
            try (var session = needsBoot() ? opened.connect(config) : opened.connectUnbooted(config)) {
                return run(session);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The target being talked to (during {@link #run}). */
    protected OpenTarget target() {
        return target;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints {@code report} as text or JSON, as --format says; exit 0. */
    protected int print(FieldReport report) {
        report.print(out(), device.json());
        return ExitCodes.OK;
    }
}
