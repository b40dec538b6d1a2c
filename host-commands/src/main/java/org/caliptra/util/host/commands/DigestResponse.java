package org.caliptra.util.host.commands;

import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.codec.Codec;

/**
 * The internal response of HashFinalize and Hmac: fips_status, then {@code hash_size}/{@code mac_size}
 * u32 and the digest in a 64-byte buffer (72 bytes).
 */
public record DigestResponse(int fipsStatus, Digest digest) {
    public static final int MAX_DIGEST = 64;
    public static final int SIZE = 8 + MAX_DIGEST;

    public DigestResponse {
        InternalFields.present("digest response", "digest", digest);
    }

    /** @param sizeField "hash_size" or "mac_size" */
    public static Codec<DigestResponse> codec(String sizeField, String field) {
        return Codec.fixed(SIZE, (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()), v.digest().value(), MAX_DIGEST),
                in -> new DigestResponse(in.u32("fips_status"), new Digest(InternalFields.sized(in, sizeField, field, MAX_DIGEST))));
    }
}
