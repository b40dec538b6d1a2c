package org.caliptra.util.protocol.regs;

/**
 * The SoC-visible {@code soc_ifc} registers (spec/device.md §1.3–§1.4): offsets from {@link #BASE}
 * and the bits of the ones whose fields drivers test. Fuse registers are in {@link FuseRegisters}.
 */
public final class SocIfcRegs {
    public static final int BASE = 0x3003_0000;
    public static final int SIZE = 0x1000;

    public static final int HW_ERROR_FATAL = 0x000;
    public static final int HW_ERROR_NON_FATAL = 0x004;
    public static final int FW_ERROR_FATAL = 0x008;
    public static final int FW_ERROR_NON_FATAL = 0x00C;
    public static final int HW_ERROR_ENC = 0x010;
    public static final int FW_ERROR_ENC = 0x014;
    public static final int FW_EXTENDED_ERROR_INFO = 0x018;
    public static final int BOOT_STATUS = 0x038;
    public static final int FLOW_STATUS = 0x03C;
    public static final int RESET_REASON = 0x040;
    public static final int SECURITY_STATE = 0x044;
    /** Five consecutive words. */
    public static final int MBOX_VALID_USER = 0x048;
    /** Five consecutive words, bit 0 each. */
    public static final int MBOX_USER_LOCK = 0x05C;
    public static final int MBOX_USER_SLOTS = 5;
    public static final int TRNG_VALID_USER = 0x070;
    public static final int TRNG_USER_LOCK = 0x074;
    public static final int FUSE_WR_DONE = 0x0B0;
    public static final int TIMER_CONFIG = 0x0B4;
    public static final int BOOTFSM_GO = 0x0B8;
    public static final int DBG_MANUF_SERVICE_REG = 0x0BC;
    public static final int CLK_GATING_EN = 0x0C0;
    public static final int GENERIC_INPUT_WIRES = 0x0C4;
    public static final int GENERIC_OUTPUT_WIRES = 0x0CC;
    public static final int HW_REV_ID = 0x0D4;
    /** Two words: [0] ROM [15:0] and FMC [31:16] versions, [1] runtime version. */
    public static final int FW_REV_ID = 0x0D8;
    public static final int HW_CONFIG = 0x0E0;
    public static final int WDT_STATUS = 0x104;
    public static final int FUSE_VALID_USER = 0x108;
    public static final int FUSE_USER_LOCK = 0x10C;
    /** Last register of the block both generations share. */
    public static final int LAST_COMMON = 0x124;
    /** 2.x. */
    public static final int HW_CAPABILITIES = 0x128;
    /** 2.x. */
    public static final int FW_CAPABILITIES = 0x12C;
    /** 2.x. */
    public static final int CAP_LOCK = 0x130;
    /** 2.x: twelve words, the owner key hash (not a fuse). */
    public static final int OWNER_PK_HASH = 0x140;
    /** 2.x. */
    public static final int OWNER_PK_HASH_LOCK = 0x170;
    /** 2.x: the subsystem strap and register window. */
    public static final int SS_FIRST = 0x500;
    public static final int SS_LAST = 0x5FC;

    /** CPTRA_FLOW_STATUS bits. */
    public static final int FLOW_IDEVID_CSR_READY = 1 << 24;
    public static final int FLOW_BOOT_FSM_SHIFT = 25;
    public static final int FLOW_BOOT_FSM_MASK = 0x7;
    public static final int FLOW_READY_FOR_FW = 1 << 28;
    public static final int FLOW_READY_FOR_RUNTIME = 1 << 29;
    public static final int FLOW_READY_FOR_FUSES = 1 << 30;
    public static final int FLOW_MAILBOX_FLOW_DONE = 1 << 31;
    /** boot_fsm_ps values the emulator models. */
    public static final int BOOT_FSM_IDLE = 0;
    public static final int BOOT_FSM_FUSE = 1;
    public static final int BOOT_FSM_DONE = 4;

    /** CPTRA_HW_ERROR_NON_FATAL bits. */
    public static final int HW_ERR_MBOX_PROT_NO_LOCK = 1;
    public static final int HW_ERR_MBOX_PROT_OOO = 1 << 1;
    public static final int HW_ERR_MBOX_ECC_UNC = 1 << 2;

    /** CPTRA_SECURITY_STATE fields. */
    public static final int SECURITY_LIFECYCLE_MASK = 0x3;
    public static final int SECURITY_DEBUG_LOCKED = 1 << 2;
    public static final int SECURITY_SCAN_MODE = 1 << 3;

    /** CPTRA_DBG_MANUF_SERVICE_REG bit 0: generate the IDevID CSR. */
    public static final int MANUF_SERVICE_IDEVID_CSR = 1;

    /** CPTRA_HW_CONFIG bit 5 (2.x): subsystem mode. */
    public static final int HW_CONFIG_SUBSYSTEM_MODE = 1 << 5;

    private SocIfcRegs() {}

    /** CPTRA_SECURITY_STATE for a lifecycle and debug lock. */
    public static int securityState(Lifecycle lifecycle, boolean debugLocked) {
        return lifecycle.value() | (debugLocked ? SECURITY_DEBUG_LOCKED : 0);
    }

    /** boot_fsm_ps of a FLOW_STATUS value. */
    public static int bootFsm(int flowStatus) {
        return (flowStatus >>> FLOW_BOOT_FSM_SHIFT) & FLOW_BOOT_FSM_MASK;
    }
}
