package org.caliptra.util.emulator.mcu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mctp.VdmCommonCommands;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;

/**
 * The MCU's MCTP-VDM responder (spec/hostlib.md §4.1–§4.2), with the reference's checks in its
 * order (caliptra-mcu-sw {@code mctp-vdm-lib/src/cmd_interface.rs}): a message shorter than the
 * 6-byte header is INVALID_LENGTH (command echo 0); another vendor's id, a response or non-zero
 * reserved control bits INVALID_PARAMETER; a command other than 0x01–0x04 UNSUPPORTED_OPERATION; a
 * payload of the wrong length INVALID_LENGTH. FirmwareVersion and DeviceCapabilities answer their
 * full layout even when they fail (zero version / caps after the code); every other failure is the
 * 10-byte header and code. Version, capabilities and the log are the MCU mailbox's own.
 */
final class VdmResponder {
    private static final int CONTROL_REQUEST = 0x80;

    private final DeviceInformation information;
    private final DeviceLog log;

    VdmResponder(DeviceInformation information, DeviceLog log) {
        this.information = information;
        this.log = log;
    }

    /** One request message (from the IANA id on) to its response message; never throws for bad input. */
    Result exchange(byte[] request) {
        if (request.length < VdmMessage.HEADER_SIZE) {
            return failure(0, VdmCompletionCode.INVALID_LENGTH);
        }
        int command = request[5] & 0xFF;
        int iana = ByteBuffer.wrap(request, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        int control = request[4] & 0xFF;
        if (iana != VdmMessage.IANA_OCP || control != CONTROL_REQUEST) {
            return failure(command, VdmCompletionCode.INVALID_PARAMETER);
        }
        int expected = VdmCommonCommands.requestPayloadSize(command);
        if (expected < 0) {
            return failure(command, VdmCompletionCode.UNSUPPORTED_OPERATION);
        }
        if (request.length - VdmMessage.HEADER_SIZE != expected) {
            return failure(command, VdmCompletionCode.INVALID_LENGTH);
        }
        if (command == ExternalCommand.FIRMWARE_VERSION.commandCode()) {
            int index = ByteBuffer.wrap(request, VdmMessage.HEADER_SIZE, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            try {
                byte[] version = information.firmwareVersion(index).getBytes(StandardCharsets.US_ASCII);
                return success(command, VdmCommonCommands.firmwareVersionData(version));
            } catch (CommonCommandException e) {
                return new Result(response(command, e.completionCode(), new byte[VdmCommonCommands.VERSION_SIZE]), describe(e));
            }
        }
        if (command == ExternalCommand.DEVICE_CAPABILITIES.commandCode()) {
            try {
                return success(command, information.capabilities().caps().toByteArray());
            } catch (CommonCommandException e) {
                return new Result(response(command, e.completionCode(), new byte[DeviceCapabilities.SIZE]), describe(e));
            }
        }
        if (command == ExternalCommand.GET_DEBUG_LOG.commandCode()) {
            var page = log.drain(VdmCommonCommands.MAX_LOG_DATA_SIZE);
            return success(command, VdmCommonCommands.debugLogData(page.moreData(), page.data()));
        }
        log.clear();
        return success(command, new byte[0]);
    }

    /** The response, and what went wrong when it carries a failure (for the device log). */
    record Result(byte[] message, String failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    private static String describe(CommonCommandException e) {
        return e.completionCode().name() + ": " + e.getMessage();
    }

    private static Result success(int command, byte[] data) {
        return new Result(response(command, VdmCompletionCode.SUCCESS, data), null);
    }

    private static Result failure(int command, VdmCompletionCode code) {
        return new Result(VdmMessage.Response.failure(command, code).encode(), code.name());
    }

    private static byte[] response(int command, VdmCompletionCode code, byte[] data) {
        return new VdmMessage.Response(command, code.value(), Octets.of(data)).encode();
    }
}
