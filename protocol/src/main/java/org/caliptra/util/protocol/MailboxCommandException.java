package org.caliptra.util.protocol;

/**
 * A command the device did not answer with data: it failed (with the Caliptra error it wrote to
 * FW_ERROR_NON_FATAL, named from the error table), completed without data, stayed busy or timed out.
 */
public final class MailboxCommandException extends RuntimeException {
    private final transient MailboxReply reply;

    public MailboxCommandException(String command, MailboxReply reply) {
        super(command + ": " + describe(reply));
        this.reply = reply;
    }

    public MailboxReply reply() {
        return reply;
    }

    private static String describe(MailboxReply reply) {
        if (reply instanceof MailboxReply.Failure f) {
            return "the device failed the command with " + f.describe();
        }
        if (reply instanceof MailboxReply.Timeout t) {
            return "no answer after " + t.polls() + " polls";
        }
        if (reply instanceof MailboxReply.Busy) {
            return "the mailbox is busy (another agent holds its lock)";
        }
        return reply instanceof MailboxReply.Complete ? "the device completed the command without response data"
                : "unexpected reply " + reply;
    }
}
