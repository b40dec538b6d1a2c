package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.pqc.crypto.lms.LMSPublicKeyParameters;
import org.bouncycastle.pqc.crypto.lms.LMSSigner;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.image.keys.KeyFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cptra_imgtool compatibility against ../shared/testdata/ast2700: the three ast2700-default
 * configurations, checked at the raw offsets of spec/formats.md §3.2 and §4.2 with independent
 * primitives (SHA-384, CRC-32, BouncyCastle ECDSA and LMS).
 */
class ImgtoolCommandsTest {
    static final String VENDOR = ImageCommandsTest.VENDOR;
    static final String OWNER = ImageCommandsTest.OWNER;
    static final String[] SOC_FILES = {"ddr4_pmu_train_imem.bin", "ddr4_pmu_train_dmem.bin", "ddr4_2d_pmu_train_imem.bin",
        "ddr4_2d_pmu_train_dmem.bin", "ddr5_pmu_train_imem.bin", "ddr5_pmu_train_dmem.bin", "dp_fw.bin", "uefi_ast2700.bin",
        "atf.bin", "optee.bin", "u-boot.bin", "ssp.bin", "tsp.bin"};

    @TempDir
    Path dir;
    Path ast;
    Path prebuilt;
    Path keys;

    @BeforeEach
    void project() throws Exception {
        ast = Cli.testdata();
        keys = ast.resolve("key/ast2700-default");
        prebuilt = dir.resolve("prebuilt");
        Files.createDirectories(prebuilt);
        Cli.copyPrebuilt(prebuilt);
        byte[] mcu = new byte[50001]; // deliberately not a multiple of 4
        new Random(7).nextBytes(mcu);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
    }

    Path config(String variant) {
        return ast.resolve("config/ast2700-default" + variant + "-manifest.toml");
    }

