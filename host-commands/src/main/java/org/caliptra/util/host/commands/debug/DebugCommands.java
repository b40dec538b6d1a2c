package org.caliptra.util.host.commands.debug;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;

/**
 * The debug commands (spec/hostlib.md §2.1): the MCU runtime's debug log (DebugGetLog,
 * DebugClearLog, laid out in §2.3), and the debug ids the reference numbers but no Caliptra target
 * implements (echo, status, memory access, configuration, reset), whose internal structs are this
 * library's and documented on each record.
 */
public final class DebugCommands {
    /** The internal log buffer. */
    public static final int MAX_LOG_DATA = 4096;
    /** The internal echo buffer. */
    public static final int MAX_ECHO = 256;
    /** The internal memory buffer of DebugReadMemory / DebugWriteMemory. */
    public static final int MAX_MEMORY = 4096;

    private DebugCommands() {}

    /** The debug commands. */
    public sealed interface DebugCommand<R> extends CatalogCommand<R> permits DebugEcho, DebugGetStatus, DebugReadMemory,
            DebugWriteMemory, DebugGetLog, DebugSetConfig, DebugReset, DebugClearLog {}

    /** What an echo or a memory read hands back: {@code data_len} bytes of a fixed buffer. */
    public record Data(int fipsStatus, Octets data) {
        public Data {
            InternalFields.atMost("debug command", "data", data, MAX_MEMORY);
        }
    }

