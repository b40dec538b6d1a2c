package org.caliptra.util.cli.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `image verify FLASH` and `boot --flash` judge the same flash image the same way: the same exit
 * code, the same failing stage and Caliptra error, the same image. Flash images are built with the
 * CLI from the ast2700-default ECC + LMS configuration (1.x, FLSH v1) or from fresh 2.x keys (v3),
 * then damaged at the raw offsets of spec/formats.md §4 with CRC-32 and byte sums computed here.
 */
class FlashVerdictsTest {
    static final String VENDOR = BootCommandTest.VENDOR;
    static final String OWNER = BootCommandTest.OWNER;
    static final String[] V1_FUSES = {"--vendor-pk-hash", VENDOR, "--owner-pk-hash", OWNER, "--lms-verify"};

    @TempDir
    Path dir;
    Path ast;
    Path prebuilt;

    @BeforeEach
    void project() throws Exception {
        ast = Cli.testdata();
        prebuilt = Files.createDirectories(dir.resolve("prebuilt"));
        Cli.copyPrebuilt(prebuilt);
        // The MCU runtime ends in zero words, so where it ends cannot be read off an A1 out-bundle's zero fill.
        byte[] mcu = new byte[20000];
        new Random(11).nextBytes(mcu);
        Arrays.fill(mcu, 19900, mcu.length, (byte) 0);
        mcu[19899] = 0x5A;
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
    }

    /** A flash image of the ast2700-default ECC + LMS configuration, after {@code edit} of the configuration. */
    Path ast2700Flash(String name, UnaryOperator<String> edit) throws Exception {
        Path cfg = dir.resolve(name + ".toml");
        Files.writeString(cfg, edit.apply(Files.readString(ast.resolve("config/ast2700-default-ecc-lms-manifest.toml"))));
        Path flash = dir.resolve(name + ".bin");
        var r = Cli.run("image", "create-auth-flash", "--cfg", cfg.toString(), "--key-dir", ast.resolve("key/ast2700-default").toString(),
                "--prebuilt-dir", prebuilt.toString(), "--vendor-sig-dir", ast.toString(), "--flash", flash.toString());
        assertEquals(0, r.exitCode(), r.err());
        return flash;
    }

    Path ast2700Flash() throws Exception {
        return ast2700Flash("flash", UnaryOperator.identity());
    }

    /** Both verdicts on one file, as JSON when the command reached a verdict. */
    record Verdicts(Cli.Result verify, Cli.Result boot) {
        void assertExit(int expected) {
            assertEquals(expected, verify.exitCode(), "image verify: " + verify.out() + verify.err());
            assertEquals(expected, boot.exitCode(), "boot: " + boot.out() + boot.err());
        }

        /** fw_id → result word, as each command reports its images. */
        Map<Integer, String> verifyImages() {
            var m = new LinkedHashMap<Integer, String>();
            verify.json().get("images").forEach(i -> m.put(i.get("fw_id").asInt(), i.get("result").asText()));
            return m;
        }

        Map<Integer, String> bootImages() {
            var m = new LinkedHashMap<Integer, String>();
            boot.json().get("stages").forEach(s -> {
                if (s.get("stage").asText().equals("authorize")) {
                    m.put(s.get("fw_id").asInt(), s.get("result").asText());
                }
            });
            return m;
        }

        JsonNode bootStage(String stage) {
            for (JsonNode s : boot.json().get("stages")) {
                if (s.get("stage").asText().equals(stage)) {
                    return s;
                }
            }
            throw new AssertionError("no " + stage + " stage: " + boot.out());
        }
    }

    static Verdicts judge(Path flash, String... fuses) {
        var verify = new ArrayList<>(List.of("image", "verify", flash.toString(), "--format", "json"));
        verify.addAll(List.of(fuses));
        var boot = new ArrayList<>(List.of("boot", "--flash", flash.toString(), "--format", "json"));
        boot.addAll(List.of(fuses));
        return new Verdicts(Cli.run(verify.toArray(String[]::new)), Cli.run(boot.toArray(String[]::new)));
    }

