package org.caliptra.util.protocol.codec;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.caliptra.util.protocol.ProtocolException;

/**
 * Encodes and decodes one message's fields (what follows the frame header: the checksum of a
 * request, the checksum and fips_status of a response). Sizes are exact: {@link #decode} refuses
 * anything shorter than {@link #minSize()}, longer than {@link #maxSize()}, or with bytes left over.
 *
 * @param <T> the immutable record the fields decode to
 */
public interface Codec<T> {
    /** Smallest encoding in bytes. */
    int minSize();

    /** Largest encoding in bytes; equal to {@link #minSize()} for fixed-size messages. */
    int maxSize();

    void write(T value, FieldWriter out);

    T read(FieldReader in);

    default boolean fixedSize() {
        return minSize() == maxSize();
    }

    default byte[] encode(T value) {
        Objects.requireNonNull(value, "value");
        var out = new FieldWriter(Math.min(maxSize(), 4096));
        write(value, out);
        byte[] bytes = out.toByteArray();
        if (bytes.length < minSize() || bytes.length > maxSize()) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " encoded to " + bytes.length
                    + " bytes, outside " + sizeText());
        }
        return bytes;
    }

    /** @param what names the message in errors, e.g. "VERSION response" */
    default T decode(byte[] bytes, String what) {
        String sizes = what + ": " + bytes.length + " bytes, expected " + sizeText();
        if (bytes.length > maxSize()) {
            throw new ProtocolException(sizes);
        }
        var in = new FieldReader(what, bytes);
        if (bytes.length < minSize()) {
            // Read anyway, so the error can name the first field that does not fit.
            try {
                read(in);
            } catch (ProtocolException | IllegalArgumentException shortField) {
                String detail = shortField.getMessage();
                throw new ProtocolException(sizes + (detail.startsWith(what + ": ") ? "; " + detail.substring(what.length() + 2) : ""));
            }
            throw new ProtocolException(sizes);
        }
        T value = read(in);
        in.expectEnd();
        return value;
    }

    /** "exactly 36 bytes" or "12 to 1036 bytes". */
    default String sizeText() {
        return fixedSize() ? "exactly " + minSize() : minSize() + " to " + maxSize();
    }

    static <T> Codec<T> fixed(int size, BiConsumer<T, FieldWriter> writer, Function<FieldReader, T> reader) {
        return variable(size, size, writer, reader);
    }

    static <T> Codec<T> variable(int minSize, int maxSize, BiConsumer<T, FieldWriter> writer, Function<FieldReader, T> reader) {
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException("sizes " + minSize + ".." + maxSize);
        }
        return new Codec<>() {
            @Override
            public int minSize() {
                return minSize;
            }

            @Override
            public int maxSize() {
                return maxSize;
            }

            @Override
            public void write(T value, FieldWriter out) {
                writer.accept(value, out);
            }

            @Override
            public T read(FieldReader in) {
                return reader.apply(in);
            }
        };
    }
}
