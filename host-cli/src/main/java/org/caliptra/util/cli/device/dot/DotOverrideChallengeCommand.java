package org.caliptra.util.cli.device.dot;

import java.nio.file.Path;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.auth.KeyPairFiles;
import org.caliptra.util.host.commands.ownership.Ownership;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util dot override-challenge}. */
@Command(name = "override-challenge", mixinStandardHelpOptions = true,
        description = "Take the challenge a DOT override answers (DotOverrideChallenge, DOTW), naming the vendor recovery "
                + "key (its hash must be the fused vendor recovery PK hash); dot override takes one itself.")
public final class DotOverrideChallengeCommand extends DeviceCommand {
    @Option(names = "--recovery-ecc-key", paramLabel = "FILE", required = true,
            description = "The recovery key's ECC P-384 key (public or private PEM).")
    Path ecc;

    @Option(names = "--recovery-mldsa-key", paramLabel = "FILE", required = true,
            description = "The recovery key's ML-DSA-87 key (public or private).")
    Path mldsa;

    private KeyPairFiles.PublicKeys keys;

    @Override
    protected void prepare() {
        keys = KeyPairFiles.publicKeys(ecc, mldsa);
    }

    @Override
    protected int run(CaliptraSession session) {
        return print(new FieldReport().put("challenge", Ownership.overrideChallenge(session, keys.x(), keys.y(), keys.mldsa())));
    }
}
