package org.caliptra.util.cli.library;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 8949 reader for the tokens the device signs (COSE_Sign1 EATs): definite-length
 * integers, byte and text strings, arrays, maps and tags, written here from the RFC so the
 * device's encoder is read by something that is not the emulator's (Jackson's CBOR module is not
 * on this module's test class path). Integers decode to {@link Long}, byte strings to
 * {@code byte[]}, text to {@link String}, arrays to {@link List}, maps to {@link LinkedHashMap},
 * tags to {@link Tagged}. Anything else (floats, indefinite lengths) is refused.
 */
final class MiniCbor {
    /** A tagged item. */
    record Tagged(long tag, Object value) {}

    private final byte[] in;
    private int at;

    private MiniCbor(byte[] in) {
        this.in = in;
    }

    /** The one item {@code bytes} hold; trailing bytes are an error. */
    static Object decode(byte[] bytes) {
        var reader = new MiniCbor(bytes);
        Object item = reader.item();
        if (reader.at != bytes.length) {
            throw new IllegalArgumentException((bytes.length - reader.at) + " bytes after the CBOR item");
        }
        return item;
    }

    private Object item() {
        int initial = in[at++] & 0xFF;
        int major = initial >>> 5;
        long arg = argument(initial & 0x1F);
        switch (major) {
            case 0:
                return arg;
            case 1:
                return -1 - arg;
            case 2:
                return take(arg);
            case 3:
                return new String(take(arg), StandardCharsets.UTF_8);
            case 4: {
                var list = new ArrayList<Object>();
                for (long i = 0; i < arg; i++) {
                    list.add(item());
                }
                return list;
            }
            case 5: {
                var map = new LinkedHashMap<Object, Object>();
                for (long i = 0; i < arg; i++) {
                    Object key = item();
                    if (map.put(key instanceof byte[] b ? Arrays.toString(b) : key, item()) != null) {
                        throw new IllegalArgumentException("duplicate map key " + key);
                    }
                }
                return map;
            }
            case 6:
                return new Tagged(arg, item());
            default:
                throw new IllegalArgumentException("major type 7 (simple/float) at offset " + (at - 1));
        }
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int n = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new IllegalArgumentException("indefinite or reserved length " + info + " at offset " + (at - 1));
        };
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (in[at++] & 0xFF);
        }
        return v;
    }

    private byte[] take(long n) {
        if (n > in.length - at) {
            throw new IllegalArgumentException("a string of " + n + " bytes runs past the end");
        }
        byte[] out = Arrays.copyOfRange(in, at, at + (int) n);
        at += (int) n;
        return out;
    }

    // ---- typed access ---------------------------------------------------------------------------

    static Object untag(Object item, long... tags) {
        Object v = item;
        for (long t : tags) {
            if (!(v instanceof Tagged tagged) || tagged.tag() != t) {
                throw new AssertionError("expected tag " + t + ", got " + v);
            }
            v = tagged.value();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object item) {
        if (!(item instanceof List<?>)) {
            throw new AssertionError("expected an array, got " + item);
        }
        return (List<Object>) item;
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> map(Object item) {
        if (!(item instanceof Map<?, ?>)) {
            throw new AssertionError("expected a map, got " + item);
        }
        return (Map<Object, Object>) item;
    }

    static byte[] bytes(Object item) {
        if (!(item instanceof byte[] b)) {
            throw new AssertionError("expected a byte string, got " + item);
        }
        return b;
    }

    /** A map entry by integer key. */
    static Object get(Map<Object, Object> map, long key) {
        if (!map.containsKey(key)) {
            throw new AssertionError("no key " + key + " in " + map.keySet());
        }
        return map.get(key);
    }

    /** COSE's Sig_structure ["Signature1", protected, h'', payload] (RFC 9052 §4.4), encoded here. */
    static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        var out = new ByteArrayOutputStream();
        out.write(0x84);
        head(out, 3, 10);
        out.writeBytes("Signature1".getBytes(StandardCharsets.US_ASCII));
        head(out, 2, protectedHeader.length);
        out.writeBytes(protectedHeader);
        head(out, 2, 0);
        head(out, 2, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static void head(ByteArrayOutputStream out, int major, int length) {
        if (length < 24) {
            out.write(major << 5 | length);
        } else if (length < 256) {
            out.write(major << 5 | 24);
            out.write(length);
        } else {
            out.write(major << 5 | 25);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        }
    }
}
