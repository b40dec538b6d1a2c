package org.caliptra.util.cli.booted;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caliptra-util dpe …}: the DICE Protection Environment of a booted device. Subcommands: {@code CommandTree}. */
@Command(name = "dpe", mixinStandardHelpOptions = true,
        description = {"Ask the DICE Protection Environment (DPE, through INVOKE_DPE) of a device booted from --fw or --flash: "
                + "its profile, certified keys, signatures, derived contexts and certificate chain.",
            "Each run boots a fresh device: --measurement derives the contexts an operation needs first, every run."})
public final class DpeGroupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a dpe subcommand is required");
    }
}
