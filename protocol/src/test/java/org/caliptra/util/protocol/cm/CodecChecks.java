package org.caliptra.util.protocol.cm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.junit.jupiter.api.function.Executable;

/** Assertions every cryptographic-mailbox codec test repeats. */
final class CodecChecks {
    private CodecChecks() {}

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** {@code n} bytes all equal to {@code b}, as hex, for hand-written vectors. */
    static String fill(int b, int n) {
        return String.format("%02x", b).repeat(n);
    }

    static Octets octets(int b, int n) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) b);
        return Octets.of(a);
    }

    /** {@code n} bytes counting up from {@code start}, so a shifted or truncated field shows. */
    static Octets counting(int start, int n) {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = (byte) (start + i);
        }
        return Octets.of(a);
    }

    static Cmk cmk(int b) {
        return new Cmk(octets(b, Cmk.SIZE));
    }

    static void assertSizes(Codec<?> codec, int min, int max) {
        assertEquals(min, codec.minSize(), "min size");
        assertEquals(max, codec.maxSize(), "max size");
    }

    static <Q, R> byte[] roundTripRequest(CommandCodec<Q, R> command, Q value) {
        byte[] wire = command.encodeRequest(value);
        Q back = command.decodeRequest(wire);
        assertEquals(value, back);
        assertArrayEquals(wire, command.encodeRequest(back));
        return wire;
    }

    static <Q, R> byte[] roundTripResponse(CommandCodec<Q, R> command, R value) {
        byte[] wire = command.encodeResponse(value);
        R back = command.decodeResponse(wire);
        assertEquals(value, back);
        assertArrayEquals(wire, command.encodeResponse(back));
        return wire;
    }

    /** A fixed layout has no invalid byte pattern: any bytes decode and re-encode to themselves. */
    static <T> void randomBytesSurvive(Codec<T> codec, String what, long seed) {
        assertTrue(codec.fixedSize(), what + " is not a fixed layout");
        var random = new Random(seed);
        for (int round = 0; round < 8; round++) {
            byte[] wire = new byte[codec.minSize()];
            random.nextBytes(wire);
            assertArrayEquals(wire, codec.encode(codec.decode(wire, what)), what);
        }
    }

    /** A size error found before any field is read: the message names the message and both sizes. */
    static void assertSizeError(String expected, Executable decode) {
        var e = assertThrows(ProtocolException.class, decode);
        assertEquals(expected, e.getMessage());
    }

    /** A field error: the message names the message and the field. */
    static void assertFieldError(String message, String field, String problem, Executable decode) {
        var e = assertThrows(ProtocolException.class, decode);
        assertTrue(e.getMessage().startsWith(message + ": field '" + field + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** Bytes after the last field of a strict message (a response). */
    static void assertTrailingError(String message, Executable decode) {
        var e = assertThrows(ProtocolException.class, decode);
        assertTrue(e.getMessage().startsWith(message + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected bytes after the last field"), e.getMessage());
    }

    static void assertArgumentError(String field, Executable construct) {
        var e = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
