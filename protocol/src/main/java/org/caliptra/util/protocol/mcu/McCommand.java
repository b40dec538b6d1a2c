package org.caliptra.util.protocol.mcu;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caliptra.util.protocol.codec.CommandCode;
import org.caliptra.util.protocol.mailbox.FourCc;

/**
 * MCU external (MCI) mailbox command codes, MC_* (spec/device.md §4.5): the one place they are
 * written. The code is what goes into the MCI mailbox CMD register. Commands the table marks
 * "= CM_*" share the cryptographic mailbox's layouts.
 */
public enum McCommand implements CommandCode {
    MC_FIRMWARE_VERSION(0x4D46_5756),
    MC_DEVICE_CAPABILITIES(0x4D43_4150),
    /** From an older revision of the MCU mailbox API. */
    MC_DEVICE_ID(0x4D44_4944),
    /** From an older revision of the MCU mailbox API. */
    MC_DEVICE_INFO(0x4D44_494E),
    MC_GET_LOG(0x4D47_4C47),
    MC_CLEAR_LOG(0x4D43_4C47),
    MC_EXPORT_ATTESTED_CSR(0x4D45_4143),
    MC_GET_ATTESTATION(0x4D47_4154),
    /** Reserved: not implemented by the reference MCU. */
    MC_GET_CERT_CHAIN(0x4D47_4343),
    /** Reserved: not implemented by the reference MCU. */
    MC_SET_CERT_CHAIN(0x4D53_4343),
    MC_FIPS_SELF_TEST_START(0x4D46_5354),
    MC_FIPS_SELF_TEST_GET_RESULTS(0x4D46_4752),
    MC_FIPS_PERIODIC_ENABLE(0x4D46_5045),
    MC_FIPS_PERIODIC_STATUS(0x4D46_5053),
    MC_SHA_INIT(0x4D43_5349),
    MC_SHA_UPDATE(0x4D43_5355),
    MC_SHA_FINAL(0x4D43_5346),
    MC_HMAC(0x4D43_484D),
    MC_HMAC_KDF_COUNTER(0x4D43_4B43),
    MC_HKDF_EXTRACT(0x4D43_4B54),
    MC_HKDF_EXPAND(0x4D43_4B50),
    MC_AES_ENCRYPT_INIT(0x4D43_4349),
    MC_AES_ENCRYPT_UPDATE(0x4D43_4355),
    MC_AES_DECRYPT_INIT(0x4D43_414A),
    MC_AES_DECRYPT_UPDATE(0x4D43_4155),
    MC_AES_GCM_ENCRYPT_INIT(0x4D43_4749),
    MC_AES_GCM_ENCRYPT_UPDATE(0x4D43_4755),
    MC_AES_GCM_ENCRYPT_FINAL(0x4D43_4746),
    MC_AES_GCM_DECRYPT_INIT(0x4D43_4449),
    MC_AES_GCM_DECRYPT_UPDATE(0x4D43_4455),
    MC_AES_GCM_DECRYPT_FINAL(0x4D43_4446),
    MC_ECDH_GENERATE(0x4D43_4547),
    MC_ECDH_FINISH(0x4D43_4546),
    MC_ECDSA_CMK_PUBLIC_KEY(0x4D43_4550),
    MC_ECDSA_CMK_SIGN(0x4D43_4553),
    MC_ECDSA_CMK_VERIFY(0x4D43_4556),
    MC_MLDSA_CMK_PUBLIC_KEY(0x4D4D_4C50),
    MC_MLDSA_CMK_SIGN(0x4D4D_4C53),
    MC_MLDSA_CMK_VERIFY(0x4D4D_4C56),
    MC_RANDOM_STIR(0x4D43_5253),
    MC_RANDOM_GENERATE(0x4D43_5247),
    MC_IMPORT(0x4D43_494D),
    MC_DELETE(0x4D43_444C),
    MC_CM_STATUS(0x4D43_5354),
    MC_ECDSA384_SIG_VERIFY(0x4D45_4356),
    MC_LMS_SIG_VERIFY(0x4D4C_4D56),
    MC_PROD_DEBUG_UNLOCK_REQ(0x4D50_5552),
    MC_PROD_DEBUG_UNLOCK_TOKEN(0x4D50_5554),
    MC_GET_AUTH_CMD_CHALLENGE(0x4D41_4343),
    MC_FUSE_READ(0x4946_5052),
    MC_FUSE_WRITE(0x4946_5057),
    MC_FUSE_LOCK_PARTITION(0x4946_504B),
    MC_PROVISION_VENDOR_PK_HASH(0x5056_504B),
    MC_PROVISION_OWNER_PK_HASH(0x504F_504B),
    MC_FUSE_INCREASE_CALIPTRA_MIN_SVN(0x4D43_4D53),
    MC_FE_PROG(0x4D43_4650),
    MC_FUSE_REVOKE_VENDOR_PUB_KEY(0x4D52_564B),
    MC_FUSE_REVOKE_VENDOR_PK_HASH(0x5256_4B48),
    /** Device ownership transfer: a FourCC subcommand (MDLK, MDDS, …) leads the payload. */
    MC_DEVICE_OWNERSHIP_TRANSFER(0x0000_0011);

    private static final Map<Integer, McCommand> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(McCommand::code, Function.identity()));

    private final int code;

    McCommand(int code) {
        this.code = code;
    }

    @Override
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
