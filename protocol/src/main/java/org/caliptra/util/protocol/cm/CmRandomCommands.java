package org.caliptra.util.protocol.cm;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CaliptraCommand;

import static org.caliptra.util.protocol.cm.CmFields.MAX_DATA;
import static org.caliptra.util.protocol.cm.CmFields.requestTail;
import static org.caliptra.util.protocol.codec.Fields.atMost;

/** The cryptographic mailbox's random number service (spec/device.md §4.4): CM_RANDOM_GENERATE and CM_RANDOM_STIR. */
public final class CmRandomCommands {
    private CmRandomCommands() {}

    /**
     * CM_RANDOM_GENERATE's request: how many random bytes to return, a raw u32 because the device
     * itself answers a size above 4096 with its own error.
     */
    public record RandomGenerateRequest(int size) {
        public long unsignedSize() {
            return Integer.toUnsignedLong(size);
        }
    }

    /** CM_RANDOM_GENERATE's answer: the random bytes, only as many as were asked for. */
    public record RandomData(Octets data) {
        public RandomData {
            atMost("data", data, MAX_DATA);
        }
    }

    /** size:u32 (4 bytes); answers data_len, data[≤4096]: 4 to 4100 bytes. */
    public static final CommandCodec<RandomGenerateRequest, RandomData> CM_RANDOM_GENERATE = CommandCodec.of(
            CaliptraCommand.CM_RANDOM_GENERATE,
            Codec.fixed(4, (v, out) -> out.u32(v.size()), in -> new RandomGenerateRequest(in.u32("size"))),
            Codec.variable(4, 4 + MAX_DATA, (v, out) -> out.sized(v.data()),
                    in -> new RandomData(in.sized("data_len", "data", MAX_DATA))));

    /** CM_RANDOM_STIR's request: additional input for the DRBG. */
    public record RandomStirRequest(Octets input) {
        public RandomStirRequest {
            atMost("input", input, MAX_DATA);
        }
    }

    /** input_size, input[≤4096]: 4 to 4100 bytes. */
    public static final CommandCodec<RandomStirRequest, NoFields> CM_RANDOM_STIR = CommandCodec.of(
            CaliptraCommand.CM_RANDOM_STIR,
            Codec.variable(4, 4 + MAX_DATA, (v, out) -> out.sized(v.input()),
                    in -> new RandomStirRequest(requestTail(in, "input_size", "input", MAX_DATA))),
            NoFields.CODEC);
}
