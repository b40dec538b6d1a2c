package org.caliptra.util.protocol.mctp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;

/**
 * The four MCTP-VDM common commands' payloads (spec/hostlib.md §4.2; caliptra-mcu-sw
 * {@code common/mctp-vdm/src/message}): what follows the VDM header in a request, and the data
 * after the completion code in a response. The command codes are {@link ExternalCommand}'s.
 *
 * <ul>
 *   <li>0x01 FirmwareVersion: request area_index u32 LE; response version u8[32], ASCII, NUL-padded
 *       (also sent, all zero, with a failing completion code);
 *   <li>0x02 DeviceCapabilities: empty request; response caps u8[36] (zero on failure);
 *   <li>0x03 GetDebugLog: empty request; response more_data u32 LE, data_size u32 LE, data (at most
 *       {@value #MAX_LOG_DATA_SIZE} bytes); a failure has no data;
 *   <li>0x04 ClearDebugLog: empty request and response.
 * </ul>
 */
public final class VdmCommonCommands {
    /** Longest GetDebugLog data in one response. */
    public static final int MAX_LOG_DATA_SIZE = 900;
    public static final int VERSION_SIZE = McDeviceInfoCommands.MAX_VERSION_SIZE;

    private VdmCommonCommands() {}

    /** The payload length a request of {@code command} has after the 6-byte header; -1 for a command not in the set. */
    public static int requestPayloadSize(int command) {
        if (command == ExternalCommand.FIRMWARE_VERSION.commandCode()) {
            return 4;
        }
        if (command == ExternalCommand.DEVICE_CAPABILITIES.commandCode() || command == ExternalCommand.GET_DEBUG_LOG.commandCode()
                || command == ExternalCommand.CLEAR_DEBUG_LOG.commandCode()) {
            return 0;
        }
        return -1;
    }

    /** FirmwareVersion's response data: {@code version} (at most 32 ASCII bytes) NUL-padded to 32. */
    public static byte[] firmwareVersionData(byte[] version) {
        if (version.length > VERSION_SIZE) {
            throw new IllegalArgumentException("a version is at most " + VERSION_SIZE + " bytes, got " + version.length);
        }
        byte[] data = new byte[VERSION_SIZE];
        System.arraycopy(version, 0, data, 0, version.length);
        return data;
    }

    /** GetDebugLog's response data: more_data, data_size, then {@code data}. */
    public static byte[] debugLogData(boolean moreData, byte[] data) {
        if (data.length > MAX_LOG_DATA_SIZE) {
            throw new IllegalArgumentException("GetDebugLog carries at most " + MAX_LOG_DATA_SIZE + " bytes, got " + data.length);
        }
        return ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN).putInt(moreData ? 1 : 0).putInt(data.length)
                .put(data).array();
    }
}
