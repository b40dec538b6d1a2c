package org.caliptra.util.protocol.error;

import static org.caliptra.util.protocol.Generation.V1;
import static org.caliptra.util.protocol.Generation.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.caliptra.util.protocol.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error table against the spec, row by row: every name, code and generation below is copied
 * from the spec by hand (full names where the spec abbreviates, as caliptra-sw error/src/lib.rs
 * spells them), so a slip in the table cannot hide behind the same slip here.
 */
class CaliptraErrorTest {
    /** spec/formats.md §2.3, both columns: NAME CODE GENERATIONS. */
    private static final String FORMATS_2_3 = """
            IMAGE_VERIFIER_ERR_MANIFEST_MARKER_MISMATCH                            0x000B0001 V1 V2
            IMAGE_VERIFIER_ERR_MANIFEST_SIZE_MISMATCH                              0x000B0002 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_INVALID                       0x000B0003 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_FAILURE                       0x000B0004 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH                      0x000B0005 V1 V2
            IMAGE_VERIFIER_ERR_OWNER_PUB_KEY_DIGEST_FAILURE                        0x000B0006 V1 V2
            IMAGE_VERIFIER_ERR_OWNER_PUB_KEY_DIGEST_MISMATCH                       0x000B0007 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_PUB_KEY_INDEX_OUT_OF_BOUNDS              0x000B0008 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_PUB_KEY_REVOKED                          0x000B0009 V1 V2
            IMAGE_VERIFIER_ERR_HEADER_DIGEST_FAILURE                               0x000B000A V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_VERIFY_FAILURE                           0x000B000B V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_SIGNATURE_INVALID                        0x000B000C V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_PUB_KEY_INDEX_MISMATCH                   0x000B000D V1 V2
            IMAGE_VERIFIER_ERR_OWNER_ECC_VERIFY_FAILURE                            0x000B000E V1 V2
            IMAGE_VERIFIER_ERR_OWNER_ECC_SIGNATURE_INVALID                         0x000B000F V1 V2
            IMAGE_VERIFIER_ERR_TOC_ENTRY_COUNT_INVALID                             0x000B0010 V1 V2
            IMAGE_VERIFIER_ERR_TOC_DIGEST_FAILURE                                  0x000B0011 V1 V2
            IMAGE_VERIFIER_ERR_TOC_DIGEST_MISMATCH                                 0x000B0012 V1 V2
            IMAGE_VERIFIER_ERR_FMC_DIGEST_FAILURE                                  0x000B0013 V1 V2
            IMAGE_VERIFIER_ERR_FMC_DIGEST_MISMATCH                                 0x000B0014 V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_DIGEST_FAILURE                              0x000B0015 V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_DIGEST_MISMATCH                             0x000B0016 V1 V2
            IMAGE_VERIFIER_ERR_FMC_RUNTIME_OVERLAP                                 0x000B0017 V1 V2
            IMAGE_VERIFIER_ERR_FMC_RUNTIME_INCORRECT_ORDER                         0x000B0018 V1 V2
            IMAGE_VERIFIER_ERR_OWNER_ECC_PUB_KEY_INVALID_ARG                       0x000B0019 V1 V2
            IMAGE_VERIFIER_ERR_OWNER_ECC_SIGNATURE_INVALID_ARG                     0x000B001A V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_INVALID_ARG                   0x000B001B V1
            IMAGE_VERIFIER_ERR_VENDOR_ECC_PUB_KEY_INVALID_ARG                      0x000B001B V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_SIGNATURE_INVALID_ARG                    0x000B001C V1 V2
            IMAGE_VERIFIER_ERR_UPDATE_RESET_OWNER_DIGEST_FAILURE                   0x000B001D V1 V2
            IMAGE_VERIFIER_ERR_UPDATE_RESET_VENDOR_ECC_PUB_KEY_IDX_MISMATCH        0x000B001E V1 V2
            IMAGE_VERIFIER_ERR_UPDATE_RESET_FMC_DIGEST_MISMATCH                    0x000B001F V1 V2
            IMAGE_VERIFIER_ERR_FMC_LOAD_ADDR_INVALID                               0x000B0021 V1 V2
            IMAGE_VERIFIER_ERR_FMC_LOAD_ADDR_UNALIGNED                             0x000B0022 V1 V2
            IMAGE_VERIFIER_ERR_FMC_ENTRY_POINT_INVALID                             0x000B0023 V1 V2
            IMAGE_VERIFIER_ERR_FMC_ENTRY_POINT_UNALIGNED                           0x000B0024 V1 V2
            IMAGE_VERIFIER_ERR_FMC_SVN_GREATER_THAN_MAX_SUPPORTED                  0x000B0025 V1
            IMAGE_VERIFIER_ERR_FMC_SVN_LESS_THAN_MIN_SUPPORTED                     0x000B0026 V1
            IMAGE_VERIFIER_ERR_FMC_SVN_LESS_THAN_FUSE                              0x000B0027 V1
            IMAGE_VERIFIER_ERR_RUNTIME_LOAD_ADDR_INVALID                           0x000B0028 V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_LOAD_ADDR_UNALIGNED                         0x000B0029 V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_ENTRY_POINT_INVALID                         0x000B002A V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_ENTRY_POINT_UNALIGNED                       0x000B002B V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_SVN_GREATER_THAN_MAX_SUPPORTED              0x000B002C V1
            IMAGE_VERIFIER_ERR_FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED             0x000B002C V2
            IMAGE_VERIFIER_ERR_RUNTIME_SVN_LESS_THAN_MIN_SUPPORTED                 0x000B002D V1
            IMAGE_VERIFIER_ERR_RUNTIME_SVN_LESS_THAN_FUSE                          0x000B002E V1
            IMAGE_VERIFIER_ERR_FIRMWARE_SVN_LESS_THAN_FUSE                         0x000B002E V2
            IMAGE_VERIFIER_ERR_IMAGE_LEN_MORE_THAN_BUNDLE_SIZE                     0x000B002F V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_LMS_PUB_KEY_INDEX_MISMATCH                   0x000B0030 V1
            IMAGE_VERIFIER_ERR_VENDOR_PQC_PUB_KEY_INDEX_MISMATCH                   0x000B0030 V2
            IMAGE_VERIFIER_ERR_VENDOR_LMS_VERIFY_FAILURE                           0x000B0031 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_LMS_PUB_KEY_INDEX_OUT_OF_BOUNDS              0x000B0032 V1
            IMAGE_VERIFIER_ERR_VENDOR_PQC_PUB_KEY_INDEX_OUT_OF_BOUNDS              0x000B0032 V2
            IMAGE_VERIFIER_ERR_VENDOR_LMS_SIGNATURE_INVALID                        0x000B0033 V1 V2
            IMAGE_VERIFIER_ERR_FMC_RUNTIME_LOAD_ADDR_OVERLAP                       0x000B0034 V1 V2
            IMAGE_VERIFIER_ERR_OWNER_LMS_VERIFY_FAILURE                            0x000B0036 V1 V2
            IMAGE_VERIFIER_ERR_OWNER_LMS_SIGNATURE_INVALID                         0x000B0038 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_LMS_PUB_KEY_REVOKED                          0x00B0003A V1
            IMAGE_VERIFIER_ERR_VENDOR_PQC_PUB_KEY_REVOKED                          0x000B003A V2
            IMAGE_VERIFIER_ERR_FMC_SIZE_ZERO                                       0x000B003B V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_SIZE_ZERO                                   0x000B003C V1 V2
            IMAGE_VERIFIER_ERR_UPDATE_RESET_VENDOR_LMS_PUB_KEY_IDX_MISMATCH        0x000B003D V1
            IMAGE_VERIFIER_ERR_UPDATE_RESET_VENDOR_PQC_PUB_KEY_IDX_MISMATCH        0x000B003D V2
            IMAGE_VERIFIER_ERR_FMC_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW     0x000B003E V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_LOAD_ADDRESS_IMAGE_SIZE_ARITHMETIC_OVERFLOW 0x000B003F V1 V2
            IMAGE_VERIFIER_ERR_TOC_ENTRY_RANGE_ARITHMETIC_OVERFLOW                 0x000B0040 V1 V2
            IMAGE_VERIFIER_ERR_DIGEST_OUT_OF_BOUNDS                                0x000B0041 V1 V2
            IMAGE_VERIFIER_ERR_ECC_KEY_DESCRIPTOR_VERSION_MISMATCH                 0x000B0042 V2
            IMAGE_VERIFIER_ERR_ECC_KEY_DESCRIPTOR_HASH_COUNT_GT_MAX                0x000B0043 V2
            IMAGE_VERIFIER_ERR_PQC_KEY_DESCRIPTOR_VERSION_MISMATCH                 0x000B0044 V2
            IMAGE_VERIFIER_ERR_PQC_KEY_DESCRIPTOR_TYPE_MISMATCH                    0x000B0045 V2
            IMAGE_VERIFIER_ERR_PQC_KEY_DESCRIPTOR_HASH_COUNT_GT_MAX                0x000B0046 V2
            IMAGE_VERIFIER_ERR_ECC_KEY_DESCRIPTOR_INVALID_HASH_COUNT               0x000B0047 V2
            IMAGE_VERIFIER_ERR_PQC_KEY_DESCRIPTOR_INVALID_HASH_COUNT               0x000B0048 V2
            IMAGE_VERIFIER_ERR_PQC_KEY_TYPE_INVALID                                0x000B0049 V2
            IMAGE_VERIFIER_ERR_LMS_VENDOR_PUB_KEY_INVALID                          0x000B004A V2
            IMAGE_VERIFIER_ERR_LMS_VENDOR_SIG_INVALID                              0x000B004B V2
            IMAGE_VERIFIER_ERR_LMS_OWNER_PUB_KEY_INVALID                           0x000B004C V2
            IMAGE_VERIFIER_ERR_LMS_OWNER_SIG_INVALID                               0x000B004D V2
            IMAGE_VERIFIER_ERR_MLDSA_VENDOR_PUB_KEY_READ_FAILED                    0x000B004E V2
            IMAGE_VERIFIER_ERR_MLDSA_VENDOR_SIG_READ_FAILED                        0x000B004F V2
            IMAGE_VERIFIER_ERR_MLDSA_OWNER_PUB_KEY_READ_FAILED                     0x000B0050 V2
            IMAGE_VERIFIER_ERR_MLDSA_OWNER_SIG_READ_FAILED                         0x000B0051 V2
            IMAGE_VERIFIER_ERR_VENDOR_MLDSA_MSG_MISSING                            0x000B0052 V2
            IMAGE_VERIFIER_ERR_OWNER_MLDSA_MSG_MISSING                             0x000B0053 V2
            IMAGE_VERIFIER_ERR_VENDOR_MLDSA_VERIFY_FAILURE                         0x000B0054 V2
            IMAGE_VERIFIER_ERR_VENDOR_MLDSA_SIGNATURE_INVALID                      0x000B0055 V2
            IMAGE_VERIFIER_ERR_OWNER_MLDSA_VERIFY_FAILURE                          0x000B0056 V2
            IMAGE_VERIFIER_ERR_OWNER_MLDSA_SIGNATURE_INVALID                       0x000B0057 V2
            IMAGE_VERIFIER_ERR_MLDSA_TYPE_CONVERSION_FAILED                        0x000B0058 V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_PUB_KEY_DIGEST_MISMATCH                  0x000B0059 V2
            IMAGE_VERIFIER_ERR_VENDOR_PQC_PUB_KEY_DIGEST_MISMATCH                  0x000B005A V2
            IMAGE_VERIFIER_ERR_INVALID_PQC_KEY_TYPE_IN_FUSE                        0x000B005B V2
            IMAGE_VERIFIER_ERR_PQC_KEY_TYPE_MISMATCH                               0x000B005C V2
            IMAGE_VERIFIER_ACTIVATION_FAILED                                       0x000B005D V2
            IMAGE_VERIFIER_ERR_DOT_OWNER_PUB_KEY_DIGEST_MISMATCH                   0x000B005E V2
            """;

