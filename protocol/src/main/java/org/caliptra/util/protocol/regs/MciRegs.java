package org.caliptra.util.protocol.regs;

/**
 * The MCI block of a 2.x subsystem (spec/device.md §1.7): the MCU's error registers and its two
 * SoC-facing mailboxes. Offsets are from the MCI base, which the integration chooses.
 */
public final class MciRegs {
    /** MCU firmware fatal error code. */
    public static final int FW_ERROR_FATAL = 0x60;
    /** MCU firmware non-fatal error code: the cause of an MCI mailbox CMD_FAILURE. */
    public static final int FW_ERROR_NON_FATAL = 0x64;
    /** Bytes of the MCI register block below the mailboxes. */
    public static final int REGISTER_BLOCK_SIZE = 0x1000;

    /** MCU mailbox 0 and 1: SRAM window at +0, CSRs {@link #MBOX_CSR_OFFSET} above it. */
    public static final int MBOX0_OFFSET = 0x40_0000;
    public static final int MBOX1_OFFSET = 0x80_0000;
    public static final int MBOX_CSR_OFFSET = 0x20_0000;

    /** Mailbox CSR offsets (from the mailbox's CSR block). */
    public static final int MBOX_LOCK = 0x00;
    public static final int MBOX_USER = 0x04;
    public static final int MBOX_TARGET_USER = 0x08;
    public static final int MBOX_TARGET_USER_VALID = 0x0C;
    public static final int MBOX_CMD = 0x10;
    public static final int MBOX_DLEN = 0x14;
    public static final int MBOX_EXECUTE = 0x18;
    /** [3:0] status, [4] done. */
    public static final int MBOX_TARGET_STATUS = 0x1C;
    /** [3:0]: the same CMD_BUSY..CMD_FAILURE enum as the core mailbox. */
    public static final int MBOX_CMD_STATUS = 0x20;
    public static final int MBOX_HW_STATUS = 0x24;
    public static final int MBOX_CSR_SIZE = 0x28;

    private MciRegs() {}
}
