package org.caliptra.util.host.commands;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;

/**
 * What the internal structs of spec/hostlib.md §2.3 share: fixed-capacity buffers behind a size
 * word ({@code input_size, input[4096]}), enumerated u32 fields, and the argument checks of the
 * request records, whose messages name the command, the field and the sizes.
 */
public final class InternalFields {
    private InternalFields() {}

    /** {@code value}, at most {@code max} bytes: "HashInit: input is at most 4096 bytes, got 5000". */
    public static Octets atMost(String command, String field, Octets value, int max) {
        Objects.requireNonNull(value, () -> command + ": " + field);
        if (value.length() > max) {
            throw new IllegalArgumentException(command + ": " + field + " is at most " + max + " bytes, got " + value.length());
        }
        return value;
    }

    /** {@code value}, exactly {@code size} bytes: "Delete: cmk is 128 bytes, got 12". */
    public static Octets exactly(String command, String field, Octets value, int size) {
        Objects.requireNonNull(value, () -> command + ": " + field);
        if (value.length() != size) {
            throw new IllegalArgumentException(command + ": " + field + " is " + size + " bytes, got " + value.length());
        }
        return value;
    }

    public static <T> T present(String command, String field, T value) {
        return Objects.requireNonNull(value, () -> command + ": " + field + " is required");
    }

    /** {@code size:u32} then {@code data} zero-padded to {@code capacity}. */
    public static FieldWriter sized(FieldWriter out, Octets data, int capacity) {
        return out.u32(data.length()).padded(data, capacity);
    }

    /** The used part of {@code size:u32, data[capacity]}; a size beyond the capacity fails on the size field. */
    public static Octets sized(FieldReader in, String sizeField, String dataField, int capacity) {
        int size = in.u32AtMost(sizeField, capacity);
        return in.prefixOf(dataField, capacity, size);
    }

    public static HashAlgorithm hashAlgorithm(FieldReader in, String field) {
        return enumField(in, field, HashAlgorithm.class, HashAlgorithm::fromValue, HashAlgorithm::value);
    }

    public static KeyUsage keyUsage(FieldReader in, String field) {
        return enumField(in, field, KeyUsage.class, KeyUsage::fromValue, KeyUsage::value);
    }

    public static AesMode aesMode(FieldReader in, String field) {
        return enumField(in, field, AesMode.class, AesMode::fromValue, AesMode::value);
    }

    public static Cmk cmk(FieldReader in, String field) {
        return new Cmk(in.bytes(field, Cmk.SIZE));
    }

    /**
     * The internal struct of an authorization-gated command: the command's fields then the
     * {@link Trailer}, exactly as the wire codec {@code wire} lays them out after {@code prefix}
     * (DOT's subcommand word, which the internal struct does not carry; empty for the fuse commands).
     */
    public static <F, Q> Codec<Q> signed(Codec<Authorized<F>> wire, Octets prefix, Function<Q, F> fields, Function<Q, Trailer> trailer,
            BiFunction<F, Trailer, Q> make) {
        Codec<Authorized<F>> internal = withoutPrefix(wire, prefix, wire.minSize() - prefix.length() + Trailer.SIZE);
        return Codec.fixed(internal.minSize(), (v, out) -> internal.write(Authorized.signed(fields.apply(v), trailer.apply(v)), out),
                in -> {
                    int at = in.position();
                    Authorized<F> a = internal.read(in);
                    return make.apply(a.command(), a.authorization()
                            .orElseThrow(() -> in.error("authorization", at, "is missing: the internal struct always carries it")));
                });
    }

    /**
     * The internal struct of a command the device may take with or without authorization (the
     * MCU ROM's bare form, the runtime's signed one): the command's fields as {@code wire} lays them
     * out, {@code authorized u32} (0 or 1), then the {@link Trailer} — all zero when absent.
     */
    public static <F, Q> Codec<Q> optionallySigned(Codec<Authorized<F>> wire, Function<Q, F> fields,
            Function<Q, Optional<Trailer>> trailer, BiFunction<F, Optional<Trailer>, Q> make) {
        int fieldsSize = wire.minSize();
        return Codec.fixed(fieldsSize + 4 + Trailer.SIZE, (v, out) -> {
            Optional<Trailer> t = trailer.apply(v);
            byte[] all = wire.encode(t.map(x -> Authorized.signed(fields.apply(v), x)).orElseGet(() -> Authorized.bare(fields.apply(v))));
            out.bytes(Arrays.copyOfRange(all, 0, fieldsSize)).u32(t.isPresent() ? 1 : 0);
            out.bytes(t.isPresent() ? Arrays.copyOfRange(all, fieldsSize, all.length) : new byte[Trailer.SIZE]);
        }, in -> {
            Octets f = in.bytes("fields", fieldsSize);
            int flag = in.u32InRange("authorized", 0, 1);
            Octets t = in.bytes("authorization", Trailer.SIZE);
            byte[] wireBytes = flag == 1 ? concat(f, t) : f.toByteArray();
            Authorized<F> a = wire.read(new FieldReader(in.message(), wireBytes));
            return make.apply(a.command(), a.authorization());
        });
    }

    private static byte[] concat(Octets a, Octets b) {
        byte[] out = new byte[a.length() + b.length()];
        a.copyTo(out, 0);
        b.copyTo(out, a.length());
        return out;
    }

    /** {@code wire}'s layout without its leading {@code prefix} bytes, which decoding puts back; exactly {@code size} bytes. */
    public static <T> Codec<T> withoutPrefix(Codec<T> wire, Octets prefix, int size) {
        if (prefix.length() == 0) {
            return Codec.fixed(size, wire::write, wire::read);
        }
        return Codec.fixed(size, (v, out) -> {
            byte[] all = wire.encode(v);
            for (int i = 0; i < prefix.length(); i++) {
                if (all[i] != prefix.get(i)) {
                    throw new IllegalStateException("the wire form does not start with " + prefix.hex());
                }
            }
            out.bytes(Arrays.copyOfRange(all, prefix.length(), all.length));
        }, in -> {
            byte[] rest = in.rest("fields").toByteArray();
            byte[] all = new byte[prefix.length() + rest.length];
            prefix.copyTo(all, 0);
            System.arraycopy(rest, 0, all, prefix.length(), rest.length);
            return wire.read(new FieldReader(in.message(), all));
        });
    }

    /** A fixed-size codec of {@code Q} through one of {@code W}: the same bytes, another record. */
    public static <W, Q> Codec<Q> mapped(Codec<W> wire, Function<Q, W> to, Function<W, Q> from) {
        return Codec.fixed(wire.minSize(), (v, out) -> wire.write(to.apply(v), out), in -> from.apply(wire.read(in)));
    }

    /** A u32 as its 4 little-endian bytes, e.g. a subcommand FourCC as it leads a request. */
    public static Octets u32Bytes(int value) {
        return Octets.of(new FieldWriter(4).u32(value).toByteArray());
    }

    /** An enumerated u32 field, failing with the values it may take. */
    public static <E extends Enum<E>> E enumField(FieldReader in, String field, Class<E> type, IntFunction<Optional<E>> lookup,
            java.util.function.ToIntFunction<E> value) {
        int at = in.position();
        int raw = in.u32(field);
        return lookup.apply(raw).orElseThrow(() -> in.error(field, at, "is " + Integer.toUnsignedString(raw) + ", expected one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name() + " " + value.applyAsInt(e))
                        .collect(Collectors.joining(", "))));
    }
}