    /** spec/device.md §3.4 "Selected error codes" (SW2 names; 1.x identical where the name exists). */
    private static final String DEVICE_3_4 = """
            IMAGE_VERIFIER_ERR_MANIFEST_MARKER_MISMATCH                     0x000B0001 V1 V2
            IMAGE_VERIFIER_ERR_MANIFEST_SIZE_MISMATCH                       0x000B0002 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_INVALID                0x000B0003 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH               0x000B0005 V1 V2
            IMAGE_VERIFIER_ERR_OWNER_PUB_KEY_DIGEST_MISMATCH                0x000B0007 V1 V2
            IMAGE_VERIFIER_ERR_VENDOR_ECC_SIGNATURE_INVALID                 0x000B000C V1 V2
            IMAGE_VERIFIER_ERR_TOC_DIGEST_MISMATCH                          0x000B0012 V1 V2
            IMAGE_VERIFIER_ERR_FMC_DIGEST_MISMATCH                          0x000B0014 V1 V2
            IMAGE_VERIFIER_ERR_RUNTIME_DIGEST_MISMATCH                      0x000B0016 V1 V2
            IMAGE_VERIFIER_ERR_IMAGE_LEN_MORE_THAN_BUNDLE_SIZE              0x000B002F V1 V2
            FW_PROC_MANIFEST_READ_FAILURE                                   0x01020001 V1 V2
            FW_PROC_INVALID_IMAGE_SIZE                                      0x01020002 V1 V2
            FW_PROC_MAILBOX_INVALID_COMMAND                                 0x01020004 V1 V2
            FW_PROC_MAILBOX_INVALID_CHECKSUM                                0x01020005 V1 V2
            FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH                          0x01020006 V1 V2
            FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT                     0x01020008 V1 V2
            FW_PROC_MAILBOX_INVALID_PARAMS                                  0x0102000E V2
            ROM_UNKNOWN_RESET_FLOW                                          0x01040020 V1 V2
            DRIVER_ECC384_SCALAR_RANGE_CHECK_FAILED                         0x0005000F V1 V2
            DRIVER_ECC384_KEYGEN_BAD_USAGE                                  0x00050010 V1 V2
            RUNTIME_UNIMPLEMENTED_COMMAND                                   0x000E0002 V1 V2
            RUNTIME_INVALID_CHECKSUM                                        0x000E0005 V1 V2
            RUNTIME_SHUTDOWN                                                0x000E0008 V1 V2
            RUNTIME_MAILBOX_INVALID_PARAMS                                  0x000E0009 V1 V2
            RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL                        0x000E0016 V1 V2
            RUNTIME_LMS_VERIFY_INVALID_LMS_ALGORITHM                        0x000E0043 V1 V2
            RUNTIME_INVALID_AUTH_MANIFEST_MARKER                            0x000E0045 V1 V2
            RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE                 0x000E004E V1 V2
            RUNTIME_GET_IDEV_ID_UNPROVISIONED                               0x000E0051 V1 V2
            RUNTIME_GET_IDEV_ID_UNSUPPORTED_ROM                             0x000E0052 V1 V2
            RUNTIME_CMD_BUSY_DURING_WARM_RESET                              0x000E002B V1 V2
            """;

