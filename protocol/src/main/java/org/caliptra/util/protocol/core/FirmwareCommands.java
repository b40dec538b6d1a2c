package org.caliptra.util.protocol.core;

import java.util.List;
import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

/**
 * Firmware images after boot (spec/device.md §3.1, §4.2): FIRMWARE_VERIFY, ACTIVATE_FIRMWARE,
 * GET_MCU_FW_SIZE, RI_DOWNLOAD_FIRMWARE / RI_DOWNLOAD_ENCRYPTED_FIRMWARE and EXTERNAL_MAILBOX_CMD.
 *
 * <p>FIRMWARE_VERIFY's request, like FIRMWARE_LOAD's, is the raw image bundle with no checksum, so
 * there is no request codec: the sender writes the bundle bytes as they are. Its response is framed
 * as usual and decodes with {@link #FIRMWARE_VERIFY_RESPONSE}.
 */
public final class FirmwareCommands {
    private FirmwareCommands() {}

    /** FIRMWARE_VERIFY's answer: {@link #SUCCESS} or {@link #FAILURE} on a conforming device. */
    public record FirmwareVerifyResponse(int verifyResult) {
        public static final int SUCCESS = 0xDEAD_C0DE;
        public static final int FAILURE = 0x2152_3F21;
        public static final FirmwareVerifyResponse VERIFIED = new FirmwareVerifyResponse(SUCCESS);
        public static final FirmwareVerifyResponse REJECTED = new FirmwareVerifyResponse(FAILURE);

        public boolean verified() {
            return verifyResult == SUCCESS;
        }
    }

    /** The fields after H of FIRMWARE_VERIFY's response (directly, or through EXTERNAL_MAILBOX_CMD). */
    public static final Codec<FirmwareVerifyResponse> FIRMWARE_VERIFY_RESPONSE = Codec.fixed(4,
            (v, out) -> out.u32(v.verifyResult()), in -> new FirmwareVerifyResponse(in.u32("verify_result")));

    /**
     * ACTIVATE_FIRMWARE's request: the image ids to activate (the {@code fw_id_count} used entries
     * of {@code fw_ids:u32[128]}), the MCU image size (needed when id {@link #MCU_IMAGE_ID} is
     * listed) and {@code flags}. Unused {@code fw_ids} slots are sent as zero and ignored on
     * receipt. Callers older than runtime 2.1.1 omit {@code flags}; such a request decodes with
     * flags 0, and the encoder always sends it.
     */
    public record ActivateFirmwareRequest(List<Integer> fwIds, int mcuFwImageSize, int flags) {
        public static final int MAX_FW_ID_COUNT = 128;
        public static final int MCU_IMAGE_ID = 2;
        public static final int SOC_IMAGE_ID_START = 3;
        /** flags bit 0: first MCU activation after the encrypted-boot flow (runtime 2.1.1+). */
        public static final int INITIAL_ACTIVATE = 1;

        public ActivateFirmwareRequest {
            fwIds = List.copyOf(fwIds);
            if (fwIds.size() > MAX_FW_ID_COUNT) {
                throw new IllegalArgumentException("fw_ids has at most 128 entries, got " + fwIds.size());
            }
        }
    }

    private static final int ACTIVATE_WITHOUT_FLAGS = 4 + 4 * ActivateFirmwareRequest.MAX_FW_ID_COUNT + 4;

    public static final CommandCodec<ActivateFirmwareRequest, NoFields> ACTIVATE_FIRMWARE = CommandCodec.of(
            CaliptraCommand.ACTIVATE_FIRMWARE,
            Codec.variable(ACTIVATE_WITHOUT_FLAGS, ACTIVATE_WITHOUT_FLAGS + 4, (v, out) -> {
                out.u32(v.fwIds().size());
                Layout.u32s(out, v.fwIds());
                out.zeros(4 * (ActivateFirmwareRequest.MAX_FW_ID_COUNT - v.fwIds().size()));
                out.u32(v.mcuFwImageSize()).u32(v.flags());
            }, in -> {
                int count = in.u32AtMost("fw_id_count", ActivateFirmwareRequest.MAX_FW_ID_COUNT);
                List<Integer> ids = Layout.u32s(in, "fw_ids", count);
                in.skip("fw_ids", 4 * (ActivateFirmwareRequest.MAX_FW_ID_COUNT - count));
                int size = in.u32("mcu_fw_image_size");
                int flags = in.remaining() == 0 ? 0 : in.u32("flags");
                return new ActivateFirmwareRequest(ids, size, flags);
            }),
            NoFields.CODEC);

