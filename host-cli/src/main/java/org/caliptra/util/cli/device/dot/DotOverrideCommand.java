package org.caliptra.util.cli.device.dot;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.cli.device.auth.KeyPairFiles;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.commands.ownership.OwnershipCommands;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util dot override}. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = "Override ownership with the vendor recovery key (DotOverride, DOTX): take an override challenge (or "
                + "use --challenge), sign it with both recovery keys (ECDSA over its SHA-384, ML-DSA over it) and send the "
                + "keys and signature; one DOT fuse burnt and a blob with no keys, a reset is required.")
public final class DotOverrideCommand extends DeviceCommand {
    @Option(names = "--recovery-ecc-key", paramLabel = "FILE", required = true,
            description = "The recovery key's ECC P-384 private key (PEM).")
    Path ecc;

    @Option(names = "--recovery-mldsa-key", paramLabel = "FILE", required = true,
            description = "The recovery key's ML-DSA-87 private key.")
    Path mldsa;

    @Option(names = "--challenge", paramLabel = "HEX", description = "A challenge dot override-challenge took (default: take one now).")
    String challengeHex;

    private HybridSigner signer;
    private Octets challenge;

    @Override
    protected void prepare() {
        signer = KeyPairFiles.signer(ecc, mldsa);
        if (challengeHex != null) {
            challenge = HexOption.parse("--challenge", challengeHex, OwnershipCommands.CHALLENGE_SIZE, "a DOT challenge");
        }
    }

    @Override
    protected int run(CaliptraSession session) {
        Octets c = challenge != null ? challenge
                : Ownership.overrideChallenge(session, signer.eccX(), signer.eccY(), signer.mldsaPublicKey());
        var t = Ownership.override(session, signer.eccX(), signer.eccY(), signer.mldsaPublicKey(), signer.signMessage(c.toByteArray()));
        return print(DotTransitionReport.of("overridden", t));
    }
}
