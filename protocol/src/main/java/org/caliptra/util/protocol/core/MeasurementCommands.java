package org.caliptra.util.protocol.core;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;

/** Measurements and PCRs (spec/device.md §4.2): STASH_MEASUREMENT. */
public final class MeasurementCommands {
    private MeasurementCommands() {}

    /** A measurement to stash into DPE: 4 bytes of metadata, a 48-byte digest, a 48-byte context, an SVN. */
    public record StashMeasurementRequest(Octets metadata, Octets measurement, Octets context, int svn) {
        public StashMeasurementRequest {
            InfoCommands.checkSize("metadata", metadata, 4);
            InfoCommands.checkSize("measurement", measurement, 48);
            InfoCommands.checkSize("context", context, 48);
        }
    }

    /** The DPE result of the stash (0 = success). */
    public record StashMeasurementResponse(int dpeResult) {}

    public static final CommandCodec<StashMeasurementRequest, StashMeasurementResponse> STASH_MEASUREMENT = CommandCodec.of(
            CaliptraCommand.STASH_MEASUREMENT,
            Codec.fixed(104, (v, out) -> out.bytes(v.metadata()).bytes(v.measurement()).bytes(v.context()).u32(v.svn()),
                    in -> new StashMeasurementRequest(in.bytes("metadata", 4), in.bytes("measurement", 48),
                            in.bytes("context", 48), in.u32("svn"))),
            Codec.fixed(4, (v, out) -> out.u32(v.dpeResult()), in -> new StashMeasurementResponse(in.u32("dpe_result"))));
}
