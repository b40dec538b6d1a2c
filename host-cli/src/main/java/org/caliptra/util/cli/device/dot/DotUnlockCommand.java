package org.caliptra.util.cli.device.dot;

import java.nio.charset.StandardCharsets;
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

/** {@code caliptra-util dot unlock}. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Unlock ownership with the LAK (DotUnlock, MDUL): take an unlock challenge (or use --challenge), sign "
                + "BE(\"MDUL\") ‖ challenge with both LAK keys (ECDSA over its SHA-384, ML-DSA over it) and send the keys "
                + "and signature; one DOT fuse burnt, a reset is required.")
public final class DotUnlockCommand extends DeviceCommand {
    static final byte[] MDUL = "MDUL".getBytes(StandardCharsets.US_ASCII);

    @Option(names = "--lak-ecc-key", paramLabel = "FILE", required = true, description = "The LAK's ECC P-384 private key (PEM).")
    Path ecc;

    @Option(names = "--lak-mldsa-key", paramLabel = "FILE", required = true, description = "The LAK's ML-DSA-87 private key.")
    Path mldsa;

    @Option(names = "--challenge", paramLabel = "HEX", description = "A challenge dot unlock-challenge took (default: take one now).")
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
        Octets c = challenge != null ? challenge : Ownership.unlockChallenge(session);
        byte[] transcript = new byte[MDUL.length + c.length()];
        System.arraycopy(MDUL, 0, transcript, 0, MDUL.length);
        c.copyTo(transcript, MDUL.length);
        var t = Ownership.unlock(session, signer.eccX(), signer.eccY(), signer.mldsaPublicKey(), signer.signMessage(transcript));
        return print(DotTransitionReport.of("unlocked", t));
    }
}
