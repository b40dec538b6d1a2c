package org.caliptra.util.protocol.core;

import static org.caliptra.util.protocol.codec.CodecChecks.assertMessage;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsResponse;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongRequestSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTrip;
import static org.caliptra.util.protocol.core.FirmwareCommands.ACTIVATE_FIRMWARE;
import static org.caliptra.util.protocol.core.FirmwareCommands.EXTERNAL_FIRMWARE_VERIFY;
import static org.caliptra.util.protocol.core.FirmwareCommands.FIRMWARE_VERIFY_RESPONSE;
import static org.caliptra.util.protocol.core.FirmwareCommands.GET_MCU_FW_SIZE;
import static org.caliptra.util.protocol.core.FirmwareCommands.RI_DOWNLOAD_ENCRYPTED_FIRMWARE;
import static org.caliptra.util.protocol.core.FirmwareCommands.RI_DOWNLOAD_FIRMWARE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.caliptra.util.protocol.core.FirmwareCommands.ActivateFirmwareRequest;
import org.caliptra.util.protocol.core.FirmwareCommands.ExternalMailboxCmdRequest;
import org.caliptra.util.protocol.core.FirmwareCommands.FirmwareVerifyResponse;
import org.caliptra.util.protocol.core.FirmwareCommands.McuFwSize;
import org.junit.jupiter.api.Test;

class FirmwareCommandsTest {
    @Test
    void sizesFollowTheSpecLayouts() {
        // FIRMWARE_VERIFY: H + verify_result:u32.
        assertSizes(FIRMWARE_VERIFY_RESPONSE, 4, 4);
        // ACTIVATE_FIRMWARE: fw_id_count, fw_ids:u32[128], mcu_fw_image_size, then flags (2.1.1+).
        assertSizes(ACTIVATE_FIRMWARE.request(), 4 + 128 * 4 + 4, 4 + 128 * 4 + 4 + 4);
        assertSizes(ACTIVATE_FIRMWARE.response(), 0, 0);
        assertSizes(GET_MCU_FW_SIZE.request(), 0, 0);
        // size:u32, sha384:u8[48].
        assertSizes(GET_MCU_FW_SIZE.response(), 4 + 48, 4 + 48);
        for (var ri : List.of(RI_DOWNLOAD_FIRMWARE, RI_DOWNLOAD_ENCRYPTED_FIRMWARE)) {
            assertSizes(ri.request(), 0, 0);
            assertSizes(ri.response(), 0, 0);
        }
        // command_id, command_size, axi_address_start_low, _high: u32 each.
        assertSizes(EXTERNAL_FIRMWARE_VERIFY.request(), 16, 16);
        assertSizes(EXTERNAL_FIRMWARE_VERIFY.response(), 4, 4);
    }

    @Test
    void commandCodesComeFromTheCatalogue() {
        assertEquals(0x4143_5446, ACTIVATE_FIRMWARE.code());
        assertEquals(0x474D_4653, GET_MCU_FW_SIZE.code());
        assertEquals(0x5249_4644, RI_DOWNLOAD_FIRMWARE.code());
        assertEquals(0x5249_4645, RI_DOWNLOAD_ENCRYPTED_FIRMWARE.code());
        assertEquals(0x4558_544D, EXTERNAL_FIRMWARE_VERIFY.code());
        // The runtime restricts ACTIVATE_FIRMWARE to PL0 (runtime/src/activate_firmware.rs).
        assertTrue(CaliptraCommand.ACTIVATE_FIRMWARE.pl0Only());
    }

    @Test
    void verifyResultVectors() {
        assertArrayEquals(new Wire().hex("DE C0 AD DE").bytes(), FIRMWARE_VERIFY_RESPONSE.encode(FirmwareVerifyResponse.VERIFIED));
        var rejected = FIRMWARE_VERIFY_RESPONSE.decode(new Wire().hex("21 3F 52 21").bytes(), "FIRMWARE_VERIFY response");
        assertEquals(FirmwareVerifyResponse.REJECTED, rejected);
        assertFalse(rejected.verified());
        assertTrue(FirmwareVerifyResponse.VERIFIED.verified());
        randomBytesSurvive(FIRMWARE_VERIFY_RESPONSE, 1);
    }

    @Test
    void activateFirmwareHandVector() {
        var request = new ActivateFirmwareRequest(List.of(2, 0x1000), 0x0002_0000, ActivateFirmwareRequest.INITIAL_ACTIVATE);
        byte[] expected = new Wire().le32(2).le32(2).le32(0x1000).fill(0, 126 * 4).le32(0x0002_0000).le32(1).bytes();
        assertArrayEquals(expected, ACTIVATE_FIRMWARE.encodeRequest(request));
        assertEquals(request, ACTIVATE_FIRMWARE.decodeRequest(expected));
    }

