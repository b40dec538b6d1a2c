package org.caliptra.util.cli.device.dot;

import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotDisable;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code caliptra-util dot disable}. */
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Disable ownership transfer, keeping the LAK (DotDisable, MDDS; authorized): a blob with no CAK, one "
                + "DOT fuse burnt; a reset is required.")
public final class DotDisableCommand extends DeviceCommand {
    @Mixin
    LakOptions lak;

    @Mixin
    AuthKeys auth;

    private Octets lakHash;
    private HybridSigner signer;

    @Override
    protected void prepare() {
        lakHash = lak.hash();
        signer = auth.require("dot disable");
    }

    @Override
    protected int run(CaliptraSession session) {
        var t = AuthKeys.authorized(session, signer, c -> DotDisable.preImage(lakHash, c),
                trailer -> Ownership.disable(session, lakHash, trailer));
        return print(DotTransitionReport.of("disabled", t));
    }
}