    /** spec/formats.md §3.4, SET_AUTH_MANIFEST and AUTHORIZE_AND_STASH. */
    private static final String FORMATS_3_4 = """
            RUNTIME_MAILBOX_INVALID_PARAMS                                  0x000E0009 V1 V2
            RUNTIME_AUTH_MANIFEST_PREAMBLE_SIZE_LT_MIN                      0x000E004B V1 V2
            RUNTIME_INVALID_AUTH_MANIFEST_MARKER                            0x000E0045 V1 V2
            RUNTIME_AUTH_MANIFEST_PREAMBLE_SIZE_MISMATCH                    0x000E0046 V1 V2
            IMAGE_VERIFIER_ERR_FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED      0x000B002C V2
            IMAGE_VERIFIER_ERR_FIRMWARE_SVN_LESS_THAN_FUSE                  0x000B002E V2
            RUNTIME_AUTH_MANIFEST_INVALID_PQC_KEY_TYPE                      0x000E008B V2
            RUNTIME_AUTH_MANIFEST_INVALID_PQC_KEY_TYPE_IN_FUSE              0x000E008A V2
            RUNTIME_AUTH_MANIFEST_PQC_KEY_TYPE_MISMATCH                     0x000E008C V2
            RUNTIME_AUTH_MANIFEST_VENDOR_ECC_SIGNATURE_INVALID              0x000E0047 V1 V2
            RUNTIME_AUTH_MANIFEST_VENDOR_LMS_SIGNATURE_INVALID              0x000E0048 V1 V2
            RUNTIME_AUTH_MANIFEST_MLDSA_VENDOR_SIG_INVALID                  0x000E0065 V2
            RUNTIME_AUTH_MANIFEST_MLDSA_VENDOR_PUB_KEY_READ_FAILED          0x000E0063 V2
            RUNTIME_AUTH_MANIFEST_MLDSA_VENDOR_SIG_READ_FAILED              0x000E0064 V2
            RUNTIME_AUTH_MANIFEST_LMS_VENDOR_PUB_KEY_INVALID                0x000E0054 V2
            RUNTIME_AUTH_MANIFEST_OWNER_ECC_SIGNATURE_INVALID               0x000E0049 V1 V2
            RUNTIME_AUTH_MANIFEST_OWNER_LMS_SIGNATURE_INVALID               0x000E004A V1 V2
            RUNTIME_AUTH_MANIFEST_MLDSA_OWNER_SIG_INVALID                   0x000E0068 V2
            RUNTIME_AUTH_MANIFEST_MLDSA_OWNER_PUB_KEY_READ_FAILED           0x000E0066 V2
            RUNTIME_AUTH_MANIFEST_MLDSA_OWNER_SIG_READ_FAILED               0x000E0067 V2
            RUNTIME_AUTH_MANIFEST_LMS_OWNER_PUB_KEY_INVALID                 0x000E0055 V2
            RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_INVALID_SIZE          0x000E004C V1 V2
            RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_INVALID_ENTRY_COUNT   0x000E004D V1 V2
            RUNTIME_AUTH_MANIFEST_IMAGE_METADATA_LIST_DUPLICATE_FIRMWARE_ID 0x000E0053 V1 V2
            RUNTIME_AUTH_AND_STASH_UNSUPPORTED_IMAGE_SOURCE                 0x000E004E V1 V2
            RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL                        0x000E0016 V2
            RUNTIME_AUTH_AND_STASH_MEASUREMENT_DPE_ERROR                    0x000E0050 V1 V2
            """;

