package org.caliptra.util.protocol.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.CommandCode;

import static org.caliptra.util.protocol.core.Availability.ALL_ROM;
import static org.caliptra.util.protocol.core.Availability.ALL_RT;
import static org.caliptra.util.protocol.core.Availability.PL0;
import static org.caliptra.util.protocol.core.Availability.R1;
import static org.caliptra.util.protocol.core.Availability.R2;
import static org.caliptra.util.protocol.core.Availability.T1;
import static org.caliptra.util.protocol.core.Availability.T2;

/**
 * The Caliptra core mailbox command catalogue (spec/device.md §3.2, §4.1, §4.4): every command code
 * the ROM or runtime of 1.x and 2.x accepts, where it is accepted, and whether the runtime demands
 * the PL0 requester. The one place these codes are written.
 *
 * <p>Constants carry the 2.x names; {@link #legacyName()} gives the 1.x name where it differs. A
 * command whose code changed between generations has a constant per code (ECDSA384_VERIFY is 1.x
 * "SIGV", ECDSA384_SIGNATURE_VERIFY is 2.x "ECV2").
 */
public enum CaliptraCommand implements CommandCode {
    FIRMWARE_LOAD(0x4657_4C44, ALL_ROM | ALL_RT),
    FIRMWARE_VERIFY(0x4657_5652, T2),
    CAPABILITIES(0x4341_5053, ALL_ROM | ALL_RT),
    VERSION(0x4650_5652, ALL_ROM | ALL_RT, "FIPS_VERSION"),
    SELF_TEST_START(0x4650_4C54, ALL_ROM | ALL_RT),
    SELF_TEST_GET_RESULTS(0x4650_4C67, ALL_ROM | ALL_RT),
    SHUTDOWN(0x4650_5344, ALL_ROM | ALL_RT),
    FW_INFO(0x494E_464F, ALL_RT),

    GET_IDEV_ECC384_CERT(0x4944_4543, ALL_RT, "GET_IDEV_CERT"),
    GET_IDEV_ECC384_INFO(0x4944_4549, ALL_RT, "GET_IDEV_INFO"),
    POPULATE_IDEV_ECC384_CERT(0x4944_4550, ALL_RT | PL0, "POPULATE_IDEV_CERT"),
    GET_LDEV_ECC384_CERT(0x4C44_4556, ALL_RT | R2, "GET_LDEV_CERT"),
    GET_FMC_ALIAS_ECC384_CERT(0x4345_5246, ALL_RT, "GET_FMC_ALIAS_CERT"),
    GET_RT_ALIAS_ECC384_CERT(0x4345_5252, ALL_RT, "GET_RT_ALIAS_CERT"),
    GET_IDEV_ECC384_CSR(0x4944_4352, ALL_ROM | ALL_RT, "GET_IDEV_CSR"),
    GET_FMC_ALIAS_ECC384_CSR(0x464D_4352, ALL_RT, "GET_FMC_ALIAS_CSR"),
    GET_IDEV_MLDSA87_CERT(0x4944_4D43, T2),
    GET_IDEV_MLDSA87_INFO(0x4944_4D49, T2),
    GET_IDEV_MLDSA87_CSR(0x4944_4D52, T2 | R2),
    POPULATE_IDEV_MLDSA87_CERT(0x4944_4D50, T2 | PL0),
    GET_LDEV_MLDSA87_CERT(0x4C44_4D43, T2 | R2),
    GET_FMC_ALIAS_MLDSA87_CERT(0x434D_4346, T2),
    GET_FMC_ALIAS_MLDSA87_CSR(0x464D_4452, T2),
    GET_RT_ALIAS_MLDSA87_CERT(0x434D_4352, T2),
    GET_ATTESTED_ECC384_CSR(0x4145_4352, T2),
    GET_ATTESTED_MLDSA87_CSR(0x414D_4352, T2),

    /** 1.x ECDSA-384 verify ("SIGV"): the digest comes from the SHA-512 accelerator. */
    ECDSA384_VERIFY(0x5349_4756, T1),
    /** 2.x ECDSA-384 verify ("ECV2"): the digest travels in the request. */
    ECDSA384_SIGNATURE_VERIFY(0x4543_5632, T2 | R2),
    /** 1.x LMS verify ("LMSV"). */
    LMS_VERIFY(0x4C4D_5356, T1),
    /** 2.x LMS verify ("LMV2"). */
    LMS_SIGNATURE_VERIFY(0x4C4D_5632, T2),
    /** ML-DSA-87 verify of the 1.x maintenance branch ("MDSV"). */
    MLDSA87_VERIFY(0x4D44_5356, T1),
    /** 2.x ML-DSA-87 verify ("MLV2"). */
    MLDSA87_SIGNATURE_VERIFY(0x4D4C_5632, T2 | R2),