    Cli.Result build(String command, Path cfg, String... extra) {
        var args = new ArrayList<>(List.of("image", command, "--cfg", cfg.toString(), "--key-dir", keys.toString(),
                "--prebuilt-dir", prebuilt.toString(), "--vendor-sig-dir", ast.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    static int u32(byte[] b, int off) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
    }

    static byte[] sha384(byte[]... parts) throws Exception {
        var md = MessageDigest.getInstance("SHA-384");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    static byte[] range(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }

    static byte[] std(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i += 4) {
            for (int j = 0; j < 4; j++) {
                out[i + j] = b[off + i + 3 - j];
            }
        }
        return out;
    }

    static final X9ECParameters P384 = CustomNamedCurves.getByName("secp384r1");

    static boolean ecdsa(byte[] keyXy, byte[] sigHw, byte[] digest) {
        var domain = new ECDomainParameters(P384.getCurve(), P384.getG(), P384.getN(), P384.getH());
        var point = domain.getCurve().createPoint(new BigInteger(1, Arrays.copyOfRange(keyXy, 0, 48)),
                new BigInteger(1, Arrays.copyOfRange(keyXy, 48, 96)));
        var v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(point, domain));
        return v.verifySignature(digest, new BigInteger(1, std(sigHw, 0, 48)), new BigInteger(1, std(sigHw, 48, 48)));
    }

    static byte[] eccKeyFile(Path pem) {
        var k = KeyFiles.readEccPublic(pem);
        byte[] xy = new byte[96];
        k.x().copyTo(xy, 0);
        k.y().copyTo(xy, 48);
        return xy;
    }

    static boolean lms(byte[] key48, byte[] sig, byte[] message) throws Exception {
        var v = new LMSSigner();
        v.init(false, LMSPublicKeyParameters.getInstance(key48));
        return v.verifySignature(message, sig);
    }

    byte[] padded(String name) throws Exception {
        byte[] b = Files.readAllBytes(prebuilt.resolve(name));
        return Arrays.copyOf(b, (b.length + 3) & ~3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-ecc", "-ecc-lms"})
    void manifestAndFlashMatchTheSpecLayoutAndEverySignatureVerifies(String variant) throws Exception {
        Path man = dir.resolve("man.bin");
        Path flash = dir.resolve("flash.bin");
        var r = build("create-auth-flash", config(variant), "--flash", flash.toString(), "--man", dir.resolve("absent.bin").toString());
        assertEquals(2, r.exitCode(), "--man names an existing manifest");
        assertTrue(r.err().contains("absent.bin: no such file"), r.err());
        var made = build("create-auth-man", config(variant), "--man", man.toString());
        assertEquals(0, made.exitCode());
        // an unsigned manifest is written, as cptra_imgtool writes it, and said to be refused by a device
        assertEquals(variant.isEmpty(), made.err().contains(man + " is written, but a device would refuse it: SET_AUTH_MANIFEST "
                + "would fail with RUNTIME_AUTH_MANIFEST_VENDOR_ECC_SIGNATURE_INVALID (0x000E0047)"), made.err());
        var f = build("create-auth-flash", config(variant), "--man", man.toString(), "--flash", flash.toString());
        assertEquals(0, f.exitCode(), f.err());
        byte[] m = Files.readAllBytes(man);
        boolean keyed = !variant.isEmpty();
        boolean withLms = variant.equals("-ecc-lms");

        // §3.2 ASPEED layout: every non-signature field
        assertEquals(16004, m.length);
        assertArrayEquals(new byte[] {'N', 'M', 'T', 'A'}, range(m, 0, 4));
        assertEquals(7168, u32(m, 0x4), "size field left at 7168");
        assertEquals(1, u32(m, 0x8), "version");
        assertEquals(1, u32(m, 0xC), "sec_ver = security_version");
        assertEquals(0, u32(m, 0x10), "flags");
        assertArrayEquals(new byte[144], range(m, 0x14, 0xA4), "vendor manifest keys zeroed (prebuilt endorsement covers zeros)");
        byte[] ownerManEcc = keyed ? eccKeyFile(keys.resolve("own-man-ecc-pubk.pem")) : new byte[96];
        assertArrayEquals(ownerManEcc, std(m, 0x758, 96), "owner manifest ECC key");
        byte[] ownerManLms = withLms ? Files.readAllBytes(keys.resolve("own-man-lms-pubk.pem")) : new byte[48];
        assertArrayEquals(ownerManLms, range(m, 0x7B8, 0x7E8), "owner manifest LMS key");
        assertEquals(14, u32(m, 0x22B8), "IMC entry_count");
        String[] files = new String[14];
        files[0] = "zephyr-mcu-runtime.bin";
        System.arraycopy(SOC_FILES, 0, files, 1, 13);
        for (int i = 0; i < 127; i++) {
            int at = 0x22B8 + 4 + i * 56;
            if (i < 14) {
                assertEquals(i + 1, u32(m, at), "fw_id of entry " + i);
                int loadStage = i >= 9 ? 1 : 0;
                assertEquals(1 | loadStage << 30, u32(m, at + 4), "flags of entry " + i);
                assertArrayEquals(sha384(padded(files[i])), range(m, at + 8, at + 56), "digest of " + files[i]);
            } else {
                assertEquals(0xFFFFFFFF, u32(m, at), "unused slot " + i);
                assertArrayEquals(new byte[52], range(m, at + 4, at + 56));
            }
        }

        // the signatures, at the raw offsets, with keys taken from the key files and the bundle
        byte[] bundle = Files.readAllBytes(prebuilt.resolve("caliptra-fw.bin"));
        byte[] vendorSpan = new byte[152];
        vendorSpan[0] = 1; // version 1, flags 0, zero keys: the span ASPEED's prebuilt endorsement covers
        if (keyed) {
            assertTrue(ecdsa(eccKeyFile(keys.resolve("vnd-fw-ecc-pubk.pem")), range(m, 0xA4, 0x104), sha384(vendorSpan)),
                    "prebuilt vendor ECC endorsement");
            assertArrayEquals(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(Files.readAllBytes(ast.resolve("vnd_ecc_sig.der")))
                    .getEncoded(), org.caliptra.util.image.keys.EccSignature.fromHw(m, 0xA4).toDer());
            byte[] ownerSpan = range(m, 0x758, 0x7E8);
            byte[] ownerFwEcc = eccKeyFile(keys.resolve("own-fw-ecc-pubk.pem"));
            assertTrue(ecdsa(ownerFwEcc, range(m, 0x7E8, 0x848), sha384(ownerSpan)), "owner endorsement");
            byte[] svnSpan = ByteBuffer.allocate(156).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(1).putInt(0)
                    .put(ownerSpan).array();
            assertTrue(ecdsa(ownerFwEcc, range(m, 0xE9C, 0xEFC), sha384(svnSpan)), "owner SVN signature");
            assertTrue(ecdsa(ownerManEcc, range(m, 0x1C04, 0x1C64), sha384(range(m, 0x22B8, 16004))), "owner IMC signature");
            assertArrayEquals(new byte[96], range(m, 0x1550, 0x15B0), "no vendor IMC signature with flags 0");
        } else {
            assertArrayEquals(new byte[0x22B8 - 0xA4], range(m, 0xA4, 0x22B8), "secure boot off: no keys, no signatures");
        }
        if (withLms) {
            assertArrayEquals(Files.readAllBytes(ast.resolve("vnd_lms_sig.der")), range(m, 0x104, 0x104 + 1620));
            assertTrue(lms(range(bundle, 0x188 + 3 * 48, 0x188 + 4 * 48), range(m, 0x104, 0x758), sha384(vendorSpan)),
                    "prebuilt vendor LMS endorsement verifies with the bundle's vendor LMS key 3");
            byte[] ownerFwLms = Files.readAllBytes(keys.resolve("own-fw-lms-pubk.pem"));
            assertTrue(lms(ownerFwLms, range(m, 0x848, 0x848 + 1620), sha384(range(m, 0x758, 0x7E8))), "owner LMS endorsement");
            byte[] svnLms = range(m, 0xEFC, 0xEFC + 1620);
            assertArrayEquals(new byte[] {5, 0, 0, 0}, range(svnLms, 0, 4), "SVN LMS q stored byte-reversed");
            byte[] restored = svnLms.clone();
            restored[0] = 0;
            restored[3] = 5;
            byte[] svnSpan = ByteBuffer.allocate(156).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(1).putInt(0)
                    .put(range(m, 0x758, 0x7E8)).array();
            assertTrue(lms(ownerFwLms, restored, sha384(svnSpan)), "owner SVN LMS signature");
            assertTrue(lms(ownerManLms, range(m, 0x1C64, 0x1C64 + 1620), sha384(range(m, 0x22B8, 16004))), "owner IMC LMS");
        } else {
            assertArrayEquals(new byte[1620], range(m, 0x848, 0x848 + 1620), "no LMS without LMS keys");
        }

        // §4.2 FLSH v1, checked with java.util.zip.CRC32
        byte[] fl = Files.readAllBytes(flash);
        assertArrayEquals(new byte[] {'F', 'L', 'S', 'H'}, range(fl, 0, 4));
        assertEquals(1, ByteBuffer.wrap(fl).order(ByteOrder.LITTLE_ENDIAN).getShort(4));
        assertEquals(16, ByteBuffer.wrap(fl).order(ByteOrder.LITTLE_ENDIAN).getShort(6));
        var crc = new CRC32();
        crc.update(fl, 0, 8);
        assertEquals((int) crc.getValue(), u32(fl, 8), "header CRC-32");
        crc.reset();
        crc.update(fl, 16, fl.length - 16);
        assertEquals((int) crc.getValue(), u32(fl, 12), "payload CRC-32");
        int[] ids = new int[16];
        byte[][] contents = new byte[16][];
        contents[0] = padded("caliptra-fw.bin");
        contents[1] = m;
        contents[2] = padded("zephyr-mcu-runtime.bin");
        ids[0] = 1;
        ids[1] = 2;
        ids[2] = 3;
        for (int i = 0; i < 13; i++) {
            ids[3 + i] = 0x1000 + i;
            contents[3 + i] = padded(SOC_FILES[i]);
        }
        int expectedOffset = 16 + 16 * 12;
        for (int i = 0; i < 16; i++) {
            int at = 16 + i * 12;
            assertEquals(ids[i], u32(fl, at), "identifier " + i);
            assertEquals(expectedOffset, u32(fl, at + 4), "offset " + i);
            assertEquals(contents[i].length, u32(fl, at + 8), "size " + i);
            assertArrayEquals(contents[i], range(fl, expectedOffset, expectedOffset + contents[i].length), "data " + i);
            expectedOffset += contents[i].length;
        }
        assertEquals(expectedOffset, fl.length);
    }

    JsonNode verifyFlash(Path flash, boolean lmsVerify) {
        var args = new ArrayList<>(List.of("image", "verify", flash.toString(), "--vendor-pk-hash", VENDOR, "--owner-pk-hash", OWNER,
                "--cfg", config("-ecc-lms").toString(), "--format", "json"));
        if (lmsVerify) {
            args.add("--lms-verify");
        }
        return Cli.run(args.toArray(String[]::new)).json();
    }

    @Test
    void flashVerifiesEndToEndAndEveryTamperedImageIsNamed() throws Exception {
        Path flash = dir.resolve("flash.bin");
        var gen = build("create-auth-flash", config("-ecc-lms"), "--flash", flash.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        var ok = verifyFlash(flash, true);
        assertEquals("accepted", ok.get("verdict").asText(), ok.toString());
        assertEquals(14, ok.get("images").size());
        for (JsonNode img : ok.get("images")) {
            assertEquals("authorized", img.get("result").asText(), img.toString());
        }
        byte[] original = Files.readAllBytes(flash);
        for (int i = 0; i < SOC_FILES.length; i++) {
            int at = 16 + (3 + i) * 12;
            int offset = u32(original, at + 4);
            byte[] tampered = original.clone();
            tampered[offset + (u32(original, at + 8) / 2)] ^= 0x5A;
            // With its CRC-32 left stale the file is no flash image at all (exit 2); refreshed, each image is judged.
            var crc = new CRC32();
            crc.update(tampered, 16, tampered.length - 16);
            ByteBuffer.wrap(tampered).order(ByteOrder.LITTLE_ENDIAN).putInt(12, (int) crc.getValue());
            Path t = dir.resolve("tampered.bin");
            Files.write(t, tampered);
            var report = verifyFlash(t, true);
            assertEquals("rejected", report.get("verdict").asText());
            int fwId = i + 2;
            for (JsonNode img : report.get("images")) {
                String expected = img.get("fw_id").asInt() == fwId ? "IMAGE_HASH_MISMATCH" : "authorized";
                assertEquals(expected, img.get("result").asText(), SOC_FILES[i] + ": " + img);
            }
        }
    }

    @Test
    void aRebuiltFlashWithAChangedAtfFailsOnFwId10() throws Exception {
        Path man = dir.resolve("man.bin");
        assertEquals(0, build("create-auth-man", config("-ecc-lms"), "--man", man.toString()).exitCode());
        Files.delete(prebuilt.resolve("atf.bin"));
        byte[] atf = Files.readAllBytes(ast.resolve("prebuilt/ast2700-default/atf.bin"));
        atf[100] ^= 1;
        Files.write(prebuilt.resolve("atf.bin"), atf);
        Path flash = dir.resolve("flash.bin");
        assertEquals(0, build("create-auth-flash", config("-ecc-lms"), "--man", man.toString(), "--flash", flash.toString()).exitCode());
        var report = verifyFlash(flash, true);
        assertEquals("rejected", report.get("verdict").asText());
        assertEquals("IMAGE_HASH_MISMATCH", report.get("error").get("name").asText());
        assertEquals("0x8BFB95CB", report.get("error").get("code").asText());
        assertTrue(report.get("error").get("detail").asText().startsWith("fw_id 10 (atf.bin)"), report.toString());
    }

    @Test
    void extractGivesBackEveryImage() throws Exception {
        Path flash = dir.resolve("flash.bin");
        assertEquals(0, build("create-auth-flash", config("-ecc"), "--flash", flash.toString()).exitCode());
        Path out = Files.createDirectory(dir.resolve("extracted"));
        var r = Cli.run("image", "extract", flash.toString(), "--out", out.toString(), "--cfg", config("-ecc").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(padded("caliptra-fw.bin"), Files.readAllBytes(out.resolve("caliptra-fw.bin")));
        assertArrayEquals(padded("zephyr-mcu-runtime.bin"), Files.readAllBytes(out.resolve("mcu-runtime.bin")));
        for (String f : SOC_FILES) {
            assertArrayEquals(padded(f), Files.readAllBytes(out.resolve(f)), f);
        }
        assertEquals(2, Cli.run("image", "extract", flash.toString(), "--out", out.toString()).exitCode(), "never overwrites");
    }

    @Test
    void unsignedManifestFailsTheVendorEndorsement() throws Exception {
        Path flash = dir.resolve("flash.bin");
        assertEquals(0, build("create-auth-flash", config(""), "--flash", flash.toString()).exitCode());
        var report = verifyFlash(flash, false);
        assertEquals("rejected", report.get("verdict").asText());
        assertEquals("RUNTIME_AUTH_MANIFEST_VENDOR_ECC_SIGNATURE_INVALID", report.get("error").get("name").asText());
        assertEquals("0x000E0047", report.get("error").get("code").asText());
    }

    @Test
    void eccOnlyFlashVerifiesWithLmsVerifyOff() throws Exception {
        Path flash = dir.resolve("flash.bin");
        assertEquals(0, build("create-auth-flash", config("-ecc"), "--flash", flash.toString()).exitCode());
        var report = verifyFlash(flash, false);
        assertEquals("accepted", report.get("verdict").asText(), report.toString());
    }

    Path editedConfig(String variant, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path c = dir.resolve("edited.toml");
        Files.writeString(c, edit.apply(Files.readString(config(variant))));
        return c;
    }

    void assertBadConfig(Path cfg, String expectedInError, String... extra) throws Exception {
        Path out = dir.resolve("never.bin");
        var args = new ArrayList<>(List.of("--man", out.toString()));
        args.addAll(List.of(extra));
        var r = build("create-auth-man", cfg, args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expectedInError), r.err());
        assertFalse(Files.exists(out), "no output after a failed run");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("partial")));
        }
    }

    @Test
    void badConfigurationsGiveOneClearLineAndNoOutput() throws Exception {
        assertBadConfig(editedConfig("-ecc", s -> s.replace("prj_name", "prj_nme")),
                "unknown key 'prj_nme' in [manifest_config] (did you mean 'prj_name'?)");
        assertBadConfig(editedConfig("-ecc", s -> s.replace("ecc_priv_key", "ecc_prv_key")),
                "unknown key 'ecc_prv_key' in [vendor_fw_key_config] (did you mean 'ecc_priv_key'?)");
        var noPrebuilt = Cli.run("image", "create-auth-man", "--cfg", config("-ecc").toString(), "--key-dir", keys.toString(),
                "--prebuilt-dir", dir.resolve("absent").toString(), "--man", dir.resolve("never.bin").toString());
        assertEquals(2, noPrebuilt.exitCode());
        assertTrue(noPrebuilt.err().contains("absent: prebuilt directory not found"), noPrebuilt.err());
        Files.delete(prebuilt.resolve("zephyr-mcu-runtime.bin"));
        assertBadConfig(config("-ecc"), "zephyr-mcu-runtime.bin: no such file");
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), new byte[8]);
        assertBadConfig(editedConfig("-ecc", s -> s.replace("fw_id = 14", "fw_id = 13")), "duplicate fw_id 13");
        assertBadConfig(editedConfig("-ecc", s -> s + ("\n[[image_metadata_list]]\nfile = \"\"\nsource = 1\nfw_id = %d\n"
                + "ignore_auth_check = false\nload_stage = 0\n").repeat(114).formatted(java.util.stream.IntStream.range(100, 214)
                        .boxed().toArray())), "128 entries in [[image_metadata_list]], a soc-manifest-aspeed holds at most 127");
        assertBadConfig(editedConfig("-ecc", s -> s.replaceFirst("own-fw-ecc-prvk.pem", "own-fw-lms-prvk.pem")),
                "own-fw-lms-prvk.pem: not a PEM file");
        Files.createDirectory(dir.resolve("keys-copy"));
        assertBadConfig(editedConfig("-ecc", s -> s.replaceFirst("\"own-fw-ecc-prvk.pem\"",
                "\"" + dir.resolve("keys-copy") + "\"")), "keys-copy: is a directory, expected a file");
    }

    @Test
    void unknownKeysCptraImgtoolIgnoresAreAccepted() throws Exception {
        Path cfg = editedConfig("-ecc", s -> s + "\n[authtool]\nvnd_ecc_sig = \"x\"\n");
        var r = build("create-auth-man", cfg, "--man", dir.resolve("m.bin").toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void templatesAreValidConfigurations() throws Exception {
        var aspeed = Cli.run("image", "template", "aspeed");
        assertEquals(0, aspeed.exitCode());
        assertTrue(aspeed.out().contains("[[image_metadata_list]]"));
        Path cfg = dir.resolve("tpl.toml");
        Files.writeString(cfg, aspeed.out());
        var parsed = org.caliptra.util.cli.imgtool.ImgtoolConfig.read(cfg);
        assertEquals("my-project", parsed.prjName());
        var two = Cli.run("image", "template", "caliptra-2x");
        Files.writeString(cfg, two.out());
        assertTrue(org.caliptra.util.cli.imgtool.ImgtoolConfig.read(cfg).caliptra2());
        assertEquals(2, Cli.run("image", "template", "nxp").exitCode());
    }

    String helper(String type, String key) {
        return "java -cp " + System.getProperty("java.class.path") + " " + TestSignHelper.class.getName() + " --type " + type
                + " --key " + keys.resolve(key);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void helperSignedManifestEqualsTheFileSignedOne(boolean byFile) throws Exception {
        Path fileSigned = dir.resolve("file.bin");
        assertEquals(0, build("create-auth-man", config("-ecc-lms"), "--man", fileSigned.toString()).exitCode());
        Path cfg = editedConfig("-ecc-lms", s -> s + """

                [sign_helper]
                owner_ecc_fw_key_sign_helper = "%s"
                owner_lms_fw_key_sign_helper = "%s"
                owner_ecc_man_key_sign_helper = "%s"
                owner_lms_man_key_sign_helper = "%s"
                by_file = %s
                """.formatted(helper("ecc", "own-fw-ecc-prvk.pem"), helper("lms", "own-fw-lms-prvk.pem"),
                helper("ecc", "own-man-ecc-prvk.pem"), helper("lms", "own-man-lms-prvk.pem"), byFile));
        Path helperSigned = dir.resolve("helper.bin");
        var r = build("create-auth-man", cfg, "--man", helperSigned.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Files.readAllBytes(fileSigned), Files.readAllBytes(helperSigned));
    }

    @Test
    void aHelperSignatureThatDoesNotVerifyIsRefusedBeforeItIsUsed() throws Exception {
        // DER ECDSA-Sig-Value with r = 1, s = 1: well-formed, and no signature of anything
        Path made = editedConfig("-ecc", s -> s + "\n[sign_helper]\nowner_ecc_fw_key_sign_helper = \"echo 3006020101020101\"\n");
        assertBadConfig(made, "sign helper echo 3006020101020101 (by stdin) returned an ECDSA signature that does not verify with "
                + "[owner_fw_key_config] ecc_pub_key own-fw-ecc-pubk.pem");
        // a real signature by the wrong key (the owner manifest key where the owner FW key belongs)
        Path wrongKey = editedConfig("-ecc", s -> s + "\n[sign_helper]\nowner_ecc_fw_key_sign_helper = \""
                + helper("ecc", "own-man-ecc-prvk.pem") + "\"\nby_file = true\n");
        assertBadConfig(wrongKey, "returned an ECDSA signature that does not verify with [owner_fw_key_config] ecc_pub_key");

        Path lmsWrongKey = editedConfig("-ecc-lms", s -> s + "\n[sign_helper]\nowner_lms_man_key_sign_helper = \""
                + helper("lms", "vnd-man-lms-prvk.pem") + "\"\n"); // ASPEED's own-fw and own-man LMS keys are one key
        Path out = dir.resolve("never.bin");
        var r = build("create-auth-man", lmsWrongKey, "--man", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.contains("returned an LMS signature that does not verify with [owner_man_key_config] lms_pub_key "
                + "own-man-lms-pubk.pem"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCaliptraFileThatIsNoFirmwareBundleIsRefused() throws Exception {
        Path cfg = editedConfig("-ecc", s -> s.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"atf.bin\""));
        assertBadConfig(cfg, "edited.toml: [image_runtime_list] caliptra_file names " + prebuilt.resolve("atf.bin")
                + ": not a Caliptra firmware bundle");
        Path flash = dir.resolve("never-flash.bin");
        var r = build("create-auth-flash", cfg, "--flash", flash.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(flash));
        assertFalse(Files.exists(dir.resolve("ast2700-default-auth-manifest.bin")), "nor the manifest");
    }

    @Test
    void aHelperWithNoPublicKeyAnywhereIsAClearError() throws Exception {
        Path cfg = editedConfig("-ecc", s -> s.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"\"")
                .replaceFirst("ecc_pub_key = \"own-fw-ecc-pubk.pem\"\necc_priv_key = \"own-fw-ecc-prvk.pem\"", "")
                + "\n[sign_helper]\nowner_ecc_fw_key_sign_helper = \"" + helper("ecc", "own-fw-ecc-prvk.pem") + "\"\n");
        assertBadConfig(cfg, "a sign helper for [owner_fw_key_config] needs its ecc_pub_key (or caliptra_file naming the "
                + "firmware bundle that holds the owner key)");
    }

    @Test
    void failingHelperIsReportedWithItsExitCode() throws Exception {
        Path cfg = editedConfig("-ecc", s -> s + "\n[sign_helper]\nowner_ecc_fw_key_sign_helper = \"false\"\n");
        assertBadConfig(cfg, "sign helper false (by stdin) failed with exit code 1");
    }
}
