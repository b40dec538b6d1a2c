package org.caliptra.util.cli;

import java.util.List;
import org.caliptra.util.cli.boot.BootCommand;
import org.caliptra.util.cli.booted.CapabilitiesCommand;
import org.caliptra.util.cli.booted.DpeCertChainCommand;
import org.caliptra.util.cli.booted.DpeCertifyKeyCommand;
import org.caliptra.util.cli.booted.DpeDeriveContextCommand;
import org.caliptra.util.cli.booted.DpeGetProfileCommand;
import org.caliptra.util.cli.booted.DpeGroupCommand;
import org.caliptra.util.cli.booted.DpeSignCommand;
import org.caliptra.util.cli.booted.FipsVersionCommand;
import org.caliptra.util.cli.booted.FwInfoCommand;
import org.caliptra.util.cli.booted.GetCertChainCommand;
import org.caliptra.util.cli.booted.GetFmcAliasCertCommand;
import org.caliptra.util.cli.booted.GetIdevidCsrCommand;
import org.caliptra.util.cli.booted.GetIdevidCertCommand;
import org.caliptra.util.cli.booted.GetLdevidCertCommand;
import org.caliptra.util.cli.booted.GetRtAliasCertCommand;
import org.caliptra.util.cli.booted.QuotePcrsCommand;
import org.caliptra.util.cli.booted.StashMeasurementCommand;
import org.caliptra.util.cli.device.GetDeviceIdCommand;
import org.caliptra.util.cli.emulator.EmulatorCommand;
import org.caliptra.util.cli.image.CreateAuthFlashCommand;
import org.caliptra.util.cli.image.CreateAuthManCommand;
import org.caliptra.util.cli.image.CreateFwBundleCommand;
import org.caliptra.util.cli.image.ExtractCommand;
import org.caliptra.util.cli.image.FusesCommand;
import org.caliptra.util.cli.image.ImageCommand;
import org.caliptra.util.cli.image.InspectCommand;
import org.caliptra.util.cli.image.KeygenCommand;
import org.caliptra.util.cli.image.TemplateCommand;
import org.caliptra.util.cli.image.VerifyCommand;
import picocli.CommandLine;

/**
 * The subcommands of {@code caliptra-util}, built only as far as the arguments reach.
 *
 * <p>picocli builds a command's model by reflection over its class, its annotations and its
 * mixins, and it builds every class named in a {@code subcommands} attribute the same way before
 * it parses anything. For the whole tree that was most of what {@code get-device-id} and
 * {@code --version} spent. So the tree is declared here instead of in the annotations, and each
 * level gets only the subcommand the arguments name. Wherever the rest of a level could show —
 * help, an option this class does not read, a word that names no subcommand — the level is built
 * whole, as the annotations built it, so nothing a user sees depends on how far the tree was built.
 *
 * <p>The names here must equal the {@code @Command} names; a test holds them together.
 */
final class CommandTree {
    /** A subcommand: its {@code @Command} name, its class and its own subcommands, in help order. */
    record Node(String name, Class<?> type, List<Node> children) {
        static Node leaf(String name, Class<?> type) {
            return new Node(name, type, List.of());
        }

        static Node of(String name, Class<?> type, Node... children) {
            return new Node(name, type, List.of(children));
        }
    }

    /** The root's subcommands. Class literals load a class without building or initializing anything. */
    static final List<Node> ROOT = List.of(
            Node.leaf("get-device-id", GetDeviceIdCommand.class),
            Node.of("image", ImageCommand.class,
                    Node.leaf("inspect", InspectCommand.class),
                    Node.leaf("fuses", FusesCommand.class),
                    Node.leaf("verify", VerifyCommand.class),
                    Node.leaf("keygen", KeygenCommand.class),
                    Node.leaf("create-fw-bundle", CreateFwBundleCommand.class),
                    Node.leaf("create-auth-man", CreateAuthManCommand.class),
                    Node.leaf("create-auth-flash", CreateAuthFlashCommand.class),
                    Node.leaf("template", TemplateCommand.class),
                    Node.leaf("extract", ExtractCommand.class)),
            Node.leaf("boot", BootCommand.class),
            // A booted device's runtime commands: each boots an embedded device from --fw/--flash first.
            Node.leaf("get-idevid-csr", GetIdevidCsrCommand.class),
            Node.leaf("get-idevid-cert", GetIdevidCertCommand.class),
            Node.leaf("get-ldevid-cert", GetLdevidCertCommand.class),
            Node.leaf("get-fmc-alias-cert", GetFmcAliasCertCommand.class),
            Node.leaf("get-rt-alias-cert", GetRtAliasCertCommand.class),
            Node.leaf("get-cert-chain", GetCertChainCommand.class),
            Node.leaf("fw-info", FwInfoCommand.class),
            Node.leaf("capabilities", CapabilitiesCommand.class),
            Node.leaf("fips-version", FipsVersionCommand.class),
            Node.leaf("stash-measurement", StashMeasurementCommand.class),
            Node.leaf("quote-pcrs", QuotePcrsCommand.class),
            Node.of("dpe", DpeGroupCommand.class,
                    Node.leaf("get-profile", DpeGetProfileCommand.class),
                    Node.leaf("certify-key", DpeCertifyKeyCommand.class),
                    Node.leaf("sign", DpeSignCommand.class),
                    Node.leaf("derive-context", DpeDeriveContextCommand.class),
                    Node.leaf("cert-chain", DpeCertChainCommand.class)),
            Node.of("emulator", EmulatorCommand.class,
                    Node.leaf("template", EmulatorCommand.Template.class)),
            // help resolves its argument among its siblings, so choosing it builds the whole tree.
            Node.leaf("help", CommandLine.HelpCommand.class));

    private CommandTree() {}

    /** Adds to {@code root} the subcommands {@code args} can reach. */
    static void attach(CommandLine root, String[] args) {
        attach(root, ROOT, args, 0);
    }

    /** Adds every subcommand, at every level: what picocli's annotations did. */
    static void attachAll(CommandLine root) {
        attachAll(root, ROOT);
    }

    private static void attach(CommandLine parent, List<Node> children, String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--version") || arg.equals("-V")) {
                // The one option that reads no subcommand; every command here has it, none takes a value.
                continue;
            }
            Node chosen = arg.startsWith("-") ? null : find(children, arg);
            if (chosen == null || chosen.type() == CommandLine.HelpCommand.class) {
                // Help, "--", an @file, another option, or a word that names nothing here: picocli
                // may list, suggest or expand, so it gets the level as the annotations built it.
                attachAll(parent, children);
                return;
            }
            CommandLine sub = new CommandLine(chosen.type(), parent.getFactory());
            attach(sub, chosen.children(), args, i + 1);
            parent.addSubcommand(sub);
            return;
        }
        // Nothing after this command reaches a subcommand: a bare command only reports that one is required.
    }

    private static void attachAll(CommandLine parent, List<Node> children) {
        for (Node child : children) {
            CommandLine sub = new CommandLine(child.type(), parent.getFactory());
            attachAll(sub, child.children());
            parent.addSubcommand(sub);
        }
    }

    private static Node find(List<Node> children, String name) {
        for (Node child : children) {
            if (child.name().equals(name)) {
                return child;
            }
        }
        return null;
    }
}
