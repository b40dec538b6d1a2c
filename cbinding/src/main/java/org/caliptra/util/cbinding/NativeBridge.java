package org.caliptra.util.cbinding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.caliptra.util.cli.target.OpenTarget;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.session.CaliptraSession;

/**
 * The Java side of {@code libcaliptra_util_host.so}. The C shim calls these static methods through
 * JNI; every method returns a C {@code CaliptraError} value and never throws. The message of the
 * last failure on the calling thread is kept for {@code caliptra_last_error()}.
 *
 * <p>C handles are opaque numbers that index the tables here. They are never reused, so a stale
 * or foreign handle is reported as InvalidArgument instead of touching freed memory.
 */
public final class NativeBridge {
    /** CaliptraProtocolType values. */
    static final int PROTOCOL_MAILBOX = 0;
    static final int PROTOCOL_MCTP_VDM = 1;
    static final int PROTOCOL_CUSTOM = 2;

    private static final AtomicLong NEXT_HANDLE = new AtomicLong(0x1000);
    private static final Map<Long, OpenTarget> TRANSPORTS = new ConcurrentHashMap<>();
    private static final Map<Long, NativeSession> SESSIONS = new ConcurrentHashMap<>();
    private static final ThreadLocal<String> LAST_ERROR = ThreadLocal.withInitial(() -> "");

    private record NativeSession(OpenTarget target, CaliptraSession session) {}

    private NativeBridge() {}

    /** {@code caliptra_transport_create_from_target}: opens a target URI (null = default). */
    public static int transportCreate(String uri, long[] handleOut) {
        return guard(() -> {
            OpenTarget target = Targets.open(uri == null ? Targets.fromEnvironment() : uri);
            long handle = NEXT_HANDLE.getAndIncrement();
            TRANSPORTS.put(handle, target);
            handleOut[0] = handle;
            return CError.SUCCESS;
        });
    }

    /** {@code caliptra_session_create_with_protocol}: consumes the transport handle. */
    public static int sessionCreate(long transportHandle, int protocol, long[] handleOut) {
        return guard(() -> {
            if (protocol == PROTOCOL_MCTP_VDM) {
                return fail(CError.NOT_SUPPORTED, "protocol MctpVdm is not available for this transport");
            }
            if (protocol != PROTOCOL_MAILBOX) {
                return fail(CError.INVALID_ARGUMENT, "protocol " + protocol
                        + " does not match a target transport (use Mailbox)");
            }
            OpenTarget target = TRANSPORTS.remove(transportHandle);
            if (target == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("transport", transportHandle));
            }
            long handle = NEXT_HANDLE.getAndIncrement();
            SESSIONS.put(handle, new NativeSession(target, new CaliptraSession(target.transport())));
            handleOut[0] = handle;
            return CError.SUCCESS;
        });
    }

    public static int sessionConnect(long sessionHandle) {
        return withSession(sessionHandle, s -> s.session().connect());
    }

    public static int sessionDisconnect(long sessionHandle) {
        return withSession(sessionHandle, s -> s.session().disconnect());
    }

    public static int sessionDestroy(long sessionHandle) {
        return guard(() -> {
            NativeSession s = SESSIONS.remove(sessionHandle);
            if (s == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("session", sessionHandle));
            }
            try (var target = s.target(); var session = s.session()) {
                return CError.SUCCESS;
            }
        });
    }

    public static int transportDestroy(long transportHandle) {
        return guard(() -> {
            OpenTarget target = TRANSPORTS.remove(transportHandle);
            if (target == null) {
                return fail(CError.INVALID_ARGUMENT, unknown("transport", transportHandle)
                        + " (a transport given to caliptra_session_create_with_protocol belongs to that session)");
            }
            target.close();
            return CError.SUCCESS;
        });
    }

    /** {@code caliptra_cmd_get_device_id}: fills vendor, device, subsystem vendor, subsystem ids. */
    public static int getDeviceId(long sessionHandle, int[] idsOut) {
        return withSession(sessionHandle, s -> {
            var ids = DeviceInfo.getDeviceId(s.session()).identity();
            idsOut[0] = ids.vendorId();
            idsOut[1] = ids.deviceId();
            idsOut[2] = ids.subsystemVendorId();
            idsOut[3] = ids.subsystemId();
        });
    }

    public static String lastError() {
        return LAST_ERROR.get();
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
            LAST_ERROR.set("");
            result = body.run();
        } catch (Throwable t) {
            result = CError.of(t);
            LAST_ERROR.set(t.getMessage() != null ? t.getMessage() : t.toString());
        }
        return result.code;
    }

    private static CError fail(CError error, String message) {
        LAST_ERROR.set(message);
        return error;
    }

    private static String unknown(String kind, long handle) {
        return String.format("unknown or already released %s handle 0x%X", kind, handle);
    }
}
