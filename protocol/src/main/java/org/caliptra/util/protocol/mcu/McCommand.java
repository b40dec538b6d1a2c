package org.caliptra.util.protocol.mcu;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caliptra.util.protocol.mailbox.FourCc;

/**
 * MCU external (MCI) mailbox command codes, MC_* (spec/device.md §4.5). The code is what goes into
 * the mailbox CMD register.
 */
public enum McCommand {
    MC_FIRMWARE_VERSION(0x4D46_5756),
    MC_DEVICE_CAPABILITIES(0x4D43_4150),
    MC_DEVICE_ID(0x4D44_4944),
    MC_DEVICE_INFO(0x4D44_494E),
    MC_GET_LOG(0x4D47_4C47),
    MC_CLEAR_LOG(0x4D43_4C47),
    MC_EXPORT_ATTESTED_CSR(0x4D45_4143),
    MC_GET_ATTESTATION(0x4D47_4154),
    MC_FIPS_SELF_TEST_START(0x4D46_5354),
    MC_FIPS_SELF_TEST_GET_RESULTS(0x4D46_4752),
    MC_SHA_INIT(0x4D43_5349),
    MC_SHA_UPDATE(0x4D43_5355),
    MC_SHA_FINAL(0x4D43_5346),
    MC_HMAC(0x4D43_484D),
    MC_HMAC_KDF_COUNTER(0x4D43_4B43),
    MC_IMPORT(0x4D43_494D),
    MC_DELETE(0x4D43_444C),
    MC_PROD_DEBUG_UNLOCK_REQ(0x4D50_5552),
    MC_PROD_DEBUG_UNLOCK_TOKEN(0x4D50_5554),
    MC_GET_AUTH_CMD_CHALLENGE(0x4D41_4343),
    MC_DEVICE_OWNERSHIP_TRANSFER(0x0000_0011);

    private static final Map<Integer, McCommand> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(McCommand::code, Function.identity()));

    private final int code;

    McCommand(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<McCommand> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    @Override
    public String toString() {
        return name() + " " + FourCc.describe(code);
    }
}
