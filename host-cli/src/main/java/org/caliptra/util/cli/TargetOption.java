package org.caliptra.util.cli;

import org.caliptra.util.cli.target.Targets;
import picocli.CommandLine.Option;

/** {@code --target URI}, shared by every device command. */
public final class TargetOption {
    @Option(names = {"-t", "--target"}, paramLabel = "URI",
            description = "Device to talk to: emulator (an embedded emulated device; emulator?profile=caliptra-1.2|caliptra-2.0|caliptra-2.1"
                    + "&driver=in-process|registers&transport=mailbox|mctp&mailbox=mcu|core), or a transport plugin's "
                    + "scheme (see transports). Default: $CALIPTRA_TARGET, else emulator.")
    private String target;

    public String uri() {
        return target != null ? target : Targets.fromEnvironment();
    }
}
