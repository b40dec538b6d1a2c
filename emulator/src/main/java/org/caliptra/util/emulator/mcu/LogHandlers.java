package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McLogCommands;
import org.caliptra.util.protocol.mcu.McLogCommands.DebugLog;

/**
 * MC_GET_LOG and MC_CLEAR_LOG over the MCU's {@link DeviceLog}: each MC_GET_LOG drains whole records,
 * at most {@value McLogCommands#MAX_LOG_DATA_SIZE} bytes, with more_data 1 while records remain.
 */
final class LogHandlers implements CommandTable.CommandFamily {
    private final DeviceLog log;

    LogHandlers(DeviceLog log) {
        this.log = log;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(McLogCommands.MC_GET_LOG, (request, requester) -> {
            var page = log.drain(McLogCommands.MAX_LOG_DATA_SIZE);
            return DebugLog.of(page.moreData(), Octets.of(page.data()));
        });
        table.add(McLogCommands.MC_CLEAR_LOG, (request, requester) -> {
            log.clear();
            return NoFields.INSTANCE;
        });
    }
}