    /**
     * Codes named elsewhere: device.md §2.1 (reserved PAUSER), §2.4 (self test), §3.1 (subsystem
     * FIRMWARE_LOAD), the LMS driver note under formats.md §2.3, and the runtime's certificate,
     * verify and PCR commands (caliptra-sw error/src/lib.rs, caliptra-1.2 and main; the LDevID
     * certificate's failure code exists in 1.2 only).
     */
    private static final String ELSEWHERE = """
            FW_PROC_MAILBOX_RESERVED_PAUSER                                 0x01020009 V1 V2
            RUNTIME_CMD_RESERVED_PAUSER                                     0x000E004F V1 V2
            RUNTIME_SELF_TEST_IN_PROGRESS                                   0x000E0011 V1 V2
            RUNTIME_SELF_TEST_NOT_STARTED                                   0x000E0012 V1 V2
            FW_PROC_MAILBOX_FW_LOAD_CMD_IN_SUBSYSTEM_MODE                   0x0102000B V2
            DRIVER_LMS_INVALID_LMS_ALGO_TYPE                                0x000C0001 V1 V2
            DRIVER_LMS_INVALID_TREE_HEIGHT                                  0x000C0006 V1 V2
            DRIVER_LMS_INVALID_Q_VALUE                                      0x000C0007 V1 V2
            DRIVER_LMS_SIGNATURE_LMOTS_DOESNT_MATCH_PUBKEY_LMOTS            0x000C000D V1 V2
            RUNTIME_INSUFFICIENT_MEMORY                                     0x000E0003 V1 V2
            RUNTIME_ECDSA_VERIFY_FAILED                                     0x000E0004 V1 V2
            RUNTIME_GET_IDEVID_CERT_FAILED                                  0x000E000F V1 V2
            RUNTIME_GET_LDEVID_CERT_FAILED                                  0x000E0028 V1
            RUNTIME_GET_FMC_ALIAS_CERT_FAILED                               0x000E0029 V1 V2
            RUNTIME_GET_RT_ALIAS_CERT_FAILED                                0x000E002A V1 V2
            RUNTIME_INCREMENT_PCR_RESET_MAX_REACHED                         0x000E0036 V1 V2
            RUNTIME_PCR_RESERVED                                            0x000E003C V1 V2
            RUNTIME_PCR_INVALID_INDEX                                       0x000E003D V1 V2
            RUNTIME_LMS_VERIFY_FAILED                                       0x000E0042 V1 V2
            RUNTIME_LMS_VERIFY_INVALID_LMOTS_ALGORITHM                      0x000E0044 V1 V2
            RUNTIME_MLDSA_VERIFY_FAILED                                     0x000E006C V2
            FW_PROC_MAILBOX_GET_IDEV_CSR_UNPROVISIONED_CSR                  0x0102000A V2
            ROM_ECDSA_VERIFY_FAILED                                         0x01030002 V2
            ROM_MLDSA_VERIFY_FAILED                                         0x01030003 V2
            RUNTIME_PL0_USED_DPE_CONTEXT_THRESHOLD_EXCEEDED                 0x000E0019 V1 V2
            RUNTIME_PL1_USED_DPE_CONTEXT_THRESHOLD_EXCEEDED                 0x000E001A V1 V2
            RUNTIME_TAGGING_FAILURE                                         0x000E001E V1 V2
            RUNTIME_DUPLICATE_TAG                                           0x000E001F V1 V2
            RUNTIME_CONTEXT_ALREADY_TAGGED                                  0x000E0020 V1 V2
            RUNTIME_DPE_COMMAND_DESERIALIZATION_FAILED                      0x000E0027 V1 V2
            RUNTIME_UNABLE_TO_FIND_DPE_ROOT_CONTEXT                         0x000E0035 V1 V2
            RUNTIME_PL0_USED_DPE_CONTEXT_THRESHOLD_REACHED                  0x000E0037 V1 V2
            RUNTIME_PL1_USED_DPE_CONTEXT_THRESHOLD_REACHED                  0x000E0038 V1 V2
            RUNTIME_DMTF_DEVICE_INFO_VALIDATION_FAILED                      0x000E003E V1 V2
            RUNTIME_CERTIFY_KEY_EXTENDED_FAILED                             0x000E0040 V1 V2
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_KEY_DERIVIATION_FAILED_V1      0x000E0054 V1
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_SIGNATURE_FAILED_V1            0x000E0055 V1
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_INVALID_DIGEST_V1              0x000E0056 V1
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_INVALID_SIGNATURE_V1           0x000E0057 V1
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_KEY_DERIVIATION_FAILED         0x000E0057 V2
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_SIGNATURE_FAILED               0x000E0058 V2
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_INVALID_DIGEST                 0x000E0059 V2
            RUNTIME_SIGN_WITH_EXPORTED_ECDSA_INVALID_SIGNATURE              0x000E005A V2
            RUNTIME_REVOKE_EXPORTED_CDI_HANDLE_NOT_FOUND                    0x000E0060 V2
            RUNTIME_SIGN_WITH_EXPORTED_MLDSA_KEY_DERIVIATION_FAILED         0x000E009C V2
            RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_LESS_THAN_MIN               0x000E0070 V2
            RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_GREATER_THAN_MAX            0x000E0071 V2
            RUNTIME_REALLOCATE_DPE_CONTEXTS_PL0_LESS_THAN_USED              0x000E0072 V2
            RUNTIME_REALLOCATE_DPE_CONTEXTS_PL1_LESS_THAN_USED              0x000E0073 V2
            """;

