package org.caliptra.util.cbinding;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The structs of {@code caliptra_util_host.h} that the library reads or writes field by field, as
 * JNA lays them out. Their sizes and offsets are pinned by {@code CStructsTest} and, from the C side,
 * by {@code test_uhost_layout.c}: both against the header's numbers, so JNA and the C compiler agree.
 *
 * <p>Each is mapped onto the caller's memory ({@link Structure#Structure(Pointer)}) and read or written
 * once per call; the library keeps no Structure beyond the call, so the caller's memory is never
 * touched after it returns.
 */
public final class CStructs {
    private CStructs() {}

    /** A struct in the caller's memory; {@link #offsetOf} is for the layout tests. */
    public abstract static class CStruct extends Structure {
        CStruct(Pointer p) {
            super(p);
        }

        int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    /** {@code CTransportVTable}: six function pointers, 48 bytes on LP64. */
    @FieldOrder({"send", "receive", "connect", "disconnect", "is_connected", "destroy"})
    public static final class TransportVTable extends CStruct {
        public Pointer send;
        public Pointer receive;
        public Pointer connect;
        public Pointer disconnect;
        public Pointer is_connected;
        public Pointer destroy;

        TransportVTable(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code CMailboxDriverVTable}: four function pointers, 32 bytes on LP64. */
    @FieldOrder({"send_command", "is_ready", "connect", "disconnect"})
    public static final class MailboxDriverVTable extends CStruct {
        public Pointer send_command;
        public Pointer is_ready;
        public Pointer connect;
        public Pointer disconnect;

        MailboxDriverVTable(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code CMailboxDriver}: the reference mock's fields (C {@code bool} is one byte), 56 bytes on LP64. */
    @FieldOrder({"vtable", "device_id", "vendor_id", "subsystem_vendor_id", "subsystem_id", "ready", "connected",
            "response_buffer"})
    public static final class MailboxDriver extends CStruct {
        public Pointer vtable;
        public short device_id;
        public short vendor_id;
        public short subsystem_vendor_id;
        public short subsystem_id;
        public byte ready;
        public byte connected;
        public byte[] response_buffer = new byte[32];

        MailboxDriver(Pointer p) {
            super(p);
        }
    }

    /** {@code CaliptraSessionConfig}, 40 bytes. */
    @FieldOrder({"connect_timeout_ms", "command_timeout_ms", "max_retries", "retry_initial_delay_ms", "retry_max_delay_ms",
            "keepalive_interval_ms", "retry_multiplier", "auto_reconnect"})
    public static final class SessionConfig extends CStruct {
        public int connect_timeout_ms;
        public int command_timeout_ms;
        public int max_retries;
        public int retry_initial_delay_ms;
        public int retry_max_delay_ms;
        public int keepalive_interval_ms;
        public double retry_multiplier;
        public byte auto_reconnect;

        SessionConfig(Pointer p) {
            super(p);
        }
    }

    /** {@code CaliptraSessionStatistics}: ten u64 counters, 80 bytes. */
    @FieldOrder({"commands_sent", "commands_succeeded", "commands_failed", "retries", "timeouts", "reconnects", "keepalives",
            "keepalive_failures", "bytes_sent", "bytes_received"})
    public static final class SessionStatistics extends CStruct {
        public long commands_sent;
        public long commands_succeeded;
        public long commands_failed;
        public long retries;
        public long timeouts;
        public long reconnects;
        public long keepalives;
        public long keepalive_failures;
        public long bytes_sent;
        public long bytes_received;

        SessionStatistics(Pointer p) {
            super(p);
        }
    }

    /** {@code CaliptraTargetOptions}: four {@code const char *}, 32 bytes on LP64. */
    @FieldOrder({"device_file", "firmware", "flash", "plugin_path"})
    public static final class TargetOptions extends CStruct {
        public Pointer device_file;
        public Pointer firmware;
        public Pointer flash;
        public Pointer plugin_path;

        TargetOptions(Pointer p) {
            super(p);
            read();
        }
    }

    /** The pointer at {@code address}, or null for 0. */
    static Pointer pointer(long address) {
        return address == 0 ? null : new Pointer(address);
    }

    /** A NUL-terminated UTF-8 string, or null for a NULL pointer. */
    static String string(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }
}
