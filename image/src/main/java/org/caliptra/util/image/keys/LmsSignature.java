package org.caliptra.util.image.keys;

import java.nio.ByteBuffer;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;

/**
 * An LMS signature for LMS_SHA256_M24_H15 / LMOTS_SHA256_N24_W4 (1620 bytes):
 * {@code q u32 BE ‖ otstype u32 BE ‖ C[24] ‖ y[51][24] ‖ type u32 BE ‖ path[15][24]}.
 */
public record LmsSignature(Octets bytes) {
    public static final int SIZE = 1620;

    public LmsSignature {
        if (bytes.length() != SIZE) {
            throw new ImageFormatException("LMS signature: " + bytes.length() + " bytes, expected " + SIZE);
        }
    }

    public static LmsSignature zero() {
        return new LmsSignature(Octets.zeros(SIZE));
    }

    public static LmsSignature read(byte[] file, int offset) {
        return new LmsSignature(Octets.of(file, offset, SIZE));
    }

    public int q() {
        return ByteBuffer.wrap(bytes.toByteArray(), 0, 4).getInt();
    }

    public int otsType() {
        return ByteBuffer.wrap(bytes.toByteArray(), 4, 4).getInt();
    }

    public int lmsType() {
        return ByteBuffer.wrap(bytes.toByteArray(), 1256, 4).getInt();
    }

    public boolean isZero() {
        return bytes.isZero();
    }
}
