package org.caliptra.util.protocol;


/**
 * The Caliptra "hw format" for 48-byte values in firmware manifests (spec/formats.md §0): the
 * big-endian value is split into 4-byte words, each stored little-endian, so every 4-byte group
 * of the standard encoding appears byte-reversed in the file. The conversion is its own inverse.
 */
public final class HwFormat {
    private HwFormat() {}

    /** Reverses every 4-byte group of {@code length} bytes at {@code offset}; length must be a multiple of 4. */
    public static byte[] reverseEach4(byte[] source, int offset, int length) {
        if (length % 4 != 0) {
            throw new IllegalArgumentException("hw-format length must be a multiple of 4: " + length);
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += 4) {
            out[i] = source[offset + i + 3];
            out[i + 1] = source[offset + i + 2];
            out[i + 2] = source[offset + i + 1];
            out[i + 3] = source[offset + i];
        }
        return out;
    }

    public static byte[] reverseEach4(byte[] source) {
        return reverseEach4(source, 0, source.length);
    }

    /** A hw-format field at {@code offset} as its standard (big-endian) value. */
    public static Octets read(byte[] file, int offset, int length) {
        return Octets.of(reverseEach4(file, offset, length));
    }

    /** Writes a standard value into {@code file} at {@code offset} in hw format. */
    public static void write(Octets standard, byte[] file, int offset) {
        byte[] hw = reverseEach4(standard.toByteArray());
        System.arraycopy(hw, 0, file, offset, hw.length);
    }
}
