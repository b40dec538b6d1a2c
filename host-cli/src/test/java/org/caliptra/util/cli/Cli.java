package org.caliptra.util.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.caliptra.util.testsupport.SharedTestData;

/** Runs the CLI in process and captures what a user would see. */
public final class Cli {
    public record Result(int exitCode, String out, String err) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    private Cli() {}

    public static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = CaliptraUtil.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The AST2700 corpus of the shared test data. */
    public static Path testdata() {
        return SharedTestData.ast2700();
    }

    /** Copies each prebuilt AST2700 image of the shared test data into {@code dir}, as a project's prebuilt/ holds them. */
    public static void copyPrebuilt(Path dir) throws IOException {
        copyFiles(testdata().resolve("prebuilt/ast2700-default"), dir);
    }

    /**
     * Copies the files of {@code from} into {@code to}, made as needed. Copies rather than links: JUnit
     * warns about every link out of a temporary directory it deletes, a thousand lines per build.
     */
    public static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
