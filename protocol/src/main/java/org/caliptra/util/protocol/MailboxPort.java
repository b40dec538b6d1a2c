package org.caliptra.util.protocol;

/**
 * The mailbox seam: one complete mailbox transaction, command code plus the bytes that go into
 * mailbox SRAM (checksum first), answered by what the device left in the mailbox.
 *
 * <p>The emulator implements it by driving its own mailbox registers; host mailbox drivers accept
 * any implementation.
 */
public interface MailboxPort {
    MailboxReply execute(int command, byte[] request);
}
