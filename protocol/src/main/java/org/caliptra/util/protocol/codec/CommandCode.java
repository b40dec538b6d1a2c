package org.caliptra.util.protocol.codec;

import org.caliptra.util.protocol.mailbox.FourCc;

/** A mailbox command code and its name: what goes into MBOX_CMD. */
public interface CommandCode {
    int code();

    /** The catalogue name, e.g. "FW_INFO" or "MC_DEVICE_ID". */
    String name();

    /** "FW_INFO 0x494E464F (INFO)". */
    default String describe() {
        return name() + " " + FourCc.describe(code());
    }
}
