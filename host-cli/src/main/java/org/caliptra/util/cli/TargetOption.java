package org.caliptra.util.cli;

import org.caliptra.util.cli.target.Targets;
import picocli.CommandLine.Option;

/** {@code --target URI}, shared by every device command. */
public final class TargetOption {
    @Option(names = {"-t", "--target"}, paramLabel = "URI",
            description = "Device to talk to: emulator (an embedded emulated device) or "
                    + "emulator?profile=caliptra-2.1. Default: $CALIPTRA_TARGET, else emulator.")
    private String target;

    public String uri() {
        return target != null ? target : Targets.fromEnvironment();
    }
}
