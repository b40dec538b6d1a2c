package org.caliptra.util.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script in a copy of the repository layout, around the packaged jar: its class-data
 * sharing archive follows the jar when Maven rewrites it behind the launcher's back, and a command
 * behaves the same on the run that records an archive as on any other.
 */
class LauncherArchiveIT {
    private static final long WAIT_SECONDS = 180;
    private static final String[] MODULES = {"protocol", "image", "soc-driver", "emulator", "host-transport",
        "host-session", "host-commands", "host-cli"};

    @TempDir
    Path root;
    Path target;
    Path jar;

    record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void layOutARepository() throws IOException {
        Path launcher = root.resolve("caliptra-util");
        Files.copy(Path.of(System.getProperty("caliptra.launcher")), launcher);
        assertTrue(launcher.toFile().setExecutable(true));
        // Sources older than the jar: the launcher must not try to build.
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(Files.createFile(root.resolve("pom.xml")), past);
        for (String module : MODULES) {
            Files.setLastModifiedTime(Files.createDirectories(root.resolve(module)), past);
        }
        target = Files.createDirectories(root.resolve("host-cli/target"));
        jar = target.resolve("caliptra-util.jar");
        Files.copy(Path.of(System.getProperty("caliptra.cli.jar")), jar);
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of(root.resolve("caliptra-util").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("CALIPTRA_UTIL_JAVA_OPTS");
        builder.environment().remove("CALIPTRA_TARGET");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the launcher did not finish within " + WAIT_SECONDS + " s: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Result launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /** Temporary files of a recording, and JVM crash reports anywhere. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.jsa\\..*|hs_err.*")).toList();
        }
    }

    /** Where the JVM took picocli's main class from when the launcher ran {@code --version}. */
    private String picocliSource() throws Exception {
        Path log = root.resolve("class-load.log");
        Files.deleteIfExists(log);
        var r = launch(Map.of("CALIPTRA_UTIL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "--version");
        assertEquals(0, r.exitCode(), r.err());
        return Files.readAllLines(log).stream().filter(l -> l.contains(" picocli.CommandLine source: ")).findFirst()
                .map(l -> l.substring(l.indexOf(" source: ") + 9)).orElseThrow();
    }

    /** What Maven's repackaging does to the launcher: the same path, a new file time. */
    private void rebuildJar(Instant when) throws IOException {
        Files.copy(Path.of(System.getProperty("caliptra.cli.jar")), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(when));
    }

    @Test
    void theArchiveFollowsTheJar() throws Exception {
        var first = launch("--version");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().matches("caliptra-util \\S+\n"), first.out());
        assertEquals("", first.err());
        List<Path> recorded = archives();
        assertEquals(1, recorded.size(), recorded.toString());
        // Only an archive of the launcher's own can hold picocli: the JDK's does not, and the JVM's
        // dynamic archives refuse its Java 5 classes.
        assertEquals("shared objects file", picocliSource());

        rebuildJar(Instant.now().plusSeconds(5));
        // The first run of the new jar records an archive for it; its command behaves as always.
        var afterRebuild = launch("get-device-id", "--format", "xml");
        assertEquals(2, afterRebuild.exitCode());
        assertEquals("", afterRebuild.out());
        assertEquals(1, afterRebuild.err().lines().count(), afterRebuild.err());
        assertTrue(afterRebuild.err().startsWith("caliptra-util get-device-id: Invalid value for option '--format'"),
                afterRebuild.err());
        List<Path> rerecorded = archives();
        assertEquals(1, rerecorded.size(), "the stale archive is gone: " + rerecorded);
        assertNotEquals(recorded, rerecorded);
        assertEquals("shared objects file", picocliSource());

        // Each rebuild is the same bytes at a later time: the JVM would refuse the previous archive all the same.
        rebuildJar(Instant.now().plusSeconds(10));
        var device = launch("get-device-id");
        assertEquals(new Result(0, """
                vendor_id:           0xCA11
                device_id:           0x0021
                subsystem_vendor_id: 0xCA11
                subsystem_id:        0x0001
                """, ""), device);
        assertEquals(1, archives().size());
        assertFalse(archives().equals(rerecorded));
        assertEquals("shared objects file", picocliSource());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void versionAndGetDeviceIdTakeEveryClassFromTheArchiveAndNothingTheyDoNotUse() throws Exception {
        assertEquals(0, launch("--version").exitCode());
        for (List<String> args : List.of(List.of("--version"), List.of("get-device-id"))) {
            Path loads = root.resolve("loads.log");
            Path inits = root.resolve("inits.log");
            Files.deleteIfExists(loads);
            Files.deleteIfExists(inits);
            var r = launch(Map.of("CALIPTRA_UTIL_JAVA_OPTS",
                    "-Xlog:class+load=info:file=" + loads + " -Xlog:class+init=info:file=" + inits), args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            List<String> loaded = Files.readAllLines(loads);
            List<String> initialized = Files.readAllLines(inits);
            // Nothing is read from the jar: only annotation proxies and LambdaForms are made at run time.
            assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" source: file:")).toList(), args.toString());
            // Nor is the jar opened in Java: a class-path scan (ServiceLoader, getResource) parses its
            // 11,000 entries, more than the rest of a get-device-id costs.
            // java.time's Duration is the session's configuration (its timeouts); its zones and
            // formatting, the costly part, stay unloaded.
            for (String unused : List.of(" org.bouncycastle.", " org.tomlj.", " java.time.zone.", " java.time.format.", " java.sql.",
                    " java.util.ServiceLoader ", " java.util.zip.ZipFile$Source ")) {
                assertEquals(List.of(), loaded.stream().filter(l -> l.contains(unused)).toList(), args + " loads" + unused);
            }
            assertEquals(List.of(), initialized.stream().filter(l -> l.contains("'com/fasterxml/")).toList(),
                    args + " initializes Jackson");
        }
    }

    @Test
    void aJarTheArchiveCannotBeRecordedForRunsWithoutOneAndIsNotRetried() throws Exception {
        // A jar whose main class only echoes and that has no training class: its runs work, and
        // the failed recording is not repeated.
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("org/caliptra/util/cli/CaliptraUtil.class"));
            out.write(echoingMainClass());
        }
        var first = launch("a", "b");
        assertEquals(new Result(3, "a b\n", ""), first);
        assertEquals(List.of(), archives());
        Path marker;
        try (Stream<Path> files = Files.list(target)) {
            marker = files.filter(f -> f.getFileName().toString().endsWith(".jsa.failed")).findFirst().orElseThrow();
        }
        FileTime markedAt = Files.getLastModifiedTime(marker);
        assertEquals(new Result(3, "c\n", ""), launch("c"));
        assertEquals(markedAt, Files.getLastModifiedTime(marker));
        assertEquals(List.of(), leftovers().stream().filter(f -> !f.equals(marker)).toList());
    }

    /** A stand-in for the CLI's main class that prints its arguments and exits 3. */
    private byte[] echoingMainClass() throws IOException {
        Path dir = Files.createDirectories(root.resolve("echo"));
        Path source = Files.writeString(dir.resolve("CaliptraUtil.java"), """
                package org.caliptra.util.cli;

                public class CaliptraUtil {
                    public static void main(String[] args) {
                        System.out.println(String.join(" ", args));
                        System.exit(3);
                    }
                }
                """, StandardCharsets.UTF_8);
        var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", dir.toString(), source.toString()));
        return Files.readAllBytes(dir.resolve("org/caliptra/util/cli/CaliptraUtil.class"));
    }
}