    STASH_MEASUREMENT(0x4D45_4153, ALL_ROM | ALL_RT | PL0),
    INVOKE_DPE_ECC384(0x4450_4543, ALL_RT, "INVOKE_DPE"),
    /** INVOKE_DPE_MLDSA87 of the 1.x maintenance branch ("MLDP"). */
    INVOKE_DPE_MLDSA87_V1(0x4D4C_4450, T1, "INVOKE_DPE_MLDSA87"),
    INVOKE_DPE_MLDSA87(0x4450_454D, T2),
    DISABLE_ATTESTATION(0x4453_424C, ALL_RT | PL0),
    /** Reads "TQGT"; the reference comments call it "TAGT". */
    DPE_TAG_TCI(0x5451_4754, ALL_RT),
    DPE_GET_TAGGED_TCI(0x4754_4744, ALL_RT),
    INCREMENT_PCR_RESET_COUNTER(0x5043_5252, ALL_RT),
    QUOTE_PCRS_ECC384(0x5043_5251, ALL_RT, "QUOTE_PCRS"),
    QUOTE_PCRS_MLDSA87(0x5043_524D, T2),
    EXTEND_PCR(0x5043_5245, ALL_RT),
    /** 1.2.4 and later on 1.x. */
    GET_PCR_LOG(0x504C_4F47, ALL_RT),
    ADD_SUBJECT_ALT_NAME(0x414C_544E, ALL_RT),
    CERTIFY_KEY_EXTENDED_ECC384(0x434B_4558, ALL_RT | PL0, "CERTIFY_KEY_EXTENDED"),
    /** CERTIFY_KEY_EXTENDED_MLDSA87 of the 1.x maintenance branch ("CKEM"). */
    CERTIFY_KEY_EXTENDED_MLDSA87_V1(0x434B_454D, T1 | PL0, "CERTIFY_KEY_EXTENDED_MLDSA87"),
    CERTIFY_KEY_EXTENDED_MLDSA87(0x434B_584D, T2 | PL0),
    CERTIFY_KEY_CHUNKS(0x434B_4348, T2),
    SIGN_WITH_EXPORTED_ECDSA(0x5357_4545, ALL_RT | PL0),
    /** On 1.x, the maintenance branch only. */
    SIGN_WITH_EXPORTED_MLDSA(0x5357_4D4C, ALL_RT | PL0),
    REVOKE_EXPORTED_CDI_HANDLE(0x5256_4348, ALL_RT | PL0),
    REALLOCATE_DPE_CONTEXT_LIMITS(0x5243_5458, ALL_RT | PL0),

    /** 1.2 and later on 1.x. */
    SET_AUTH_MANIFEST(0x4154_4D4E, ALL_RT | PL0),
    VERIFY_AUTH_MANIFEST(0x4154_564D, T2),
    SET_OWNER_AUTH_MANIFEST(0x4F41_4D4E, T2),
    /** 1.2 and later on 1.x. */
    AUTHORIZE_AND_STASH(0x4154_5348, ALL_RT),
    GET_IMAGE_INFO(0x494D_4530, T2),
    INSTALL_OWNER_PK_HASH(0x4F57_4E50, T2 | R2),
    ACTIVATE_FIRMWARE(0x4143_5446, T2 | PL0),
    GET_MCU_FW_SIZE(0x474D_4653, T2),
    EXTERNAL_MAILBOX_CMD(0x4558_544D, T2 | PL0),
    RI_DOWNLOAD_FIRMWARE(0x5249_4644, R2),
    RI_DOWNLOAD_ENCRYPTED_FIRMWARE(0x5249_4645, R2),
    FE_PROG(0x4645_5052, T2 | PL0),
    ZEROIZE_UDS_FE(0x5A45_5546, R2),
    OCP_LOCK_REPORT_HEK_METADATA(0x5248_4D54, R2),
    MANUF_DEBUG_UNLOCK_REQ_TOKEN(0x4D44_5554, R2),
    PRODUCTION_AUTH_DEBUG_UNLOCK_REQ(0x5044_5552, R2 | T2),
    PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN(0x5044_5554, R2 | T2),

    /** Post-quantum extras of the 1.x maintenance branch. */
    SET_PQ_SEED(0x5051_5344, T1 | PL0),
    GET_PQ_CSR(0x5051_4353, T1),
    GET_PQ_INFO(0x5051_494E, T1),
    POPULATE_PQ_CERT(0x5050_5143, T1 | PL0),
    GET_PQ_CERT(0x4750_5143, T1),

