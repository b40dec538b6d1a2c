package org.caliptra.util.cbinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.testsupport.SharedTestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the hw-model C programs (src/test/c, built by this module's build) against the built
 * libcaliptra_hw_model_c_binding, each in its own process with the environment a C user has.
 * The firmware is the real AST2700 bundle of the shared corpus (1.x) or the development bundle
 * (2.x); the ROM is arbitrary bytes, whose SHA-384 the model must log.
 */
class HwModelLibraryIT {
    private static final Path NATIVE = Path.of(System.getProperty("caliptra.native.dir", "target/native"));
    private static final String JAVA_HOME = System.getProperty("caliptra.java.home", System.getProperty("java.home"));
    private static final List<String> RUNTIME_VARIABLES = List.of("CALIPTRA_UTIL_JVM", "CALIPTRA_UTIL_CLASSPATH", "CALIPTRA_UTIL_HOME",
            "CALIPTRA_TARGET", "CALIPTRA_DEVICE", "CALIPTRA_EMULATOR", "CALIPTRA_UTIL_JVM_OPTIONS");
    /** testdata/ast2700/README.md: the bundle's header pl0_pauser, and its key hashes. */
    private static final String AST2700_PL0 = "pl0_pauser 0x21212121";
    private static final String VENDOR = "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc";
    private static final String OWNER = "124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6";

    private static Path work;
    private static Path rom;
    private static String romSha384;
    private static Path ast2700;
    private static Path bundleV2;

    private record Run(int exitCode, String stdout) {
        String show() {
            return "exit " + exitCode + ", output:\n" + stdout;
        }
    }

    @BeforeAll
    static void inputs() throws Exception {
        work = Files.createTempDirectory("hw-model-it");
        byte[] romBytes = new byte[49152];
        new Random(7).nextBytes(romBytes);
        rom = Files.write(work.resolve("rom.bin"), romBytes);
        romSha384 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-384").digest(romBytes));
        ast2700 = SharedTestData.prebuilt("caliptra-fw.bin");
        bundleV2 = Files.write(work.resolve("dev-2x.bin"), DevelopmentFirmware.bundle(Generation.V2).toByteArray());
    }

    @AfterAll
    static void clean() throws IOException {
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Run run(Path program, Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(program.toString());
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        RUNTIME_VARIABLES.forEach(pb.environment()::remove);
        pb.environment().put("JAVA_HOME", JAVA_HOME);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(program + " did not finish within 180 s:\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private static Run run(String program, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(NATIVE.resolve(program), env, args);
    }

    private static void assertPassed(Run r, String name) {
        assertEquals(0, r.exitCode(), r::show);
        assertTrue(r.stdout().matches("(?s).*" + name + ": \\d+ passed, 0 failed.*"), r::show);
    }

    private static Path deviceFile(String toml) throws IOException {
        return Files.writeString(Files.createTempFile(work, "device", ".toml"), toml);
    }

    @Test
    void bothHeaderSetsHaveTheReferenceLayouts() throws Exception {
        assertPassed(run("test_model_layout_1x", Map.of()), "test_model_layout_1x");
        assertPassed(run("test_model_layout_2x", Map.of()), "test_model_layout_2x");
    }

    @Test
    void aRegisterLevelBootOfTheAst2700BundleThrough1xHeaders() throws Exception {
        Run r = run("test_model_smoke_1x", Map.of(), rom.toString(), ast2700.toString());
        assertPassed(r, "test_model_smoke");
        assertTrue(r.stdout().contains("FW_INFO: 264 bytes, " + AST2700_PL0), r::show);
        assertTrue(r.stdout().contains("[model] caliptra-util hw-model, 1.x API: profile caliptra-1.2, lifecycle unprovisioned, "
                + "debug unlocked, requester 0x00000001\n"), r::show);
        assertTrue(r.stdout().contains("[model] ROM image 49152 bytes, SHA-384 " + romSha384 + ": recorded"), r::show);
    }

    @Test
    void aRegisterLevelBootOfA2xBundleThrough2xHeaders() throws Exception {
        Run r = run("test_model_smoke_2x", Map.of(), rom.toString(), bundleV2.toString());
        assertPassed(r, "test_model_smoke");
        // FW_INFO of a 2.x runtime: 392 bytes (spec/device.md §4.2); the development bundle names PL0 requester 1.
        assertTrue(r.stdout().contains("FW_INFO: 392 bytes, pl0_pauser 0x00000001"), r::show);
        assertTrue(r.stdout().contains("2.x API: profile caliptra-2.0, lifecycle unprovisioned"), r::show);
    }

    @Test
    void theStaticArchiveWorksAwayFromTheBuildDirectory() throws Exception {
        // Beside no jar, the archive's objects fall back to the jar of the build that made them.
        Path program = Files.copy(NATIVE.resolve("test_model_smoke_static"), work.resolve("test_model_smoke_static"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Run r = run(program, Map.of(), rom.toString(), ast2700.toString());
        assertPassed(r, "test_model_smoke");
        assertTrue(r.stdout().contains("FW_INFO: 264 bytes, " + AST2700_PL0), r::show);
    }

    @Test
    void theQemuProofOfConceptsCallsBootTheAst2700Bundle() throws Exception {
        Run r = run("test_model_poc", Map.of(), rom.toString(), ast2700.toString(), "boots");
        assertPassed(r, "test_model_poc");
        assertTrue(r.stdout().contains("FW_INFO: 264 bytes, " + AST2700_PL0), r::show);
        assertTrue(r.stdout().contains("[rom] FIRMWARE_LOAD (0x46574C44) from 0x00000001, 108148 bytes: CMD_COMPLETE\n"), r::show);
    }

    /** The same C program against a device another process could share: served on a CPTR socket, named by CALIPTRA_EMULATOR. */
    @Test
    void theQemuProofOfConceptsCallsBootAServedDeviceThroughCaliptraEmulator() throws Exception {
        Path socket = work.resolve("poc-cptr.sock");
        try (var device = org.caliptra.util.emulator.CaliptraDevice.create(org.caliptra.util.emulator.DeviceConfig.builder()
                        .profile(org.caliptra.util.emulator.Profile.CALIPTRA_1_2).build());
                var server = org.caliptra.util.emulator.server.EmulatorServer.builder()
                        .unix(org.caliptra.util.emulator.server.DeviceEndpoints.APB, socket,
                                org.caliptra.util.emulator.server.DeviceEndpoints.of(device, 1).cptr())
                        .build()) {
            server.start();
            Run r = run("test_model_poc", Map.of("CALIPTRA_EMULATOR", "apb+unix:" + socket), rom.toString(), ast2700.toString(), "boots");
            assertPassed(r, "test_model_poc");
            assertTrue(r.stdout().contains("FW_INFO: 264 bytes, " + AST2700_PL0), r::show);
            assertTrue(r.stdout().contains("[model] caliptra-util hw-model, 1.x API: the device served at apb+unix:" + socket), r::show);
            assertEquals(0x600, device.read32(0x3003_0000 + org.caliptra.util.protocol.regs.SocIfcRegs.BOOT_STATUS),
                    "the served device is the one the program booted");
        }
    }

    @Test
    void theDeviceFilesFusesBootTheBundleWithEverySignatureChecked() throws Exception {
        Path device = deviceFile("profile = \"caliptra-1.2\"\nlifecycle = \"production\"\n[fuses]\nvendor_pk_hash = \"" + VENDOR
                + "\"\nowner_pk_hash = \"" + OWNER + "\"\nlms_verify = true\n");
        Run r = run("test_model_poc", Map.of("CALIPTRA_DEVICE", device.toString()), rom.toString(), ast2700.toString(), "boots");
        assertPassed(r, "test_model_poc");
        assertTrue(r.stdout().contains("lifecycle production, debug unlocked, vendor_pk_hash " + VENDOR), r::show);
        assertTrue(r.stdout().contains("[rom] image verified (vendor ECC, vendor LMS, owner ECC, owner LMS)"), r::show);
    }

    @Test
    void aWrongVendorKeyHashFuseEndsTheBootInTheRomsFatalError() throws Exception {
        Path device = deviceFile("profile = \"caliptra-1.2\"\nlifecycle = \"production\"\n[fuses]\nvendor_pk_hash = \""
                + "00".repeat(47) + "01\"\n");
        Run r = run("test_model_poc", Map.of("CALIPTRA_DEVICE", device.toString()), rom.toString(), ast2700.toString(), "000B0005");
        assertPassed(r, "test_model_poc");
        assertTrue(r.stdout().contains("boot_default: 720901 (0x000B0005): FIRMWARE_LOAD failed: "
                + "IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH (0x000B0005)"), r::show);
        assertTrue(r.stdout().contains("[rom] fatal error IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH (0x000B0005): halted until reset"),
                r::show);
    }

    @Test
    void manyThreadsShareOneModel() throws Exception {
        Run r = run("test_model_threads", Map.of(), rom.toString(), ast2700.toString());
        assertPassed(r, "test_model_threads");
        assertTrue(r.stdout().contains("200 FW_INFO commands, " + AST2700_PL0), r::show);
    }

    @Test
    void aForkedChildGetsClearFailuresAndTheParentGoesOn() throws Exception {
        Run r = run("test_model_fork", Map.of(), rom.toString(), ast2700.toString());
        assertPassed(r, "test_model_fork");
        assertTrue(r.stdout().contains("child: read -> -3: caliptra_model: caliptra_model_apb_read_u32 in a child of fork(): "
                + "the JVM does not survive fork()"), r::show);
    }

    @Test
    void bothLibrariesShareOneJvmInOneProcess() throws Exception {
        Run r = run("test_two_libraries", Map.of(), rom.toString(), ast2700.toString());
        assertPassed(r, "test_two_libraries");
        assertTrue(r.stdout().contains("device id: vendor 0xCA11 device 0x0021"), r::show);
    }

    @Test
    void withoutJavaEveryInitSaysWhatWasLookedFor() throws Exception {
        Run r = run("test_model_no_runtime", Map.of("JAVA_HOME", "/nonexistent/jdk"));
        assertEquals(0, r.exitCode(), r::show);
        assertTrue(r.stdout().contains("init=-3 model=NULL\n"), r::show);
        assertTrue(r.stdout().contains("message=caliptra_model: no JVM at JAVA_HOME=/nonexistent/jdk "
                + "(looked for /nonexistent/jdk/lib/server/libjvm.so); set JAVA_HOME to a Java 17+ JDK or JRE\n"), r::show);
        assertTrue(r.stdout().contains("second=-3\nnull-out=-2\nnull-model-read=-2\nnull-model-step=-2\nnull-model-fuses=0\n"
                + "null-model-peek=NULL/0\n"), r::show);
    }

    @Test
    void theBenchmarkRuns() throws Exception {
        Run r = run("bench_model", Map.of(), rom.toString(), ast2700.toString(), "200000", "5", "3");
        assertEquals(0, r.exitCode(), r::show);
        assertTrue(r.stdout().contains("bench_model: done"), r::show);
        System.out.println(r.stdout()); // the numbers, for whoever reads the build log
    }

    /** A file the environment names but that is not there. */
    @Test
    void aMissingDeviceFileIsNamed() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CALIPTRA_DEVICE", work.resolve("nope.toml").toString());
        Run r = run("test_model_poc", env, rom.toString(), ast2700.toString(), "boots");
        assertEquals(1, r.exitCode(), r::show);
        assertTrue(r.stdout().contains("init_default: -2: CALIPTRA_DEVICE=" + work.resolve("nope.toml") + ": no such device file\n"),
                r::show);
    }
}
