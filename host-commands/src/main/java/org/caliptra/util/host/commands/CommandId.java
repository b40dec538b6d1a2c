package org.caliptra.util.host.commands;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Internal command ids of the host library (spec/hostlib.md §2.1): what the session and every
 * transport key their dispatch on, independent of any one wire encoding. Every id of the
 * reference's {@code CaliptraCommandId}, including those no transport carries, plus GetDeviceId and
 * GetDeviceInfo of the older MCU mailbox revision. The one place these values are written.
 *
 * <p>Ids 0x2030–0x203F ({@link #extension()}) are this library's extensions, not the
 * reference's: the cryptographic mailbox's random number service and status (RandomGenerate,
 * RandomStir, CmStatus), which every 2.x device serves (CM_* on the core, MC_* relayed by the MCU) but
 * §2.1 does not number. They sit in the crypto block 0x2xxx, clear of the reference's hash
 * (0x2001–0x2003) and HMAC/key (0x2013–0x2016) ranges, so a later reference id is unlikely to meet them.
 */
public enum CommandId {
    GET_FIRMWARE_VERSION(0x0001, "GetFirmwareVersion"),
    GET_DEVICE_CAPABILITIES(0x0002, "GetDeviceCapabilities"),
    GET_DEVICE_ID(0x0003, "GetDeviceId"),
    GET_DEVICE_INFO(0x0004, "GetDeviceInfo"),

    GET_IDEVID_CERT(0x1001, "GetIdevidCert"),
    GET_LDEVID_CERT(0x1002, "GetLdevidCert"),
    GET_FMC_ALIAS_CERT(0x1003, "GetFmcAliasCert"),
    GET_RT_ALIAS_CERT(0x1004, "GetRtAliasCert"),
    EXPORT_ATTESTED_CSR(0x1005, "ExportAttestedCsr"),
    EXPORT_IDEVID_CSR(0x1006, "ExportIdevidCsr"),
    GET_ATTESTATION(0x1007, "GetAttestation"),
    GET_CERT_CHAIN(0x1010, "GetCertChain"),
    STORE_CERTIFICATE(0x1011, "StoreCertificate"),
    GET_CERTIFICATE(0x1012, "GetCertificate"),
    SET_CERTIFICATE(0x1013, "SetCertificate"),

    HASH_INIT(0x2001, "HashInit"),
    HASH_UPDATE(0x2002, "HashUpdate"),
    HASH_FINALIZE(0x2003, "HashFinalize"),
    HMAC(0x2013, "Hmac"),
    HMAC_KDF_COUNTER(0x2014, "HmacKdfCounter"),
    IMPORT(0x2015, "Import"),
    DELETE(0x2016, "Delete"),
    /** Extension: CM_RANDOM_GENERATE / MC_RANDOM_GENERATE. */
    RANDOM_GENERATE(0x2030, "RandomGenerate"),
    /** Extension: CM_RANDOM_STIR / MC_RANDOM_STIR. */
    RANDOM_STIR(0x2031, "RandomStir"),
    /** Extension: CM_STATUS / MC_CM_STATUS. */
    CM_STATUS(0x2032, "CmStatus"),

    AES_ENCRYPT_INIT(0x3001, "AesEncryptInit"),
    AES_ENCRYPT_UPDATE(0x3002, "AesEncryptUpdate"),
    AES_DECRYPT_INIT(0x3003, "AesDecryptInit"),
    AES_DECRYPT_UPDATE(0x3004, "AesDecryptUpdate"),
    AES_GCM_ENCRYPT_INIT(0x3010, "AesGcmEncryptInit"),
    AES_GCM_ENCRYPT_UPDATE(0x3011, "AesGcmEncryptUpdate"),
    AES_GCM_ENCRYPT_FINAL(0x3012, "AesGcmEncryptFinal"),
    AES_GCM_DECRYPT_INIT(0x3013, "AesGcmDecryptInit"),
    AES_GCM_DECRYPT_UPDATE(0x3014, "AesGcmDecryptUpdate"),
    AES_GCM_DECRYPT_FINAL(0x3015, "AesGcmDecryptFinal"),

    ECDSA_SIGN(0x4001, "EcdsaSign"),
    ECDSA_VERIFY(0x4002, "EcdsaVerify"),
    ECDH_GENERATE(0x4003, "EcdhGenerate"),
    ECDSA_PUBLIC_KEY(0x4004, "EcdsaPublicKey"),
    ECDH_FINISH(0x4005, "EcdhFinish"),
    LMS_KEYGEN(0x4010, "LmsKeygen"),
    LMS_SIGN(0x4011, "LmsSign"),
    LMS_VERIFY(0x4012, "LmsVerify"),
    MLDSA_KEYGEN(0x4020, "MldsaKeygen"),
    MLDSA_SIGN(0x4021, "MldsaSign"),
    MLDSA_VERIFY(0x4022, "MldsaVerify"),

    DEBUG_ECHO(0x7001, "DebugEcho"),
    DEBUG_GET_STATUS(0x7002, "DebugGetStatus"),
    DEBUG_READ_MEMORY(0x7003, "DebugReadMemory"),
    DEBUG_WRITE_MEMORY(0x7004, "DebugWriteMemory"),
    DEBUG_GET_LOG(0x7005, "DebugGetLog"),
    DEBUG_SET_CONFIG(0x7006, "DebugSetConfig"),
    DEBUG_RESET(0x7007, "DebugReset"),
    DEBUG_CLEAR_LOG(0x7008, "DebugClearLog"),
    PROD_DEBUG_UNLOCK_REQ(0x7010, "ProdDebugUnlockReq"),
    PROD_DEBUG_UNLOCK_TOKEN(0x7011, "ProdDebugUnlockToken"),

    FUSE_READ(0x8001, "FuseRead"),
    FUSE_WRITE(0x8002, "FuseWrite"),
    FUSE_LOCK(0x8003, "FuseLock"),
    FUSE_GET_INFO(0x8004, "FuseGetInfo"),
    FUSE_PROVISION(0x8005, "FuseProvision"),
    FUSE_GET_MANIFEST(0x8006, "FuseGetManifest"),
    GET_AUTH_CMD_CHALLENGE(0x8010, "GetAuthCmdChallenge"),
    FE_PROG(0x8011, "FeProg"),
    PROVISION_VENDOR_PK_HASH(0x8012, "ProvisionVendorPkHash"),
    FUSE_INCREASE_CALIPTRA_MIN_SVN(0x8013, "FuseIncreaseCaliptraMinSvn"),
    FUSE_REVOKE_VENDOR_PUB_KEY(0x8014, "FuseRevokeVendorPubKey"),
    FUSE_REVOKE_VENDOR_PK_HASH(0x8015, "FuseRevokeVendorPkHash"),
    FUSE_LOCK_PARTITION(0x8016, "FuseLockPartition"),
    PROVISION_OWNER_PK_HASH(0x8017, "ProvisionOwnerPkHash"),

    DOT_LOCK(0x8020, "DotLock"),
    DOT_DISABLE(0x8021, "DotDisable"),
    DOT_UNLOCK_CHALLENGE(0x8022, "DotUnlockChallenge"),
    DOT_UNLOCK(0x8023, "DotUnlock"),
    DOT_ROTATE(0x8024, "DotRotate"),
    GET_DOT_BACKUP_BLOB(0x8025, "GetDotBackupBlob"),
    DOT_STATUS(0x8026, "DotStatus"),
    DOT_RECOVERY(0x8027, "DotRecovery"),
    DOT_OVERRIDE_CHALLENGE(0x8028, "DotOverrideChallenge"),
    DOT_OVERRIDE(0x8029, "DotOverride");

    /** The block of ids this library adds to the reference's (inclusive). */
    public static final int EXTENSION_FIRST = 0x2030;
    public static final int EXTENSION_LAST = 0x203F;

    private static final Map<Integer, CommandId> BY_VALUE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CommandId::value, Function.identity()));

    private final int value;
    private final String commandName;

    CommandId(int value, String commandName) {
        this.value = value;
        this.commandName = commandName;
    }

    public int value() {
        return value;
    }

    /** The reference's name, e.g. "GetFirmwareVersion". */
    public String commandName() {
        return commandName;
    }

    /** "GetFirmwareVersion (0x0001)". */
    public String describe() {
        return describe(value, commandName);
    }

    static String describe(int id, String name) {
        return name + " (" + hex4(id) + ")";
    }

    /** "0x0003": without String.format, which the CLI's first command would pay to load. */
    static String hex4(int id) {
        String hex = Integer.toHexString(id).toUpperCase(java.util.Locale.ROOT);
        return "0x" + "0000".substring(Math.min(4, hex.length())) + hex;
    }

    /** Whether this id is one of this library's extensions rather than the reference's (spec/hostlib.md §2.1). */
    public boolean extension() {
        return value >= EXTENSION_FIRST && value <= EXTENSION_LAST;
    }

    public static Optional<CommandId> fromValue(int value) {
        return Optional.ofNullable(BY_VALUE.get(value));
    }
}
