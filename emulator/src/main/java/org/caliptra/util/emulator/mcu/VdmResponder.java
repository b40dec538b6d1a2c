package org.caliptra.util.emulator.mcu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mctp.VdmCommands;
import org.caliptra.util.protocol.mctp.VdmCommands.VdmCommand;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;

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
        var known = VdmCommand.fromCode(command);
        if (known.isEmpty()) {
            return failure(command, VdmCompletionCode.UNSUPPORTED_OPERATION);
        }
        byte[] payload = Arrays.copyOfRange(request, VdmMessage.HEADER_SIZE, request.length);
        return switch (known.get()) {
            case VDM_FIRMWARE_VERSION -> answer(VdmCommands.VDM_FIRMWARE_VERSION, payload,
                    q -> VdmCommands.FirmwareVersion.of(information.firmwareVersion(q.areaIndex())),
                    VdmCommands.FirmwareVersion.of(""));
            case VDM_DEVICE_CAPABILITIES -> answer(VdmCommands.VDM_DEVICE_CAPABILITIES, payload, q -> information.capabilities(),
                    new DeviceCapabilities(Octets.zeros(DeviceCapabilities.SIZE)));
            case VDM_GET_DEBUG_LOG -> answer(VdmCommands.VDM_GET_DEBUG_LOG, payload, q -> {
                var page = log.drain(VdmCommands.MAX_LOG_DATA);
                return new VdmCommands.DebugLog(page.moreData() ? 1 : 0, Octets.of(page.data()));
            }, null);
            case VDM_CLEAR_DEBUG_LOG -> answer(VdmCommands.VDM_CLEAR_DEBUG_LOG, payload, q -> {
                log.clear();
                return NoFields.INSTANCE;
            }, null);
        };
    }

    /**
     * Decodes the payload with {@code codec} (a wrong length is INVALID_LENGTH), runs {@code handler}
     * and encodes its answer. A command whose failure still carries its layout (FirmwareVersion,
     * DeviceCapabilities) names the all-zero answer that follows the code; others fail with the code alone.
     */
    private static <Q, R> Result answer(CommandCodec<Q, R> codec, byte[] payload, Function<Q, R> handler, R failureBody) {
        Q request;
        try {
            request = codec.decodeRequest(payload);
        } catch (ProtocolException e) {
            return failure(codec.code(), VdmCompletionCode.INVALID_LENGTH);
        }
        try {
            return success(codec.code(), codec.encodeResponse(handler.apply(request)));
        } catch (CommonCommandException e) {
            byte[] body = failureBody == null ? new byte[0] : codec.encodeResponse(failureBody);
            return new Result(response(codec.code(), e.completionCode(), body), describe(e));
        }
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
