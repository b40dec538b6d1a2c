package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;

/** {@code caliptra-util get-auth-challenge}: a one-use challenge for an authorized command. */
@Command(name = "get-auth-challenge", mixinStandardHelpOptions = true,
        description = {"Take a 48-byte challenge for the next authorized command (GetAuthCmdChallenge, MC_GET_AUTH_CMD_CHALLENGE).",
            "Each challenge replaces the last and is good for one authorized command; the authorized commands here take "
                + "their own, so this is for signing elsewhere."})
public final class GetAuthChallengeCommand extends DeviceCommand {
    @Override
    protected int run(CaliptraSession session) {
        return print(new FieldReport().put("challenge", Fuses.authChallenge(session)));
    }
}
