package org.caliptra.util.protocol.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import java.util.function.Function;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.Codec;
import org.junit.jupiter.api.function.Executable;

/** Helpers the MC_* codec tests share. */
final class McTesting {
    private McTesting() {}

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static Octets octets(String s) {
        return Octets.of(hex(s));
    }

    /** {@code n} copies of {@code b}. */
    static Octets filled(int n, int b) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, (byte) b);
        return Octets.of(out);
    }

    static byte[] random(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static Octets randomOctets(Random random, int n) {
        return Octets.of(random(random, n));
    }

    /**
     * Random bytes of {@code size} through {@code codec} and back must come out identical; {@code fix}
     * may first set bytes the layout constrains (a subcommand FourCC).
     */
    static <T> void assertBytesSurvive(Codec<T> codec, int size, long seed, Function<byte[], byte[]> fix) {
        var random = new Random(seed);
        for (int round = 0; round < 8; round++) {
            byte[] bytes = fix.apply(random(random, size));
            T value = codec.decode(bytes, "random");
            assertArrayEquals(bytes, codec.encode(value), () -> "round trip of " + value);
        }
    }

    static <T> void assertBytesSurvive(Codec<T> codec, int size, long seed) {
        assertBytesSurvive(codec, size, seed, b -> b);
    }

    static <T> void assertSizes(Codec<T> codec, int min, int max) {
        assertEquals(min, codec.minSize(), "minSize");
        assertEquals(max, codec.maxSize(), "maxSize");
    }

    /** Fails unless {@code action} throws a ProtocolException whose message has every fragment. */
    static ProtocolException assertProtocolError(Executable action, String... fragments) {
        var e = assertThrows(ProtocolException.class, action);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + f + "' not in: " + e.getMessage());
        }
        return e;
    }

    static IllegalArgumentException assertInvalid(Executable action, String field) {
        var e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().startsWith(field), () -> "'" + field + "' does not start: " + e.getMessage());
        return e;
    }

    /** Little-endian u32 into {@code b} at {@code offset}. */
    static byte[] putU32(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
        b[offset + 2] = (byte) (value >>> 16);
        b[offset + 3] = (byte) (value >>> 24);
        return b;
    }
}
