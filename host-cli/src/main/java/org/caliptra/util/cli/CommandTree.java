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
import org.caliptra.util.cli.device.GetCapabilitiesCommand;
import org.caliptra.util.cli.device.GetDeviceIdCommand;
import org.caliptra.util.cli.device.GetDeviceInfoCommand;
import org.caliptra.util.cli.device.GetFirmwareVersionCommand;
import org.caliptra.util.cli.device.aes.AesDecryptCommand;
import org.caliptra.util.cli.device.aes.AesEncryptCommand;
import org.caliptra.util.cli.device.aes.AesGcmDecryptCommand;
import org.caliptra.util.cli.device.aes.AesGcmEncryptCommand;
import org.caliptra.util.cli.device.asymmetric.EcdhFinishCommand;
import org.caliptra.util.cli.device.asymmetric.EcdhGenerateCommand;
import org.caliptra.util.cli.device.asymmetric.EcdsaPublicKeyCommand;
import org.caliptra.util.cli.device.asymmetric.EcdsaSignCommand;
import org.caliptra.util.cli.device.asymmetric.EcdsaVerifyCommand;
import org.caliptra.util.cli.device.asymmetric.LmsVerifyCommand;
import org.caliptra.util.cli.device.asymmetric.MldsaPublicKeyCommand;
import org.caliptra.util.cli.device.asymmetric.MldsaSignCommand;
import org.caliptra.util.cli.device.asymmetric.MldsaVerifyCommand;
import org.caliptra.util.cli.device.attestation.GetAttestationCommand;
import org.caliptra.util.cli.device.catalog.CommandsCommand;
import org.caliptra.util.cli.device.catalog.TransportsCommand;
import org.caliptra.util.cli.device.certificate.ExportAttestedCsrCommand;
import org.caliptra.util.cli.device.debug.ClearLogCommand;
import org.caliptra.util.cli.device.debug.GetLogCommand;
import org.caliptra.util.cli.device.debugunlock.DebugUnlockCommand;
import org.caliptra.util.cli.device.dot.DotBackupBlobCommand;
import org.caliptra.util.cli.device.dot.DotDisableCommand;
import org.caliptra.util.cli.device.dot.DotGroupCommand;
import org.caliptra.util.cli.device.dot.DotLockCommand;
import org.caliptra.util.cli.device.dot.DotOverrideChallengeCommand;
import org.caliptra.util.cli.device.dot.DotOverrideCommand;
import org.caliptra.util.cli.device.dot.DotRecoveryCommand;
import org.caliptra.util.cli.device.dot.DotRotateCommand;
import org.caliptra.util.cli.device.dot.DotStatusCommand;
import org.caliptra.util.cli.device.dot.DotUnlockChallengeCommand;
import org.caliptra.util.cli.device.dot.DotUnlockCommand;
import org.caliptra.util.cli.device.fuse.FeProgCommand;
import org.caliptra.util.cli.device.fuse.FuseLockCommand;
import org.caliptra.util.cli.device.fuse.FuseReadCommand;
import org.caliptra.util.cli.device.fuse.FuseWriteCommand;
import org.caliptra.util.cli.device.fuse.GetAuthChallengeCommand;
import org.caliptra.util.cli.device.fuse.IncreaseMinSvnCommand;
import org.caliptra.util.cli.device.fuse.ProvisionOwnerPkHashCommand;
import org.caliptra.util.cli.device.fuse.ProvisionVendorPkHashCommand;
import org.caliptra.util.cli.device.fuse.RevokeVendorPkHashCommand;
import org.caliptra.util.cli.device.fuse.RevokeVendorPubKeyCommand;
import org.caliptra.util.cli.device.hash.ShaCommand;
import org.caliptra.util.cli.device.hmac.HmacCommand;
import org.caliptra.util.cli.device.hmac.HmacKdfCounterCommand;
import org.caliptra.util.cli.device.keys.CmStatusCommand;
import org.caliptra.util.cli.device.keys.DeleteCommand;
import org.caliptra.util.cli.device.keys.ImportCommand;
import org.caliptra.util.cli.device.random.RandomCommand;
import org.caliptra.util.cli.device.random.RandomStirCommand;
import org.caliptra.util.cli.emulator.EmulatorCommand;
import org.caliptra.util.cli.emulator.ServeCommand;
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
            // Device commands: one per catalogue command a target can carry, over --target.
            Node.leaf("get-device-id", GetDeviceIdCommand.class),
            Node.leaf("get-firmware-version", GetFirmwareVersionCommand.class),
            Node.leaf("get-capabilities", GetCapabilitiesCommand.class),
            Node.leaf("get-device-info", GetDeviceInfoCommand.class),
            Node.leaf("export-attested-csr", ExportAttestedCsrCommand.class),
            Node.leaf("get-attestation", GetAttestationCommand.class),
            Node.leaf("sha", ShaCommand.class),
            Node.leaf("hmac", HmacCommand.class),
            Node.leaf("hmac-kdf-counter", HmacKdfCounterCommand.class),
            Node.leaf("import", ImportCommand.class),
            Node.leaf("delete", DeleteCommand.class),
            Node.leaf("cm-status", CmStatusCommand.class),
            Node.leaf("random", RandomCommand.class),
            Node.leaf("random-stir", RandomStirCommand.class),
            Node.leaf("aes-encrypt", AesEncryptCommand.class),
            Node.leaf("aes-decrypt", AesDecryptCommand.class),
            Node.leaf("aes-gcm-encrypt", AesGcmEncryptCommand.class),
            Node.leaf("aes-gcm-decrypt", AesGcmDecryptCommand.class),
            Node.leaf("ecdsa-public-key", EcdsaPublicKeyCommand.class),
            Node.leaf("ecdsa-sign", EcdsaSignCommand.class),
            Node.leaf("ecdsa-verify", EcdsaVerifyCommand.class),
            Node.leaf("ecdh-generate", EcdhGenerateCommand.class),
            Node.leaf("ecdh-finish", EcdhFinishCommand.class),
            Node.leaf("mldsa-public-key", MldsaPublicKeyCommand.class),
            Node.leaf("mldsa-sign", MldsaSignCommand.class),
            Node.leaf("mldsa-verify", MldsaVerifyCommand.class),
            Node.leaf("lms-verify", LmsVerifyCommand.class),
            Node.leaf("get-log", GetLogCommand.class),
            Node.leaf("clear-log", ClearLogCommand.class),
            Node.leaf("debug-unlock", DebugUnlockCommand.class),
            Node.leaf("get-auth-challenge", GetAuthChallengeCommand.class),
            Node.leaf("fuse-read", FuseReadCommand.class),
            Node.leaf("fuse-write", FuseWriteCommand.class),
            Node.leaf("fuse-lock", FuseLockCommand.class),
            Node.leaf("fe-prog", FeProgCommand.class),
            Node.leaf("provision-vendor-pk-hash", ProvisionVendorPkHashCommand.class),
            Node.leaf("provision-owner-pk-hash", ProvisionOwnerPkHashCommand.class),
            Node.leaf("increase-min-svn", IncreaseMinSvnCommand.class),
            Node.leaf("revoke-vendor-pub-key", RevokeVendorPubKeyCommand.class),
            Node.leaf("revoke-vendor-pk-hash", RevokeVendorPkHashCommand.class),
            Node.of("dot", DotGroupCommand.class,
                    Node.leaf("status", DotStatusCommand.class),
                    Node.leaf("lock", DotLockCommand.class),
                    Node.leaf("disable", DotDisableCommand.class),
                    Node.leaf("rotate", DotRotateCommand.class),
                    Node.leaf("backup-blob", DotBackupBlobCommand.class),
                    Node.leaf("unlock-challenge", DotUnlockChallengeCommand.class),
                    Node.leaf("unlock", DotUnlockCommand.class),
                    Node.leaf("recovery", DotRecoveryCommand.class),
                    Node.leaf("override-challenge", DotOverrideChallengeCommand.class),
                    Node.leaf("override", DotOverrideCommand.class)),
            Node.leaf("commands", CommandsCommand.class),
            Node.leaf("transports", TransportsCommand.class),
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
                    Node.leaf("template", EmulatorCommand.Template.class),
                    Node.leaf("serve", ServeCommand.class)),
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
