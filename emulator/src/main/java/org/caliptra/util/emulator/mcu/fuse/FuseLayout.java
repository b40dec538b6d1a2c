package org.caliptra.util.emulator.mcu.fuse;

/**
 * How a logical value of at most 32 bits is laid out in fuse words (caliptra-mcu-sw
 * docs/src/fuses.md "Fuse Layout Options", romtime/src/fuse_layout.rs). Words are little-endian
 * and bits count from bit 0 of the first word; every encoding only ever sets bits, so a larger
 * value can be burned over a smaller one.
 */
public sealed interface FuseLayout {
    /** The raw words for {@code value} in a field of {@code words} words. */
    int[] encode(int value, int words);

    /** The logical value of the raw words. */
    int decode(int[] raw);

    /** The value stored literally in its low {@code bits} bits. */
    record Single(int bits) implements FuseLayout {
        public Single {
            if (bits < 1 || bits > 32) {
                throw new IllegalArgumentException("a single-word value has 1..32 bits, got " + bits);
            }
        }

        @Override
        public int[] encode(int value, int words) {
            if (bits < 32 && Integer.toUnsignedLong(value) >>> bits != 0) {
                throw new IllegalArgumentException("value 0x" + Integer.toHexString(value) + " exceeds " + bits + " bits");
            }
            int[] raw = new int[words];
            raw[0] = value;
            return raw;
        }

        @Override
        public int decode(int[] raw) {
            return bits == 32 ? raw[0] : raw[0] & ((1 << bits) - 1);
        }
    }

    /** A bit-count counter ("OneHot" in the reference's names): value n burns the low n bits. */
    record OneHot(int bits) implements FuseLayout {
        @Override
        public int[] encode(int value, int words) {
            if (value < 0 || value > bits) {
                throw new IllegalArgumentException("count " + value + " exceeds the field's " + bits + " bits");
            }
            return lowBits(value, words);
        }

        @Override
        public int decode(int[] raw) {
            return countSet(raw, bits);
        }
    }

    /** Each logical bit repeated {@code duplication} times side by side; a bit is set if any copy is. */
    record LinearOr(int bits, int duplication) implements FuseLayout {
        @Override
        public int[] encode(int value, int words) {
            if (bits < 32 && Integer.toUnsignedLong(value) >>> bits != 0) {
                throw new IllegalArgumentException("value 0x" + Integer.toHexString(value) + " exceeds " + bits + " bits");
            }
            int[] raw = new int[words];
            for (int i = 0; i < bits; i++) {
                if ((value >>> i & 1) != 0) {
                    for (int c = 0; c < duplication; c++) {
                        setBit(raw, i * duplication + c);
                    }
                }
            }
            return raw;
        }

        @Override
        public int decode(int[] raw) {
            int value = 0;
            for (int i = 0; i < bits; i++) {
                for (int c = 0; c < duplication; c++) {
                    if (bit(raw, i * duplication + c)) {
                        value |= 1 << i;
                        break;
                    }
                }
            }
            return value;
        }
    }

    /** A bit-count counter whose every count bit is repeated {@code duplication} times, OR-reduced. */
    record OneHotLinearOr(int bits, int duplication) implements FuseLayout {
        @Override
        public int[] encode(int value, int words) {
            if (value < 0 || value > bits) {
                throw new IllegalArgumentException("count " + value + " exceeds the field's " + bits + " bits");
            }
            return lowBits(value * duplication, words);
        }

        @Override
        public int decode(int[] raw) {
            return Integer.bitCount(new LinearOr(bits, duplication).decode(raw));
        }
    }

    private static int[] lowBits(int count, int words) {
        if (count > 32 * words) {
            throw new IllegalArgumentException(count + " bits do not fit in " + words + " words");
        }
        int[] raw = new int[words];
        for (int i = 0; i < count; i++) {
            setBit(raw, i);
        }
        return raw;
    }

    private static int countSet(int[] raw, int bits) {
        int count = 0;
        for (int i = 0; i < bits && i < 32 * raw.length; i++) {
            if (bit(raw, i)) {
                count++;
            }
        }
        return count;
    }

    private static void setBit(int[] raw, int index) {
        if (index >= 32 * raw.length) {
            throw new IllegalArgumentException("bit " + index + " is beyond the field's " + 32 * raw.length + " bits");
        }
        raw[index >>> 5] |= 1 << (index & 31);
    }

    private static boolean bit(int[] raw, int index) {
        return index < 32 * raw.length && (raw[index >>> 5] >>> (index & 31) & 1) != 0;
    }
}
