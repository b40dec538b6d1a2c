package org.caliptra.util.cli.booted;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.MeasurementCommands.QuoteRequest;
import org.caliptra.util.protocol.core.MeasurementCommands.StashMeasurementRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caliptra-util quote-pcrs}: QUOTE_PCRS (ECC P-384, or ML-DSA-87 on 2.x) of a booted device,
 * after stashing the {@code --stash} measurements, since every run boots a fresh device.
 */
@Command(name = "quote-pcrs", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its PCR quote: the 32 PCRs, the nonce, the reset counters, "
                + "the signed digest and the signature (ECC P-384 by the FMC alias key; ML-DSA-87 with --mldsa on 2.x).",
            "Each run boots a fresh device: --stash stashes measurements (STASH_MEASUREMENT, extending PCR31) first, in order, "
                    + "so that the quote covers them.",
            "Exit code 0 on success, 1 if the device did not boot or failed a command, 2 for bad input."})
public final class QuotePcrsCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Option(names = "--nonce", paramLabel = "HEX", description = "The quote's nonce: 32 bytes, 64 hex digits (default: random).")
    String nonce;

    @Option(names = "--stash", paramLabel = "HEX", description = "A 48-byte measurement (96 hex digits) to stash before the quote, "
            + "with zero metadata, context and SVN (repeatable).")
    List<String> stash = new ArrayList<>();

    @Option(names = "--mldsa", description = "2.x: the ML-DSA-87 quote (QUOTE_PCRS_MLDSA87) instead of the ECC P-384 one.")
    boolean mldsa;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Octets n = nonce == null ? random32() : HexOption.parse("--nonce", nonce, 32, "a nonce");
        var measurements = new ArrayList<Octets>();
        for (String s : stash) {
            measurements.add(HexOption.parse("--stash", s, 48, "a measurement"));
        }
        if (mldsa) {
            device.requireMldsa("--mldsa");
        }
        FieldReport report;
        try (var booted = device.boot()) {
            for (int i = 0; i < measurements.size(); i++) {
                int result = booted.call(MeasurementCommands.STASH_MEASUREMENT, new StashMeasurementRequest(Octets.of(new byte[4]),
                        measurements.get(i), Octets.of(new byte[48]), 0)).dpeResult();
                if (result != 0) {
                    throw new DeviceFailureException(String.format("--stash #%d: STASH_MEASUREMENT answered dpe_result 0x%08X", i + 1, result));
                }
            }
            var request = new QuoteRequest(n);
            if (mldsa) {
                var q = booted.call(MeasurementCommands.QUOTE_PCRS_MLDSA87, request);
                report = common(q.pcrs(), q.nonce(), q.resetCtrs(), q.digest()).put("signature", q.signature());
            } else {
                var q = booted.call(MeasurementCommands.quotePcrsEcc384(booted.generation()), request);
                report = common(q.pcrs(), q.nonce(), q.resetCtrs(), q.digest()).put("signature_r", q.signatureR())
                        .put("signature_s", q.signatureS());
            }
        }
        report.print(spec.commandLine().getOut(), format.json());
        return ExitCodes.OK;
    }

    private static FieldReport common(List<Octets> pcrs, Octets nonce, List<Integer> resetCtrs, Octets digest) {
        return new FieldReport().put("pcrs", pcrs).put("nonce", nonce)
                .put("reset_ctrs", resetCtrs.stream().map(Integer::toUnsignedLong).toList()).put("digest", digest);
    }

    private static Octets random32() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Octets.of(b);
    }
}
