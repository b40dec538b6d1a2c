package org.caliptra.util.protocol;

import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * The mailbox seam: one complete mailbox transaction, command code plus the bytes that go into
 * mailbox SRAM (checksum first), answered by what the device left in the mailbox.
 *
 * <p>The emulator implements it by driving its own mailbox registers; host mailbox drivers accept
 * any implementation.
 */
public interface MailboxPort {
    MailboxReply execute(int command, byte[] request);

    /**
     * One typed command: the request framed with its checksum, the response's checksum checked and
     * its fields decoded.
     *
     * @throws MailboxCommandException when the device answers with anything but data
     * @throws ProtocolException when the response is malformed
     */
    default <Q, R> R call(CommandCodec<Q, R> codec, Q request) {
        var reply = execute(codec.code(), MailboxFrame.sealRequest(codec.code(), codec.encodeRequest(request)));
        if (reply instanceof MailboxReply.Data data) {
            return codec.decodeResponse(MailboxFrame.openResponse(data.bytes(), codec.name() + " response").fields());
        }
        throw new MailboxCommandException(codec.name(), reply);
    }
}
