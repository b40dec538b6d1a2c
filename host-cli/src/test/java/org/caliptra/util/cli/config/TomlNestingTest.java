package org.caliptra.util.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tomlj parses nesting recursively: thousands of levels overflowed the stack in every TOML
 * reader, with a thousand-line trace. Nesting is now bounded before parsing.
 */
class TomlNestingTest {
    @TempDir
    Path dir;

    static String deep(String kind, int depth) {
        return switch (kind) {
            case "arrays" -> "x = " + "[".repeat(depth) + "]".repeat(depth) + "\n";
            case "inline tables" -> "x = " + "{a = ".repeat(depth) + "1" + "}".repeat(depth) + "\n";
            case "dotted keys" -> "a.".repeat(depth) + "b = 1\n";
            case "table header" -> "[" + "t.".repeat(depth) + "u]\nb = 1\n";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "inline tables", "dotted keys", "table header"})
    void everyTomlReaderRefusesDeepNestingInOneLine(String kind) throws Exception {
        Path toml = Files.writeString(dir.resolve("deep.toml"), "# deep\n" + deep(kind, 5000));
        Path bundle = Cli.testdata().resolve("prebuilt/ast2700-default/caliptra-fw.bin");
        for (String[] args : List.of(new String[] {"image", "create-auth-man", "--cfg", toml.toString()},
                new String[] {"image", "create-fw-bundle", "--config", toml.toString()},
                new String[] {"image", "verify", bundle.toString(), "--device", toml.toString()},
                new String[] {"boot", "--fw", bundle.toString(), "--device", toml.toString()})) {
            var r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(toml + ":2: nested more than 64 levels deep (arrays, inline tables and dotted keys "
                    + "together); configurations need a few"), r.err());
        }
    }

    @Test
    void nestingUpToTheBoundParses() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.toml"), deep("arrays", 63) + deep("inline tables", 20).replace("x =", "y ="));
        TomlFile.read(ok);
        Path over = Files.writeString(dir.resolve("over.toml"), deep("arrays", 65));
        assertThrows(UsageException.class, () -> TomlFile.read(over));
    }

    @Test
    void bracketsAndDotsInStringsCommentsAndValuesAreNotNesting() throws Exception {
        String text = "a = \"" + "[{.".repeat(2000) + "\"\n"
                + "b = '" + "[[..".repeat(2000) + "'\n"
                + "c = \"\"\"\n" + "[\\\"{\n".repeat(500) + "\"\"\"\n"
                + "d = '''" + "]][[..\n".repeat(500) + "'''\n"
                + "# " + "[[[[....".repeat(1000) + "\n"
                + "e = [" + "1.5, ".repeat(2000) + "2.5]\n"
                + "f = 1979-05-27T07:32:00.999999Z\n"
                + "\"g.h\" = 1\n";
        TomlFile.read(Files.writeString(dir.resolve("strings.toml"), text));
        // and every configuration upstream ships still reads
        try (var configs = Files.list(Cli.testdata().resolve("config"))) {
            for (Path c : configs.toList()) {
                TomlFile.read(c);
            }
        }
    }
}
