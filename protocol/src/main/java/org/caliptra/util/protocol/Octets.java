package org.caliptra.util.protocol;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, so records of image fields compare by content.
 *
 * <p>{@link #equals} is constant-time for equal lengths ({@link MessageDigest#isEqual}): its
 * running time does not depend on where two values first differ. Digests, signatures and MACs can
 * therefore be compared with it directly, and there is no second, faster comparison that could be
 * picked up by mistake. Lengths are not secret here and may be compared in variable time.
 */
public final class Octets {
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Octets of(byte[] bytes) {
        return new Octets(bytes.clone());
    }

    public static Octets of(byte[] bytes, int offset, int length) {
        return new Octets(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    public static Octets zeros(int length) {
        return new Octets(new byte[length]);
    }

    public static Octets fromHex(String hex) {
        return new Octets(HEX.parseHex(hex));
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    /** Feeds {@code [from, to)} to a digest without copying. */
    public void update(MessageDigest digest, int from, int to) {
        digest.update(bytes, from, to - from);
    }

    /** Feeds {@code [from, to)} to a checksum without copying. */
    public void update(java.util.zip.Checksum checksum, int from, int to) {
        checksum.update(bytes, from, to - from);
    }

    /** Two's-complement byte sum of {@code [from, to)}: {@code (0 - Σ bytes) mod 2^32}. */
    public int negatedByteSum(int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return -sum;
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int index) {
        return bytes[index];
    }

    public boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public Octets slice(int offset, int length) {
        return of(bytes, offset, length);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 64 ? hex() : HEX.formatHex(bytes, 0, 32) + "…(" + bytes.length + " bytes)";
    }
}
