package org.caliptra.util.cli.device.fuse;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.fuse.FuseCommands.FuseIncreaseCaliptraMinSvn;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util increase-min-svn}: raise the minimum Caliptra firmware SVN (authorized). */
@Command(name = "increase-min-svn", mixinStandardHelpOptions = true,
        description = "Raise the minimum Caliptra firmware SVN the fuses allow (FuseIncreaseCaliptraMinSvn, "
                + "MC_FUSE_INCREASE_CALIPTRA_MIN_SVN; authorized): 1..128, at most the running firmware's SVN and at least "
                + "the fused one.")
public final class IncreaseMinSvnCommand extends DeviceCommand {
    @Option(names = "--svn", paramLabel = "N", required = true, description = "The new minimum SVN.")
    int svn;

    @Mixin
    AuthKeys auth;

    private HybridSigner signer;

    @Override
    protected void prepare() {
        signer = auth.require("increase-min-svn");
    }

    @Override
    protected int run(CaliptraSession session) {
        AuthKeys.authorized(session, signer, c -> FuseIncreaseCaliptraMinSvn.preImage(0, svn, c), t -> {
            Fuses.increaseCaliptraMinSvn(session, svn, t);
            return null;
        });
        return print(new FieldReport().put("min_svn", svn));
    }
}