    /** GET_MCU_FW_SIZE: the MCU image the recovery flow downloaded, its size and SHA-384 (standard order). */
    public record McuFwSize(int size, Octets sha384) {
        public McuFwSize {
            Fields.exactly("sha384", sha384, 48);
        }
    }

    public static final CommandCodec<NoFields, McuFwSize> GET_MCU_FW_SIZE = CommandCodec.of(CaliptraCommand.GET_MCU_FW_SIZE,
            NoFields.CODEC, Codec.fixed(52, (v, out) -> out.u32(v.size()).bytes(v.sha384()),
                    in -> new McuFwSize(in.u32("size"), in.bytes("sha384", 48))));

    /**
     * RI_DOWNLOAD_FIRMWARE: no fields either way and, unlike other commands, no framing either: the
     * MCU ROM writes DLEN 0 (no checksum) and the ROM answers CMD_COMPLETE with no response at all,
     * then pulls the image over the recovery interface. Send the empty request bytes unsealed.
     */
    public static final CommandCodec<NoFields, NoFields> RI_DOWNLOAD_FIRMWARE =
            CommandCodec.of(CaliptraCommand.RI_DOWNLOAD_FIRMWARE, NoFields.CODEC, NoFields.CODEC);
    /** As {@link #RI_DOWNLOAD_FIRMWARE}; the ROM also records the encrypted-firmware boot mode. */
    public static final CommandCodec<NoFields, NoFields> RI_DOWNLOAD_ENCRYPTED_FIRMWARE =
            CommandCodec.of(CaliptraCommand.RI_DOWNLOAD_ENCRYPTED_FIRMWARE, NoFields.CODEC, NoFields.CODEC);

    /**
     * EXTERNAL_MAILBOX_CMD's request: run the command {@code commandId} whose {@code commandSize}
     * request bytes (with their own checksum, unless the command is unframed) sit at the AXI address.
     */
    public record ExternalMailboxCmdRequest(int commandId, int commandSize, int axiAddressStartLow, int axiAddressStartHigh) {
        public static ExternalMailboxCmdRequest of(CaliptraCommand command, int commandSize, long axiAddress) {
            return new ExternalMailboxCmdRequest(command.code(), commandSize, (int) axiAddress, (int) (axiAddress >>> 32));
        }

        public long axiAddress() {
            return Integer.toUnsignedLong(axiAddressStartHigh) << 32 | Integer.toUnsignedLong(axiAddressStartLow);
        }
    }

    public static final Codec<ExternalMailboxCmdRequest> EXTERNAL_MAILBOX_CMD_REQUEST = Codec.fixed(16,
            (v, out) -> out.u32(v.commandId()).u32(v.commandSize()).u32(v.axiAddressStartLow()).u32(v.axiAddressStartHigh()),
            in -> new ExternalMailboxCmdRequest(in.u32("command_id"), in.u32("command_size"), in.u32("axi_address_start_low"),
                    in.u32("axi_address_start_high")));

    /** EXTERNAL_MAILBOX_CMD answers with the wrapped command's response, so its codec depends on that command. */
    public static <R> CommandCodec<ExternalMailboxCmdRequest, R> externalMailboxCmd(Codec<R> wrappedResponse) {
        return CommandCodec.of(CaliptraCommand.EXTERNAL_MAILBOX_CMD, EXTERNAL_MAILBOX_CMD_REQUEST,
                Objects.requireNonNull(wrappedResponse, "wrappedResponse"));
    }

    /** The usual wrapping: FIRMWARE_VERIFY of an image too large for the subsystem mailbox. */
    public static final CommandCodec<ExternalMailboxCmdRequest, FirmwareVerifyResponse> EXTERNAL_FIRMWARE_VERIFY =
            externalMailboxCmd(FIRMWARE_VERIFY_RESPONSE);
}
