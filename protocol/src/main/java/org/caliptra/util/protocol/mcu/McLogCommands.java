package org.caliptra.util.protocol.mcu;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

/**
 * MC_GET_LOG and MC_CLEAR_LOG (spec/device.md §4.5) in their current form, which always addresses
 * the MCU runtime's debug log and so has no {@code log_type} field. The older revision's
 * {@code log_type:u32} request is not modelled: the host library of spec/hostlib.md §2.3 sends
 * empty DebugGetLog / DebugClearLog requests, and the current MCU refuses a 4-byte body.
 */
public final class McLogCommands {
    /** The response data (more_data word and log bytes) fits one 4 KiB buffer. */
    public static final int MAX_DATA_SIZE = 4096;
    /** Log bytes per response: the data buffer less the more_data word. */
    public static final int MAX_LOG_DATA_SIZE = MAX_DATA_SIZE - 4;

    private McLogCommands() {}

    /**
     * One drain step of the debug log: complete defmt frames, and {@code moreData} 1 while frames
     * remain (kept as the raw u32 so any value the device sends survives a round trip).
     */
    public record DebugLog(int moreData, Octets logData) {
        public DebugLog {
            Fields.atMost("log_data", logData, MAX_LOG_DATA_SIZE);
        }

        public static DebugLog of(boolean moreData, Octets logData) {
            return new DebugLog(moreData ? 1 : 0, logData);
        }

        public boolean hasMoreData() {
            return moreData != 0;
        }
    }

    /** {@code data_len} counts the more_data word and the log bytes, so it is 4 + log_data's length. */
    public static final CommandCodec<NoFields, DebugLog> MC_GET_LOG = CommandCodec.of(McCommand.MC_GET_LOG, NoFields.CODEC,
            Codec.variable(8, 4 + MAX_DATA_SIZE, (v, out) -> out.u32(4 + v.logData().length()).u32(v.moreData()).bytes(v.logData()),
                    in -> {
                        int dataLen = McFields.declaredRest(in, "data_len", 4, MAX_DATA_SIZE);
                        return new DebugLog(in.u32("more_data"), in.bytes("log_data", dataLen - 4));
                    }));

    public static final CommandCodec<NoFields, NoFields> MC_CLEAR_LOG =
            CommandCodec.of(McCommand.MC_CLEAR_LOG, NoFields.CODEC, NoFields.CODEC);
}
