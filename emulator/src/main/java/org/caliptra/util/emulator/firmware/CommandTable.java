package org.caliptra.util.emulator.firmware;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * A firmware's dispatch table: command code → the command's {@code protocol} codec and its handler.
 * Each command family contributes its entries; the room (ROM, runtime, MCU) that owns the table
 * decides the order of its checks and which error a bad request earns.
 */
public final class CommandTable {
    /**
     * One entry: decodes the request fields, runs the handler, encodes the response fields.
     *
     * @param malformed the error a request its codec refuses earns: the firmware's parser decides,
     *     and the reference runtime's differ from command to command
     * @param fipsStatus the response header's fips_status: approved, or (2.x verify of a digest the
     *     caller supplied) not approved
     */
    public record Route<Q, R>(CommandCodec<Q, R> codec, CommandHandler<Q, R> handler, CaliptraError malformed,
            int fipsStatus) {
        /** Whether {@code length} bytes of request fields can be this command's request. */
        public boolean acceptsLength(int length) {
            return length >= codec.request().minSize() && length <= codec.request().maxSize();
        }

        /**
         * @throws ProtocolException when the fields do not decode (the room maps it to its error)
         * @throws CommandFailure when the handler refuses the command
         */
        public byte[] serve(byte[] requestFields, Requester requester) {
            Q request = codec.decodeRequest(requestFields);
            return codec.encodeResponse(handler.handle(request, requester));
        }
    }

    private final Map<Integer, Route<?, ?>> routes;

    private CommandTable(Map<Integer, Route<?, ?>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Route<?, ?>> route(int command) {
        return Optional.ofNullable(routes.get(command));
    }

    public int size() {
        return routes.size();
    }

    public static final class Builder {
        private final Map<Integer, Route<?, ?>> routes = new HashMap<>();

        private Builder() {}

        public <Q, R> Builder add(CommandCodec<Q, R> codec, CommandHandler<Q, R> handler) {
            return add(codec, CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS, handler);
        }

        /** A command whose malformed requests fail with {@code malformed} rather than RUNTIME_MAILBOX_INVALID_PARAMS. */
        public <Q, R> Builder add(CommandCodec<Q, R> codec, CaliptraError malformed, CommandHandler<Q, R> handler) {
            if (routes.putIfAbsent(codec.code(), new Route<>(codec, handler, malformed, MailboxFrame.FIPS_APPROVED)) != null) {
                throw new IllegalArgumentException(codec.command().describe() + " is in the table twice");
            }
            return this;
        }

        /**
         * Marks {@code codec}'s command as answering "not FIPS approved: user-supplied digest"
         * (fips_status 0x55535244), as 2.x's ECDSA and LMS verify of a caller's digest do.
         */
        public Builder userSuppliedDigest(CommandCodec<?, ?> codec) {
            routes.computeIfPresent(codec.code(), (code, r) -> withStatus(r, MailboxFrame.FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST));
            return this;
        }

        private static <Q, R> Route<Q, R> withStatus(Route<Q, R> r, int fipsStatus) {
            return new Route<>(r.codec(), r.handler(), r.malformed(), fipsStatus);
        }

        /** A family's entries. */
        public Builder addAll(CommandFamily family) {
            family.register(this);
            return this;
        }

        /**
         * A family whose every failure is fatal: ROM commands that hand their errors up to the ROM's
         * fatal error handler (caliptra-sw's fw_processor propagates them with {@code ?}).
         */
        public Builder addAllFatal(CommandFamily family) {
            var inner = new Builder();
            family.register(inner);
            inner.routes.forEach((code, route) -> {
                if (routes.putIfAbsent(code, fatal(route)) != null) {
                    throw new IllegalArgumentException(route.codec().command().describe() + " is in the table twice");
                }
            });
            return this;
        }

        private static <Q, R> Route<Q, R> fatal(Route<Q, R> r) {
            CommandHandler<Q, R> handler = (request, requester) -> {
                try {
                    return r.handler().handle(request, requester);
                } catch (CommandFailure f) {
                    throw f.fatal() ? f : new CommandFailure(f.code(), true, f.getMessage());
                }
            };
            return new Route<>(r.codec(), handler, r.malformed(), r.fipsStatus());
        }

        public CommandTable build() {
            return new CommandTable(routes);
        }
    }

    /** A family of commands that registers its handlers. */
    @FunctionalInterface
    public interface CommandFamily {
        void register(Builder table);
    }
}
