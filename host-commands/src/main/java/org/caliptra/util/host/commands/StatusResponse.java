package org.caliptra.util.host.commands;

import org.caliptra.util.protocol.codec.Codec;

/**
 * The internal response of commands that answer nothing but the common header ({@code R} of
 * spec/hostlib.md §2.3): the device's fips_status. 4 bytes.
 */
public record StatusResponse(int fipsStatus) {
    public static final int SIZE = 4;
    public static final Codec<StatusResponse> CODEC =
            Codec.fixed(SIZE, (v, out) -> out.u32(v.fipsStatus()), in -> new StatusResponse(in.u32("fips_status")));
}
