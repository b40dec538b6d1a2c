package org.caliptra.util.host.commands;

import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.codec.Codec;

/** The internal response of the commands that hand out a key: fips_status, cmk u8[128] (132 bytes). */
public record KeyResponse(int fipsStatus, Cmk cmk) {
    public static final int SIZE = 4 + Cmk.SIZE;

    public KeyResponse {
        InternalFields.present("key response", "cmk", cmk);
    }

    /** @param field the spec's name for the key, e.g. "kout" */
    public static Codec<KeyResponse> codec(String field) {
        return Codec.fixed(SIZE, (v, out) -> out.u32(v.fipsStatus()).bytes(v.cmk().bytes()),
                in -> new KeyResponse(in.u32("fips_status"), new Cmk(in.bytes(field, Cmk.SIZE))));
    }
}
