package org.caliptra.util.protocol.cm;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.Fields;

/**
 * A cryptographic mailbox key: 128 opaque bytes that only the device that issued them can decrypt,
 * and only until its next reset (spec/device.md §4.4).
 */
public record Cmk(Octets bytes) {
    public static final int SIZE = 128;
    static final int IV_OFFSET = 20;
    static final int CIPHERTEXT_OFFSET = 32;
    static final int TAG_OFFSET = 112;

    /** A CMK on its own is a complete message: the request of CM_DELETE, the response of CM_IMPORT. */
    public static final Codec<Cmk> CODEC = codec("cmk");

    public Cmk {
        Fields.exactly("cmk", bytes, SIZE);
    }

    /** A message that is one CMK, named as the spec names it (kout, prk, okm, …). */
    static Codec<Cmk> codec(String field) {
        return Codec.fixed(SIZE, (v, out) -> out.bytes(v.bytes()), in -> read(in, field));
    }

    static Cmk read(FieldReader in, String field) {
        return new Cmk(in.bytes(field, SIZE));
    }

    /**
     * The outer layout an issuing device uses (domain u32, domain metadata 16 B, IV 12 B, ciphertext
     * 80 B, GCM tag 16 B) is needed only to open a CMK; a host treats it as opaque. This is the
     * reserved little-endian domain.
     */
    public int domain() {
        return (bytes.get(0) & 0xFF) | (bytes.get(1) & 0xFF) << 8 | (bytes.get(2) & 0xFF) << 16 | (bytes.get(3) & 0xFF) << 24;
    }

    public Octets domainMetadata() {
        return bytes.slice(4, 16);
    }

    public Octets iv() {
        return bytes.slice(IV_OFFSET, 12);
    }

    public Octets ciphertext() {
        return bytes.slice(CIPHERTEXT_OFFSET, 80);
    }

    public Octets gcmTag() {
        return bytes.slice(TAG_OFFSET, 16);
    }
}
