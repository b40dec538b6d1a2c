package org.caliptra.util.cli.booted;

import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxCommandException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.DeriveContextRequest;
import org.caliptra.util.protocol.dpe.DpeSession;
import org.caliptra.util.protocol.dpe.DpeStatusException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --measurement [TYPE:]HEX} (repeatable): since each run boots a fresh device, the contexts a
 * DPE operation runs in are derived again every run, in order, before it. Each measurement derives
 * the PL0 locality's default context into a new default context (MAKE_DEFAULT | INPUT_ALLOW_X509,
 * and on 2.x the runtime's own ALLOW_NEW_CONTEXT_TO_EXPORT | ALLOW_RECURSIVE, so that
 * {@code derive-context --export-cdi} or {@code --recursive} may still follow). With the
 * emulator's deterministic TRNG, the same boot options and measurements give the same keys.
 */
public final class DpeMeasurements {
    @Option(names = "--measurement", paramLabel = "[TYPE:]HEX", description = "Derive the default context with this 48-byte "
            + "measurement (96 hex digits) first; TYPE is its TCI type, a 32-bit number, decimal or 0x-hex (default 0). "
            + "Repeatable: derived in order.")
    List<String> measurements = new ArrayList<>();

    /** One {@code --measurement}: its TCI type and the 48 bytes. */
    record Measurement(int tciType, Octets data) {}

    /** The flags each measurement derives with on {@code generation}. */
    static int flags(Generation generation) {
        int flags = DeriveContextRequest.MAKE_DEFAULT | DeriveContextRequest.INPUT_ALLOW_X509;
        return generation == Generation.V1 ? flags : flags | DeriveContextRequest.BIT_26 | DeriveContextRequest.ALLOW_RECURSIVE;
    }

    /** The measurements, checked: exit 2 naming the one that is wrong. Call before booting. */
    List<Measurement> parse() {
        var out = new ArrayList<Measurement>();
        for (int i = 0; i < measurements.size(); i++) {
            String value = measurements.get(i);
            String option = measurements.size() == 1 ? "--measurement" : "--measurement #" + (i + 1);
            int colon = value.indexOf(':');
            int type = 0;
            if (colon >= 0) {
                try {
                    type = U32Converter.parse(value.substring(0, colon));
                } catch (CommandLine.TypeConversionException e) {
                    throw new UsageException(option + ": TCI type " + e.getMessage());
                }
            }
            out.add(new Measurement(type, HexOption.parse(option, value.substring(colon + 1), DpeProfileCommands.TCI, "a measurement")));
        }
        return out;
    }

    /** Derives each measurement into the default context, in order (exit 1 naming the one DPE or the runtime refused). */
    static void derive(DpeSession dpe, List<Measurement> measurements) {
        int flags = flags(dpe.generation());
        for (int i = 0; i < measurements.size(); i++) {
            var m = measurements.get(i);
            try {
                dpe.deriveContext(new DeriveContextRequest(ContextHandle.DEFAULT, m.data(), flags, m.tciType(), 0, 0));
            } catch (DpeStatusException | MailboxCommandException e) {
                throw new DeviceFailureException("--measurement #" + (i + 1) + ": " + e.getMessage());
            }
        }
    }
}