    /**
     * The cryptographic mailbox (device.md §4.4): the codes its commands answer, as caliptra-sw
     * main error/src/lib.rs names them.
     */
    private static final String CRYPTO_MAILBOX = """
            DRIVER_ECC384_HW_ERROR                                          0x00050011 V2
            RUNTIME_CMB_INVALID_KEY_USAGE_AND_SIZE                          0x000E005D V2
            RUNTIME_CMB_KEY_USAGE_STORAGE_FULL                              0x000E005E V2
            RUNTIME_CMB_NOT_INITIALIZED                                     0x000E005F V2
            RUNTIME_GCM_KEY_USAGE_LIMIT_REACHED                             0x000E006D V2
            RUNTIME_CM_SHAKE256_CONTEXT_MISMATCH                            0x000E008E V2
            RUNTIME_CMB_DMA_SHA384_MISMATCH                                 0x000E008F V2
            RUNTIME_CMB_DMA_NOT_SUBSYSTEM_MODE                              0x000E0092 V2
            DRIVER_TRNG_UPDATE_NOT_SUPPORTED                                0x00100003 V2
            RUNTIME_DRIVER_AES_INVALID_TAG                                  0xA0040011 V2
            RUNTIME_MAILBOX_SIGNATURE_MISMATCH                              0xA0050000 V2
            DOT_INVALID_KEY_TYPE                                            0xA0055000 V2
            CMB_STABLE_OWNER_KEY_NOT_AVAILABLE                              0xA0055001 V2
            CMB_HMAC_INVALID_DEC_CMK                                        0xA0055021 V2
            CMB_HMAC_INVALID_KEY_USAGE                                      0xA0055022 V2
            CMB_HMAC_INVALID_REQ_SIZE                                       0xA0055023 V2
            CMB_HMAC_INVALID_KEY_USAGE_AND_SIZE                             0xA0055024 V2
            CMB_HMAC_UNSUPPORTED_HASH_ALGORITHM                             0xA0055025 V2
            """;

