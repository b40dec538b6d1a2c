package org.caliptra.util.cli.booted;

import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.MeasurementCommands.StashMeasurementRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caliptra-util stash-measurement}: STASH_MEASUREMENT on a booted device, and its dpe_result. */
@Command(name = "stash-measurement", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash, stash one measurement into DPE (STASH_MEASUREMENT, PL0 only: "
                + "sent as the bundle's PL0 requester) and print the dpe_result.",
            "Each run boots a fresh device, so the measurement lasts only for this run; quote-pcrs --stash stashes and "
                    + "quotes in one run.",
            "Exit code 0 if dpe_result is 0, 1 if it is not or if the device did not boot or failed the command, 2 for bad input."})
public final class StashMeasurementCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Option(names = "--measurement", paramLabel = "HEX", required = true, description = "The measurement: 48 bytes, 96 hex digits.")
    String measurement;

    @Option(names = "--context", paramLabel = "HEX", description = "The context: 48 bytes, 96 hex digits (default zeros).")
    String context;

    @Option(names = "--metadata", paramLabel = "HEX", description = "The metadata (the DPE TCI type): 4 bytes, 8 hex digits (default zeros).")
    String metadata;

    @Option(names = "--svn", paramLabel = "N", converter = U32Converter.class, description = "The measurement's SVN (default 0).")
    Integer svn;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var request = new StashMeasurementRequest(
                metadata == null ? Octets.of(new byte[4]) : HexOption.parse("--metadata", metadata, 4, "metadata"),
                HexOption.parse("--measurement", measurement, 48, "a measurement"),
                context == null ? Octets.of(new byte[48]) : HexOption.parse("--context", context, 48, "a context"),
                svn == null ? 0 : svn);
        int result;
        try (var booted = device.boot()) {
            result = booted.call(MeasurementCommands.STASH_MEASUREMENT, request).dpeResult();
        }
        new FieldReport(java.util.Set.of("dpe_result")).u32("dpe_result", result).print(spec.commandLine().getOut(), format.json());
        return result == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