    CM_IMPORT(0x434D_494D, T2),
    CM_DELETE(0x434D_444C, T2),
    CM_CLEAR(0x434D_434C, T2),
    CM_STATUS(0x434D_5354, T2),
    /** One-shot SHA, ROM only. */
    CM_SHA(0x434D_5348, R2),
    CM_SHA_INIT(0x434D_5349, T2),
    CM_SHA_UPDATE(0x434D_5355, T2),
    CM_SHA_FINAL(0x434D_5346, T2),
    CM_SHAKE256_INIT(0x434D_5849, T2),
    CM_SHAKE256_UPDATE(0x434D_5855, T2),
    CM_SHAKE256_FINAL(0x434D_5846, T2),
    CM_HMAC(0x434D_484D, T2 | R2),
    CM_HMAC_KDF_COUNTER(0x434D_4B43, T2),
    CM_HKDF_EXTRACT(0x434D_4B54, T2),
    CM_HKDF_EXPAND(0x434D_4B50, T2),
    CM_RANDOM_GENERATE(0x434D_5247, T2 | R2),
    CM_RANDOM_STIR(0x434D_5253, T2),
    CM_AES_ENCRYPT_INIT(0x434D_4149, T2),
    CM_AES_ENCRYPT_UPDATE(0x434D_4155, T2),
    CM_AES_DECRYPT_INIT(0x434D_414A, T2),
    CM_AES_DECRYPT_UPDATE(0x434D_4156, T2),
    CM_AES_GCM_ENCRYPT_INIT(0x434D_4749, T2),
    CM_AES_GCM_SPDM_ENCRYPT_INIT(0x434D_5345, T2),
    CM_AES_GCM_ENCRYPT_UPDATE(0x434D_4755, T2),
    CM_AES_GCM_ENCRYPT_FINAL(0x434D_4746, T2),
    CM_AES_GCM_DECRYPT_INIT(0x434D_4449, T2),
    CM_AES_GCM_SPDM_DECRYPT_INIT(0x434D_5344, T2),
    CM_AES_GCM_DECRYPT_UPDATE(0x434D_4455, T2),
    CM_AES_GCM_DECRYPT_FINAL(0x434D_4446, T2),
    CM_AES_GCM_DECRYPT_DMA(0x434D_4444, T2),
    CM_ECDH_GENERATE(0x434D_4547, T2),
    CM_ECDH_FINISH(0x434D_4546, T2),
    CM_ECDSA_PUBLIC_KEY(0x434D_4550, T2),
    CM_ECDSA_SIGN(0x434D_4553, T2),
    CM_ECDSA_VERIFY(0x434D_4556, T2),
    CM_MLDSA_PUBLIC_KEY(0x434D_4D50, T2),
    CM_MLDSA_SIGN(0x434D_4D53, T2),
    CM_MLDSA_VERIFY(0x434D_4D56, T2),
    CM_MLKEM_KEY_GEN(0x434D_4C4B, T2),
    CM_MLKEM_ENCAPSULATE(0x434D_4C45, T2),
    CM_MLKEM_DECAPSULATE(0x434D_4C44, T2),
    /** The code reads "IMDS"; the runtime README's 0x434D_4453 "CMDS" is not what the code accepts. */
    CM_DERIVE_STABLE_KEY(0x494D_4453, T2 | R2);

    /** Where a command is accepted. */
    public enum Stage { ROM, RUNTIME }

    private static final Map<Integer, CaliptraCommand> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CaliptraCommand::code, Function.identity()));

    private final int code;
    private final int flags;
    private final String legacyName;

    CaliptraCommand(int code, int flags) {
        this(code, flags, null);
    }

    CaliptraCommand(int code, int flags, String legacyName) {
        this.code = code;
        this.flags = flags;
        this.legacyName = legacyName;
    }

    @Override
    public int code() {
        return code;
    }

    /** The 1.x name where it differs (GET_IDEV_CERT for GET_IDEV_ECC384_CERT). */
    public Optional<String> legacyName() {
        return Optional.ofNullable(legacyName);
    }

    /** The name a generation's documentation uses. */
    public String nameIn(Generation generation) {
        return generation == Generation.V1 && legacyName != null ? legacyName : name();
    }

    public boolean acceptedBy(Generation generation, Stage stage) {
        int bit = stage == Stage.ROM ? (generation == Generation.V1 ? R1 : R2) : (generation == Generation.V1 ? T1 : T2);
        return (flags & bit) != 0;
    }

    public boolean existsIn(Generation generation) {
        return acceptedBy(generation, Stage.ROM) || acceptedBy(generation, Stage.RUNTIME);
    }

    /** Whether the runtime accepts it only from the PL0 requester (the manifest's pl0_pauser). */
    public boolean pl0Only() {
        return (flags & PL0) != 0;
    }

    public static Optional<CaliptraCommand> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
