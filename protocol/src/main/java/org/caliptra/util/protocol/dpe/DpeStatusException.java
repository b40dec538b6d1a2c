package org.caliptra.util.protocol.dpe;

import org.caliptra.util.protocol.CaliptraException;

/**
 * A DPE command that DPE itself refused: the response was a bare header carrying a status other
 * than NO_ERROR. The message names the command and the status ("SIGN: DPE answered INVALID_HANDLE
 * (0x1000)"). A command the runtime refuses before DPE sees it is a mailbox failure instead
 * ({@link org.caliptra.util.protocol.MailboxCommandException}).
 */
public final class DpeStatusException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final int status;

    public DpeStatusException(String command, int status) {
        super(command + ": DPE answered " + DpeStatus.describe(status));
        this.command = command;
        this.status = status;
    }

    /** The DPE command's name, as {@link DpeProfileCommands.DpeCommand#name()} gives it. */
    public String command() {
        return command;
    }

    public int status() {
        return status;
    }
}
