package org.caliptra.util.protocol.regs;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/** The Caliptra core mailbox registers, {@code mbox_csr} (spec/device.md §1.2). */
public final class MboxCsr {
    /** SoC bus address of the block (1.x APB, and the 2.x hw-model / libcaliptra mapping). */
    public static final int BASE = 0x3002_0000;
    /** Bytes of register space the block decodes. */
    public static final int SIZE = 0x1000;

    public static final int LOCK = 0x00;
    public static final int USER = 0x04;
    public static final int CMD = 0x08;
    public static final int DLEN = 0x0C;
    public static final int DATAIN = 0x10;
    public static final int DATAOUT = 0x14;
    public static final int EXECUTE = 0x18;
    public static final int STATUS = 0x1C;
    public static final int UNLOCK = 0x20;
    /** 2.x only. */
    public static final int TAP_MODE = 0x24;

    /** MBOX_USER of a lock the Caliptra uC holds; no SoC requester may use it. */
    public static final int CALIPTRA_USER = 0xFFFF_FFFF;

    /** MBOX_STATUS field positions. */
    public static final int STATUS_MASK = 0xF;
    public static final int STATUS_ECC_SINGLE_ERROR = 1 << 4;
    public static final int STATUS_ECC_DOUBLE_ERROR = 1 << 5;
    public static final int STATUS_FSM_SHIFT = 6;
    public static final int STATUS_FSM_MASK = 0x7;
    public static final int STATUS_SOC_HAS_LOCK = 1 << 9;
    public static final int STATUS_RDPTR_SHIFT = 10;
    /** 2.x only. */
    public static final int STATUS_TAP_HAS_LOCK = 1 << 26;

    private MboxCsr() {}

    /** The highest register offset a generation decodes. */
    public static int lastRegister(Generation generation) {
        return generation == Generation.V1 ? UNLOCK : TAP_MODE;
    }

    /** Width mask of {@code mbox_rdptr}: 15 bits on 1.x, 16 on 2.x. */
    public static int readPointerMask(Generation generation) {
        return generation == Generation.V1 ? 0x7FFF : 0xFFFF;
    }

    /** {@code mbox_fsm_ps} values. */
    public enum Fsm {
        IDLE(0), RDY_FOR_CMD(1), RDY_FOR_DATA(2), RDY_FOR_DLEN(3), EXECUTE_SOC(4), EXECUTE_UC(6), ERROR(7);

        private final int value;

        Fsm(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        public static Fsm fromStatus(int status) {
            int v = (status >>> STATUS_FSM_SHIFT) & STATUS_FSM_MASK;
            for (Fsm f : values()) {
                if (f.value == v) {
                    return f;
                }
            }
            throw new IllegalArgumentException("mbox_fsm_ps " + v + " is reserved");
        }
    }

    /** Packs the SoC-visible MBOX_STATUS word. */
    public static int status(MailboxStatus status, Fsm fsm, boolean socHasLock, int readPointer, Generation generation) {
        return status.value() | fsm.value() << STATUS_FSM_SHIFT | (socHasLock ? STATUS_SOC_HAS_LOCK : 0)
                | (readPointer & readPointerMask(generation)) << STATUS_RDPTR_SHIFT;
    }
}
