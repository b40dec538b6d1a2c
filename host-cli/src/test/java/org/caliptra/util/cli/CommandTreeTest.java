package org.caliptra.util.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;

/** The subcommand tree built as far as the arguments reach, and what a user sees of it. */
class CommandTreeTest {
    private static CommandLine wholeTree() {
        var cli = new CommandLine(new CaliptraUtil());
        CommandTree.attachAll(cli);
        return cli;
    }

    private static CommandLine treeFor(String... args) {
        var cli = new CommandLine(new CaliptraUtil());
        CommandTree.attach(cli, args);
        return cli;
    }

    /** Every command's path below the root, e.g. ["image", "verify"], parents first. */
    private static List<List<String>> paths(CommandLine cli, List<String> prefix, List<List<String>> into) {
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            var path = new ArrayList<>(prefix);
            path.add(sub.getKey());
            into.add(path);
            paths(sub.getValue(), path, into);
        }
        return into;
    }

    static Stream<List<String>> everyCommand() {
        return paths(wholeTree(), List.of(), new ArrayList<>()).stream();
    }

    private static void assertNamesMatch(List<CommandTree.Node> nodes) {
        for (CommandTree.Node node : nodes) {
            assertEquals(node.name(), node.type().getAnnotation(Command.class).name(), node.type().getName());
            assertEquals(0, node.type().getAnnotation(Command.class).subcommands().length,
                    node.name() + " lists subcommands in its annotation; list them in CommandTree");
            assertNamesMatch(node.children());
        }
    }

    @Test
    void treeNamesAreTheCommandNames() {
        assertNamesMatch(CommandTree.ROOT);
        assertEquals(0, CaliptraUtil.class.getAnnotation(Command.class).subcommands().length);
    }

    @Test
    void theWholeTreeIsEveryCommandInHelpOrder() {
        var cli = wholeTree();
        assertEquals(List.of("get-device-id", "get-firmware-version", "get-capabilities", "get-device-info", "export-attested-csr",
                "get-attestation", "sha", "hmac", "hmac-kdf-counter", "import", "delete", "cm-status", "random", "random-stir",
                "aes-encrypt", "aes-decrypt",
                "aes-gcm-encrypt", "aes-gcm-decrypt", "ecdsa-public-key", "ecdsa-sign", "ecdsa-verify", "ecdh-generate",
                "ecdh-finish", "mldsa-public-key", "mldsa-sign", "mldsa-verify", "lms-verify", "get-log", "clear-log",
                "debug-unlock", "get-auth-challenge", "fuse-read", "fuse-write", "fuse-lock", "fe-prog", "provision-vendor-pk-hash",
                "provision-owner-pk-hash", "increase-min-svn", "revoke-vendor-pub-key", "revoke-vendor-pk-hash", "dot", "commands",
                "transports", "image", "boot", "get-idevid-csr", "get-idevid-cert", "get-ldevid-cert",
                "get-fmc-alias-cert", "get-rt-alias-cert", "get-cert-chain", "fw-info", "capabilities", "fips-version",
                "stash-measurement", "quote-pcrs", "dpe", "emulator", "help"), List.copyOf(cli.getSubcommands().keySet()));
        assertEquals(List.of("inspect", "fuses", "verify", "keygen", "create-fw-bundle", "create-auth-man",
                "create-auth-flash", "template", "extract"), List.copyOf(cli.getSubcommands().get("image").getSubcommands().keySet()));
        assertEquals(List.of("template", "serve"), List.copyOf(cli.getSubcommands().get("emulator").getSubcommands().keySet()));
        assertEquals(List.of("get-profile", "certify-key", "sign", "derive-context", "cert-chain"),
                List.copyOf(cli.getSubcommands().get("dpe").getSubcommands().keySet()));
        assertEquals(List.of("status", "lock", "disable", "rotate", "backup-blob", "unlock-challenge", "unlock", "recovery",
                "override-challenge", "override"), List.copyOf(cli.getSubcommands().get("dot").getSubcommands().keySet()));
    }

    @Test
    void onlyTheNamedPathIsBuilt() {
        assertTrue(treeFor().getSubcommands().isEmpty());
        assertTrue(treeFor("--version").getSubcommands().isEmpty());
        assertTrue(treeFor("-V").getSubcommands().isEmpty());

        var device = treeFor("get-device-id", "--format", "json");
        assertEquals(List.of("get-device-id"), List.copyOf(device.getSubcommands().keySet()));

        var verify = treeFor("image", "verify", "bundle.bin", "--device", "image");
        assertEquals(List.of("image"), List.copyOf(verify.getSubcommands().keySet()));
        assertEquals(List.of("verify"), List.copyOf(verify.getSubcommands().get("image").getSubcommands().keySet()));

        var emulatorTemplate = treeFor("--version", "emulator", "template");
        assertEquals(List.of("template"),
                List.copyOf(emulatorTemplate.getSubcommands().get("emulator").getSubcommands().keySet()));
    }

    @Test
    void whereTheRestOfALevelCouldShowTheLevelIsWhole() {
        int all = CommandTree.ROOT.size();
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"-hV"},
                new String[] {"help"}, new String[] {"help", "image"}, new String[] {"no-such-command"},
                new String[] {"--", "get-device-id"}, new String[] {"@args.txt"}, new String[] {"--bogus", "image"})) {
            var cli = treeFor(args);
            assertEquals(all, cli.getSubcommands().size(), String.join(" ", args));
            assertEquals(9, cli.getSubcommands().get("image").getSubcommands().size(), String.join(" ", args));
        }
        var imageHelp = treeFor("image", "--help");
        assertEquals(List.of("image"), List.copyOf(imageHelp.getSubcommands().keySet()));
        assertEquals(9, imageHelp.getSubcommands().get("image").getSubcommands().size());
        assertEquals(9, treeFor("image", "nope").getSubcommands().get("image").getSubcommands().size());
    }

    private record Seen(int exitCode, String out, String err) {}

    private static Seen lazily(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = CaliptraUtil.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Seen(code, out.toString(), err.toString());
    }

    private static Seen withTheWholeTree(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = CaliptraUtil.execute(wholeTree(), new PrintWriter(out), new PrintWriter(err), args);
        return new Seen(code, out.toString(), err.toString());
    }

    static Stream<List<String>> argumentsAUserMightGive() {
        var given = new ArrayList<List<String>>();
        for (String[] args : new String[][] {
                {}, {"--version"}, {"-V"}, {"--help"}, {"-hV"}, {"help"}, {"help", "image"}, {"help", "image", "verify"},
                {"help", "nosuch"}, {"nosuch"}, {"--bogus"}, {"--", "get-device-id"}, {"@/nonexistent/args"},
                {"get-device-id"}, {"get-device-id", "--format", "json"}, {"get-device-id", "--format", "xml"},
                {"get-device-id", "extra"}, {"get-device-id", "--version"}, {"--version", "get-device-id"},
                {"image"}, {"image", "--version"}, {"image", "nosuch"}, {"image", "help"}, {"image", "inspect"},
                {"image", "inspect", "/nonexistent/bundle.bin"}, {"image", "template", "nope"}, {"boot"},
                {"emulator"}, {"emulator", "nosuch"}, {"emulator", "template"}, {"dpe"}, {"dpe", "nosuch"}, {"dpe", "sign"},
                {"dot"}, {"dot", "nosuch"}, {"sha"}, {"hmac", "--key-hex"}}) {
            given.add(List.of(args));
        }
        everyCommand().forEach(path -> {
            var help = new ArrayList<>(path);
            help.add("--help");
            given.add(help);
        });
        return given.stream();
    }

    @ParameterizedTest
    @MethodSource("argumentsAUserMightGive")
    void aUserSeesTheSameAsWithTheWholeTree(List<String> args) {
        String[] a = args.toArray(String[]::new);
        assertEquals(withTheWholeTree(a), lazily(a), String.join(" ", args));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void everyCommandsHelpPrintsAndEndsOnAFullSentence(List<String> path) {
        var args = new ArrayList<>(path);
        args.add("--help");
        var seen = lazily(args.toArray(String[]::new));
        assertEquals(0, seen.exitCode(), seen.err());
        assertEquals("", seen.err());
        if (!path.equals(List.of("help"))) {
            assertTrue(seen.out().startsWith("Usage: caliptra-util " + String.join(" ", path) + " "), seen.out());
        }
        String last = seen.out().strip().lines().reduce((a, b) -> b).orElse("").strip();
        assertTrue(last.endsWith("."), path + " --help ends on: " + last);

        if (path.size() == 1) {
            // picocli's help command looks its argument up among the root's subcommands only.
            assertEquals(seen, lazily("help", path.get(0)), "help " + path);
        }
    }

    @Test
    void noOptionTakesAValueWhoseConverterIsExcluded() {
        var cli = wholeTree();
        var checked = new ArrayList<String>();
        paths(cli, List.of(), new ArrayList<>()).forEach(path -> {
            CommandLine command = cli;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            for (ArgSpec arg : command.getCommandSpec().args()) {
                var types = new ArrayList<Class<?>>(List.of(arg.type()));
                types.addAll(List.of(arg.auxiliaryTypes()));
                for (Class<?> type : types) {
                    assertFalse(excluded(type.getName()), path + " " + arg + " takes a " + type.getName());
                    checked.add(type.getName());
                }
            }
        });
        assertTrue(checked.contains("java.nio.file.Path"), "the walk saw the options");
        assertTrue(excluded("java.time.Duration"));
        assertTrue(excluded("java.sql.Timestamp"));
    }

    private static boolean excluded(String className) {
        for (String regex : CaliptraUtil.EXCLUDED_CONVERTERS.split(",")) {
            if (className.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theArchiveTrainingRunsEndAsTheyShould() {
        assertNull(ArchiveTraining.train());
    }
}
