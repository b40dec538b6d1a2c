package org.caliptra.util.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README and docs/ say the CLI prints and has is what it prints and has. */
class DocsTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static String read(String file) throws IOException {
        return Files.readString(REPOSITORY.resolve(file));
    }

    @Test
    void readmeShowsTheJsonGetDeviceIdPrints() throws IOException {
        Matcher block = Pattern.compile("get-device-id --format json` prints\\n\\n  ```\\n(.*?)\\n  ```", Pattern.DOTALL)
                .matcher(read("README.md"));
        assertTrue(block.find(), "README: the JSON example of get-device-id");
        String shown = block.group(1).replaceAll("(?m)^  ", "");
        var printed = Cli.run("get-device-id", "--format", "json", "--target", "emulator");
        assertEquals(0, printed.exitCode(), printed.err());
        assertEquals(printed.out().replace(System.lineSeparator(), "\n").strip(), shown);
    }

    @Test
    void cliDocListsEveryImageSubcommandWithItsHelpSummary() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| `image ([a-z-]+)[^`]*` \\| (.*) \\|$").matcher(read("docs/cli.md"));
        var documented = new ArrayList<String>();
        while (rows.find()) {
            String name = rows.group(1);
            documented.add(name);
            var help = Cli.run("image", name, "--help");
            assertEquals(0, help.exitCode(), help.err());
            // The row is the help's description, joined where --help wraps it.
            String description = help.out().lines().dropWhile(l -> l.startsWith("Usage:") || l.startsWith(" "))
                    .takeWhile(l -> !l.startsWith(" ")).reduce("", (a, b) -> a + " " + b);
            String row = rows.group(2).replace("`", "");
            assertTrue(description.replaceAll("\\s+", " ").contains(row.substring(0, Math.min(row.length(), 40))),
                    "docs/cli.md's image " + name + " row does not start as its --help does: " + row + " / " + description);
        }
        assertEquals(CommandTree.ROOT.stream().filter(n -> n.name().equals("image")).findFirst().orElseThrow()
                .children().stream().map(CommandTree.Node::name).toList(), documented);
    }

    /** The description --help prints, joined where it wraps: the lines between the usage and the first option. */
    private static String helpDescription(String... path) {
        var args = new ArrayList<>(List.of(path));
        args.add("--help");
        var help = Cli.run(args.toArray(String[]::new));
        assertEquals(0, help.exitCode(), help.err());
        return help.out().lines().dropWhile(l -> l.startsWith("Usage:") || l.startsWith(" "))
                .takeWhile(l -> !l.startsWith(" ")).reduce("", (a, b) -> a + " " + b).replaceAll("\\s+", " ").strip();
    }

    @Test
    void cliDocListsEveryDeviceCommandWithItsHelpSummary() throws IOException {
        String doc = read("docs/cli.md");
        var documented = new java.util.LinkedHashMap<String, String>();
        Matcher rows = Pattern.compile("(?m)^\\| `([a-z-]+(?: [a-z][a-z-]*)?)(?: [^`]*)?` \\| (.*) \\|$").matcher(doc);
        while (rows.find()) {
            documented.put(rows.group(1), rows.group(2));
        }
        var expected = new ArrayList<String>();
        for (CommandTree.Node node : CommandTree.ROOT) {
            if (org.caliptra.util.cli.device.DeviceCommand.class.isAssignableFrom(node.type()) || node.name().equals("commands")
                    || node.name().equals("transports")) {
                expected.add(node.name());
            }
            if (node.name().equals("dot")) {
                node.children().forEach(c -> expected.add("dot " + c.name()));
            }
        }
        assertTrue(expected.size() > 40, expected.toString());
        for (String command : expected) {
            String row = documented.get(command);
            assertTrue(row != null, "docs/cli.md has no row for " + command);
            String description = helpDescription(command.split(" "));
            String start = row.replace("`", "").replace("\\|", "|");
            start = start.substring(0, Math.min(start.length(), 60));
            assertTrue(description.startsWith(start), "docs/cli.md's " + command + " row does not start as its --help does: " + row
                    + " / " + description);
        }
    }

    @Test
    void cAbiDocSaysHowTheProgramFindsTheLibraryAtRunTime() throws IOException {
        String doc = read("docs/c-abi.md");
        for (String needed : List.of("-Wl,-rpath,\"$PWD/cbinding/target/native\" -lcaliptra_util_host",
                "LD_LIBRARY_PATH=cbinding/target/native")) {
            assertTrue(doc.contains(needed), "docs/c-abi.md: " + needed);
        }
    }
}
