package org.caliptra.util.protocol.codec;

/** A message with no fields after its header (most requests of the catalogue, and H-only responses). */
public record NoFields() {
    public static final NoFields INSTANCE = new NoFields();
    public static final Codec<NoFields> CODEC = Codec.fixed(0, (v, out) -> { }, in -> INSTANCE);
}
