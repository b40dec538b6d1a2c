package org.caliptra.util.protocol.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;

/** Assertions every command family's tests share. */
final class CodecChecks {
    private CodecChecks() {}

    static Octets fill(int value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return Octets.of(b);
    }

    /** 0x00, 0x01, … (mod 256): makes byte order visible. */
    static Octets counting(int start, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return Octets.of(b);
    }

    static Octets random(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return Octets.of(b);
    }

    static void assertSizes(Codec<?> codec, int min, int max) {
        assertEquals(min, codec.minSize(), "min size");
        assertEquals(max, codec.maxSize(), "max size");
    }

    /** Record → bytes → record. */
    static <T> byte[] roundTrip(Codec<T> codec, T value) {
        byte[] bytes = codec.encode(value);
        assertEquals(value, codec.decode(bytes, "round trip"));
        return bytes;
    }

    /** Random bytes → record → the same bytes, for a fixed layout whose every byte pattern is a valid message. */
    static void randomBytesRoundTrip(Codec<?> codec, long seed) {
        randomBytesRoundTrip(codec, seed, new int[0]);
    }

    /** As above, with the reserved bytes at {@code zeroed} offsets cleared first (they are always sent as zero). */
    static <T> void randomBytesRoundTrip(Codec<T> codec, long seed, int... zeroed) {
        assertTrue(codec.fixedSize());
        var random = new Random(seed);
        for (int i = 0; i < 8; i++) {
            byte[] bytes = new byte[codec.minSize()];
            random.nextBytes(bytes);
            for (int at : zeroed) {
                bytes[at] = 0;
            }
            T value = codec.decode(bytes, "random");
            assertArrayEquals(bytes, codec.encode(value));
        }
    }

    static ProtocolException rejectsRequest(CommandCodec<?, ?> command, byte[] bytes) {
        var e = assertThrows(ProtocolException.class, () -> command.decodeRequest(bytes));
        assertTrue(e.getMessage().startsWith(command.name() + " request: "), e.getMessage());
        return e;
    }

    static ProtocolException rejectsResponse(CommandCodec<?, ?> command, byte[] bytes) {
        var e = assertThrows(ProtocolException.class, () -> command.decodeResponse(bytes));
        assertTrue(e.getMessage().startsWith(command.name() + " response: "), e.getMessage());
        return e;
    }

    /** One byte short and one byte long of a valid fixed-size request both fail, naming the message. */
    static void rejectsWrongRequestSizes(CommandCodec<?, ?> command, byte[] valid) {
        rejectsRequest(command, Arrays.copyOf(valid, valid.length - 1));
        rejectsRequest(command, Arrays.copyOf(valid, valid.length + 1));
    }

    static void rejectsWrongResponseSizes(CommandCodec<?, ?> command, byte[] valid) {
        rejectsResponse(command, Arrays.copyOf(valid, valid.length - 1));
        rejectsResponse(command, Arrays.copyOf(valid, valid.length + 1));
    }

    static void assertMessage(ProtocolException e, String expected) {
        assertEquals(expected, e.getMessage());
    }

    /** Expected wire bytes written field by field from the spec's layout, independently of the codecs. */
    static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Wire le32(long value) {
            out.write((int) value);
            out.write((int) (value >>> 8));
            out.write((int) (value >>> 16));
            out.write((int) (value >>> 24));
            return this;
        }

        Wire u8(int value) {
            out.write(value);
            return this;
        }

        Wire hex(String hex) {
            byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
            out.write(b, 0, b.length);
            return this;
        }

        Wire raw(Octets value) {
            byte[] b = value.toByteArray();
            out.write(b, 0, b.length);
            return this;
        }

        Wire raw(byte[] value) {
            out.write(value, 0, value.length);
            return this;
        }

        Wire fill(int value, int count) {
            for (int i = 0; i < count; i++) {
                out.write(value);
            }
            return this;
        }

        Wire counting(int start, int count) {
            for (int i = 0; i < count; i++) {
                out.write(start + i);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
