package org.caliptra.util.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import org.caliptra.util.protocol.error.CaliptraError;

/** How a mailbox transaction ended, as the SoC observes it in MBOX_STATUS. */
public sealed interface MailboxReply {

    /** DATA_READY: the device answered with {@code DLEN} bytes of response. */
    record Data(byte[] bytes) implements MailboxReply {
        public Data {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** CMD_COMPLETE: success without response data. */
    record Complete() implements MailboxReply {}

    /** CMD_FAILURE, with the firmware error code the device reported (CPTRA_FW_ERROR_NON_FATAL). */
    record Failure(int errorCode) implements MailboxReply {
        public String describe() {
            return CaliptraError.describe(errorCode);
        }
    }

    /** The mailbox lock was held by someone else: nothing was sent. */
    record Busy() implements MailboxReply {}

    /**
     * The command was handed over but the device left the status at CMD_BUSY for {@code polls}
     * polls; the driver then released the mailbox.
     */
    record Timeout(int polls) implements MailboxReply {}
}
