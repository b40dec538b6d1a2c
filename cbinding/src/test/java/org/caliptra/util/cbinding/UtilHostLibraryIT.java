package org.caliptra.util.cbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.server.UdpMailboxHandler;
import org.junit.jupiter.api.Test;

/**
 * Runs the util-host C test programs (cbinding/src/test/c/test_uhost_*.c) against the built
 * libcaliptra_util_host, each in its own process with the environment a C user would have. The
 * programs check their own results (CHECK lines, a "N passed, 0 failed" summary, exit 0); this
 * runner adds what only it can see: the summary's counts, and the served device of the udp:// test.
 */
class UtilHostLibraryIT {
    private static final Path NATIVE = Path.of(System.getProperty("caliptra.native.dir", "target/native"));
    private static final String JAVA_HOME = System.getProperty("caliptra.java.home", System.getProperty("java.home"));
    private static final List<String> RUNTIME_VARIABLES =
            List.of("CALIPTRA_UTIL_JVM", "CALIPTRA_UTIL_CLASSPATH", "CALIPTRA_UTIL_HOME", "CALIPTRA_TARGET", "CALIPTRA_PLUGIN_PATH");

    private record Run(int exitCode, String stdout, String stderr) {
        String both() {
            return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private static Run run(String program, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(NATIVE.resolve(program).toString());
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command);
        RUNTIME_VARIABLES.forEach(pb.environment()::remove);
        pb.environment().put("JAVA_HOME", JAVA_HOME);
        Path out = Files.createTempFile(program, ".out");
        Path err = Files.createTempFile(program, ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(program + " did not finish within 180 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The program passed: exit 0 and its summary says how many checks ran, none failed. */
    private static int passes(String program, Run r) {
        assertEquals(0, r.exitCode(), r::both);
        Matcher m = Pattern.compile(Pattern.quote(program) + ": (\\d+) passed, 0 failed").matcher(r.stdout());
        assertTrue(m.find(), r::both);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theHeaderLayoutsAgreeWithTheReferenceTheSpecAndTheCatalogue() throws Exception {
        Run r = run("test_uhost_layout");
        assertTrue(passes("test_uhost_layout", r) >= 130, r::both);
        assertTrue(r.stdout().contains("commands checked: 80"), r::both);
    }

    @Test
    void aCustomCTransportBehavesAsTheReferenceAndBeyond() throws Exception {
        Run r = run("test_uhost_custom_transport");
        assertTrue(passes("test_uhost_custom_transport", r) >= 90, r::both);
        assertTrue(r.stdout().contains("statistics: sent 14, succeeded 3, failed 5, retries 6"), r::both);
    }

    @Test
    void theStaticArchiveLinksAndRunsTheSameProgram() throws Exception {
        Run r = run("test_uhost_static");
        assertTrue(passes("test_uhost_custom_transport", r) >= 90, r::both);
    }

    @Test
    void aCMailboxDriverSeesTheSpecsFramesAndItsResponsesAreChecked() throws Exception {
        Run r = run("test_uhost_mailbox_driver");
        assertTrue(passes("test_uhost_mailbox_driver", r) >= 30, r::both);
    }

    @Test
    void everyCommandFamilyRunsAgainstTheEmbeddedEmulator() throws Exception {
        Run r = run("test_uhost_commands");
        assertTrue(passes("test_uhost_commands", r) >= 100, r::both);
        assertTrue(r.stdout().contains("GetIdevidCert (all zero): 25 bytes"), r::both);
    }

    @Test
    void theHeaderCompilesAsCxxAndLinksWithCLinkage() throws Exception {
        Run r = run("test_uhost_cxx");
        assertEquals(0, r.exitCode(), r::both);
        assertTrue(r.stdout().contains("test_uhost_cxx: passed"), r::both);
    }

    @Test
    void theUdpTargetReachesAServedDevice() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        var deviceCalls = Executors.newSingleThreadExecutor();
        try (var device = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build())) {
            assertTrue(DevelopmentFirmware.boot(device).booted());
            var log = new ArrayList<String>();
            int port = ((InetSocketAddress) new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new UdpMailboxHandler(device, deviceCalls, line -> {
                        synchronized (log) {
                            log.add(line);
                        }
                    }))
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel().localAddress()).getPort();
            Run r = run("test_uhost_udp", "udp://127.0.0.1:" + port);
            assertTrue(passes("test_uhost_udp", r) >= 12, r::both);
            assertTrue(r.stdout().contains("device id: vendor 0xCA11 device 0x0021"), r::both);
            assertTrue(r.stdout().matches("(?s).*firmware 2: refused with 0x[0-9A-F]{8}.*"), r::both);
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
            deviceCalls.shutdownNow();
        }
    }

    /** docs/c-abi.md's host-library example, compiled with the command the doc gives and run. */
    @Test
    void theDocumentedExampleCompilesAndRuns() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("caliptra.docs.dir", "../docs")).resolve("c-abi.md"));
        int section = doc.indexOf("## The host library");
        int start = doc.indexOf("```c\n", section) + "```c\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Path dir = Files.createTempDirectory("c-abi-example");
        try {
            Path source = Files.writeString(dir.resolve("sha.c"), example);
            Path program = dir.resolve("sha");
            var gcc = new ProcessBuilder("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror",
                    "-I" + System.getProperty("caliptra.include.dir", "src/main/c/include"), "-o", program.toString(), source.toString(),
                    "-L" + NATIVE, "-Wl,-rpath," + NATIVE.toAbsolutePath(), "-lcaliptra_util_host").redirectErrorStream(true).start();
            String compiler = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(gcc.waitFor(120, TimeUnit.SECONDS), "gcc did not finish");
            assertEquals(0, gcc.exitValue(), compiler);
            var pb = new ProcessBuilder(program.toString()).redirectErrorStream(true);
            RUNTIME_VARIABLES.forEach(pb.environment()::remove);
            pb.environment().put("JAVA_HOME", JAVA_HOME);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the example did not finish");
            assertEquals(0, p.exitValue(), output);
            assertEquals("MCU runtime 2.0.0, SHA-384(\"abc\") starts cb00753f\n", output);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void theBenchmarkRuns() throws Exception {
        Run r = run("bench_uhost", "2000", "2000");
        assertEquals(0, r.exitCode(), r::both);
        assertTrue(r.stdout().matches("(?s).*over the embedded emulator \\(caliptra-2.1, MCU mailbox\\): [0-9.]+ us per call.*"), r::both);
        assertTrue(r.stdout().matches("(?s).*over a C loopback transport: [0-9.]+ us per call.*"), r::both);
        System.out.print(r.stdout());
    }
}