    static int u32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static void putU32(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    /** FLSH v1 with both CRC-32s recomputed, as someone who edits the container on purpose would leave it. */
    static byte[] withFreshCrcs(byte[] flash) {
        var crc = new CRC32();
        crc.update(flash, 0, 8);
        putU32(flash, 8, (int) crc.getValue());
        crc.reset();
        crc.update(flash, 16, flash.length - 16);
        putU32(flash, 12, (int) crc.getValue());
        return flash;
    }

    Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Both commands refuse the file as no valid flash image: exit 2, and the same one line naming it and the checksum. */
    static void assertBothRefuseTheContainer(Path bad, String... fuses) {
        var v = judge(bad, fuses);
        v.assertExit(2);
        for (Cli.Result r : List.of(v.verify(), v.boot())) {
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(bad.toString()) && r.err().contains("checksum"), r.err());
        }
        assertEquals(v.verify().err().substring(v.verify().err().indexOf(": ")), v.boot().err().substring(v.boot().err().indexOf(": ")),
                "the one judge of the container says the same thing to both");
    }

    @Test
    void aDamagedFlsh1ContainerIsNoFlashImageToEitherCommand() throws Exception {
        byte[] good = Files.readAllBytes(ast2700Flash());
        judge(write("good.bin", good), V1_FUSES).assertExit(0);

        byte[] headerByte = good.clone();
        headerByte[9] ^= 0x01; // the stored header CRC-32 (offset 8)
        assertBothRefuseTheContainer(write("header-byte.bin", headerByte), V1_FUSES);

        byte[] appended = Arrays.copyOf(good, good.length + 3); // outside every image, inside the payload CRC
        assertBothRefuseTheContainer(write("appended.bin", appended), V1_FUSES);
    }

    @Test
    void removedSocImagesFailBothAsMissingAndEveryOtherImageIsStillAuthorized() throws Exception {
        byte[] flash = Files.readAllBytes(ast2700Flash());
        assertEquals(16, Short.toUnsignedInt(ByteBuffer.wrap(flash).order(ByteOrder.LITTLE_ENDIAN).getShort(6)),
                "Caliptra FW, manifest, MCU runtime and 13 SoC images");
        byte[] six = flash.clone();
        ByteBuffer.wrap(six).order(ByteOrder.LITTLE_ENDIAN).putShort(6, (short) 6); // 0x1000..0x1002 stay
        var v = judge(write("six.bin", withFreshCrcs(six)), V1_FUSES);
        v.assertExit(1);
        var expected = new LinkedHashMap<Integer, String>();
        for (int fwId = 1; fwId <= 14; fwId++) {
            expected.put(fwId, fwId <= 4 ? "authorized" : "missing");
        }
        assertEquals(expected, v.verifyImages());
        assertEquals(expected, v.bootImages());
        assertEquals("rejected", v.verify().json().get("verdict").asText());
        assertEquals("MISSING_IMAGE", v.verify().json().get("error").get("name").asText());
        assertEquals("authorize fw_id 5", v.verify().json().get("error").get("stage").asText());
        assertEquals("failed", v.boot().json().get("verdict").asText());
    }

    @Test
    void anImageUnderAnotherIdentifierIsMissingToBoth() throws Exception {
        byte[] flash = Files.readAllBytes(ast2700Flash());
        int info = 16 + (3 + 8) * 12; // the ninth SoC image: identifier 0x1008, atf.bin, fw_id 10
        assertEquals(0x1008, u32(flash, info));
        putU32(flash, info, 0x2008);
        var v = judge(write("renumbered.bin", withFreshCrcs(flash)), V1_FUSES);
        v.assertExit(1);
        for (var images : List.of(v.verifyImages(), v.bootImages())) {
            assertEquals(14, images.size());
            images.forEach((fwId, result) -> assertEquals(fwId == 10 ? "missing" : "authorized", result, "fw_id " + fwId));
        }
        assertTrue(v.verify().json().get("error").get("detail").asText().contains("0x1008"), v.verify().out());
    }

