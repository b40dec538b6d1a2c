package org.caliptra.util.host.commands;

import java.util.Objects;
import java.util.function.Supplier;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.Codec;

/**
 * What every command of one kind shares: its internal id and name, what it does, whether it is
 * idempotent, and its internal request and response structs (spec/hostlib.md §2.3) as codecs
 * over the typed request record {@code Q} and response record {@code R}. The internal structs are
 * what the session hands a transport and gets back; each transport mapping converts them to and
 * from its wire codec.
 *
 * <p>{@link #example()} builds a request with sample arguments, so a test can drive every command of
 * a catalogue without knowing its fields.
 *
 * @param <Q> the request record, itself the {@link Command}
 * @param <R> the typed response
 */
public final class CommandType<Q extends Command<R>, R> {
    private final int id;
    private final String name;
    private final String description;
    private final Class<Q> requestClass;
    private final boolean idempotent;
    private final Codec<Q> request;
    private final Codec<R> response;
    private final Supplier<? extends Q> example;

    private CommandType(int id, String name, String description, Class<Q> requestClass, boolean idempotent, Codec<Q> request,
            Codec<R> response, Supplier<? extends Q> example) {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException(String.format("command id 0x%X of %s is outside 0x0000..0xFFFF", id, name));
        }
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.requestClass = Objects.requireNonNull(requestClass, "requestClass");
        this.idempotent = idempotent;
        this.request = Objects.requireNonNull(request, "request");
        this.response = Objects.requireNonNull(response, "response");
        this.example = Objects.requireNonNull(example, "example");
    }

    /** A built-in command: its id and name come from {@link CommandId}. */
    public static <Q extends Command<R>, R> CommandType<Q, R> of(CommandId id, Class<Q> requestClass, boolean idempotent,
            String description, Codec<Q> request, Codec<R> response, Supplier<? extends Q> example) {
        return new CommandType<>(id.value(), id.commandName(), description, requestClass, idempotent, request, response, example);
    }

    /** A plugin's command, with an id outside {@link CommandId}. */
    public static <Q extends Command<R>, R> CommandType<Q, R> custom(int id, String name, Class<Q> requestClass,
            boolean idempotent, String description, Codec<Q> request, Codec<R> response, Supplier<? extends Q> example) {
        return new CommandType<>(id, name, description, requestClass, idempotent, request, response, example);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** "GetFirmwareVersion (0x0001)". */
    public String describe() {
        return CommandId.describe(id, name);
    }

    public String description() {
        return description;
    }

    public Class<Q> requestClass() {
        return requestClass;
    }

    public boolean idempotent() {
        return idempotent;
    }

    /** The internal request struct's codec. */
    public Codec<Q> request() {
        return request;
    }

    /** The internal response struct's codec. */
    public Codec<R> response() {
        return response;
    }

    /** A request with sample arguments. */
    public Q example() {
        return example.get();
    }

    public byte[] encodeRequest(Q command) {
        return request.encode(command);
    }

    /** {@code command}, which must be a {@code Q}, as its internal request struct. */
    byte[] encodeAny(Object command) {
        return request.encode(requestClass.cast(command));
    }

    /** @throws org.caliptra.util.protocol.ProtocolException when the bytes are not this command's internal request */
    public Q decodeRequest(byte[] internal) {
        return decode(request, internal, name + " internal request");
    }

    public byte[] encodeResponse(R value) {
        return response.encode(value);
    }

    /** @throws org.caliptra.util.protocol.ProtocolException when the bytes are not this command's internal response */
    public R decodeResponse(byte[] internal) {
        return decode(response, internal, name + " internal response");
    }

    /** A field a record refuses (a digest of 50 bytes) is a malformed message too. */
    private static <T> T decode(Codec<T> codec, byte[] bytes, String what) {
        try {
            return codec.decode(bytes, what);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(what + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
