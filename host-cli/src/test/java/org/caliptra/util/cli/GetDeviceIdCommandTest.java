package org.caliptra.util.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GetDeviceIdCommandTest {
    record Result(int exitCode, String out, String err) {}

    static Result cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = CaliptraUtil.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void textOutputShowsTheEmulatorIdsInHex() {
        var r = cli("get-device-id");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                vendor_id:           0xCA11
                device_id:           0x0021
                subsystem_vendor_id: 0xCA11
                subsystem_id:        0x0001
                """, r.out().replace(System.lineSeparator(), "\n"));
        assertEquals("", r.err());
    }

    @Test
    void jsonOutputHasExactlyTheFourIntegerFields() throws Exception {
        var r = cli("get-device-id", "--format", "json", "--target", "emulator?profile=caliptra-2.1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(4, json.size());
        assertEquals(51729, json.get("vendor_id").intValue());
        assertTrue(json.get("vendor_id").isInt());
        assertEquals(33, json.get("device_id").intValue());
        assertEquals(51729, json.get("subsystem_vendor_id").intValue());
        assertEquals(1, json.get("subsystem_id").intValue());
    }

    @Test
    void badFormatIsAOneLineUsageError() {
        var r = cli("get-device-id", "--format", "xml");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("caliptra-util get-device-id: Invalid value for option '--format'"), r.err());
    }

    @Test
    void unknownTargetIsAUsageErrorNamingIt() {
        var r = cli("get-device-id", "--target", "udpx://127.0.0.1:9");
        assertEquals(2, r.exitCode());
        assertEquals("caliptra-util get-device-id: unknown target 'udpx://127.0.0.1:9': supported targets are emulator, "
                + "apb, apb+unix, mbox, mbox+unix, mctp-i3c, udp\n", r.err().replace(System.lineSeparator(), "\n"));
        var p = cli("get-device-id", "--target", "emulator?profile=caliptra-0.1");
        assertEquals(2, p.exitCode());
        assertTrue(p.err().contains("unknown profile 'caliptra-0.1' (known: caliptra-1.2, caliptra-2.0, caliptra-2.1)"), p.err());
        // A passive part has only the core mailbox, which does not carry MC_DEVICE_ID: the library's NotSupported, exit 1.
        var passive = cli("get-device-id", "--target", "emulator?profile=caliptra-1.2");
        assertEquals(1, passive.exitCode());
        assertTrue(passive.err().contains("GetDeviceId (0x0003) is not carried by a Caliptra 1.x core mailbox; it travels over an MCU "
                + "(MCI) mailbox"), passive.err());
        var q = cli("get-device-id", "--target", "emulator?colour=blue");
        assertEquals(2, q.exitCode());
        assertTrue(q.err().contains("unknown parameter 'colour' (allowed: profile=caliptra-1.2|caliptra-2.0|caliptra-2.1, "
                + "driver=in-process|registers, transport=mailbox|mctp, mailbox=mcu|core)"), q.err());
    }

    @Test
    void unknownOptionsAndMissingSubcommandAreUsageErrors() {
        assertEquals(2, cli("get-device-id", "--frobnicate").exitCode());
        var none = cli();
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("a subcommand is required"), none.err());
        assertEquals(2, cli("no-such-command").exitCode());
    }

    @Test
    void helpAndVersionWork() {
        var help = cli("get-device-id", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--format=FORMAT"), help.out());
        assertTrue(help.out().contains("--target=URI"), help.out());
        var top = cli("--help");
        assertTrue(top.out().contains("get-device-id"), top.out());
        var version = cli("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("caliptra-util "), version.out());
    }
}
