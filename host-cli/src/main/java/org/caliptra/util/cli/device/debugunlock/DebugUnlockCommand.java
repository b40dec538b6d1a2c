package org.caliptra.util.cli.device.debugunlock;

import java.nio.file.Path;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.HybridSigner;
import org.caliptra.util.cli.device.auth.KeyPairFiles;
import org.caliptra.util.host.commands.debugunlock.DebugUnlock;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockToken;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.UnlockChallenge;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util debug-unlock}: production debug unlock, challenge and signed token. */
@Command(name = "debug-unlock", mixinStandardHelpOptions = true,
        description = {"Production debug unlock (ProdDebugUnlockReq, ProdDebugUnlockToken: MC_PROD_DEBUG_UNLOCK_REQ/_TOKEN or "
                + "the core's PRODUCTION_AUTH_DEBUG_UNLOCK_*): ask for a challenge at --level, sign udi ‖ level ‖ reserved ‖ "
                + "challenge with the level's keys (ECDSA over its SHA-384, ML-DSA over its SHA-512) and submit the token.",
            "--request-only prints the challenge and stops. The SoC must have asked for the unlock "
                + "(SS_DEBUG_INTENT, SS_DBG_SERVICE_REG_REQ) on a production part whose level's key hash is fused."})
public final class DebugUnlockCommand extends DeviceCommand {
    @Option(names = "--level", paramLabel = "N", required = true, description = "The debug level to unlock, 1..8.")
    int level;

    @Option(names = "--ecc-key", paramLabel = "FILE", description = "The level's ECC P-384 private key (PEM, as image keygen writes it).")
    Path ecc;

    @Option(names = "--mldsa-key", paramLabel = "FILE", description = "The level's ML-DSA-87 private key.")
    Path mldsa;

    @Option(names = "--request-only", description = "Only ask for the challenge and print it.")
    boolean requestOnly;

    private HybridSigner signer;

    @Override
    protected void prepare() {
        if (level < 1 || level > 8) {
            throw new UsageException("--level " + level + ": production debug levels are 1..8");
        }
        if (!requestOnly) {
            if (ecc == null || mldsa == null) {
                throw new UsageException("debug-unlock signs the token with --ecc-key and --mldsa-key (or give --request-only)");
            }
            signer = KeyPairFiles.signer(ecc, mldsa);
        }
    }

    @Override
    protected int run(CaliptraSession session) {
        UnlockChallenge challenge = DebugUnlock.request(session, level);
        var report = new FieldReport().put("level", level).put("udi", challenge.uniqueDeviceIdentifier())
                .put("challenge", challenge.challenge());
        if (requestOnly) {
            return print(report);
        }
        DebugUnlock.submitToken(session, token(signer, level, challenge.uniqueDeviceIdentifier(), challenge.challenge()));
        return print(report.put("unlocked", true));
    }

    /** The token answering {@code challenge}: the keys, and both signatures over {@code udi ‖ level ‖ 0 0 0 ‖ challenge}. */
    static ProdDebugUnlockToken token(HybridSigner signer, int level, Octets udi, Octets challenge) {
        byte[] signed = new byte[udi.length() + 4 + challenge.length()];
        udi.copyTo(signed, 0);
        signed[udi.length()] = (byte) level;
        challenge.copyTo(signed, udi.length() + 4);
        var sig = signer.signDigests(signed);
        return ProdDebugUnlockToken.of(udi, level, challenge, join(signer.eccX(), signer.eccY()), signer.mldsaPublicKey(),
                join(sig.eccSigR(), sig.eccSigS()), new MldsaSignature(sig.mldsaSig()));
    }

    private static Octets join(Octets a, Octets b) {
        byte[] out = new byte[a.length() + b.length()];
        a.copyTo(out, 0);
        b.copyTo(out, a.length());
        return Octets.of(out);
    }
}
