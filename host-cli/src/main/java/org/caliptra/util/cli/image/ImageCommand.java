package org.caliptra.util.cli.image;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caliptra-util image …}: build, inspect, sign and verify Caliptra images. Subcommands: {@code CommandTree}. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Build, inspect, sign and verify Caliptra firmware bundles and keys.")
public final class ImageCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an image subcommand is required");
    }
}
