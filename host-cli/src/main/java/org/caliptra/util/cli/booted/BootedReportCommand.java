package org.caliptra.util.cli.booted;

import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that boots a device, asks it one thing and prints the answer's fields (text or
 * {@code --format json}): capabilities, fips-version, fw-info, dpe get-profile.
 */
abstract class BootedReportCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    /** Asks the booted device and reports its answer. */
    abstract FieldReport query(BootedDevice booted);

    @Override
    public final Integer call() {
        FieldReport report;
        try (var booted = device.boot()) {
            report = query(booted);
        }
        report.print(spec.commandLine().getOut(), format.json());
        return ExitCodes.OK;
    }
}
