package org.caliptra.util.cli.device.dot;

import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotLock;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code caliptra-util dot lock}. */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = "Lock ownership to a LAK and install a CAK (DotLock, MDLK; authorized): the device writes the DOT blob "
                + "and burns one DOT fuse; a reset is required.")
public final class DotLockCommand extends DeviceCommand {
    @Mixin
    CakOption cak;

    @Mixin
    LakOptions lak;

    @Mixin
    AuthKeys auth;

    private Octets cakBytes;
    private Octets lakHash;
    private HybridSigner signer;

    @Override
    protected void prepare() {
        cakBytes = cak.read();
        lakHash = lak.hash();
        signer = auth.require("dot lock");
    }

    @Override
    protected int run(CaliptraSession session) {
        var t = AuthKeys.authorized(session, signer, c -> DotLock.preImage(cakBytes, lakHash, c),
                trailer -> Ownership.lock(session, cakBytes, lakHash, trailer));
        return print(DotTransitionReport.of("locked", t));
    }
}