    private static Codec<Data> dataResponse(int capacity) {
        return Codec.fixed(8 + capacity, (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()), v.data(), capacity),
                in -> new Data(in.u32("fips_status"), InternalFields.sized(in, "data_len", "data", capacity)));
    }

    /**
     * DebugEcho (0x7001): the device sends the data back. Layout of this library: request
     * data_size u32, data u8[256] (260); response fips_status, data_len u32, data u8[256] (264).
     */
    public record DebugEcho(Octets data) implements DebugCommand<Data> {
        public static final CommandType<DebugEcho, Data> TYPE = CommandType.of(CommandId.DEBUG_ECHO, DebugEcho.class, true,
                "Echo data back (no Caliptra target implements it)",
                Codec.fixed(4 + MAX_ECHO, (v, out) -> InternalFields.sized(out, v.data(), MAX_ECHO),
                        in -> new DebugEcho(InternalFields.sized(in, "data_size", "data", MAX_ECHO))),
                dataResponse(MAX_ECHO), () -> new DebugEcho(Octets.of("ping".getBytes())));

        public DebugEcho {
            InternalFields.atMost("DebugEcho", "data", data, MAX_ECHO);
        }

        @Override
        public CommandType<DebugEcho, Data> type() {
            return TYPE;
        }
    }

    /** DebugGetStatus's answer: a device-defined status word. */
    public record Status(int fipsStatus, int status) {}

    /**
     * DebugGetStatus (0x7002). Layout of this library: empty request; response fips_status,
     * status u32 (8).
     */
    public record DebugGetStatus() implements DebugCommand<Status> {
        public static final CommandType<DebugGetStatus, Status> TYPE = CommandType.of(CommandId.DEBUG_GET_STATUS,
                DebugGetStatus.class, true, "Debug status word (no Caliptra target implements it)",
                Codec.fixed(0, (v, out) -> { }, in -> new DebugGetStatus()),
                Codec.fixed(8, (v, out) -> out.u32(v.fipsStatus()).u32(v.status()), in -> new Status(in.u32("fips_status"), in.u32("status"))),
                DebugGetStatus::new);

        @Override
        public CommandType<DebugGetStatus, Status> type() {
            return TYPE;
        }
    }

    /**
     * DebugReadMemory (0x7003): {@code length} bytes at a device address. Layout of this library:
     * request address u32, length u32 (8); response fips_status, data_len u32, data u8[4096] (4104).
     */
    public record DebugReadMemory(int address, int length) implements DebugCommand<Data> {
        public static final CommandType<DebugReadMemory, Data> TYPE = CommandType.of(CommandId.DEBUG_READ_MEMORY,
                DebugReadMemory.class, true, "Read device memory (no Caliptra target implements it)",
                Codec.fixed(8, (v, out) -> out.u32(v.address()).u32(v.length()),
                        in -> new DebugReadMemory(in.u32("address"), in.u32AtMost("length", MAX_MEMORY))),
                dataResponse(MAX_MEMORY), () -> new DebugReadMemory(0x5000_0000, 16));

        public DebugReadMemory {
            if (length < 0 || length > MAX_MEMORY) {
                throw new IllegalArgumentException("DebugReadMemory: length is 0.." + MAX_MEMORY + " bytes, got " + length);
            }
        }

        @Override
        public CommandType<DebugReadMemory, Data> type() {
            return TYPE;
        }
    }

    /**
     * DebugWriteMemory (0x7004). Layout of this library: request address u32, data_len u32,
     * data u8[4096] (4104); response fips_status (4).
     */
    public record DebugWriteMemory(int address, Octets data) implements DebugCommand<StatusResponse> {
        public static final CommandType<DebugWriteMemory, StatusResponse> TYPE = CommandType.of(CommandId.DEBUG_WRITE_MEMORY,
                DebugWriteMemory.class, false, "Write device memory (no Caliptra target implements it)",
                Codec.fixed(8 + MAX_MEMORY, (v, out) -> InternalFields.sized(out.u32(v.address()), v.data(), MAX_MEMORY),
                        in -> new DebugWriteMemory(in.u32("address"), InternalFields.sized(in, "data_len", "data", MAX_MEMORY))),
                StatusResponse.CODEC, () -> new DebugWriteMemory(0x5000_0000, Octets.fromHex("deadbeef")));

        public DebugWriteMemory {
            InternalFields.atMost("DebugWriteMemory", "data", data, MAX_MEMORY);
        }

        @Override
        public CommandType<DebugWriteMemory, StatusResponse> type() {
            return TYPE;
        }
    }

    /** One page of the debug log: log bytes (defmt frames), and whether more remain. */
    public record LogPage(int fipsStatus, boolean moreData, Octets data) {
        public LogPage {
            InternalFields.atMost("DebugGetLog", "data", data, MAX_LOG_DATA);
        }
    }

    /**
     * DebugGetLog (0x7005): the next page of the MCU runtime's debug log; reading drains it. The
     * internal more_data is 0 or 1 on every route.
     *
     * <pre>
     * internal request:  (empty)
     * internal response: fips_status, more_data u32, data_len u32, data u8[4096] (4108)
     * </pre>
     */
    public record DebugGetLog() implements DebugCommand<LogPage> {
        public static final CommandType<DebugGetLog, LogPage> TYPE = CommandType.of(CommandId.DEBUG_GET_LOG, DebugGetLog.class, false,
                "Next page of the MCU debug log (reading drains it)", Codec.fixed(0, (v, out) -> { }, in -> new DebugGetLog()),
                Codec.fixed(12 + MAX_LOG_DATA,
                        (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()).u32(v.moreData() ? 1 : 0), v.data(), MAX_LOG_DATA),
                        in -> new LogPage(in.u32("fips_status"), in.u32InRange("more_data", 0, 1) == 1,
                                InternalFields.sized(in, "data_len", "data", MAX_LOG_DATA))),
                DebugGetLog::new);

        @Override
        public CommandType<DebugGetLog, LogPage> type() {
            return TYPE;
        }
    }

    /**
     * DebugSetConfig (0x7006): set a device debug option. Layout of this library: request
     * config_id u32, value u32 (8); response fips_status (4).
     */
    public record DebugSetConfig(int configId, int value) implements DebugCommand<StatusResponse> {
        public static final CommandType<DebugSetConfig, StatusResponse> TYPE = CommandType.of(CommandId.DEBUG_SET_CONFIG,
                DebugSetConfig.class, false, "Set a debug option (no Caliptra target implements it)",
                Codec.fixed(8, (v, out) -> out.u32(v.configId()).u32(v.value()),
                        in -> new DebugSetConfig(in.u32("config_id"), in.u32("value"))),
                StatusResponse.CODEC, () -> new DebugSetConfig(1, 0));

        @Override
        public CommandType<DebugSetConfig, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * DebugReset (0x7007): reset the device. Layout of this library: request reset_type u32 (4);
     * response fips_status (4).
     */
    public record DebugReset(int resetType) implements DebugCommand<StatusResponse> {
        public static final CommandType<DebugReset, StatusResponse> TYPE = CommandType.of(CommandId.DEBUG_RESET, DebugReset.class,
                false, "Reset the device (no Caliptra target implements it)",
                Codec.fixed(4, (v, out) -> out.u32(v.resetType()), in -> new DebugReset(in.u32("reset_type"))),
                StatusResponse.CODEC, () -> new DebugReset(0));

        @Override
        public CommandType<DebugReset, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * DebugClearLog (0x7008): empty the MCU runtime's debug log.
     *
     * <pre>
     * internal request:  (empty)
     * internal response: fips_status                                            (4)
     * </pre>
     */
    public record DebugClearLog() implements DebugCommand<StatusResponse> {
        public static final CommandType<DebugClearLog, StatusResponse> TYPE = CommandType.of(CommandId.DEBUG_CLEAR_LOG,
                DebugClearLog.class, false, "Empty the MCU debug log", Codec.fixed(0, (v, out) -> { }, in -> new DebugClearLog()),
                StatusResponse.CODEC, DebugClearLog::new);

        @Override
        public CommandType<DebugClearLog, StatusResponse> type() {
            return TYPE;
        }
    }
}
