package org.caliptra.util.cli.device.dot;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;

/** {@code caliptra-util dot unlock-challenge}. */
@Command(name = "unlock-challenge", mixinStandardHelpOptions = true,
        description = "Take the challenge a DOT unlock answers (DotUnlockChallenge, MDUC): 48 bytes, outstanding until an "
                + "unlock answers it; dot unlock takes one itself unless given --challenge.")
public final class DotUnlockChallengeCommand extends DeviceCommand {
    @Override
    protected int run(CaliptraSession session) {
        return print(new FieldReport().put("challenge", Ownership.unlockChallenge(session)));
    }
}
