/*
 * caliptra_top_reg.h - SoC-visible Caliptra 1.x registers for the hw-model C API (1.x header set).
 *
 * As the caliptra-1.x RTL names them. CALIPTRA_TOP_REG_* are absolute SoC (APB) addresses:
 * mbox_csr at 0x3002_0000, the SHA-512 accelerator at 0x3002_1000, soc_ifc
 * (generic_and_fuse_reg) at 0x3003_0000; MBOX_CSR_*, SHA512_ACC_CSR_* and GENERIC_AND_FUSE_REG_*
 * are offsets within their block, so BLOCK_BASE_ADDR + offset is the address to access.
 *
 * Written from the register map of spec/device.md §1 (see docs/c-abi.md); each block-relative
 * group sits in #ifndef so another header defining the same names can be included too.
 */
#ifndef CALIPTRA_TOP_REG_HEADER
#define CALIPTRA_TOP_REG_HEADER

#define CALIPTRA_TOP_REG_BASE_ADDR                                                           (0x30000000)
#define CALIPTRA_TOP_REG_MBOX_CSR_BASE_ADDR                                                  (0x30020000)
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_LOCK                                                  (0x30020000)
#ifndef MBOX_CSR_MBOX_LOCK
#define MBOX_CSR_MBOX_LOCK                                                                   (0x0)
#define MBOX_CSR_MBOX_LOCK_LOCK_LOW                                                          (0)
#define MBOX_CSR_MBOX_LOCK_LOCK_MASK                                                         (0x1)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_USER                                                  (0x30020004)
#ifndef MBOX_CSR_MBOX_USER
#define MBOX_CSR_MBOX_USER                                                                   (0x4)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_CMD                                                   (0x30020008)
#ifndef MBOX_CSR_MBOX_CMD
#define MBOX_CSR_MBOX_CMD                                                                    (0x8)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_DLEN                                                  (0x3002000c)
#ifndef MBOX_CSR_MBOX_DLEN
#define MBOX_CSR_MBOX_DLEN                                                                   (0xc)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_DATAIN                                                (0x30020010)
#ifndef MBOX_CSR_MBOX_DATAIN
#define MBOX_CSR_MBOX_DATAIN                                                                 (0x10)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_DATAOUT                                               (0x30020014)
#ifndef MBOX_CSR_MBOX_DATAOUT
#define MBOX_CSR_MBOX_DATAOUT                                                                (0x14)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_EXECUTE                                               (0x30020018)
#ifndef MBOX_CSR_MBOX_EXECUTE
#define MBOX_CSR_MBOX_EXECUTE                                                                (0x18)
#define MBOX_CSR_MBOX_EXECUTE_EXECUTE_LOW                                                    (0)
#define MBOX_CSR_MBOX_EXECUTE_EXECUTE_MASK                                                   (0x1)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_STATUS                                                (0x3002001c)
#ifndef MBOX_CSR_MBOX_STATUS
#define MBOX_CSR_MBOX_STATUS                                                                 (0x1c)
#define MBOX_CSR_MBOX_STATUS_STATUS_LOW                                                      (0)
#define MBOX_CSR_MBOX_STATUS_STATUS_MASK                                                     (0xf)
#define MBOX_CSR_MBOX_STATUS_ECC_SINGLE_ERROR_LOW                                            (4)
#define MBOX_CSR_MBOX_STATUS_ECC_SINGLE_ERROR_MASK                                           (0x10)
#define MBOX_CSR_MBOX_STATUS_ECC_DOUBLE_ERROR_LOW                                            (5)
#define MBOX_CSR_MBOX_STATUS_ECC_DOUBLE_ERROR_MASK                                           (0x20)
#define MBOX_CSR_MBOX_STATUS_MBOX_FSM_PS_LOW                                                 (6)
#define MBOX_CSR_MBOX_STATUS_MBOX_FSM_PS_MASK                                                (0x1c0)
#define MBOX_CSR_MBOX_STATUS_SOC_HAS_LOCK_LOW                                                (9)
#define MBOX_CSR_MBOX_STATUS_SOC_HAS_LOCK_MASK                                               (0x200)
#define MBOX_CSR_MBOX_STATUS_MBOX_RDPTR_LOW                                                  (10)
#define MBOX_CSR_MBOX_STATUS_MBOX_RDPTR_MASK                                                 (0x1fffc00)
#endif
#define CALIPTRA_TOP_REG_MBOX_CSR_MBOX_UNLOCK                                                (0x30020020)
#ifndef MBOX_CSR_MBOX_UNLOCK
#define MBOX_CSR_MBOX_UNLOCK                                                                 (0x20)
#define MBOX_CSR_MBOX_UNLOCK_UNLOCK_LOW                                                      (0)
#define MBOX_CSR_MBOX_UNLOCK_UNLOCK_MASK                                                     (0x1)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_BASE_ADDR                                            (0x30021000)
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_LOCK                                                 (0x30021000)
#ifndef SHA512_ACC_CSR_LOCK
#define SHA512_ACC_CSR_LOCK                                                                  (0x0)
#define SHA512_ACC_CSR_LOCK_LOCK_LOW                                                         (0)
#define SHA512_ACC_CSR_LOCK_LOCK_MASK                                                        (0x1)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_USER                                                 (0x30021004)
#ifndef SHA512_ACC_CSR_USER
#define SHA512_ACC_CSR_USER                                                                  (0x4)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_MODE                                                 (0x30021008)
#ifndef SHA512_ACC_CSR_MODE
#define SHA512_ACC_CSR_MODE                                                                  (0x8)
#define SHA512_ACC_CSR_MODE_MODE_LOW                                                         (0)
#define SHA512_ACC_CSR_MODE_MODE_MASK                                                        (0x3)
#define SHA512_ACC_CSR_MODE_ENDIAN_TOGGLE_LOW                                                (2)
#define SHA512_ACC_CSR_MODE_ENDIAN_TOGGLE_MASK                                               (0x4)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_START_ADDRESS                                        (0x3002100c)
#ifndef SHA512_ACC_CSR_START_ADDRESS
#define SHA512_ACC_CSR_START_ADDRESS                                                         (0xc)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DLEN                                                 (0x30021010)
#ifndef SHA512_ACC_CSR_DLEN
#define SHA512_ACC_CSR_DLEN                                                                  (0x10)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DATAIN                                               (0x30021014)
#ifndef SHA512_ACC_CSR_DATAIN
#define SHA512_ACC_CSR_DATAIN                                                                (0x14)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_EXECUTE                                              (0x30021018)
#ifndef SHA512_ACC_CSR_EXECUTE
#define SHA512_ACC_CSR_EXECUTE                                                               (0x18)
#define SHA512_ACC_CSR_EXECUTE_EXECUTE_LOW                                                   (0)
#define SHA512_ACC_CSR_EXECUTE_EXECUTE_MASK                                                  (0x1)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_STATUS                                               (0x3002101c)
#ifndef SHA512_ACC_CSR_STATUS
#define SHA512_ACC_CSR_STATUS                                                                (0x1c)
#define SHA512_ACC_CSR_STATUS_VALID_LOW                                                      (0)
#define SHA512_ACC_CSR_STATUS_VALID_MASK                                                     (0x1)
#define SHA512_ACC_CSR_STATUS_SOC_HAS_LOCK_LOW                                               (1)
#define SHA512_ACC_CSR_STATUS_SOC_HAS_LOCK_MASK                                              (0x2)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_0                                             (0x30021020)
#ifndef SHA512_ACC_CSR_DIGEST_0
#define SHA512_ACC_CSR_DIGEST_0                                                              (0x20)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_1                                             (0x30021024)
#ifndef SHA512_ACC_CSR_DIGEST_1
#define SHA512_ACC_CSR_DIGEST_1                                                              (0x24)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_2                                             (0x30021028)
#ifndef SHA512_ACC_CSR_DIGEST_2
#define SHA512_ACC_CSR_DIGEST_2                                                              (0x28)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_3                                             (0x3002102c)
#ifndef SHA512_ACC_CSR_DIGEST_3
#define SHA512_ACC_CSR_DIGEST_3                                                              (0x2c)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_4                                             (0x30021030)
#ifndef SHA512_ACC_CSR_DIGEST_4
#define SHA512_ACC_CSR_DIGEST_4                                                              (0x30)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_5                                             (0x30021034)
#ifndef SHA512_ACC_CSR_DIGEST_5
#define SHA512_ACC_CSR_DIGEST_5                                                              (0x34)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_6                                             (0x30021038)
#ifndef SHA512_ACC_CSR_DIGEST_6
#define SHA512_ACC_CSR_DIGEST_6                                                              (0x38)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_7                                             (0x3002103c)
#ifndef SHA512_ACC_CSR_DIGEST_7
#define SHA512_ACC_CSR_DIGEST_7                                                              (0x3c)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_8                                             (0x30021040)
#ifndef SHA512_ACC_CSR_DIGEST_8
#define SHA512_ACC_CSR_DIGEST_8                                                              (0x40)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_9                                             (0x30021044)
#ifndef SHA512_ACC_CSR_DIGEST_9
#define SHA512_ACC_CSR_DIGEST_9                                                              (0x44)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_10                                            (0x30021048)
#ifndef SHA512_ACC_CSR_DIGEST_10
#define SHA512_ACC_CSR_DIGEST_10                                                             (0x48)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_11                                            (0x3002104c)
#ifndef SHA512_ACC_CSR_DIGEST_11
#define SHA512_ACC_CSR_DIGEST_11                                                             (0x4c)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_12                                            (0x30021050)
#ifndef SHA512_ACC_CSR_DIGEST_12
#define SHA512_ACC_CSR_DIGEST_12                                                             (0x50)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_13                                            (0x30021054)
#ifndef SHA512_ACC_CSR_DIGEST_13
#define SHA512_ACC_CSR_DIGEST_13                                                             (0x54)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_14                                            (0x30021058)
#ifndef SHA512_ACC_CSR_DIGEST_14
#define SHA512_ACC_CSR_DIGEST_14                                                             (0x58)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_DIGEST_15                                            (0x3002105c)
#ifndef SHA512_ACC_CSR_DIGEST_15
#define SHA512_ACC_CSR_DIGEST_15                                                             (0x5c)
#endif
#define CALIPTRA_TOP_REG_SHA512_ACC_CSR_CONTROL                                              (0x30021060)
#ifndef SHA512_ACC_CSR_CONTROL
#define SHA512_ACC_CSR_CONTROL                                                               (0x60)
#define SHA512_ACC_CSR_CONTROL_ZEROIZE_LOW                                                   (0)
#define SHA512_ACC_CSR_CONTROL_ZEROIZE_MASK                                                  (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_BASE_ADDR                                      (0x30030000)
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL                           (0x30030000)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL                                            (0x0)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_ICCM_ECC_UNC_LOW                           (0)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_ICCM_ECC_UNC_MASK                          (0x1)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_DCCM_ECC_UNC_LOW                           (1)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_DCCM_ECC_UNC_MASK                          (0x2)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_NMI_PIN_LOW                                (2)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_NMI_PIN_MASK                               (0x4)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_CRYPTO_ERR_LOW                             (3)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_FATAL_CRYPTO_ERR_MASK                            (0x8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL                       (0x30030004)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL                                        (0x4)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL_MBOX_PROT_NO_LOCK_LOW                  (0)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL_MBOX_PROT_NO_LOCK_MASK                 (0x1)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL_MBOX_PROT_OOO_LOW                      (1)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL_MBOX_PROT_OOO_MASK                     (0x2)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL_MBOX_ECC_UNC_LOW                       (2)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_NON_FATAL_MBOX_ECC_UNC_MASK                      (0x4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_FATAL                           (0x30030008)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_FATAL
#define GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_FATAL                                            (0x8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_NON_FATAL                       (0x3003000c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_NON_FATAL
#define GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_NON_FATAL                                        (0xc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_ENC                             (0x30030010)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_ENC
#define GENERIC_AND_FUSE_REG_CPTRA_HW_ERROR_ENC                                              (0x10)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_ENC                             (0x30030014)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_ENC
#define GENERIC_AND_FUSE_REG_CPTRA_FW_ERROR_ENC                                              (0x14)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_0                 (0x30030018)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_0
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_0                                  (0x18)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_1                 (0x3003001c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_1
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_1                                  (0x1c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_2                 (0x30030020)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_2
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_2                                  (0x20)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_3                 (0x30030024)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_3
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_3                                  (0x24)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_4                 (0x30030028)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_4
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_4                                  (0x28)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_5                 (0x3003002c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_5
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_5                                  (0x2c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_6                 (0x30030030)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_6
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_6                                  (0x30)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_7                 (0x30030034)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_7
#define GENERIC_AND_FUSE_REG_CPTRA_FW_EXTENDED_ERROR_INFO_7                                  (0x34)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS                              (0x30030038)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS
#define GENERIC_AND_FUSE_REG_CPTRA_BOOT_STATUS                                               (0x38)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS                              (0x3003003c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS                                               (0x3c)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_STATUS_LOW                                    (0)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_STATUS_MASK                                   (0xffffff)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_IDEVID_CSR_READY_LOW                          (24)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_IDEVID_CSR_READY_MASK                         (0x1000000)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_BOOT_FSM_PS_LOW                               (25)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_BOOT_FSM_PS_MASK                              (0xe000000)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_FW_LOW                              (28)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_FW_MASK                             (0x10000000)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_RUNTIME_LOW                         (29)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_RUNTIME_MASK                        (0x20000000)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_FUSES_LOW                           (30)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_READY_FOR_FUSES_MASK                          (0x40000000)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_MAILBOX_FLOW_DONE_LOW                         (31)
#define GENERIC_AND_FUSE_REG_CPTRA_FLOW_STATUS_MAILBOX_FLOW_DONE_MASK                        (0x80000000)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_RESET_REASON                             (0x30030040)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_RESET_REASON
#define GENERIC_AND_FUSE_REG_CPTRA_RESET_REASON                                              (0x40)
#define GENERIC_AND_FUSE_REG_CPTRA_RESET_REASON_FW_UPD_RESET_LOW                             (0)
#define GENERIC_AND_FUSE_REG_CPTRA_RESET_REASON_FW_UPD_RESET_MASK                            (0x1)
#define GENERIC_AND_FUSE_REG_CPTRA_RESET_REASON_WARM_RESET_LOW                               (1)
#define GENERIC_AND_FUSE_REG_CPTRA_RESET_REASON_WARM_RESET_MASK                              (0x2)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE                           (0x30030044)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE
#define GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE                                            (0x44)
#define GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE_DEVICE_LIFECYCLE_LOW                       (0)
#define GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE_DEVICE_LIFECYCLE_MASK                      (0x3)
#define GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE_DEBUG_LOCKED_LOW                           (2)
#define GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE_DEBUG_LOCKED_MASK                          (0x4)
#define GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE_SCAN_MODE_LOW                              (3)
#define GENERIC_AND_FUSE_REG_CPTRA_SECURITY_STATE_SCAN_MODE_MASK                             (0x8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_0                      (0x30030048)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_0
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_0                                       (0x48)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_1                      (0x3003004c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_1
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_1                                       (0x4c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_2                      (0x30030050)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_2
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_2                                       (0x50)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_3                      (0x30030054)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_3
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_3                                       (0x54)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_4                      (0x30030058)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_4
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_VALID_PAUSER_4                                       (0x58)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_0                       (0x3003005c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_0
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_0                                        (0x5c)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_0_LOCK_LOW                               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_0_LOCK_MASK                              (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_1                       (0x30030060)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_1
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_1                                        (0x60)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_1_LOCK_LOW                               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_1_LOCK_MASK                              (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_2                       (0x30030064)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_2
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_2                                        (0x64)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_2_LOCK_LOW                               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_2_LOCK_MASK                              (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_3                       (0x30030068)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_3
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_3                                        (0x68)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_3_LOCK_LOW                               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_3_LOCK_MASK                              (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_4                       (0x3003006c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_4
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_4                                        (0x6c)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_4_LOCK_LOW                               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_MBOX_PAUSER_LOCK_4_LOCK_MASK                              (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_VALID_PAUSER                        (0x30030070)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_VALID_PAUSER
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_VALID_PAUSER                                         (0x70)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_PAUSER_LOCK                         (0x30030074)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_PAUSER_LOCK
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_PAUSER_LOCK                                          (0x74)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_PAUSER_LOCK_LOCK_LOW                                 (0)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_PAUSER_LOCK_LOCK_MASK                                (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_0                              (0x30030078)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_0
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_0                                               (0x78)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_1                              (0x3003007c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_1
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_1                                               (0x7c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_2                              (0x30030080)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_2
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_2                                               (0x80)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_3                              (0x30030084)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_3
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_3                                               (0x84)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_4                              (0x30030088)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_4
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_4                                               (0x88)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_5                              (0x3003008c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_5
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_5                                               (0x8c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_6                              (0x30030090)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_6
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_6                                               (0x90)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_7                              (0x30030094)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_7
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_7                                               (0x94)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_8                              (0x30030098)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_8
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_8                                               (0x98)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_9                              (0x3003009c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_9
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_9                                               (0x9c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_10                             (0x300300a0)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_10
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_10                                              (0xa0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_11                             (0x300300a4)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_11
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_DATA_11                                              (0xa4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_CTRL                                (0x300300a8)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_CTRL
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_CTRL                                                 (0xa8)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_CTRL_CLEAR_LOW                                       (0)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_CTRL_CLEAR_MASK                                      (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TRNG_STATUS                              (0x300300ac)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TRNG_STATUS
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_STATUS                                               (0xac)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_STATUS_DATA_REQ_LOW                                  (0)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_STATUS_DATA_REQ_MASK                                 (0x1)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_STATUS_DATA_WR_DONE_LOW                              (1)
#define GENERIC_AND_FUSE_REG_CPTRA_TRNG_STATUS_DATA_WR_DONE_MASK                             (0x2)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FUSE_WR_DONE                             (0x300300b0)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FUSE_WR_DONE
#define GENERIC_AND_FUSE_REG_CPTRA_FUSE_WR_DONE                                              (0xb0)
#define GENERIC_AND_FUSE_REG_CPTRA_FUSE_WR_DONE_DONE_LOW                                     (0)
#define GENERIC_AND_FUSE_REG_CPTRA_FUSE_WR_DONE_DONE_MASK                                    (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_TIMER_CONFIG                             (0x300300b4)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_TIMER_CONFIG
#define GENERIC_AND_FUSE_REG_CPTRA_TIMER_CONFIG                                              (0xb4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_BOOTFSM_GO                               (0x300300b8)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_BOOTFSM_GO
#define GENERIC_AND_FUSE_REG_CPTRA_BOOTFSM_GO                                                (0xb8)
#define GENERIC_AND_FUSE_REG_CPTRA_BOOTFSM_GO_GO_LOW                                         (0)
#define GENERIC_AND_FUSE_REG_CPTRA_BOOTFSM_GO_GO_MASK                                        (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_DBG_MANUF_SERVICE_REG                    (0x300300bc)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_DBG_MANUF_SERVICE_REG
#define GENERIC_AND_FUSE_REG_CPTRA_DBG_MANUF_SERVICE_REG                                     (0xbc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_CLK_GATING_EN                            (0x300300c0)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_CLK_GATING_EN
#define GENERIC_AND_FUSE_REG_CPTRA_CLK_GATING_EN                                             (0xc0)
#define GENERIC_AND_FUSE_REG_CPTRA_CLK_GATING_EN_CLK_GATING_EN_LOW                           (0)
#define GENERIC_AND_FUSE_REG_CPTRA_CLK_GATING_EN_CLK_GATING_EN_MASK                          (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_GENERIC_INPUT_WIRES_0                    (0x300300c4)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_GENERIC_INPUT_WIRES_0
#define GENERIC_AND_FUSE_REG_CPTRA_GENERIC_INPUT_WIRES_0                                     (0xc4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_GENERIC_INPUT_WIRES_1                    (0x300300c8)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_GENERIC_INPUT_WIRES_1
#define GENERIC_AND_FUSE_REG_CPTRA_GENERIC_INPUT_WIRES_1                                     (0xc8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_GENERIC_OUTPUT_WIRES_0                   (0x300300cc)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_GENERIC_OUTPUT_WIRES_0
#define GENERIC_AND_FUSE_REG_CPTRA_GENERIC_OUTPUT_WIRES_0                                    (0xcc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_GENERIC_OUTPUT_WIRES_1                   (0x300300d0)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_GENERIC_OUTPUT_WIRES_1
#define GENERIC_AND_FUSE_REG_CPTRA_GENERIC_OUTPUT_WIRES_1                                    (0xd0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_HW_REV_ID                                (0x300300d4)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_HW_REV_ID
#define GENERIC_AND_FUSE_REG_CPTRA_HW_REV_ID                                                 (0xd4)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_REV_ID_CPTRA_GENERATION_LOW                            (0)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_REV_ID_CPTRA_GENERATION_MASK                           (0xffff)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_REV_ID_SOC_STEPPING_ID_LOW                             (16)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_REV_ID_SOC_STEPPING_ID_MASK                            (0xffff0000)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_REV_ID_0                              (0x300300d8)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_REV_ID_0
#define GENERIC_AND_FUSE_REG_CPTRA_FW_REV_ID_0                                               (0xd8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FW_REV_ID_1                              (0x300300dc)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FW_REV_ID_1
#define GENERIC_AND_FUSE_REG_CPTRA_FW_REV_ID_1                                               (0xdc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG                                (0x300300e0)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG                                                 (0xe0)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_ITRNG_EN_LOW                                    (0)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_ITRNG_EN_MASK                                   (0x1)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_QSPI_EN_LOW                                     (1)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_QSPI_EN_MASK                                    (0x2)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_I3C_EN_LOW                                      (2)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_I3C_EN_MASK                                     (0x4)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_UART_EN_LOW                                     (3)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_UART_EN_MASK                                    (0x8)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_LMS_ACC_EN_LOW                                  (4)
#define GENERIC_AND_FUSE_REG_CPTRA_HW_CONFIG_LMS_ACC_EN_MASK                                 (0x10)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_EN                            (0x300300e4)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_EN
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_EN                                             (0xe4)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_EN_TIMER1_EN_LOW                               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_EN_TIMER1_EN_MASK                              (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_CTRL                          (0x300300e8)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_CTRL
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_CTRL                                           (0xe8)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_CTRL_TIMER1_RESTART_LOW                        (0)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_CTRL_TIMER1_RESTART_MASK                       (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_TIMEOUT_PERIOD_0              (0x300300ec)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_TIMEOUT_PERIOD_0
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_TIMEOUT_PERIOD_0                               (0xec)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_TIMEOUT_PERIOD_1              (0x300300f0)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_TIMEOUT_PERIOD_1
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER1_TIMEOUT_PERIOD_1                               (0xf0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_EN                            (0x300300f4)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_EN
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_EN                                             (0xf4)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_EN_TIMER2_EN_LOW                               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_EN_TIMER2_EN_MASK                              (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_CTRL                          (0x300300f8)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_CTRL
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_CTRL                                           (0xf8)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_CTRL_TIMER2_RESTART_LOW                        (0)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_CTRL_TIMER2_RESTART_MASK                       (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_TIMEOUT_PERIOD_0              (0x300300fc)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_TIMEOUT_PERIOD_0
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_TIMEOUT_PERIOD_0                               (0xfc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_TIMEOUT_PERIOD_1              (0x30030100)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_TIMEOUT_PERIOD_1
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_TIMER2_TIMEOUT_PERIOD_1                               (0x100)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_STATUS                               (0x30030104)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_STATUS
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_STATUS                                                (0x104)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_STATUS_T1_TIMEOUT_LOW                                 (0)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_STATUS_T1_TIMEOUT_MASK                                (0x1)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_STATUS_T2_TIMEOUT_LOW                                 (1)
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_STATUS_T2_TIMEOUT_MASK                                (0x2)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FUSE_VALID_PAUSER                        (0x30030108)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FUSE_VALID_PAUSER
#define GENERIC_AND_FUSE_REG_CPTRA_FUSE_VALID_PAUSER                                         (0x108)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_FUSE_PAUSER_LOCK                         (0x3003010c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_FUSE_PAUSER_LOCK
#define GENERIC_AND_FUSE_REG_CPTRA_FUSE_PAUSER_LOCK                                          (0x10c)
#define GENERIC_AND_FUSE_REG_CPTRA_FUSE_PAUSER_LOCK_LOCK_LOW                                 (0)
#define GENERIC_AND_FUSE_REG_CPTRA_FUSE_PAUSER_LOCK_LOCK_MASK                                (0x1)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_CFG_0                                (0x30030110)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_CFG_0
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_CFG_0                                                 (0x110)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_WDT_CFG_1                                (0x30030114)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_WDT_CFG_1
#define GENERIC_AND_FUSE_REG_CPTRA_WDT_CFG_1                                                 (0x114)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_0                   (0x30030118)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_0
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_0                                    (0x118)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_0_LOW_THRESHOLD_LOW                  (0)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_0_LOW_THRESHOLD_MASK                 (0xffff)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_0_HIGH_THRESHOLD_LOW                 (16)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_0_HIGH_THRESHOLD_MASK                (0xffff0000)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_1                   (0x3003011c)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_1
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_1                                    (0x11c)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_1_REPETITION_COUNT_LOW               (0)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_1_REPETITION_COUNT_MASK              (0xffff)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_1_RSVD_LOW                           (16)
#define GENERIC_AND_FUSE_REG_CPTRA_ITRNG_ENTROPY_CONFIG_1_RSVD_MASK                          (0xffff0000)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_RSVD_REG_0                               (0x30030120)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_RSVD_REG_0
#define GENERIC_AND_FUSE_REG_CPTRA_RSVD_REG_0                                                (0x120)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_CPTRA_RSVD_REG_1                               (0x30030124)
#ifndef GENERIC_AND_FUSE_REG_CPTRA_RSVD_REG_1
#define GENERIC_AND_FUSE_REG_CPTRA_RSVD_REG_1                                                (0x124)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_0                                (0x30030200)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_0
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_0                                                 (0x200)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_1                                (0x30030204)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_1
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_1                                                 (0x204)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_2                                (0x30030208)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_2
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_2                                                 (0x208)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_3                                (0x3003020c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_3
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_3                                                 (0x20c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_4                                (0x30030210)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_4
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_4                                                 (0x210)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_5                                (0x30030214)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_5
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_5                                                 (0x214)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_6                                (0x30030218)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_6
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_6                                                 (0x218)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_7                                (0x3003021c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_7
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_7                                                 (0x21c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_8                                (0x30030220)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_8
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_8                                                 (0x220)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_9                                (0x30030224)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_9
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_9                                                 (0x224)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_10                               (0x30030228)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_10
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_10                                                (0x228)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_11                               (0x3003022c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_11
#define GENERIC_AND_FUSE_REG_FUSE_UDS_SEED_11                                                (0x22c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_0                           (0x30030230)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_0
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_0                                            (0x230)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_1                           (0x30030234)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_1
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_1                                            (0x234)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_2                           (0x30030238)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_2
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_2                                            (0x238)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_3                           (0x3003023c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_3
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_3                                            (0x23c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_4                           (0x30030240)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_4
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_4                                            (0x240)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_5                           (0x30030244)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_5
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_5                                            (0x244)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_6                           (0x30030248)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_6
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_6                                            (0x248)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_7                           (0x3003024c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_7
#define GENERIC_AND_FUSE_REG_FUSE_FIELD_ENTROPY_7                                            (0x24c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_0                    (0x30030250)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_0
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_0                                     (0x250)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_1                    (0x30030254)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_1
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_1                                     (0x254)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_2                    (0x30030258)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_2
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_2                                     (0x258)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_3                    (0x3003025c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_3
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_3                                     (0x25c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_4                    (0x30030260)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_4
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_4                                     (0x260)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_5                    (0x30030264)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_5
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_5                                     (0x264)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_6                    (0x30030268)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_6
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_6                                     (0x268)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_7                    (0x3003026c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_7
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_7                                     (0x26c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_8                    (0x30030270)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_8
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_8                                     (0x270)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_9                    (0x30030274)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_9
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_9                                     (0x274)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_10                   (0x30030278)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_10
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_10                                    (0x278)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_11                   (0x3003027c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_11
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_11                                    (0x27c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_MASK                 (0x30030280)
#ifndef GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_MASK
#define GENERIC_AND_FUSE_REG_FUSE_KEY_MANIFEST_PK_HASH_MASK                                  (0x280)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_0                           (0x30030284)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_0
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_0                                            (0x284)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_1                           (0x30030288)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_1
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_1                                            (0x288)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_2                           (0x3003028c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_2
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_2                                            (0x28c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_3                           (0x30030290)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_3
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_3                                            (0x290)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_4                           (0x30030294)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_4
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_4                                            (0x294)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_5                           (0x30030298)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_5
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_5                                            (0x298)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_6                           (0x3003029c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_6
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_6                                            (0x29c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_7                           (0x300302a0)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_7
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_7                                            (0x2a0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_8                           (0x300302a4)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_8
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_8                                            (0x2a4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_9                           (0x300302a8)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_9
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_9                                            (0x2a8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_10                          (0x300302ac)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_10
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_10                                           (0x2ac)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_11                          (0x300302b0)
#ifndef GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_11
#define GENERIC_AND_FUSE_REG_FUSE_OWNER_PK_HASH_11                                           (0x2b0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_FMC_KEY_MANIFEST_SVN                      (0x300302b4)
#ifndef GENERIC_AND_FUSE_REG_FUSE_FMC_KEY_MANIFEST_SVN
#define GENERIC_AND_FUSE_REG_FUSE_FMC_KEY_MANIFEST_SVN                                       (0x2b4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_0                             (0x300302b8)
#ifndef GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_0
#define GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_0                                              (0x2b8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_1                             (0x300302bc)
#ifndef GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_1
#define GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_1                                              (0x2bc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_2                             (0x300302c0)
#ifndef GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_2
#define GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_2                                              (0x2c0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_3                             (0x300302c4)
#ifndef GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_3
#define GENERIC_AND_FUSE_REG_FUSE_RUNTIME_SVN_3                                              (0x2c4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_ANTI_ROLLBACK_DISABLE                     (0x300302c8)
#ifndef GENERIC_AND_FUSE_REG_FUSE_ANTI_ROLLBACK_DISABLE
#define GENERIC_AND_FUSE_REG_FUSE_ANTI_ROLLBACK_DISABLE                                      (0x2c8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_0                        (0x300302cc)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_0
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_0                                         (0x2cc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_1                        (0x300302d0)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_1
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_1                                         (0x2d0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_2                        (0x300302d4)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_2
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_2                                         (0x2d4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_3                        (0x300302d8)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_3
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_3                                         (0x2d8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_4                        (0x300302dc)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_4
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_4                                         (0x2dc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_5                        (0x300302e0)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_5
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_5                                         (0x2e0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_6                        (0x300302e4)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_6
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_6                                         (0x2e4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_7                        (0x300302e8)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_7
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_7                                         (0x2e8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_8                        (0x300302ec)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_8
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_8                                         (0x2ec)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_9                        (0x300302f0)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_9
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_9                                         (0x2f0)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_10                       (0x300302f4)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_10
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_10                                        (0x2f4)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_11                       (0x300302f8)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_11
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_11                                        (0x2f8)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_12                       (0x300302fc)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_12
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_12                                        (0x2fc)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_13                       (0x30030300)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_13
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_13                                        (0x300)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_14                       (0x30030304)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_14
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_14                                        (0x304)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_15                       (0x30030308)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_15
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_15                                        (0x308)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_16                       (0x3003030c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_16
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_16                                        (0x30c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_17                       (0x30030310)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_17
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_17                                        (0x310)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_18                       (0x30030314)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_18
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_18                                        (0x314)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_19                       (0x30030318)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_19
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_19                                        (0x318)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_20                       (0x3003031c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_20
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_20                                        (0x31c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_21                       (0x30030320)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_21
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_21                                        (0x320)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_22                       (0x30030324)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_22
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_22                                        (0x324)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_23                       (0x30030328)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_23
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_CERT_ATTR_23                                        (0x328)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_0                     (0x3003032c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_0
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_0                                      (0x32c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_1                     (0x30030330)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_1
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_1                                      (0x330)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_2                     (0x30030334)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_2
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_2                                      (0x334)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_3                     (0x30030338)
#ifndef GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_3
#define GENERIC_AND_FUSE_REG_FUSE_IDEVID_MANUF_HSM_ID_3                                      (0x338)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_LIFE_CYCLE                                (0x3003033c)
#ifndef GENERIC_AND_FUSE_REG_FUSE_LIFE_CYCLE
#define GENERIC_AND_FUSE_REG_FUSE_LIFE_CYCLE                                                 (0x33c)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_LMS_VERIFY                                (0x30030340)
#ifndef GENERIC_AND_FUSE_REG_FUSE_LMS_VERIFY
#define GENERIC_AND_FUSE_REG_FUSE_LMS_VERIFY                                                 (0x340)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_LMS_REVOCATION                            (0x30030344)
#ifndef GENERIC_AND_FUSE_REG_FUSE_LMS_REVOCATION
#define GENERIC_AND_FUSE_REG_FUSE_LMS_REVOCATION                                             (0x344)
#endif
#define CALIPTRA_TOP_REG_GENERIC_AND_FUSE_REG_FUSE_SOC_STEPPING_ID                           (0x30030348)
#ifndef GENERIC_AND_FUSE_REG_FUSE_SOC_STEPPING_ID
#define GENERIC_AND_FUSE_REG_FUSE_SOC_STEPPING_ID                                            (0x348)
#endif

#endif /* CALIPTRA_TOP_REG_HEADER */
