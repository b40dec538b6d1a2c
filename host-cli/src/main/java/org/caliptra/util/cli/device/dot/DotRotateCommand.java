package org.caliptra.util.cli.device.dot;

import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.AuthKeys;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.DotRotate;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caliptra-util dot rotate}. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Rotate the CAK and LAK (DotRotate, MDRT; authorized): two DOT fuses burnt and a new blob, unless the "
                + "fuse count has reached --min-fuse-count already; a reset is required.")
public final class DotRotateCommand extends DeviceCommand {
    @Option(names = "--min-fuse-count", paramLabel = "N", required = true,
            description = "Rotate only while fewer DOT fuses than this are burnt.")
    int minFuseCount;

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
        signer = auth.require("dot rotate");
    }

    @Override
    protected int run(CaliptraSession session) {
        var t = AuthKeys.authorized(session, signer, c -> DotRotate.preImage(minFuseCount, cakBytes, lakHash, c),
                trailer -> Ownership.rotate(session, minFuseCount, cakBytes, lakHash, trailer));
        return print(DotTransitionReport.of("rotated", t));
    }
}
