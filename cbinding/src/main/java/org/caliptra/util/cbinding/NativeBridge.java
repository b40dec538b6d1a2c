package org.caliptra.util.cbinding;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.caliptra.util.cli.target.OpenTarget;
import org.caliptra.util.cli.target.TargetOptions;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetDeviceCapabilities;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.session.RetryBackoff;
import org.caliptra.util.host.session.SessionConfig;
import org.caliptra.util.host.session.SessionState;
import org.caliptra.util.host.session.SessionStatistics;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The Java side of {@code libcaliptra_util_host.so}. The C shim calls these static methods through
 * JNI with every pointer as a number; the structs behind them are read and written through JNA
 * ({@link CStructs}). Every method returns a C {@code CaliptraError} value and never throws; the
 * message (and the device's error code) of the last failure on the calling thread is kept for
 * {@code caliptra_last_error_message()} / {@code caliptra_last_device_error()}.
 *
 * <p>C handles are opaque numbers that index the tables here. They are never reused, so a stale
 * or foreign handle is reported as InvalidArgument instead of touching freed memory.
 *
 * <p>Every command goes through one entry, {@link #execute}: the C struct's bytes are the command's
 * internal request, decoded by the catalogue's codec (which checks every field), run on the session,
 * and the typed response encoded back into the internal response struct. The typed C functions are
 * thin wrappers over it.
 */
public final class NativeBridge {
    /** CaliptraProtocolType values. */
    static final int PROTOCOL_MAILBOX = 0;
    static final int PROTOCOL_MCTP_VDM = 1;
    static final int PROTOCOL_CUSTOM = 2;
    private static final String[] PROTOCOL_NAMES = {"Mailbox", "MctpVdm", "Custom"};

    private static final AtomicLong NEXT_HANDLE = new AtomicLong(0x1000);
    private static final Map<Long, NativeTransport> TRANSPORTS = new ConcurrentHashMap<>();
    private static final Map<Long, NativeSession> SESSIONS = new ConcurrentHashMap<>();

    private record Failure(String message, int deviceCode) {
        static final Failure NONE = new Failure("", 0);
    }

    private static final ThreadLocal<Failure> LAST_FAILURE = ThreadLocal.withInitial(() -> Failure.NONE);

    private NativeBridge() {}

    // ---- transports ------------------------------------------------------------------------------

    /** A transport a C handle names, until a session takes it. */
    private static final class NativeTransport implements AutoCloseable {
        final Transport transport;
        final Optional<OpenTarget> target;
        final CommandCatalog catalog;
        /** What it is, for messages: "a C vtable transport", "target 'emulator' (…)". */
        final String description;
        /** CaliptraProtocolType values it speaks. */
        final List<Integer> protocols;

        NativeTransport(Transport transport, Optional<OpenTarget> target, CommandCatalog catalog, String description,
                List<Integer> protocols) {
            this.transport = transport;
            this.target = target;
            this.catalog = catalog;
            this.description = description;
            this.protocols = protocols;
        }

        @Override
        public void close() {
            if (target.isPresent()) {
                target.get().close();
            } else {
                transport.close();
            }
        }
    }

    /** {@code caliptra_transport_create_from_uri}: a target URI (0 = $CALIPTRA_TARGET or "emulator") and options (0 = none). */
    public static int transportFromUri(long uri, long options, long out) {
        return guard(() -> {
            String text = CStructs.string(CStructs.pointer(uri));
            OpenTarget target = Targets.open(text == null ? Targets.fromEnvironment() : text, targetOptions(options));
            List<Integer> protocols = target.route().map(r -> r == Route.MCTP_VDM ? List.of(PROTOCOL_MCTP_VDM) : List.of(PROTOCOL_MAILBOX))
                    .orElse(List.of(PROTOCOL_MAILBOX, PROTOCOL_CUSTOM));
            return register(new NativeTransport(target.transport(), Optional.of(target), target.catalog(),
                    "target '" + target.uri() + "' (" + target.description() + ")", protocols), out);
        });
    }

    private static TargetOptions targetOptions(long address) {
        if (address == 0) {
            return new TargetOptions(Optional.empty(), Optional.empty(), Optional.empty(), TargetOptions.pluginPath(List.of()));
        }
        var o = new CStructs.TargetOptions(new Pointer(address));
        List<Path> plugins = Optional.ofNullable(CStructs.string(o.plugin_path)).stream()
                .flatMap(p -> Arrays.stream(p.split(":"))).filter(s -> !s.isEmpty()).map(Path::of).toList();
        return new TargetOptions(path(o.device_file), path(o.firmware), path(o.flash), TargetOptions.pluginPath(plugins));
    }

    private static Optional<Path> path(Pointer p) {
        return Optional.ofNullable(CStructs.string(p)).filter(s -> !s.isEmpty()).map(Path::of);
    }

    /** {@code caliptra_transport_create_from_c_vtable}. */
    public static int transportFromVTable(long vtable, long context, long out) {
        return guard(() -> register(new NativeTransport(CVTableTransport.of(new Pointer(vtable), CStructs.pointer(context)),
                Optional.empty(), CommandCatalog.builtIn(), "a C vtable transport", List.of(PROTOCOL_CUSTOM)), out));
    }

    /** {@code caliptra_transport_create_from_c_mailbox_driver}: MC_* command codes, as the reference's mailbox transport. */
    public static int transportFromMailboxDriver(long driver, long out) {
        return guard(() -> {
            CommandCatalog catalog = CommandCatalog.builtIn();
            var transport = new MailboxTransport(CMailboxDriverAdapter.of(new Pointer(driver)), catalog.mailboxTable(DeviceKind.MCU));
            return register(new NativeTransport(transport, Optional.empty(), catalog, "a C mailbox driver transport",
                    List.of(PROTOCOL_MAILBOX)), out);
        });
    }

    private static CError register(NativeTransport transport, long out) {
        long handle = NEXT_HANDLE.getAndIncrement();
        TRANSPORTS.put(handle, transport);
        new Pointer(out).setPointer(0, new Pointer(handle));
        return CError.SUCCESS;
    }

    /** {@code caliptra_transport_destroy}. */
    public static int transportDestroy(long handle) {
        return guard(() -> {
            NativeTransport t = TRANSPORTS.remove(handle);
            if (t == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("transport", handle)
                        + " (a transport given to a session belongs to that session)");
            }
            t.close();
            return CError.SUCCESS;
        });
    }

    // ---- sessions --------------------------------------------------------------------------------

    private static final class NativeSession implements AutoCloseable {
        final NativeTransport transport;
        final CaliptraSession session;

        NativeSession(NativeTransport transport, CaliptraSession session) {
            this.transport = transport;
            this.session = session;
        }

        /**
         * An embedded device boots at the first command that needs its core (every one but what its
         * MCU answers alone), as the CLI does: connecting stays cheap, and a GetDeviceId never pays
         * for building and booting the development bundle.
         */
        void bootFor(int commandId) {
            if (commandId != CommandId.GET_DEVICE_ID.value() && session.state() != SessionState.DISCONNECTED) {
                transport.target.ifPresent(OpenTarget::boot);
            }
        }

        @Override
        public void close() {
            try (var t = transport) {
                session.close();
            }
        }
    }

    /** {@code caliptra_session_create_with_config} (config 0: the defaults); consumes the transport handle on success. */
    public static int sessionCreate(long transportHandle, int protocol, long config, long out) {
        return guard(() -> {
            NativeTransport t = TRANSPORTS.get(transportHandle);
            if (t == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("transport", transportHandle));
            }
            if (protocol < 0 || protocol >= PROTOCOL_NAMES.length) {
                return fail(CError.INVALID_ARGUMENT, "protocol " + protocol + " is not a CaliptraProtocolType (Mailbox 0, MctpVdm 1, Custom 2)");
            }
            if (!t.protocols.contains(protocol)) {
                String speaks = String.join(" or ", t.protocols.stream().map(p -> PROTOCOL_NAMES[p]).toList());
                return fail(protocol == PROTOCOL_MCTP_VDM ? CError.NOT_SUPPORTED : CError.INVALID_ARGUMENT, "protocol "
                        + PROTOCOL_NAMES[protocol] + " is not available for " + t.description + ": it speaks " + speaks);
            }
            SessionConfig sessionConfig = config == 0 ? SessionConfig.defaults() : fromC(new CStructs.SessionConfig(new Pointer(config)));
            if (TRANSPORTS.remove(transportHandle) == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("transport", transportHandle));
            }
            long handle = NEXT_HANDLE.getAndIncrement();
            SESSIONS.put(handle, new NativeSession(t, new CaliptraSession(t.transport, sessionConfig)));
            new Pointer(out).setPointer(0, new Pointer(handle));
            return CError.SUCCESS;
        });
    }

    public static int sessionConnect(long sessionHandle) {
        return withSession(sessionHandle, s -> s.session.connect());
    }

    public static int sessionDisconnect(long sessionHandle) {
        return withSession(sessionHandle, s -> s.session.disconnect());
    }

    public static int sessionDestroy(long sessionHandle) {
        return guard(() -> {
            NativeSession s = SESSIONS.remove(sessionHandle);
            if (s == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("session", sessionHandle));
            }
            s.close();
            return CError.SUCCESS;
        });
    }

    /** {@code caliptra_session_config_default}. */
    public static int configDefault(long out) {
        return guard(() -> {
            toC(SessionConfig.defaults(), new CStructs.SessionConfig(new Pointer(out)));
            return CError.SUCCESS;
        });
    }

    public static int sessionGetConfig(long sessionHandle, long out) {
        return withSession(sessionHandle, s -> toC(s.session.config(), new CStructs.SessionConfig(new Pointer(out))));
    }

    /** {@code caliptra_session_get_state}: CaliptraSessionState (the reference's numbering; Authenticated, 3, unused). */
    public static int sessionGetState(long sessionHandle, long out) {
        return withSession(sessionHandle, s -> new Pointer(out).setInt(0, switch (s.session.state()) {
            case DISCONNECTED -> 0;
            case CONNECTING -> 1;
            case CONNECTED -> 2;
            case ERROR -> 4;
        }));
    }

    public static int sessionGetStatistics(long sessionHandle, long out) {
        return withSession(sessionHandle, s -> {
            SessionStatistics st = s.session.statistics();
            var c = new CStructs.SessionStatistics(new Pointer(out));
            c.commands_sent = st.commandsSent();
            c.commands_succeeded = st.commandsSucceeded();
            c.commands_failed = st.commandsFailed();
            c.retries = st.retries();
            c.timeouts = st.timeouts();
            c.reconnects = st.reconnects();
            c.keepalives = st.keepalives();
            c.keepalive_failures = st.keepaliveFailures();
            c.bytes_sent = st.bytesSent();
            c.bytes_received = st.bytesReceived();
            c.write();
        });
    }

    static SessionConfig fromC(CStructs.SessionConfig c) {
        c.read();
        long connect = positive("connect_timeout_ms", c.connect_timeout_ms);
        long command = positive("command_timeout_ms", c.command_timeout_ms);
        long initial = Integer.toUnsignedLong(c.retry_initial_delay_ms);
        long max = Integer.toUnsignedLong(c.retry_max_delay_ms);
        if (max < initial) {
            throw new IllegalArgumentException("CaliptraSessionConfig.retry_max_delay_ms (" + max + ") is below retry_initial_delay_ms ("
                    + initial + ")");
        }
        if (!(c.retry_multiplier >= 1.0) || Double.isInfinite(c.retry_multiplier)) {
            throw new IllegalArgumentException("CaliptraSessionConfig.retry_multiplier must be a finite number of at least 1, got "
                    + c.retry_multiplier);
        }
        if (c.max_retries < 0) {
            throw new IllegalArgumentException("CaliptraSessionConfig.max_retries is " + Integer.toUnsignedString(c.max_retries)
                    + "; at most " + Integer.MAX_VALUE);
        }
        var b = SessionConfig.builder().connectTimeout(Duration.ofMillis(connect)).commandTimeout(Duration.ofMillis(command))
                .maxRetries(c.max_retries).retryBackoff(new RetryBackoff(Duration.ofMillis(initial), c.retry_multiplier, Duration.ofMillis(max)))
                .autoReconnect(c.auto_reconnect != 0);
        long keepalive = Integer.toUnsignedLong(c.keepalive_interval_ms);
        return (keepalive == 0 ? b.noKeepalive() : b.keepalive(Duration.ofMillis(keepalive), GetDeviceCapabilities::new)).build();
    }

    private static long positive(String field, int value) {
        if (value == 0) {
            throw new IllegalArgumentException("CaliptraSessionConfig." + field + " must be greater than 0");
        }
        return Integer.toUnsignedLong(value);
    }

    static void toC(SessionConfig config, CStructs.SessionConfig c) {
        c.connect_timeout_ms = millis(config.connectTimeout());
        c.command_timeout_ms = millis(config.commandTimeout());
        c.max_retries = config.maxRetries();
        c.retry_initial_delay_ms = millis(config.retryBackoff().initialDelay());
        c.retry_max_delay_ms = millis(config.retryBackoff().maxDelay());
        c.retry_multiplier = config.retryBackoff().multiplier();
        c.keepalive_interval_ms = config.keepaliveEnabled() ? millis(config.keepaliveInterval()) : 0;
        c.auto_reconnect = (byte) (config.autoReconnect() ? 1 : 0);
        c.write();
    }

    private static int millis(Duration d) {
        return (int) Math.min(d.toMillis(), 0xFFFF_FFFFL);
    }

    // ---- commands --------------------------------------------------------------------------------

    /**
     * {@code caliptra_cmd_execute} and every typed {@code caliptra_cmd_*}: the command's internal
     * request struct at {@code request} ({@code requestLength} bytes) in, its internal response struct
     * out at {@code response}, its size at {@code responseLengthOut} (0: not wanted).
     */
    public static int execute(long sessionHandle, int commandId, long request, long requestLength, long response,
            long responseCapacity, long responseLengthOut) {
        return guard(() -> {
            NativeSession s = SESSIONS.get(sessionHandle);
            if (s == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("session", sessionHandle));
            }
            Optional<CommandType<?, ?>> type = s.transport.catalog.command(commandId);
            if (type.isEmpty()) {
                return fail(CError.NOT_SUPPORTED, String.format("command id 0x%04X: no command family of this library defines it",
                        commandId));
            }
            return run(s, type.get(), request, requestLength, response, responseCapacity, responseLengthOut);
        });
    }

    private static <Q extends Command<R>, R> CError run(NativeSession s, CommandType<Q, R> type, long request, long requestLength,
            long response, long responseCapacity, long responseLengthOut) {
        int requestSize = type.request().minSize();
        int responseSize = type.response().minSize();
        if (requestLength != requestSize) {
            return fail(CError.INVALID_ARGUMENT, String.format("%s: the request struct is %d bytes, got %s", type.describe(), requestSize,
                    Long.toUnsignedString(requestLength)));
        }
        if (requestSize > 0 && request == 0) {
            return fail(CError.INVALID_ARGUMENT, type.describe() + ": request is NULL");
        }
        if (Long.compareUnsigned(responseCapacity, responseSize) < 0) {
            return fail(CError.INVALID_ARGUMENT, String.format("%s: the response struct is %d bytes, only %s available", type.describe(),
                    responseSize, Long.toUnsignedString(responseCapacity)));
        }
        Q command;
        try {
            command = type.decodeRequest(requestSize == 0 ? new byte[0] : new Pointer(request).getByteArray(0, requestSize));
        } catch (ProtocolException | IllegalArgumentException e) {
            // The caller's struct, not the device's answer: a field out of range.
            return fail(CError.INVALID_ARGUMENT, e.getMessage());
        }
        s.bootFor(type.id());
        byte[] answer = type.encodeResponse(Commands.execute(s.session, command));
        new Pointer(response).write(0, answer, 0, answer.length);
        if (responseLengthOut != 0) {
            CCalls.writeSize(new Pointer(responseLengthOut), 0, answer.length);
        }
        return CError.SUCCESS;
    }

    /** {@code caliptra_command_sizes}: a built-in command's internal request and response sizes. */
    public static int commandSizes(int commandId, long requestSizeOut, long responseSizeOut) {
        return guard(() -> {
            Optional<CommandType<?, ?>> type = CommandCatalog.builtIn().command(commandId);
            if (type.isEmpty()) {
                return fail(CError.NOT_SUPPORTED, String.format("command id 0x%04X is not a command of this library", commandId));
            }
            if (requestSizeOut != 0) {
                CCalls.writeSize(new Pointer(requestSizeOut), 0, type.get().request().minSize());
            }
            if (responseSizeOut != 0) {
                CCalls.writeSize(new Pointer(responseSizeOut), 0, type.get().response().minSize());
            }
            return CError.SUCCESS;
        });
    }

    // ---- failures --------------------------------------------------------------------------------

    public static String lastError() {
        return LAST_FAILURE.get().message();
    }

    public static int lastDeviceError() {
        return LAST_FAILURE.get().deviceCode();
    }

    private interface SessionAction {
        void run(NativeSession s);
    }

    private interface Body {
        CError run() throws Exception;
    }

    private static int withSession(long handle, SessionAction action) {
        return guard(() -> {
            NativeSession s = SESSIONS.get(handle);
            if (s == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("session", handle));
            }
            action.run(s);
            return CError.SUCCESS;
        });
    }

    private static int guard(Body body) {
        CError result;
        try {
            LAST_FAILURE.set(Failure.NONE);
            result = body.run();
        } catch (Throwable t) {
            result = CError.of(t);
            OptionalInt code = CError.deviceCode(t);
            LAST_FAILURE.set(new Failure(t.getMessage() != null ? t.getMessage() : t.toString(), code.orElse(0)));
        }
        return result.code;
    }

    private static CError fail(CError error, String message) {
        LAST_FAILURE.set(new Failure(message, 0));
        return error;
    }

    private static String unknown(String kind, long handle) {
        return String.format("unknown or already released %s handle 0x%X", kind, handle);
    }
}