    /** caliptra-mcu-sw runtime/userspace/error codes::MAILBOX_BUSY and mcu-mbox-lib errors.rs (domain 0x06). */
    private static final String MCU_MAILBOX = """
            MCU_MAILBOX_BUSY                                                0x06000001 V2
            MCU_MBOX_BUFFER_TOO_SMALL                                       0x06010003 V2
            MCU_MBOX_INVALID_RESPONSE                                       0x06010005 V2
            MCU_MBOX_COMMON                                                 0x06020002 V2
            MCU_MBOX_NOT_READY                                              0x06020003 V2
            MCU_MBOX_INVALID_PARAMS                                         0x06020004 V2
            MCU_MBOX_UNSUPPORTED_COMMAND                                    0x06020005 V2
            MCU_MBOX_UNAUTHORIZED_COMMAND                                   0x06020006 V2
            """;

    /**
     * The subsystem's debug unlock, field entropy and MCU mailbox codes (caliptra-sw main
     * error/src/lib.rs; caliptra-mcu-sw mcu-mbox-lib errors.rs, McuErrorCode 0x06 0x02 nnnn).
     */
    private static final String SUBSYSTEM = """
            RUNTIME_DEBUG_UNLOCK_INVALID_LIFECYCLE                          0x000E0069 V2
            RUNTIME_DEBUG_UNLOCK_NO_CHALLENGE                               0x000E006A V2
            RUNTIME_DEBUG_UNLOCK_NO_REQUEST                                 0x000E006B V2
            RUNTIME_FE_PROG_ILLEGAL_LIFECYCLE_STATE                         0x000E006E V2
            RUNTIME_FE_PROG_INVALID_PARTITION                               0x000E006F V2
            SS_DBG_UNLOCK_INVALID_REQ_REG_VALUE                             0xA0000000 V2
            SS_DBG_UNLOCK_PROD_INVALID_REQ                                  0xA0000004 V2
            SS_DBG_UNLOCK_PROD_INVALID_LEVEL                                0xA0000005 V2
            SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE                      0xA0000006 V2
            SS_DBG_UNLOCK_PROD_INVALID_TOKEN_WRONG_PUBLIC_KEYS              0xA0000008 V2
            SS_DBG_UNLOCK_PROD_INVALID_TOKEN_INVALID_SIGNATURE              0xA0000009 V2
            SS_DBG_UNLOCK_REQ_BIT_NOT_SET                                   0xA000000B V2
            SS_DBG_UNLOCK_PROD_DISABLED                                     0xA000000C V2
            """;

