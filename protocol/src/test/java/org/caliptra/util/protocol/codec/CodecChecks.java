package org.caliptra.util.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.cm.Cmk;
import org.junit.jupiter.api.function.Executable;

/** Test data and assertions that the codec tests of every command family share. */
public final class CodecChecks {
    private CodecChecks() {}

    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    public static Octets octets(String hex) {
        return Octets.of(hex(hex));
    }

    /** {@code length} bytes all equal to {@code value}. */
    public static Octets fill(int value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return Octets.of(b);
    }

    /** {@link #fill} as hex, for hand-written vectors. */
    public static String hexFill(int value, int length) {
        return String.format("%02x", value).repeat(length);
    }

    /** {@code start}, {@code start + 1}, … (mod 256), so a shifted, reordered or truncated field shows. */
    public static Octets counting(int start, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return Octets.of(b);
    }

    public static Octets random(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return Octets.of(b);
    }

    public static Cmk cmk(int value) {
        return new Cmk(fill(value, Cmk.SIZE));
    }

    public static byte[] le32(long value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    /** Little-endian u32 into {@code b} at {@code offset}. */
    public static byte[] putU32(byte[] b, int offset, int value) {
        System.arraycopy(le32(value), 0, b, offset, 4);
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    public static void assertSizes(Codec<?> codec, int min, int max) {
        assertEquals(min, codec.minSize(), "min size");
        assertEquals(max, codec.maxSize(), "max size");
    }

    /** Record → bytes → the same record, which encodes to the same bytes again. */
    public static <T> byte[] roundTrip(Codec<T> codec, T value) {
        return roundTrip(value, codec::encode, bytes -> codec.decode(bytes, "round trip"));
    }

    public static <Q> byte[] roundTripRequest(CommandCodec<Q, ?> command, Q value) {
        return roundTrip(value, command::encodeRequest, command::decodeRequest);
    }

    public static <R> byte[] roundTripResponse(CommandCodec<?, R> command, R value) {
        return roundTrip(value, command::encodeResponse, command::decodeResponse);
    }

    private static <T> byte[] roundTrip(T value, Function<T, byte[]> encode, Function<byte[], T> decode) {
        byte[] bytes = encode.apply(value);
        T back = decode.apply(bytes);
        assertEquals(value, back);
        assertArrayEquals(bytes, encode.apply(back));
        return bytes;
    }

    /** A fixed layout has no invalid byte pattern: any bytes decode and re-encode to themselves. */
    public static <T> void randomBytesSurvive(Codec<T> codec, long seed) {
        randomBytesSurvive(codec, seed, UnaryOperator.identity());
    }

    /** As above, with {@code fix} first setting the bytes the layout constrains (reserved zeros). */
    public static <T> void randomBytesSurvive(Codec<T> codec, long seed, UnaryOperator<byte[]> fix) {
        assertTrue(codec.fixedSize(), () -> codec.sizeText() + " is not a fixed layout");
        randomBytesSurvive(codec, codec.minSize(), seed, fix);
    }

    /** Random messages of {@code size} bytes, for a layout of several sizes. */
    public static <T> void randomBytesSurvive(Codec<T> codec, int size, long seed) {
        randomBytesSurvive(codec, size, seed, UnaryOperator.identity());
    }

    /** As above, with {@code fix} first setting the bytes the layout constrains (a subcommand FourCC). */
    public static <T> void randomBytesSurvive(Codec<T> codec, int size, long seed, UnaryOperator<byte[]> fix) {
        var random = new Random(seed);
        for (int round = 0; round < 8; round++) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            byte[] bytes = fix.apply(b);
            T value = codec.decode(bytes, "random");
            assertArrayEquals(bytes, codec.encode(value), () -> "round trip of " + value);
        }
    }

    /** Clears the reserved bytes at {@code offsets}, which are always sent as zero. */
    public static UnaryOperator<byte[]> zeroAt(int... offsets) {
        return bytes -> {
            for (int at : offsets) {
                bytes[at] = 0;
            }
            return bytes;
        };
    }

    public static ProtocolException rejectsRequest(CommandCodec<?, ?> command, byte[] bytes) {
        return startsWith(command.name() + " request: ", assertProtocolError(() -> command.decodeRequest(bytes)));
    }

    public static ProtocolException rejectsResponse(CommandCodec<?, ?> command, byte[] bytes) {
        return startsWith(command.name() + " response: ", assertProtocolError(() -> command.decodeResponse(bytes)));
    }

    /** One byte short and one byte long of a valid fixed-size request both fail, naming the message. */
    public static void rejectsWrongRequestSizes(CommandCodec<?, ?> command, byte[] valid) {
        rejectsRequest(command, Arrays.copyOf(valid, valid.length - 1));
        rejectsRequest(command, Arrays.copyOf(valid, valid.length + 1));
    }

    public static void rejectsWrongResponseSizes(CommandCodec<?, ?> command, byte[] valid) {
        rejectsResponse(command, Arrays.copyOf(valid, valid.length - 1));
        rejectsResponse(command, Arrays.copyOf(valid, valid.length + 1));
    }

    public static void assertMessage(ProtocolException e, String expected) {
        assertEquals(expected, e.getMessage());
    }

    /** A size error found before any field is read: the message names the message and both sizes. */
    public static void assertSizeError(String expected, Executable decode) {
        assertMessage(assertThrows(ProtocolException.class, decode), expected);
    }

    /** A field error: the message names the message and the field. */
    public static void assertFieldError(String message, String field, String problem, Executable decode) {
        startsWith(message + ": field '" + field + "'", assertProtocolError(decode, problem));
    }

    /** Bytes after the last field of a strict message (a response). */
    public static void assertTrailingError(String message, Executable decode) {
        startsWith(message + ": ", assertProtocolError(decode, "unexpected bytes after the last field"));
    }

    /** Fails unless {@code action} throws a ProtocolException whose message has every fragment. */
    public static ProtocolException assertProtocolError(Executable action, String... fragments) {
        var e = assertThrows(ProtocolException.class, action);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + f + "' not in: " + e.getMessage());
        }
        return e;
    }

    /** A record refuses a value: the message starts with the field's name. */
    public static IllegalArgumentException assertArgumentError(String field, Executable construct) {
        return startsWith(field + " ", assertThrows(IllegalArgumentException.class, construct));
    }

    private static <E extends RuntimeException> E startsWith(String prefix, E e) {
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        return e;
    }

    /** Expected wire bytes written field by field from the spec's layout, independently of the codecs. */
    public static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Wire le32(long value) {
            return raw(CodecChecks.le32(value));
        }

        public Wire u8(int value) {
            out.write(value);
            return this;
        }

        public Wire hex(String hex) {
            return raw(CodecChecks.hex(hex));
        }

        public Wire raw(Octets value) {
            return raw(value.toByteArray());
        }

        public Wire raw(byte[] value) {
            out.write(value, 0, value.length);
            return this;
        }

        public Wire fill(int value, int count) {
            return raw(CodecChecks.fill(value, count));
        }

        public Wire counting(int start, int count) {
            return raw(CodecChecks.counting(start, count));
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }
}
