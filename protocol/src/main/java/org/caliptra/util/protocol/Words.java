package org.caliptra.util.protocol;

/** Little-endian 32-bit words, as the mailbox carries bytes (spec/device.md §2.1 step 4). */
public final class Words {
    private Words() {}

    /** The word made of {@code count} (1..4) bytes from {@code offset}, zero-padded above them. */
    public static int littleEndian(byte[] bytes, int offset, int count) {
        int word = 0;
        for (int i = 0; i < count; i++) {
            word |= (bytes[offset + i] & 0xFF) << (8 * i);
        }
        return word;
    }

    /** Stores the low {@code count} (1..4) bytes of {@code word} at {@code offset}, least significant first. */
    public static void putLittleEndian(int word, byte[] into, int offset, int count) {
        for (int i = 0; i < count; i++) {
            into[offset + i] = (byte) (word >>> (8 * i));
        }
    }

    /** Number of 32-bit words that carry {@code bytes} bytes. */
    public static int count(int bytes) {
        return (bytes + 3) >>> 2;
    }
}
