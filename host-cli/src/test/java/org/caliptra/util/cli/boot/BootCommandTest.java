package org.caliptra.util.cli.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.AuthResult;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootImages;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.boot.BootStage;
import org.caliptra.util.soc.boot.Outcome;
import org.caliptra.util.soc.fuses.FuseSet;
import org.caliptra.util.testsupport.FaultyBus;
import org.caliptra.util.testsupport.RecordingBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `caliptra-util boot` on flash images built from the ast2700-default ECC + LMS configuration. */
class BootCommandTest {
    static final String VENDOR = "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc";
    static final String OWNER = "124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6";

    @TempDir
    Path dir;
    Path ast;
    Path prebuilt;

    @BeforeEach
    void project() throws Exception {
        ast = Cli.testdata();
        prebuilt = Files.createDirectories(dir.resolve("prebuilt"));
        Cli.copyPrebuilt(prebuilt);
        byte[] mcu = new byte[20000];
        new Random(9).nextBytes(mcu);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
    }

    Path build(String command, String... extra) {
        var args = new ArrayList<>(List.of("image", command, "--cfg", ast.resolve("config/ast2700-default-ecc-lms-manifest.toml").toString(),
                "--key-dir", ast.resolve("key/ast2700-default").toString(), "--prebuilt-dir", prebuilt.toString(),
                "--vendor-sig-dir", ast.toString()));
        args.addAll(List.of(extra));
        var r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return null;
    }

    JsonNode boot(int expectedExit, String... args) {
        var all = new ArrayList<>(List.of("boot"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        var r = Cli.run(all.toArray(String[]::new));
        assertEquals(expectedExit, r.exitCode(), r.out() + r.err());
        return r.json();
    }

    String[] fuses(String... more) {
        var list = new ArrayList<>(List.of("--vendor-pk-hash", VENDOR, "--owner-pk-hash", OWNER, "--lms-verify", "--lifecycle", "production"));
        list.addAll(List.of(more));
        return list.toArray(String[]::new);
    }

    @Test
    void theAst2700FlashImageBoots() {
        Path flash = dir.resolve("flash.bin");
        build("create-auth-flash", "--flash", flash.toString());
        var args = new ArrayList<>(List.of("--flash", flash.toString()));
        args.addAll(List.of(fuses()));
        var json = boot(0, args.toArray(String[]::new));
        assertEquals("booted", json.get("verdict").asText());
        var stages = json.get("stages");
        assertEquals("fuses", stages.get(0).get("stage").asText());
        assertEquals("firmware-load", stages.get(2).get("stage").asText());
        assertEquals("set-auth-manifest", stages.get(4).get("stage").asText());
        assertEquals(5 + 14, stages.size(), "5 stages and 14 images");
        for (int i = 5; i < stages.size(); i++) {
            assertEquals("authorized", stages.get(i).get("result").asText(), stages.get(i).toString());
        }
    }

    /** The flash image's BootPlan, as `boot --flash` builds it, with the fuses of the options above. */
    BootPlan flashPlan(Path flash) throws Exception {
        var fuses = Fuses.builder().lifecycle(Lifecycle.PRODUCTION).vendorPkHash(Octets.fromHex(VENDOR))
                .ownerPkHash(Octets.fromHex(OWNER)).lmsVerify(true).build();
        return new BootPlan(FuseSet.of(Generation.V1, fuses), BootImages.fromFlash(Files.readAllBytes(flash)));
    }

    static CaliptraDevice device() {
        return CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_1_2).lifecycle(Lifecycle.PRODUCTION).build());
    }

    @Test
    void theSameFlashImageBootsThroughARecordingBus() throws Exception {
        Path flash = dir.resolve("flash.bin");
        build("create-auth-flash", "--flash", flash.toString());
        try (var device = device()) {
            var bus = new RecordingBus(device.asUser(0x2121_2121));
            var report = new BootFlow(bus).run(flashPlan(flash));
            assertTrue(report.booted(), report.toString());
            assertEquals(5 + 14, report.stages().size(), "5 stages and 14 images");
            var authorized = report.stages().stream().filter(st -> st.stage() == BootStage.AUTHORIZE)
                    .map(st -> ((Outcome.Authorization) st.outcome()).result().orElseThrow()).distinct().toList();
            assertEquals(List.of(AuthResult.IMAGE_AUTHORIZED), authorized);
            assertEquals(14, bus.count(RecordingBus.Access.Kind.WRITE, 0x3002_0008) - 2, "one command per image after the load and the manifest");
        }
    }

    @Test
    void aCorruptedResponseWordIsMalformedAndNothingIsAuthorizedOnIt() throws Exception {
        Path flash = dir.resolve("flash.bin");
        build("create-auth-flash", "--flash", flash.toString());
        try (var device = device()) {
            // The first DATAOUT word the SoC reads is the SET_AUTH_MANIFEST response's checksum.
            var bus = new FaultyBus(device.asUser(0x2121_2121)).flipBits(0x3002_0014, 1 << 3, 0);
            var report = new BootFlow(bus).run(flashPlan(flash));
            var set = report.stages().get(4);
            assertEquals(BootStage.SET_AUTH_MANIFEST, set.stage());
            var malformed = assertInstanceOf(Outcome.Malformed.class, set.outcome());
            assertTrue(malformed.problem().startsWith("SET_AUTH_MANIFEST response: checksum mismatch"), malformed.problem());
            assertEquals(5, report.stages().size(), "no image is authorized after a manifest the SoC could not confirm");
            assertFalse(report.booted());
        }
    }

