package org.caliptra.util.cli.device.dot;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caliptra-util dot}: device ownership transfer; the subcommands are listed in CommandTree. */
@Command(name = "dot", mixinStandardHelpOptions = true,
        description = {"Device ownership transfer (DOT) on a caliptra-2.1 subsystem (MC_DEVICE_OWNERSHIP_TRANSFER): status, "
                + "lock, disable, rotate and backup-blob (authorized), unlock-challenge and unlock (the LAK's signature), "
                + "recovery, override-challenge and override (the vendor recovery key's signature).",
            "DOT works where the dot_initialized fuse is burnt; its state lives in the subsystem's fuses and flash "
                + "(fuse_store in a device file keeps them across runs of the embedded emulator)."})
public final class DotGroupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a dot subcommand is required");
    }
}