    @Test
    void activateFirmwareWithoutFlagsFromOlderCallers() {
        byte[] old = new Wire().le32(1).le32(3).fill(0, 127 * 4).le32(0).bytes();
        assertEquals(520, old.length);
        assertEquals(new ActivateFirmwareRequest(List.of(3), 0, 0), ACTIVATE_FIRMWARE.decodeRequest(old));
    }

    @Test
    void activateFirmwareRoundTripsFullAndEmptyLists() {
        roundTrip(ACTIVATE_FIRMWARE.request(), new ActivateFirmwareRequest(Collections.nCopies(128, 7), 5, 0));
        roundTrip(ACTIVATE_FIRMWARE.request(), new ActivateFirmwareRequest(List.of(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ActivateFirmwareRequest(Collections.nCopies(129, 3), 0, 0));
    }

    @Test
    void activateFirmwareRejectsBadSizes() {
        byte[] valid = ACTIVATE_FIRMWARE.encodeRequest(new ActivateFirmwareRequest(List.of(3), 0, 0));
        var tooMany = valid.clone();
        tooMany[0] = (byte) 129;
        assertMessage(rejectsRequest(ACTIVATE_FIRMWARE, tooMany),
                "ACTIVATE_FIRMWARE request: field 'fw_id_count' at offset 0 is 129, at most 128");
        assertMessage(rejectsRequest(ACTIVATE_FIRMWARE, Arrays.copyOf(valid, 522)),
                "ACTIVATE_FIRMWARE request: field 'flags' at offset 520 needs 4 bytes, only 2 remain");
        rejectsRequest(ACTIVATE_FIRMWARE, Arrays.copyOf(valid, 519));
        rejectsRequest(ACTIVATE_FIRMWARE, Arrays.copyOf(valid, 525));
    }

    @Test
    void mcuFwSizeHandVectorAndRandomBytes() {
        byte[] expected = new Wire().le32(0x0001_2345).fill(0xAB, 48).bytes();
        var size = new McuFwSize(0x0001_2345, fill(0xAB, 48));
        assertArrayEquals(expected, GET_MCU_FW_SIZE.encodeResponse(size));
        assertEquals(size, GET_MCU_FW_SIZE.decodeResponse(expected));
        randomBytesSurvive(GET_MCU_FW_SIZE.response(), 2);
        assertMessage(rejectsResponse(GET_MCU_FW_SIZE, Arrays.copyOf(expected, 51)),
                "GET_MCU_FW_SIZE response: 51 bytes, expected exactly 52; field 'sha384' at offset 4 needs 48 bytes, only 47 remain");
        assertThrows(IllegalArgumentException.class, () -> new McuFwSize(1, fill(0, 47)));
    }

    @Test
    void riDownloadCarriesNothing() {
        assertArrayEquals(new byte[0], RI_DOWNLOAD_FIRMWARE.encodeRequest(NoFields.INSTANCE));
        assertSame(NoFields.INSTANCE, RI_DOWNLOAD_ENCRYPTED_FIRMWARE.decodeResponse(new byte[0]));
        rejectsRequest(RI_DOWNLOAD_FIRMWARE, new byte[4]);
    }

    @Test
    void externalMailboxCmdWrapsFirmwareVerify() {
        var request = ExternalMailboxCmdRequest.of(CaliptraCommand.FIRMWARE_VERIFY, 0x0004_0000, 0x0000_0001_2000_0000L);
        byte[] expected = new Wire().hex("52 56 57 46").le32(0x0004_0000).le32(0x2000_0000).le32(1).bytes();
        assertArrayEquals(expected, EXTERNAL_FIRMWARE_VERIFY.encodeRequest(request));
        assertEquals(request, EXTERNAL_FIRMWARE_VERIFY.decodeRequest(expected));
        assertEquals(0x0000_0001_2000_0000L, request.axiAddress());
        assertEquals(FirmwareVerifyResponse.VERIFIED, EXTERNAL_FIRMWARE_VERIFY.decodeResponse(new Wire().le32(0xDEAD_C0DEL).bytes()));
        randomBytesSurvive(EXTERNAL_FIRMWARE_VERIFY.request(), 3);
        rejectsWrongRequestSizes(EXTERNAL_FIRMWARE_VERIFY, expected);
        var wrapped = FirmwareCommands.externalMailboxCmd(FirmwareCommands.GET_MCU_FW_SIZE.response());
        assertSame(GET_MCU_FW_SIZE.response(), wrapped.response());
        assertEquals("EXTERNAL_MAILBOX_CMD", wrapped.name());
    }
}
