package org.caliptra.util.protocol.mailbox;

/** MBOX_STATUS[3:0] / MCU mailbox CMD_STATUS[3:0] (spec/device.md §1.2, §1.7). */
public enum MailboxStatus {
    CMD_BUSY(0),
    DATA_READY(1),
    CMD_COMPLETE(2),
    CMD_FAILURE(3);

    private final int value;

    MailboxStatus(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** Decodes the 4-bit field; reserved values (4–15) give {@code null}. */
    public static MailboxStatus fromField(int field) {
        int v = field & 0xF;
        for (MailboxStatus s : values()) {
            if (s.value == v) {
                return s;
            }
        }
        return null;
    }
}
