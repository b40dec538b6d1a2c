package org.caliptra.util.cli.device.auth;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.host.commands.fuse.Fuses;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import picocli.CommandLine.Option;

/**
 * {@code --auth-ecc-key} and {@code --auth-mldsa-key}: the key pair whose hash the device holds as
 * its authorization anchor, which signs an authorized command over a fresh challenge.
 */
public final class AuthKeys {
    @Option(names = "--auth-ecc-key", paramLabel = "FILE",
            description = "The authorization key pair's ECC P-384 private key (PEM, as image keygen writes it).")
    Path eccKey;

    @Option(names = "--auth-mldsa-key", paramLabel = "FILE",
            description = "The authorization key pair's ML-DSA-87 private key (as image keygen writes it).")
    Path mldsaKey;

    private HybridSigner signer;

    /** Whether the keys were given (both; one alone is a usage error). */
    public boolean given() {
        if ((eccKey == null) != (mldsaKey == null)) {
            throw new UsageException(eccKey == null ? "--auth-mldsa-key needs --auth-ecc-key: the authorization is signed by both keys"
                    : "--auth-ecc-key needs --auth-mldsa-key: the authorization is signed by both keys");
        }
        return eccKey != null;
    }

    /** Reads the keys (exit 2 for a missing or malformed file); {@code command} names what needs them. */
    public HybridSigner require(String command) {
        if (!given()) {
            throw new UsageException(command + " is authorized: give --auth-ecc-key and --auth-mldsa-key (the key pair the "
                    + "device's authorization hash names)");
        }
        return signer();
    }

    /** The signer of the keys given, if they were; read on first use. */
    public Optional<HybridSigner> optional() {
        return given() ? Optional.of(signer()) : Optional.empty();
    }

    private HybridSigner signer() {
        if (signer == null) {
            signer = new HybridSigner(KeyFiles.readEccPrivate(eccKey).signer(), KeyFiles.readMldsaPrivate(mldsaKey).signer());
        }
        return signer;
    }

    /**
     * Runs an authorized command: takes a challenge (GetAuthCmdChallenge), signs the pre-image the
     * command's fields make with it, and sends the command with that trailer.
     */
    public static <T> T authorized(CaliptraSession session, HybridSigner signer, Function<Octets, byte[]> preImage,
            Function<Trailer, T> send) {
        Octets challenge = Fuses.authChallenge(session);
        return send.apply(signer.authorize(preImage.apply(challenge), challenge));
    }
}