    @Test
    void theA1OutBundleMcuRuntimeIsFoundByItsDigestAndJudgedByBoth() throws Exception {
        Path outBundle = ast2700Flash("out-bundle", cfg -> cfg.replace("[image_runtime_list]",
                "[image_runtime_list]\ncptra_out_bundle = true"));
        var v = judge(outBundle, V1_FUSES);
        v.assertExit(0);
        assertEquals("authorized", v.verifyImages().get(1));
        assertEquals("authorized", v.bootImages().get(1));
        assertEquals(14, v.verifyImages().size());

        byte[] changed = Files.readAllBytes(outBundle);
        changed[0x2_0000 + 100] ^= 0x01; // one byte of the MCU runtime, which no checksum covers
        var c = judge(write("changed-mcu.bin", changed), V1_FUSES);
        c.assertExit(1);
        assertEquals("IMAGE_HASH_MISMATCH", c.verifyImages().get(1));
        assertEquals("IMAGE_HASH_MISMATCH", c.bootImages().get(1));
        assertEquals("0x8BFB95CB", c.verify().json().get("error").get("code").asText());
    }

    @Test
    void anEmptyCaliptraFirmwareIsTheRomsToRefuseInBoth() throws Exception {
        Path flash = ast2700Flash("no-fw", cfg -> cfg.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"\""));
        var v = judge(flash, V1_FUSES);
        v.assertExit(1);
        assertEquals("FW_PROC_INVALID_IMAGE_SIZE", v.verify().json().get("error").get("name").asText());
        assertEquals("0x01020002", v.verify().json().get("error").get("code").asText());
        var load = v.bootStage("firmware-load");
        assertEquals("FW_PROC_INVALID_IMAGE_SIZE", load.get("error").get("name").asText());
        assertEquals("0x01020002", load.get("error").get("code").asText());
    }

    // ---- Caliptra 2.x: v3 flash images -------------------------------------------------------

    /** A 2.x project: fresh ECC and ML-DSA keys, a bundle (with or without a PL0 PAUSER) and its v3 flash image. */
    final class Caliptra2 {
        final Path keys = dir.resolve("keys2");
        final Path pre = dir.resolve("prebuilt2");
        String vendorHash;
        String ownerHash;
        Cli.Result lastBuild;

        Caliptra2() throws Exception {
            Files.createDirectories(keys);
            Files.createDirectories(pre);
            for (String k : List.of("vnd-ecc-0", "own-ecc", "vnd-man-ecc", "own-man-ecc")) {
                assertEquals(0, Cli.run("image", "keygen", "--type", "ecc", "--out", keys.resolve(k).toString()).exitCode());
            }
            for (String k : List.of("vnd-mldsa-0", "own-mldsa", "vnd-man-mldsa", "own-man-mldsa")) {
                assertEquals(0, Cli.run("image", "keygen", "--type", "mldsa", "--out", keys.resolve(k).toString()).exitCode());
            }
            random("fmc.bin", 3000, 1);
            random("rt.bin", 7000, 2);
            random("mcu-runtime.bin", 9000, 3);
            random("soc-boot.bin", 5001, 4);
            Files.writeString(dir.resolve("caliptra-2x.toml"), """
                    [manifest_config]
                    generation = "2.x"
                    pqc_key_type = "mldsa"
                    version = 2
                    flags = 0
                    security_version = 1
                    prj_name = "two"
                    [vendor_fw_key_config]
                    ecc_priv_key = "vnd-ecc-0-prvk.pem"
                    mldsa_priv_key = "vnd-mldsa-0-prvk.pem"
                    [vendor_man_key_config]
                    ecc_pub_key = "vnd-man-ecc-pubk.pem"
                    ecc_priv_key = "vnd-man-ecc-prvk.pem"
                    mldsa_pub_key = "vnd-man-mldsa-pubk.pem"
                    mldsa_priv_key = "vnd-man-mldsa-prvk.pem"
                    [owner_fw_key_config]
                    ecc_priv_key = "own-ecc-prvk.pem"
                    mldsa_priv_key = "own-mldsa-prvk.pem"
                    [owner_man_key_config]
                    ecc_pub_key = "own-man-ecc-pubk.pem"
                    ecc_priv_key = "own-man-ecc-prvk.pem"
                    mldsa_pub_key = "own-man-mldsa-pubk.pem"
                    mldsa_priv_key = "own-man-mldsa-prvk.pem"
                    [image_runtime_list]
                    caliptra_file = "caliptra-fw.bin"
                    mcu_file = "mcu-runtime.bin"
                    [[image_metadata_list]]
                    file = "mcu-runtime.bin"
                    source = 1
                    fw_id = 1
                    ignore_auth_check = false
                    [[image_metadata_list]]
                    file = "soc-boot.bin"
                    source = 1
                    fw_id = 2
                    ignore_auth_check = false
                    """);
        }

        private void random(String name, int size, long seed) throws Exception {
            byte[] b = new byte[size];
            new Random(seed).nextBytes(b);
            Files.write(pre.resolve(name), b);
        }

        /** Builds the bundle into the prebuilt directory, then the flash image; returns the flash image. */
        Path flash(String name, String... bundleOptions) throws Exception {
            Files.deleteIfExists(pre.resolve("caliptra-fw.bin"));
            var args = new ArrayList<>(List.of("image", "create-fw-bundle", "--generation", "2.x", "--pqc-key-type", "mldsa",
                    "--fmc", pre.resolve("fmc.bin").toString(), "--runtime", pre.resolve("rt.bin").toString(),
                    "--keys", keys.toString(), "--out", pre.resolve("caliptra-fw.bin").toString()));
            args.addAll(List.of(bundleOptions));
            assertEquals(0, Cli.run(args.toArray(String[]::new)).exitCode());
            var hashes = Cli.run("image", "fuses", pre.resolve("caliptra-fw.bin").toString(), "--format", "json").json();
            vendorHash = hashes.get("vendor_pk_hash").asText();
            ownerHash = hashes.get("owner_pk_hash").asText();
            Path flash = dir.resolve(name);
            var r = Cli.run("image", "create-auth-flash", "--cfg", dir.resolve("caliptra-2x.toml").toString(), "--key-dir",
                    keys.toString(), "--prebuilt-dir", pre.toString(), "--flash", flash.toString());
            assertEquals(0, r.exitCode(), r.err());
            lastBuild = r;
            return flash;
        }

        String[] fuses() {
            return new String[] {"--vendor-pk-hash", vendorHash, "--owner-pk-hash", ownerHash, "--pqc-key-type", "mldsa"};
        }
    }

    @Test
    void aBundleWithoutAPl0PauserFailsSetAuthManifestInBothWithTheRuntimesCode() throws Exception {
        var two = new Caliptra2();
        Path withPl0 = two.flash("pl0.bin", "--pl0-pauser", "0x21212121");
        judge(withPl0, two.fuses()).assertExit(0);

        Path withoutPl0 = two.flash("no-pl0.bin"); // flags bit 0 clear: every requester is PL1
        var v = judge(withoutPl0, two.fuses());
        v.assertExit(1);
        var error = v.verify().json().get("error");
        assertEquals("soc-manifest", error.get("stage").asText());
        assertEquals("RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL", error.get("name").asText());
        assertEquals("0x000E0016", error.get("code").asText());
        var set = v.bootStage("set-auth-manifest");
        assertEquals("RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL", set.get("error").get("name").asText());
        assertEquals("0x000E0016", set.get("error").get("code").asText());

        // The same manifest checked on its own against the same bundle meets the same check.
        var args = new ArrayList<>(List.of("image", "verify", dir.resolve("two-auth-manifest.bin").toString(), "--fw",
                two.pre.resolve("caliptra-fw.bin").toString(), "--format", "json"));
        args.addAll(List.of(two.fuses()));
        var manifest = Cli.run(args.toArray(String[]::new));
        assertEquals(1, manifest.exitCode(), manifest.out() + manifest.err());
        assertEquals("0x000E0016", manifest.json().get("error").get("code").asText());
    }

    @Test
    void aV3ImageWhoseChecksumDoesNotMatchIsNoFlashImageToEitherCommand() throws Exception {
        var two = new Caliptra2();
        Path built = two.flash("v3.bin", "--pl0-pauser", "0x21212121");
        byte[] flash = Files.readAllBytes(built);
        int info = 12 + 3 * 84; // after Caliptra FW, manifest and MCU runtime: the first SoC image, 0x1000
        assertEquals(0x1000, u32(flash, info));
        int offset = u32(flash, info + 4);
        flash[offset + 17] ^= 0x40; // its bytes change, its stored image_checksum does not
        assertBothRefuseTheContainer(write("v3-bad.bin", flash), two.fuses());
        assertTrue(two.lastBuild.out().contains("wrote " + built + ": flash-v3, "),
                "create-auth-flash names the kind it wrote, as inspect will: " + two.lastBuild.out());
    }
}