    /** One name in one generation, as a spec row states it. */
    record Row(String source, String name, int code, Generation generation) {
        @Override
        public String toString() {
            return source + ": " + generation + " " + name + " " + String.format("0x%08X", code);
        }
    }

    private static List<Row> rows(String source, String table) {
        var rows = new ArrayList<Row>();
        for (String line : table.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            int code = Integer.parseUnsignedInt(f[1].substring(2), 16);
            for (int i = 2; i < f.length; i++) {
                rows.add(new Row(source, f[0], code, Generation.valueOf(f[i])));
            }
        }
        return rows;
    }

    static List<Row> allRows() {
        var all = new ArrayList<Row>();
        all.addAll(rows("formats.md §2.3", FORMATS_2_3));
        all.addAll(rows("device.md §3.4", DEVICE_3_4));
        all.addAll(rows("formats.md §3.4", FORMATS_3_4));
        all.addAll(rows("elsewhere", ELSEWHERE));
        all.addAll(rows("device.md §4.4", CRYPTO_MAILBOX));
        all.addAll(rows("caliptra-mcu-sw mailbox errors", MCU_MAILBOX));
        all.addAll(rows("subsystem", SUBSYSTEM));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRows")
    void specRowIsFoundByNameAndByCode(Row row) {
        CaliptraError byName = CaliptraError.byName(row.name()).orElseThrow(() -> new AssertionError("no constant " + row));
        assertEquals(row.code(), byName.code(), row.toString());
        assertTrue(byName.existsIn(row.generation()), row.toString());
        assertEquals(Optional.of(byName), CaliptraError.of(row.code(), row.generation()), row.toString());
        assertTrue(CaliptraError.withCode(row.code()).contains(byName), row.toString());
    }

    @Test
    void tableHoldsExactlyTheSpecRowsWithTheirGenerations() {
        Map<String, Set<Generation>> stated = new TreeMap<>();
        for (Row row : allRows()) {
            stated.computeIfAbsent(row.name(), n -> EnumSet.noneOf(Generation.class)).add(row.generation());
        }
        Map<String, Set<Generation>> table = new TreeMap<>();
        for (CaliptraError e : CaliptraError.values()) {
            table.put(e.name(), e.generations());
        }
        assertEquals(stated, table);
    }

    @Test
    void verifierFamilyMatchesFormats23ColumnByColumn() {
        var formats = rows("formats.md §2.3", FORMATS_2_3);
        for (Generation g : Generation.values()) {
            long column = formats.stream().filter(r -> r.generation() == g).count();
            long table = Arrays.stream(CaliptraError.values())
                    .filter(e -> e.name().startsWith("IMAGE_VERIFIER_") && e.existsIn(g)).count();
            assertEquals(column, table, g.toString());
        }
        assertEquals(61, formats.stream().filter(r -> r.generation() == V1).count());
        assertEquals(86, formats.stream().filter(r -> r.generation() == V2).count());
    }

    @Test
    void aNameWhoseCodeMovedKeepsTheFirmwareNameInBothGenerations() {
        var v1 = CaliptraError.of(0x000E0054, V1).orElseThrow();
        var v2 = CaliptraError.of(0x000E0057, Generation.V2).orElseThrow();
        assertEquals("RUNTIME_SIGN_WITH_EXPORTED_ECDSA_KEY_DERIVIATION_FAILED", v1.firmwareName());
        assertEquals(v1.firmwareName(), v2.firmwareName());
        assertEquals("RUNTIME_SIGN_WITH_EXPORTED_ECDSA_KEY_DERIVIATION_FAILED (0x000E0054)", v1.describe());
        assertEquals("RUNTIME_SIGN_WITH_EXPORTED_ECDSA_INVALID_SIGNATURE / RUNTIME_SIGN_WITH_EXPORTED_ECDSA_KEY_DERIVIATION_FAILED"
                + " (0x000E0057)", CaliptraError.describe(0x000E0057));
    }

    @Test
    void everyNameIsUniqueAndFindsItsOwnConstant() {
        var names = new HashSet<String>();
        for (CaliptraError e : CaliptraError.values()) {
            assertTrue(names.add(e.name()), e.name());
            assertEquals(Optional.of(e), CaliptraError.byName(e.name()));
        }
        assertEquals(Optional.empty(), CaliptraError.byName("RUNTIME_NO_SUCH_ERROR"));
    }

    @Test
    void withinOneGenerationEachCodeHasOneName() {
        for (Generation g : Generation.values()) {
            var seen = new HashMap<Integer, CaliptraError>();
            for (CaliptraError e : CaliptraError.values()) {
                if (e.existsIn(g)) {
                    CaliptraError clash = seen.put(e.code(), e);
                    assertNull(clash, g + ": " + e + " and " + clash);
                }
            }
        }
    }

    @Test
    void codesAreSharedOnlyWhereFormats23RenamesBetweenGenerations() {
        var shared = new TreeMap<Integer, List<CaliptraError>>();
        for (CaliptraError e : CaliptraError.values()) {
            if (CaliptraError.withCode(e.code()).size() > 1) {
                shared.put(e.code(), CaliptraError.withCode(e.code()));
            }
        }
        // formats.md §2.3's renames, and the three codes 2.x gave other names when it moved SIGN_WITH_EXPORTED_ECDSA's up by three.
        assertEquals(Set.of(0x000B001B, 0x000B002C, 0x000B002E, 0x000B0030, 0x000B0032, 0x000B003D, 0x000E0054, 0x000E0055,
                0x000E0057), shared.keySet());
        for (List<CaliptraError> names : shared.values()) {
            assertEquals(2, names.size(), names.toString());
            assertEquals(EnumSet.of(V1), names.get(0).generations(), names.toString());
            assertEquals(EnumSet.of(V2), names.get(1).generations(), names.toString());
        }
    }

    @Test
    void vendorLmsKeyRevokedKeepsThe1xLiteral() {
        assertEquals(List.of(CaliptraError.IMAGE_VERIFIER_ERR_VENDOR_LMS_PUB_KEY_REVOKED), CaliptraError.withCode(0x00B0_003A));
        assertEquals(List.of(CaliptraError.IMAGE_VERIFIER_ERR_VENDOR_PQC_PUB_KEY_REVOKED), CaliptraError.withCode(0x000B_003A));
        assertEquals(Optional.empty(), CaliptraError.of(0x000B_003A, V1));
        assertEquals(Optional.empty(), CaliptraError.of(0x00B0_003A, V2));
        assertEquals("0x00B0003A", CaliptraError.IMAGE_VERIFIER_ERR_VENDOR_LMS_PUB_KEY_REVOKED.hexCode());
    }

    @Test
    void describeNamesTheCodeOrFallsBackToHex() {
        assertEquals("RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", CaliptraError.describe(0x000E_0002));
        assertEquals("RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", CaliptraError.describe(0x000E_0002, V1));
        assertEquals("RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND.describe());
        assertEquals("0x000E0002", CaliptraError.RUNTIME_UNIMPLEMENTED_COMMAND.hexCode());
        assertEquals("IMAGE_VERIFIER_ERR_RUNTIME_SVN_LESS_THAN_FUSE / IMAGE_VERIFIER_ERR_FIRMWARE_SVN_LESS_THAN_FUSE (0x000B002E)",
                CaliptraError.describe(0x000B_002E));
        assertEquals("IMAGE_VERIFIER_ERR_RUNTIME_SVN_LESS_THAN_FUSE (0x000B002E)", CaliptraError.describe(0x000B_002E, V1));
        assertEquals("IMAGE_VERIFIER_ERR_FIRMWARE_SVN_LESS_THAN_FUSE (0x000B002E)", CaliptraError.describe(0x000B_002E, V2));
        assertEquals("IMAGE_VERIFIER_ERR_FMC_SVN_LESS_THAN_FUSE (0x000B0027)", CaliptraError.describe(0x000B_0027));
        assertEquals("0x000B0027", CaliptraError.describe(0x000B_0027, V2), "a 1.x-only code means nothing to a 2.x device");
        assertEquals("0x12345678", CaliptraError.describe(0x1234_5678));
        assertEquals("0x12345678", CaliptraError.describe(0x1234_5678, V2));
        assertEquals("0xFFFFFFFF", CaliptraError.describe(-1));
    }

    @Test
    void unknownCodeIsFoundNowhere() {
        assertEquals(List.of(), CaliptraError.withCode(0x000E_FFFF));
        for (Generation g : Generation.values()) {
            assertEquals(Optional.empty(), CaliptraError.of(0x000E_FFFF, g));
        }
    }
}
