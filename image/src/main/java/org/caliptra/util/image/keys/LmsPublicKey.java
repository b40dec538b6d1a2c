package org.caliptra.util.image.keys;

import java.nio.ByteBuffer;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;

/**
 * An LMS public key in RFC 8554 wire order: {@code type u32 BE ‖ otstype u32 BE ‖ I[16] ‖ T1[24]}
 * (48 bytes). Caliptra uses type 12 (LMS_SHA256_M24_H15) with otstype 7 (LMOTS_SHA256_N24_W4).
 */
public record LmsPublicKey(int lmsType, int otsType, Octets id, Octets root) {
    public static final int SIZE = 48;

    public LmsPublicKey {
        if (id.length() != 16 || root.length() != 24) {
            throw new IllegalArgumentException("LMS I is 16 bytes and T1 24 bytes");
        }
    }

    public static LmsPublicKey zero() {
        return new LmsPublicKey(0, 0, Octets.zeros(16), Octets.zeros(24));
    }

    /** Reads 48 bytes at {@code offset}; any bit pattern is accepted (checks belong to verification). */
    public static LmsPublicKey read(byte[] bytes, int offset) {
        var b = ByteBuffer.wrap(bytes, offset, SIZE);
        int type = b.getInt();
        int ots = b.getInt();
        return new LmsPublicKey(type, ots, Octets.of(bytes, offset + 8, 16), Octets.of(bytes, offset + 24, 24));
    }

    public static LmsPublicKey fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new ImageFormatException("LMS public key: " + bytes.length + " bytes, expected " + SIZE);
        }
        return read(bytes, 0);
    }

    public void write(byte[] target, int offset) {
        ByteBuffer.wrap(target, offset, 8).putInt(lmsType).putInt(otsType);
        id.copyTo(target, offset + 8);
        root.copyTo(target, offset + 24);
    }

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        write(out, 0);
        return out;
    }

    public boolean isZero() {
        return lmsType == 0 && otsType == 0 && id.isZero() && root.isZero();
    }

    /** True for the parameter set Caliptra images use (types 12 and 7). */
    public boolean isCaliptraParameterSet() {
        return lmsType == Lms.LMS_SHA256_M24_H15 && otsType == Lms.LMOTS_SHA256_N24_W4;
    }
}
