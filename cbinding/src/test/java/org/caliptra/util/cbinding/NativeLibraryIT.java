package org.caliptra.util.cbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the C test programs against the built libcaliptra_util_host.so, each in its own process
 * (a process can host only one JVM), with the environment a C user would have.
 */
class NativeLibraryIT {
    private static final Path NATIVE = Path.of(System.getProperty("caliptra.native.dir", "target/native"));
    private static final String JAVA_HOME = System.getProperty("caliptra.java.home", System.getProperty("java.home"));

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run run(String program, Map<String, String> env, List<String> unset) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(NATIVE.resolve(program).toString());
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(program, ".out");
        Path err = Files.createTempFile(program, ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(program + " did not finish within 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static final List<String> RUNTIME_VARIABLES =
            List.of("CALIPTRA_UTIL_JVM", "CALIPTRA_UTIL_CLASSPATH", "CALIPTRA_UTIL_HOME", "CALIPTRA_TARGET");

    @Test
    void cProgramReadsTheDeviceIdFromTheEmbeddedEmulator() throws Exception {
        Run r = run("test_get_device_id", Map.of("JAVA_HOME", JAVA_HOME), RUNTIME_VARIABLES);
        assertEquals(0, r.exitCode(), () -> "stdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr());
        assertTrue(r.stdout().contains("device id: vendor 0xCA11 device 0x0021 subsystem vendor 0xCA11 subsystem 0x0001"), r.stdout());
        assertTrue(r.stdout().matches("(?s).*test_get_device_id: \\d+ passed, 0 failed.*"), r.stdout());
    }

    @Test
    void aMissingJvmIsAClearErrorNotACrash() throws Exception {
        Run r = run("test_no_runtime", Map.of("JAVA_HOME", "/nonexistent/jdk"), RUNTIME_VARIABLES);
        assertEquals(0, r.exitCode(), () -> r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("error=11 transport=NULL"), r.stdout());
        assertTrue(r.stdout().contains("message=caliptra_util_host: no JVM at JAVA_HOME=/nonexistent/jdk "
                + "(looked for /nonexistent/jdk/lib/server/libjvm.so)"), r.stdout());
        assertTrue(r.stdout().contains("second=11"), r.stdout());
    }

    @Test
    void aMissingClassPathIsAClearErrorNotACrash() throws Exception {
        Run r = run("test_no_runtime", Map.of("JAVA_HOME", JAVA_HOME, "CALIPTRA_UTIL_CLASSPATH", "/nonexistent/bridge.jar"),
                RUNTIME_VARIABLES);
        assertEquals(0, r.exitCode(), () -> r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("message=caliptra_util_host: CALIPTRA_UTIL_CLASSPATH entry /nonexistent/bridge.jar cannot be read"),
                r.stdout());
    }

    @Test
    void aClassPathWithoutTheBridgeIsAClearError() throws Exception {
        Path empty = Files.createTempFile("empty", ".jar");
        try {
            try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(empty))) {
                zip.putNextEntry(new java.util.zip.ZipEntry("README"));
                zip.closeEntry();
            }
            Run r = run("test_no_runtime", Map.of("JAVA_HOME", JAVA_HOME, "CALIPTRA_UTIL_CLASSPATH", empty.toString()),
                    RUNTIME_VARIABLES);
            assertEquals(0, r.exitCode(), () -> r.stdout() + r.stderr());
            assertTrue(r.stdout().contains("cannot load org/caliptra/util/cbinding/NativeBridge from class path " + empty), r.stdout());
            assertTrue(r.stdout().contains("NoClassDefFoundError"), r.stdout());
        } finally {
            Files.deleteIfExists(empty);
        }
    }
}
