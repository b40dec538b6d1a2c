package org.caliptra.util.host.transport.mailbox;

import org.caliptra.util.protocol.MailboxReply;

/** How the drivers over a {@link org.caliptra.util.protocol.MailboxPort} read the port's reply. */
final class MailboxReplies {
    private MailboxReplies() {}

    /**
     * The response bytes of a DATA_READY or CMD_COMPLETE reply.
     *
     * @throws MailboxException for every other ending, with the device's error code for CMD_FAILURE
     */
    static byte[] responseOf(MailboxReply reply) {
        if (reply instanceof MailboxReply.Data data) {
            return data.bytes();
        }
        if (reply instanceof MailboxReply.Complete) {
            return new byte[0];
        }
        if (reply instanceof MailboxReply.Failure failure) {
            throw MailboxException.deviceError(failure.errorCode());
        }
        if (reply instanceof MailboxReply.Timeout timeout) {
            throw new MailboxException(MailboxException.Kind.TIMEOUT,
                    "the device did not answer within " + timeout.polls() + " polls of its status");
        }
        if (reply instanceof MailboxReply.Busy) {
            throw new MailboxException(MailboxException.Kind.BUSY, "the device mailbox is locked by another requester");
        }
        throw new IllegalStateException("unknown mailbox reply " + reply);
    }
}
