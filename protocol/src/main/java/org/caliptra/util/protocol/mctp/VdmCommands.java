package org.caliptra.util.protocol.mctp;

import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCode;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;

/**
 * The payloads of the four Caliptra MCTP vendor-defined commands (spec/hostlib.md §4.2): what
 * follows the 6-byte header in a request and the completion code in a successful response. The
 * header and completion code are {@link VdmMessage}'s. Both sides use these codecs: the host
 * encodes requests and decodes responses, the responder the other way round.
 */
public final class VdmCommands {
    /** The FirmwareVersion response's version field: ASCII, NUL-padded to 32 bytes. */
    public static final int VERSION_SIZE = 32;
    /** The most log bytes one GetDebugLog response carries. */
    public static final int MAX_LOG_DATA = 900;

    private VdmCommands() {}

    /** The four commands of the VDM responder, by their external command code. */
    public enum VdmCommand implements CommandCode {
        VDM_FIRMWARE_VERSION(ExternalCommand.FIRMWARE_VERSION), VDM_DEVICE_CAPABILITIES(ExternalCommand.DEVICE_CAPABILITIES),
        VDM_GET_DEBUG_LOG(ExternalCommand.GET_DEBUG_LOG), VDM_CLEAR_DEBUG_LOG(ExternalCommand.CLEAR_DEBUG_LOG);

        private final int code;

        // The external command codes are the capability vocabulary's: one number per command.
        VdmCommand(ExternalCommand command) {
            this.code = command.commandCode();
        }

        @Override
        public int code() {
            return code;
        }

        /** "VDM_FIRMWARE_VERSION (VDM 0x01)": a VDM code is one byte, not a FourCC. */
        @Override
        public String describe() {
            return String.format("%s (VDM 0x%02X)", name(), code);
        }

        public static Optional<VdmCommand> fromCode(int code) {
            return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
        }
    }

    /** Which firmware to report: 0 Caliptra core, 1 MCU runtime, 2 SoC aggregate (as MC_FIRMWARE_VERSION). */
    public record FirmwareVersionRequest(int areaIndex) {}

    /** The version string in its 32-byte field: ASCII, ending at the first NUL or at the end of the field. */
    public record FirmwareVersion(Octets field) {
        public FirmwareVersion {
            Fields.exactly("version", field, VERSION_SIZE);
        }

        /** {@code text} NUL-padded to the field; at most 32 ASCII characters. */
        public static FirmwareVersion of(String text) {
            byte[] ascii = Fields.asciiBytes("version", text);
            if (ascii.length > VERSION_SIZE) {
                throw new IllegalArgumentException("version is at most " + VERSION_SIZE + " bytes, got " + ascii.length);
            }
            return new FirmwareVersion(Octets.of(Arrays.copyOf(ascii, VERSION_SIZE)));
        }

        /** The bytes before the first NUL (all 32 when there is none). */
        public Octets string() {
            int end = 0;
            while (end < VERSION_SIZE && field.get(end) != 0) {
                end++;
            }
            return field.slice(0, end);
        }
    }

    public static final CommandCodec<FirmwareVersionRequest, FirmwareVersion> VDM_FIRMWARE_VERSION = CommandCodec.of(
            VdmCommand.VDM_FIRMWARE_VERSION,
            Codec.fixed(4, (v, out) -> out.u32(v.areaIndex()), in -> new FirmwareVersionRequest(in.u32("area_index"))),
            Codec.fixed(VERSION_SIZE, (v, out) -> out.bytes(v.field()),
                    in -> new FirmwareVersion(in.bytes("version", VERSION_SIZE))));

    /** The same 36-byte capabilities (big-endian words) as MC_DEVICE_CAPABILITIES. */
    public static final CommandCodec<NoFields, DeviceCapabilities> VDM_DEVICE_CAPABILITIES = CommandCodec.of(
            VdmCommand.VDM_DEVICE_CAPABILITIES, NoFields.CODEC, McDeviceInfoCommands.MC_DEVICE_CAPABILITIES.response());

    /** One drain step of the debug log: {@code moreData} non-zero while entries remain, and at most 900 log bytes. */
    public record DebugLog(int moreData, Octets data) {
        public DebugLog {
            Fields.atMost("data", data, MAX_LOG_DATA);
        }

        public boolean hasMoreData() {
            return moreData != 0;
        }
    }

    /** more_data, data_size, data[data_size ≤ 900]: 8 to 908 bytes. */
    public static final CommandCodec<NoFields, DebugLog> VDM_GET_DEBUG_LOG = CommandCodec.of(VdmCommand.VDM_GET_DEBUG_LOG,
            NoFields.CODEC, Codec.variable(8, 8 + MAX_LOG_DATA, (v, out) -> out.u32(v.moreData()).sized(v.data()),
                    in -> new DebugLog(in.u32("more_data"), in.sized("data_size", "data", MAX_LOG_DATA))));

    public static final CommandCodec<NoFields, NoFields> VDM_CLEAR_DEBUG_LOG =
            CommandCodec.of(VdmCommand.VDM_CLEAR_DEBUG_LOG, NoFields.CODEC, NoFields.CODEC);
}