    @Test
    void aChangedAtfFailsOnFwId10WithImageHashMismatch() throws Exception {
        Path man = dir.resolve("man.bin");
        build("create-auth-man", "--man", man.toString());
        Files.delete(prebuilt.resolve("atf.bin"));
        byte[] atf = Files.readAllBytes(ast.resolve("prebuilt/ast2700-default/atf.bin"));
        atf[1234] ^= 0x10;
        Files.write(prebuilt.resolve("atf.bin"), atf);
        Path flash = dir.resolve("flash.bin");
        build("create-auth-flash", "--man", man.toString(), "--flash", flash.toString());
        var args = new ArrayList<>(List.of("--flash", flash.toString()));
        args.addAll(List.of(fuses()));
        var json = boot(1, args.toArray(String[]::new));
        assertEquals("failed", json.get("verdict").asText());
        JsonNode fw10 = null;
        for (JsonNode s : json.get("stages")) {
            if (s.has("fw_id") && s.get("fw_id").asInt() == 10) {
                fw10 = s;
            } else if (s.has("fw_id")) {
                assertEquals("authorized", s.get("result").asText(), s.toString());
            }
        }
        assertEquals("IMAGE_HASH_MISMATCH", fw10.get("result").asText());
        assertEquals("IMAGE_HASH_MISMATCH", fw10.get("error").get("name").asText());
        assertEquals("0x8BFB95CB", fw10.get("error").get("code").asText());
    }

    @Test
    void anImageTheManifestDoesNotListIsNotAuthorized() throws Exception {
        Path man = dir.resolve("man.bin");
        build("create-auth-man", "--man", man.toString());
        var args = new ArrayList<>(List.of("--fw", ast.resolve("prebuilt/ast2700-default/caliptra-fw.bin").toString(),
                "--manifest", man.toString(), "--image", "10=" + ast.resolve("prebuilt/ast2700-default/atf.bin"),
                "--image", "0x7777=" + ast.resolve("prebuilt/ast2700-default/atf.bin")));
        args.addAll(List.of(fuses()));
        var json = boot(1, args.toArray(String[]::new));
        JsonNode unknown = null;
        for (JsonNode s : json.get("stages")) {
            if (s.has("fw_id") && s.get("fw_id").asInt() == 0x7777) {
                unknown = s;
            } else if (s.has("fw_id")) {
                assertEquals("authorized", s.get("result").asText(), "fw_id 10 is in the ECC + LMS manifest: " + s);
            }
        }
        assertEquals("IMAGE_NOT_AUTHORIZED", unknown.get("result").asText(), unknown.toString());
        assertEquals("0x21523F21", unknown.get("error").get("code").asText());
    }

    @Test
    void aWrongVendorHashStopsAtFirmwareLoadWithTheRomCode() {
        var json = boot(1, "--fw", ast.resolve("prebuilt/ast2700-default/caliptra-fw.bin").toString(), "--vendor-pk-hash",
                "00" + VENDOR.substring(2), "--lifecycle", "production", "--profile", "caliptra-1.2");
        var load = json.get("stages").get(2);
        assertEquals("firmware-load", load.get("stage").asText());
        assertEquals("IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH", load.get("error").get("name").asText());
        assertEquals("0x000B0005", load.get("error").get("code").asText());
    }

    @Test
    void aBundleAloneBootsToRuntimeWithADeviceFile() throws Exception {
        var template = Cli.run("emulator", "template");
        assertEquals(0, template.exitCode());
        Path device = dir.resolve("device.toml");
        Files.writeString(device, template.out());
        var json = boot(0, "--fw", ast.resolve("prebuilt/ast2700-default/caliptra-fw.bin").toString(), "--device", device.toString());
        assertEquals("booted", json.get("verdict").asText());
        assertEquals(4, json.get("stages").size());
        assertEquals("ready_for_runtime", json.get("stages").get(3).get("detail").asText(), "debug-locked: no boot status shown");
    }

    @Test
    void badInputIsExitTwo() {
        var missing = Cli.run("boot", "--flash", dir.resolve("none.bin").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("none.bin: no such file"), missing.err());
        var imageWithoutManifest = Cli.run("boot", "--fw", ast.resolve("prebuilt/ast2700-default/caliptra-fw.bin").toString(),
                "--image", "10=" + prebuilt.resolve("atf.bin"));
        assertEquals(2, imageWithoutManifest.exitCode());
        assertTrue(imageWithoutManifest.err().contains("--image needs --manifest"), imageWithoutManifest.err());
        assertEquals(2, Cli.run("boot").exitCode(), "--flash or --fw is required");
        var notABundle = Cli.run("boot", "--fw", prebuilt.resolve("atf.bin").toString());
        assertEquals(2, notABundle.exitCode());
    }
}
