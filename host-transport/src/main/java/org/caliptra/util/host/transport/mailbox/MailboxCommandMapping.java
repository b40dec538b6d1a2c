package org.caliptra.util.host.transport.mailbox;

import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * How one internal command travels over the mailbox: its external command code, and the two
 * conversions between the session's internal structs and the mailbox fields. The frame (checksum,
 * fips_status) is not the mapping's concern: {@link MailboxTransport} seals requests and opens
 * responses with {@link MailboxFrame}.
 */
public interface MailboxCommandMapping {
    /** Internal command id (spec/hostlib.md §2.1), e.g. 0x0003 for GetDeviceId. */
    int commandId();

    /** The mailbox CMD value, e.g. 0x4D444944 "MDID". */
    int externalCommand();

    /** Human name for messages, e.g. "MC_DEVICE_ID". */
    String name();

    /** Internal request bytes → mailbox request fields after the checksum. */
    byte[] toExternalRequest(byte[] internalRequest);

    /**
     * An opened mailbox response (fips_status and the fields after it) → internal response bytes.
     *
     * @throws org.caliptra.util.protocol.ProtocolException when the response has the wrong shape
     */
    byte[] toInternalResponse(MailboxFrame.Response response);
}
