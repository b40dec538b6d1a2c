package org.caliptra.util.emulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code src/test/c/socket_client.c}, written from the framing facts alone and compiled here with
 * gcc, against servers of booted devices: FIPS_VERSION and FW_INFO purely through CPTR register
 * accesses to the core mailbox (caliptra-2.1 and caliptra-1.2), and MC_FIRMWARE_VERSION through
 * MBOX (caliptra-2.1), over Unix sockets and TCP. What it prints is checked against the device
 * asked in process and the spec's sizes.
 */
class CSocketClientTest {
    private static final Path SOURCE = Path.of("src", "test", "c", "socket_client.c");
    private static final Path BINARY = Path.of("target", "c", "socket_client");
    private static final long WAIT_SECONDS = 120;
    private static final int MC_FIRMWARE_VERSION = 0x4D46_5756;

    private static CaliptraDevice v21;
    private static CaliptraDevice v12;

    @TempDir
    Path dir;

    @BeforeAll
    static void bootAndCompile() throws Exception {
        compile();
        v21 = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build());
        assertTrue(DevelopmentFirmware.boot(v21).booted());
        v12 = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).build());
        assertTrue(DevelopmentFirmware.boot(v12).booted());
    }

    @AfterAll
    static void closeDevices() {
        if (v21 != null) {
            v21.close();
        }
        if (v12 != null) {
            v12.close();
        }
    }

    private static boolean gccPresent() {
        try {
            var p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void compile() throws Exception {
        Prerequisites.require(gccPresent(), "gcc is not installed (apt-get install gcc)");
        Files.createDirectories(BINARY.getParent());
        var result = run(List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", "-o", BINARY.toString(), SOURCE.toString()));
        assertEquals(0, result.code(), "gcc: " + result.output());
    }

    private record Result(int code, String output) {}

    private static Result run(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read on a thread of its own, so a process that never ends is still cut off by the bounded wait below.
        byte[][] out = new byte[1][];
        var reader = new Thread(() -> {
            try {
                out[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = ("reading the output failed: " + e).getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within " + WAIT_SECONDS + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        return new Result(process.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
    }

    private List<String> client(String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(BINARY.toAbsolutePath().toString());
        command.addAll(List.of(args));
        var result = run(command);
        assertEquals(0, result.code(), "socket_client: " + result.output());
        return result.output().lines().toList();
    }

    private static String versionLine(CaliptraDevice device) {
        // CPTRA_HW_REV_ID and CPTRA_FW_REV_ID[0..1] (soc_ifc 0x0D4, 0x0D8, 0x0DC), which FIPS_VERSION reports.
        return String.format("VERSION mode=0x46495053 hw_rev=0x%08X rom_fmc=0x%08X rt=0x%08X name=Caliptra RTM",
                device.read32(0x3003_00D4), device.read32(0x3003_00D8), device.read32(0x3003_00DC));
    }

    /** MC_FIRMWARE_VERSION index 0 asked in process: the version string after checksum, fips_status and data_len. */
    private static String firmwareVersion(CaliptraDevice device) {
        var reply = (MailboxReply.Data) device.execute(MC_FIRMWARE_VERSION, MailboxFrame.sealRequest(MC_FIRMWARE_VERSION, new byte[4]));
        byte[] fields = MailboxFrame.openResponse(reply.bytes(), "MC_FIRMWARE_VERSION").fields();
        int length = ByteBuffer.wrap(fields).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return new String(fields, 4, length, StandardCharsets.US_ASCII);
    }

    @Test
    void registersAndMailboxOfACaliptra21() throws Exception {
        Path apb = dir.resolve("apb.sock");
        Path mbox = dir.resolve("mbox.sock");
        var endpoints = DeviceEndpoints.of(v21, DevelopmentFirmware.PL0_REQUESTER);
        try (var server = EmulatorServer.builder().unix("apb", apb, endpoints.cptr()).tcp("apb", EmulatorServer.loopback(0), endpoints.cptr())
                .unix("mbox", mbox, endpoints.mbox()).tcp("mbox", EmulatorServer.loopback(0), endpoints.mbox()).build()) {
            var bound = server.start();
            List<String> expected = List.of(versionLine(v21), "FW_INFO dlen=392 pl0_pauser=0x00000001",
                    "MC_FIRMWARE_VERSION fips=0x00000000 version=" + firmwareVersion(v21));
            assertEquals(expected, client("--apb", "unix:" + apb, "--mbox", bound.get(3).printableAddress()));
            assertEquals(expected, client("--apb", bound.get(1).printableAddress(), "--mbox", "unix:" + mbox));
        }
    }

    @Test
    void registersOfACaliptra12() throws Exception {
        Path apb = dir.resolve("apb.sock");
        var endpoints = DeviceEndpoints.of(v12, DevelopmentFirmware.PL0_REQUESTER);
        try (var server = EmulatorServer.builder().unix("apb", apb, endpoints.cptr()).build()) {
            server.start();
            // 1.2's FW_INFO is 264 bytes with its header (spec/device.md §4.2).
            assertEquals(List.of(versionLine(v12), "FW_INFO dlen=264 pl0_pauser=0x00000001"), client("--apb", "unix:" + apb));
        }
    }
}
