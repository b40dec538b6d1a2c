package org.caliptra.util.emulator.runtime;

import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.core.MeasurementCommands;

/**
 * STASH_MEASUREMENT at runtime (PL0 only, which the runtime loop enforces from the catalogue). The
 * measurement log and DPE it feeds are not modelled yet: the stash succeeds with DPE result 0.
 */
final class MeasurementHandlers implements CommandTable.CommandFamily {
    @Override
    public void register(CommandTable.Builder table) {
        table.add(MeasurementCommands.STASH_MEASUREMENT, (request, requester) -> new MeasurementCommands.StashMeasurementResponse(0));
    }
}
