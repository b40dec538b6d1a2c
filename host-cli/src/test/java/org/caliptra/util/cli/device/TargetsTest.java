package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.fails;
import static org.caliptra.util.cli.device.DeviceCli.hex;
import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.caliptra.util.cli.device.DeviceCli.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.caliptra.util.cli.target.TargetOptions;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.transport.DeviceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target grammar and what each variant carries: drivers, the MCTP-VDM route, the core mailbox of passive parts. */
class TargetsTest {
    @TempDir
    Path dir;

    /** The capability words, decoded here from the raw caps (big-endian) rather than taken from the command's fields. */
    private static long word(byte[] caps, int offset) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | (caps[offset + i] & 0xFF);
        }
        return v;
    }

    @Test
    void everyDriverAndRouteOfASubsystemAnswersTheSameVersionsAndCapabilities() {
        JsonNode reference = json("get-capabilities");
        byte[] caps = hex(reference.get("caps"));
        assertEquals(36, caps.length);
        assertEquals(word(caps, 20), reference.get("mcu_rt").asLong());
        assertEquals(word(caps, 24), reference.get("external_commands").asLong());
        assertEquals(word(caps, 28), reference.get("authorized_subcommands").asLong());
        assertTrue(reference.get("core_capabilities").toString().contains("RT_BASE"), "a booted core: " + reference);
        assertTrue(reference.get("mcu_rt_capabilities").toString().contains("MCTP_VDM_RESPONDER"), reference.toString());
        assertTrue(reference.get("external_command_names").toString().contains("DEVICE_OWNERSHIP_TRANSFER"), reference.toString());
        for (String target : new String[] {"emulator?driver=registers", "emulator?transport=mctp", "emulator?profile=caliptra-2.1&mailbox=mcu"}) {
            assertEquals(reference.get("caps"), json("get-capabilities", "--target", target).get("caps"), target);
            var mcu = json("get-firmware-version", "--index", "mcu", "--target", target);
            assertEquals("2.0.0.0", mcu.get("version").asText(), target);
        }
    }

    @Test
    void theDebugLogReadsOverTheMailboxAndOverMctpInPages() {
        var page = json("get-log", "--target", "emulator?transport=mctp");
        assertTrue(page.get("bytes").asInt() <= 900, "a VDM page holds at most 900 bytes");
        assertTrue(page.get("more_data").asBoolean(), "a booted device's log is longer than one VDM page");
        String all = ok("get-log", "--all", "--target", "emulator?transport=mctp").out();
        assertTrue(all.contains("BOOT core runtime ready"), all);
        assertEquals(all, ok("get-log", "--all", "--target", "emulator?driver=registers").out(), "one log, whatever the route");
        ok("clear-log", "--target", "emulator?transport=mctp");
        ok("clear-log");
    }

    @Test
    void mctpCarriesOnlyItsFourCommands() throws Exception {
        Path in = Files.writeString(dir.resolve("in"), "x");
        String err = fails(1, "sha", "--target", "emulator?transport=mctp", in.toString());
        assertTrue(err.contains("HashInit (0x2001) is not carried by MCTP-VDM"), err);
        assertTrue(err.contains("it travels over an MCU (MCI) mailbox or a Caliptra 2.x core mailbox"), err);
    }

    @Test
    void aPassivePartIsReachedThroughItsCoreMailbox() throws Exception {
        // caliptra-2.0: the core's own cryptographic mailbox.
        byte[] data = "passive".getBytes();
        Path in = dir.resolve("in");
        Files.write(in, data);
        var sha = json("sha", "--target", "emulator?profile=caliptra-2.0", in.toString());
        assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(data), hex(sha.get("digest")));
        // caliptra-2.1's core mailbox, directly.
        assertEquals(sha.get("digest"), json("sha", "--target", "emulator?mailbox=core", in.toString()).get("digest"));
        assertEquals(sha.get("digest"), json("sha", "--target", "emulator?mailbox=core&driver=registers", in.toString()).get("digest"));

        // caliptra-1.2: VERSION and CAPABILITIES through the core mailbox, MC_DEVICE_ID nowhere.
        var caps = json("get-capabilities", "--target", "emulator?profile=caliptra-1.2");
        assertEquals("[\"RT_BASE\"]", caps.get("core_capabilities").toString());
        assertEquals(0, caps.get("mcu_rt").asLong(), "no MCU");
        json("get-firmware-version", "--target", "emulator?profile=caliptra-1.2&driver=registers");
        String err = fails(1, "get-device-id", "--target", "emulator?profile=caliptra-1.2");
        assertTrue(err.contains("GetDeviceId (0x0003) is not carried by a Caliptra 1.x core mailbox; it travels over an MCU (MCI) mailbox"),
                err);
        // The core has no version of another firmware to report.
        String index = fails(1, "get-firmware-version", "--index", "mcu", "--target", "emulator?profile=caliptra-1.2");
        assertTrue(index.contains("index 1 names firmware a Caliptra core mailbox cannot report"), index);
    }

    @Test
    void openTargetsSayTheirRouteAndKind() {
        try (var t = Targets.open("emulator?profile=caliptra-1.2", TargetOptions.none())) {
            assertEquals(Route.CORE_MAILBOX_1X, t.route().orElseThrow());
            assertEquals(DeviceKind.CALIPTRA_CORE, t.deviceKind().orElseThrow());
        }
        try (var t = Targets.open("emulator?profile=caliptra-2.0", TargetOptions.none())) {
            assertEquals(Route.CORE_MAILBOX, t.route().orElseThrow());
        }
        try (var t = Targets.open("emulator?mailbox=core", TargetOptions.none())) {
            assertEquals(Route.CORE_MAILBOX, t.route().orElseThrow());
        }
        try (var t = Targets.open("emulator?transport=mctp")) {
            assertEquals(Route.MCTP_VDM, t.route().orElseThrow());
            assertTrue(t.deviceKind().isEmpty());
        }
        try (var t = Targets.open("emulator")) {
            assertEquals(Route.MCU_MAILBOX, t.route().orElseThrow());
            assertTrue(t.description().contains("caliptra-2.1"), t.description());
        }
    }

    @Test
    void unknownParametersAndImpossibleCombinationsAreOneLineUsageErrors() {
        String allowed = "(allowed: profile=caliptra-1.2|caliptra-2.0|caliptra-2.1, driver=in-process|registers, "
                + "transport=mailbox|mctp, mailbox=mcu|core)";
        assertTrue(fails(2, "get-capabilities", "--target", "emulator?speed=fast").contains("unknown parameter 'speed' " + allowed));
        assertTrue(fails(2, "get-capabilities", "--target", "emulator?driver=jtag").contains("unknown driver 'jtag' (known: in-process, "
                + "registers)"));
        assertTrue(fails(2, "get-capabilities", "--target", "emulator?profile=caliptra-1.2&transport=mctp")
                .contains("transport=mctp needs profile=caliptra-2.1"));
        assertTrue(fails(2, "get-capabilities", "--target", "emulator?transport=mctp&driver=registers")
                .contains("transport=mctp takes neither driver nor mailbox"));
        assertTrue(fails(2, "get-capabilities", "--target", "emulator?profile=caliptra-2.0&mailbox=mcu")
                .contains("mailbox=mcu needs profile=caliptra-2.1"));
        assertTrue(fails(2, "get-capabilities", "--target", "emulator?profile=caliptra-2.1&profile=caliptra-1.2")
                .contains("parameter 'profile' given twice"));
        // A socket scheme's generation goes with the core mailbox only: a 1.x part has no MCU.
        assertTrue(fails(2, "get-capabilities", "--target", "mbox://127.0.0.1:40001?generation=1")
                .contains("transport 'mbox': generation=1 goes with mailbox=core: a Caliptra 1.x part has no MCU"));
        assertTrue(fails(2, "get-capabilities", "--target", "apb://127.0.0.1:40001?generation=3")
                .contains("transport 'apb': unknown generation '3' (known: 2, 1)"));
        // A built-in socket scheme's parameters are checked when the target opens.
        assertTrue(fails(2, "get-capabilities", "--target", "udp://127.0.0.1:62222?mailbox=soc")
                .contains("target 'udp://127.0.0.1:62222?mailbox=soc': transport 'udp': unknown mailbox 'soc' (known: mcu, core)"));
        assertTrue(fails(2, "get-capabilities", "--target", "mctp-i3c://127.0.0.1:63333?addr=0x7f")
                .contains("transport 'mctp-i3c': addr=0x7f is not an I3C dynamic address"));
        String unknown = fails(2, "get-capabilities", "--target", "smoke-signals:hill");
        assertTrue(unknown.contains("unknown target 'smoke-signals:hill': supported targets are emulator"), unknown);
        // Embedded-device options make no sense for another target.
        String device = fails(2, "get-capabilities", "--target", "udp://127.0.0.1:1", "--fw", "x.bin");
        assertTrue(device.contains("--device, --fw and --flash describe an embedded emulated device"), device);
        assertTrue(fails(2, "get-capabilities", "--fw", "a.bin", "--flash", "b.bin").contains("--fw and --flash both name firmware"));
    }

    @Test
    void aDeviceFilesIdentityReachesGetDeviceIdAndItsProfileTheTarget() throws Exception {
        Path file = dir.resolve("device.toml");
        Files.writeString(file, """
                profile = "caliptra-2.1"
                lifecycle = "unprovisioned"

                [identity]
                vendor_id = 0x1AB4
                device_id = 0x0042
                subsystem_vendor_id = 0x1AB4
                subsystem_id = 0x0007
                """);
        var ids = json("get-device-id", "--device", file.toString());
        assertEquals(0x1AB4, ids.get("vendor_id").asInt());
        assertEquals(0x0042, ids.get("device_id").asInt());
        assertEquals(0x0007, ids.get("subsystem_id").asInt());
        // The same file boots with the development firmware for a command that needs the core.
        json("get-capabilities", "--device", file.toString());
        String conflict = fails(2, "get-device-id", "--device", file.toString(), "--target", "emulator?profile=caliptra-1.2");
        assertTrue(conflict.contains("profile=caliptra-1.2, but --device " + file + " describes a caliptra-2.1 part"), conflict);

        Path passive = dir.resolve("passive.toml");
        Files.writeString(passive, "profile = \"caliptra-2.0\"\nlifecycle = \"unprovisioned\"\n");
        assertEquals(0, json("get-capabilities", "--device", passive.toString()).get("mcu_rt").asLong(),
                "the device file's profile picks the core mailbox");
    }

    @Test
    void givenFirmwareBootsInsteadOfTheDevelopmentBundleAndPicksTheProfile() throws Exception {
        Path v1 = dir.resolve("fw-1x.bin");
        Files.write(v1, org.caliptra.util.emulator.DevelopmentFirmware.bundle(org.caliptra.util.protocol.Generation.V1).toByteArray());
        Path v2 = dir.resolve("fw-2x.bin");
        Files.write(v2, org.caliptra.util.emulator.DevelopmentFirmware.bundle(org.caliptra.util.protocol.Generation.V2).toByteArray());
        json("get-firmware-version", "--fw", v2.toString());
        // A 1.x bundle makes a caliptra-1.2 part, whose core mailbox carries no MC_DEVICE_ID.
        json("get-capabilities", "--fw", v1.toString());
        assertTrue(fails(1, "get-device-id", "--fw", v1.toString()).contains("is not carried by a Caliptra 1.x core mailbox"));
        String mismatch = fails(2, "get-capabilities", "--fw", v2.toString(), "--target", "emulator?profile=caliptra-1.2");
        assertTrue(mismatch.contains("--fw " + v2 + ": Caliptra 2.x firmware cannot boot a caliptra-1.2 device"), mismatch);
        Path png = Files.writeString(dir.resolve("picture.png"), "not a bundle");
        assertTrue(fails(2, "get-capabilities", "--fw", png.toString()).contains("not a Caliptra firmware bundle"));
    }

    @Test
    void aDeviceThatCannotBootFailsWithTheBootStage() throws Exception {
        Path file = dir.resolve("provisioned.toml");
        Files.writeString(file, "profile = \"caliptra-2.1\"\n[fuses]\nvendor_pk_hash = \"" + "ab".repeat(48) + "\"\n");
        String err = fails(1, "get-capabilities", "--device", file.toString());
        assertTrue(err.contains("did not boot the development firmware: stage firmware-load: failed with "
                + "IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH (0x000B0005)"), err);
        assertTrue(err.contains("the development bundle boots an unprovisioned part"), err);
        // get-device-id needs no boot, so the same part answers it.
        json("get-device-id", "--device", file.toString());
        Path notAFile = dir.resolve("missing.toml");
        assertTrue(fails(2, "get-capabilities", "--device", notAFile.toString()).contains(notAFile.toString()));
        assertFalse(HexFormat.of().formatHex(new byte[1]).isEmpty());
    }
}
