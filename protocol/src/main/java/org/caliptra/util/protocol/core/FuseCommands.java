package org.caliptra.util.protocol.core;

import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;

/** Field entropy and UDS fuses (spec/device.md §4.2): FE_PROG (runtime) and ZEROIZE_UDS_FE (ROM). */
public final class FuseCommands {
    private FuseCommands() {}

    /** FE_PROG: program field entropy into partition 0–3 (Production lifecycle only; the device checks both). */
    public record FeProgRequest(int partition) {}

    public static final CommandCodec<FeProgRequest, NoFields> FE_PROG = CommandCodec.of(CaliptraCommand.FE_PROG,
            Codec.fixed(4, (v, out) -> out.u32(v.partition()), in -> new FeProgRequest(in.u32("partition"))), NoFields.CODEC);

    /** ZEROIZE_UDS_FE: which partitions to zeroize, {@link #UDS} and {@link #FE0}–{@link #FE3} bits. */
    public record ZeroizeUdsFeRequest(int flags) {
        public static final int UDS = 1;
        public static final int FE0 = 1 << 1;
        public static final int FE1 = 1 << 2;
        public static final int FE2 = 1 << 3;
        public static final int FE3 = 1 << 4;
    }

    /**
     * The ROM's answer (0 = success). The ROM README omits fips_status here, but the ROM sends
     * the full header like every other response, so this is only the field after H.
     */
    public record ZeroizeUdsFeResponse(int dpeResult) {}

    public static final CommandCodec<ZeroizeUdsFeRequest, ZeroizeUdsFeResponse> ZEROIZE_UDS_FE = CommandCodec.of(
            CaliptraCommand.ZEROIZE_UDS_FE,
            Codec.fixed(4, (v, out) -> out.u32(v.flags()), in -> new ZeroizeUdsFeRequest(in.u32("flags"))),
            Codec.fixed(4, (v, out) -> out.u32(v.dpeResult()), in -> new ZeroizeUdsFeResponse(in.u32("dpe_result"))));
}
