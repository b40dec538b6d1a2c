package org.caliptra.util.cli.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.cli.CaliptraUtil;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.host.transport.socket.CptrRegisterBus;
import org.caliptra.util.host.transport.socket.SocketTimeouts;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.fuses.FuseSet;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emulator serve} end to end: in process (stopped by interrupting its thread) and as a child
 * process (stopped by SIGTERM), on ephemeral ports and temporary socket paths, driven by the CLI's own
 * device commands through the apb, apb+unix, mbox and mbox+unix targets and by the boot flow over
 * CPTR. Every wait is bounded.
 */
class ServeCommandTest {
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;

    /** A writer that hands each complete line to a queue, so a test can wait for the ready lines. */
    private static final class Lines extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lines.add(partial.toString().replace("\r", ""));
                    partial.setLength(0);
                } else {
                    partial.append(c);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        String next() throws InterruptedException {
            String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no line within " + WAIT_SECONDS + " s");
            }
            return line;
        }
    }

    private static String json(String... args) {
        var r = Cli.run(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    /** The C client of emulator/src/test/c, built with gcc here (a CI=true failure without gcc); its output lines. */
    private List<String> socketClient(String... args) throws Exception {
        Prerequisites.require(commandRuns(List.of("gcc", "--version")), "gcc is not installed (apt-get install gcc)");
        Path binary = dir.resolve("socket_client");
        var build = List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", "-o", binary.toString(),
                Path.of("..", "emulator", "src", "test", "c", "socket_client.c").toString());
        var gcc = new ProcessBuilder(build).redirectErrorStream(true).redirectOutput(dir.resolve("gcc.log").toFile()).start();
        assertTrue(gcc.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "gcc did not finish in time");
        assertEquals(0, gcc.exitValue(), "gcc: " + Files.readString(dir.resolve("gcc.log")));
        var command = new ArrayList<String>(List.of(binary.toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve("socket_client.out");
        var client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!client.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("socket_client did not finish within " + WAIT_SECONDS + " s");
        }
        assertEquals(0, client.exitValue(), "socket_client: " + Files.readString(output));
        return Files.readAllLines(output);
    }

    private static boolean commandRuns(List<String> command) {
        try {
            var p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** MC_FIRMWARE_VERSION index 0 of the development firmware, asked of an embedded caliptra-2.1 in process. */
    private static String developmentFirmwareVersion() {
        try (var device = CaliptraDevice.createOnCallerThread(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build())) {
            assertTrue(DevelopmentFirmware.boot(device).booted());
            int mfwv = McCommand.MC_FIRMWARE_VERSION.code();
            var reply = (MailboxReply.Data) device.execute(mfwv, MailboxFrame.sealRequest(mfwv, new byte[4]));
            byte[] fields = MailboxFrame.openResponse(reply.bytes(), "MC_FIRMWARE_VERSION").fields();
            int length = java.nio.ByteBuffer.wrap(fields).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            return new String(fields, 4, length, StandardCharsets.US_ASCII);
        }
    }

    private static int port(String readyLine) {
        return Integer.parseInt(readyLine.substring(readyLine.lastIndexOf(':') + 1));
    }

    /**
     * Without firmware the device waits at ready_for_fuses: a client boots it through the APB endpoint
     * with soc-driver's boot flow (the development bundle, so an unprovisioned part), and then every
     * target scheme reaches the same device.
     */
    @Test
    void inProcessAClientBootsTheDeviceThroughRegistersThenEverySchemeReachesIt() throws Exception {
        Path apb = dir.resolve("apb.sock");
        Path mbox = dir.resolve("mbox.sock");
        var out = new Lines();
        var err = new StringWriter();
        int[] exit = {-1};
        var serving = new Thread(() -> exit[0] = CaliptraUtil.run(new PrintWriter(out, true), new PrintWriter(err, true), "emulator",
                "serve", "--lifecycle", "unprovisioned", "--apb-socket", apb.toString(), "--apb-port", "0", "--mbox-socket", mbox.toString(), "--mbox-port", "0",
                "--udp-port", "0", "--i3c-port", "0"));
        serving.start();
        try {
            assertEquals("apb unix:" + apb, out.next());
            String apbTcp = out.next();
            assertTrue(apbTcp.matches("apb 127\\.0\\.0\\.1:[1-9][0-9]*"), apbTcp);
            assertEquals("mbox unix:" + mbox, out.next());
            String mboxTcp = out.next();
            assertTrue(mboxTcp.matches("mbox 127\\.0\\.0\\.1:[1-9][0-9]*"), mboxTcp);
            String udp = out.next();
            assertTrue(udp.matches("udp 127\\.0\\.0\\.1:[1-9][0-9]*"), udp);
            String i3c = out.next();
            assertTrue(i3c.matches("i3c 127\\.0\\.0\\.1:[1-9][0-9]*"), i3c);

            // The MCU answers MC_DEVICE_ID from its configuration, booted or not.
            String ids = json("get-device-id", "--format", "json", "--target", "mbox://127.0.0.1:" + port(mboxTcp));
            assertEquals(json("get-device-id", "--format", "json", "--target", "emulator"), ids);

            try (var bus = CptrRegisterBus.connect(new InetSocketAddress("127.0.0.1", port(apbTcp)), "apb test",
                    new SocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(WAIT_SECONDS)))) {
                var report = new BootFlow(bus).run(BootPlan.firmwareOnly(FuseSet.defaults(Generation.V2),
                        DevelopmentFirmware.bundle(Generation.V2)));
                assertTrue(report.booted(), report.toString());
            }
            // The core's firmware version, through the core mailbox register by register and through MBOX via the MCU.
            String viaCore = json("get-firmware-version", "--format", "json", "--target", "emulator?mailbox=core");
            assertEquals(viaCore, json("get-firmware-version", "--format", "json", "--target", "apb+unix:" + apb));
            assertEquals(viaCore, json("get-firmware-version", "--format", "json", "--target", "apb://127.0.0.1:" + port(apbTcp)));
            String viaMcu = json("get-firmware-version", "--format", "json", "--target", "emulator");
            assertEquals(viaMcu, json("get-firmware-version", "--format", "json", "--target", "mbox+unix:" + mbox));
            assertEquals(viaMcu, json("get-firmware-version", "--format", "json", "--target", "udp://127.0.0.1:" + port(udp)));
            assertEquals(json("get-firmware-version", "--format", "json", "--target", "emulator?transport=mctp"),
                    json("get-firmware-version", "--format", "json", "--target", "mctp-i3c://127.0.0.1:" + port(i3c)));

            // The route of each scheme decides what it carries: the core mailbox has no MC_DEVICE_ID.
            var refused = Cli.run("get-device-id", "--target", "apb+unix:" + apb);
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().contains("is not carried by a Caliptra 2.x core mailbox"), refused.err());
            String listing = json("commands", "--format", "json", "--target", "mbox+unix:" + mbox);
            assertTrue(listing.contains("MCU (MCI) mailbox"), listing);
        } finally {
            serving.interrupt();
            serving.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        assertFalse(serving.isAlive());
        assertEquals(0, exit[0], err.toString());
        assertFalse(Files.exists(apb), "the socket files are removed");
        assertFalse(Files.exists(mbox));
    }

    /** N booted devices in a child process: paths suffixed, devices independent; SIGTERM ends it cleanly. */
    @Test
    void aChildProcessServesBootedDevicesUntilSigterm() throws Exception {
        Path fw = dir.resolve("fw.bin");
        Files.write(fw, DevelopmentFirmware.bundle(Generation.V2).toByteArray());
        Path apb = dir.resolve("apb.sock");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        var command = List.of(javaBin, "-cp", System.getProperty("java.class.path"), CaliptraUtil.class.getName(), "emulator", "serve",
                "--fw", fw.toString(), "--lifecycle", "unprovisioned", "--apb-socket", apb.toString(), "--mbox-port", "0",
                "--devices", "2", "--idle-timeout", "10m");
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var ready = new LinkedBlockingQueue<String>();
        var reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(ready::add);
            } catch (Exception e) {
                ready.add("reading failed: " + e);
            }
        });
        reader.start();
        try {
            var lines = new ArrayList<String>();
            for (int i = 0; i < 4; i++) {
                String line = ready.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertTrue(line != null, "ready lines so far: " + lines);
                lines.add(line);
            }
            assertEquals("apb unix:" + apb + ".1", lines.get(0));
            assertTrue(lines.get(1).matches("mbox 127\\.0\\.0\\.1:[1-9][0-9]*"), lines.get(1));
            assertEquals("apb unix:" + apb + ".2", lines.get(2));
            assertTrue(lines.get(3).matches("mbox 127\\.0\\.0\\.1:[1-9][0-9]*"), lines.get(3));
            assertNotEquals(port(lines.get(1)), port(lines.get(3)));

            // Booted before the endpoints opened: a runtime command answers at once.
            String version = json("get-firmware-version", "--format", "json", "--target", "mbox://127.0.0.1:" + port(lines.get(1)));
            assertEquals(json("get-firmware-version", "--format", "json", "--target", "emulator"), version);
            // Independent devices: a register written on one is not written on the other (CPTRA_FW_EXTENDED_ERROR_INFO[7], RW).
            var timeouts = new SocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(WAIT_SECONDS));
            try (var one = CptrRegisterBus.connect(java.net.UnixDomainSocketAddress.of(Path.of(apb + ".1")), "apb 1", timeouts);
                    var two = CptrRegisterBus.connect(java.net.UnixDomainSocketAddress.of(Path.of(apb + ".2")), "apb 2", timeouts)) {
                int before = two.read32(0x3003_0034);
                one.write32(0x3003_0034, 0x5A5A_0001);
                assertEquals(0x5A5A_0001, one.read32(0x3003_0034));
                assertEquals(before, two.read32(0x3003_0034));
                // Issue 13's C client, which boots nothing: FIPS_VERSION and FW_INFO by APB reads and writes
                // alone, MC_FIRMWARE_VERSION through MBOX, on the devices --fw booted. FIPS_VERSION reports
                // CPTRA_HW_REV_ID and CPTRA_FW_REV_ID[0..1]; the version string is the firmware's, asked in process.
                String versionLine = String.format("VERSION mode=0x46495053 hw_rev=0x%08X rom_fmc=0x%08X rt=0x%08X name=Caliptra RTM",
                        one.read32(0x3003_00D4), one.read32(0x3003_00D8), one.read32(0x3003_00DC));
                assertEquals(List.of(versionLine, "FW_INFO dlen=392 pl0_pauser=0x00000001",
                        "MC_FIRMWARE_VERSION fips=0x00000000 version=" + developmentFirmwareVersion()),
                        socketClient("--apb", "unix:" + apb + ".1", "--mbox", "127.0.0.1:" + port(lines.get(1))));
            }
        } finally {
            process.destroy();
            assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "serve ends on SIGTERM");
            reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        assertFalse(Files.exists(Path.of(apb + ".1")), "the shutdown hook removes the socket files");
        assertFalse(Files.exists(Path.of(apb + ".2")));
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (String[] c : new String[][] {
                {"nothing to serve: give at least one of --apb-socket, --apb-port, --mbox-socket, --mbox-port, --udp-port, --i3c-port"},
                {"--i3c-port: MCTP over I3C reaches the MCU's responder, and a caliptra-1.2 device has no MCU (use caliptra-2.1)",
                        "--i3c-port", "0", "--profile", "caliptra-1.2"},
                {"--mbox-port and --apb-port both use TCP port 40001 (with --devices 2)", "--apb-port", "40000", "--mbox-port", "40001",
                        "--devices", "2"},
                {"--devices 0: from 1 to 256", "--apb-port", "0", "--devices", "0"},
                {"--apb-port 70000: a port from 0 to 65535", "--apb-port", "70000"},
                {"--apb-port 65535: with --devices 2 the ports run past 65535", "--apb-port", "65535", "--devices", "2"},
                {"--idle-timeout '5 minutes': a number with ms, s, m or h", "--apb-port", "0", "--idle-timeout", "5 minutes"},
                {"--bind 'no.such.host.invalid': not an address of this machine", "--apb-port", "0", "--bind", "no.such.host.invalid"}}) {
            var args = new ArrayList<>(List.of("emulator", "serve"));
            args.addAll(List.of(c).subList(1, c.length));
            var r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("caliptra-util emulator serve: " + c[0]), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void idleTimeoutsReadAsDurations() {
        assertEquals(Duration.ZERO, ServeCommand.parseIdleTimeout("0"));
        assertEquals(Duration.ofSeconds(90), ServeCommand.parseIdleTimeout("90"));
        assertEquals(Duration.ofMillis(500), ServeCommand.parseIdleTimeout("500ms"));
        assertEquals(Duration.ofMinutes(10), ServeCommand.parseIdleTimeout("10m"));
        assertEquals(Duration.ofHours(1), ServeCommand.parseIdleTimeout("1H"));
    }
}
