package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandsTest {
    static final String VENDOR =
            "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc";
    static final String OWNER =
            "124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6";

    @TempDir
    Path dir;

    static String bundle() {
        return Cli.testdata().resolve("prebuilt/ast2700-default/caliptra-fw.bin").toString();
    }

    @Test
    void fusesPrintsExactlyTheTwoReadmeHashes() {
        var r = Cli.run("image", "fuses", bundle(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        var json = r.json();
        assertEquals(2, json.size());
        assertEquals(VENDOR, json.get("vendor_pk_hash").asText());
        assertEquals(OWNER, json.get("owner_pk_hash").asText());
    }

    @Test
    void verifyAcceptsTheRealBundleWithItsFuses() {
        var r = Cli.run("image", "verify", bundle(), "--vendor-pk-hash", VENDOR, "--owner-pk-hash", OWNER,
                "--lifecycle", "production", "--lms-verify", "--format", "json");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        var json = r.json();
        assertEquals("accepted", json.get("verdict").asText());
        assertEquals(4, json.get("signatures_verified").size());
        assertEquals(0x40000130L, json.get("fmc").get("entry_point").asLong());
    }

    @Test
    void verifyRejectsWithTheRomCodeAndExitOne() {
        var r = Cli.run("image", "verify", bundle(), "--format", "json");
        assertEquals(1, r.exitCode());
        var json = r.json();
        assertEquals("rejected", json.get("verdict").asText());
        assertEquals("IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_INVALID", json.get("error").get("name").asText());
        assertEquals("0x000B0003", json.get("error").get("code").asText());

        var revoked = Cli.run("image", "verify", bundle(), "--vendor-pk-hash", VENDOR, "--lms-verify",
                "--lms-revocation", "0x8", "--format", "json");
        assertEquals(1, revoked.exitCode());
        assertEquals("0x00B0003A", revoked.json().get("error").get("code").asText(), "the 1.x literal");
    }

    @Test
    void deviceFileSuppliesFusesAndFlagsOverrideIt() throws Exception {
        Path device = dir.resolve("device.toml");
        Files.writeString(device, """
                profile = "caliptra-1.2"
                lifecycle = "production"
                [fuses]
                vendor_pk_hash = "%s"
                owner_pk_hash = "%s"
                lms_verify = true
                """.formatted(VENDOR, OWNER));
        assertEquals(0, Cli.run("image", "verify", bundle(), "--device", device.toString()).exitCode());
        var overridden = Cli.run("image", "verify", bundle(), "--device", device.toString(), "--runtime-svn", "1");
        assertEquals(1, overridden.exitCode());
        assertTrue(overridden.out().contains("RUNTIME_SVN_LESS_THAN_FUSE (0x000B002E)"), overridden.out());

        Path typo = dir.resolve("typo.toml");
        Files.writeString(typo, "[fuses]\nvendor_pk_hsh = \"00\"\n");
        var bad = Cli.run("image", "verify", bundle(), "--device", typo.toString());
        assertEquals(2, bad.exitCode());
        assertEquals(typo + ": unknown key 'vendor_pk_hsh' in [fuses] (did you mean 'vendor_pk_hash'?)",
                bad.err().strip().replaceFirst("^caliptra-util image verify: ", ""));
    }

    @Test
    void inspectReportsKindAndFields() {
        var r = Cli.run("image", "inspect", bundle(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        var json = r.json();
        assertEquals("fw-bundle-1.x", json.get("kind").asText());
        assertEquals(3, json.get("manifest").get("vendor_ecc_key_index").asInt());
        assertEquals(3, json.get("manifest").get("vendor_lms_signature").get("q").asInt());
        assertEquals(83416, json.get("manifest").get("runtime").get("size").asInt());
        assertEquals(0x21212121, json.get("manifest").get("header").get("pl0_pauser").asInt());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        var r = Cli.run("image", "inspect", junk.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("unknown image kind (first bytes 0102030405)"), r.err());
        var missing = Cli.run("image", "fuses", dir.resolve("absent.bin").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("absent.bin: no such file"), missing.err());
        var badHash = Cli.run("image", "verify", bundle(), "--vendor-pk-hash", "1234");
        assertEquals(2, badHash.exitCode());
        assertTrue(badHash.err().contains("--vendor-pk-hash: 4 hex digits, a SHA-384 hash is 96"), badHash.err());
    }

    private void keygen(String type, String name, String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("image", "keygen", "--type", type, "--out", dir.resolve(name).toString()));
        args.addAll(java.util.List.of(extra));
        var r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
    }

    private Path binary(String name, int size, long seed) throws Exception {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void keygenThenBuildAndVerifyEveryMode() throws Exception {
        keygen("ecc", "vnd-ecc-0");
        keygen("ecc", "vnd-ecc-1");
        keygen("ecc", "own-ecc");
        keygen("lms", "vnd-lms-0", "--lms-tree", "zero_leaf");
        keygen("lms", "own-lms", "--lms-tree", "zero_leaf");
        keygen("mldsa", "vnd-mldsa-0");
        keygen("mldsa", "own-mldsa");
        var again = Cli.run("image", "keygen", "--type", "ecc", "--out", dir.resolve("own-ecc").toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());

        Path fmc = binary("fmc.bin", 5000, 1);
        Path rt = binary("rt.bin", 12000, 2);
        String[][] modes = {{"1.x", "lms"}, {"1.x", "none"}, {"2.x", "lms"}, {"2.x", "mldsa"}};
        for (String[] mode : modes) {
            Path out = dir.resolve("bundle-" + mode[0] + "-" + mode[1] + ".bin");
            var build = Cli.run("image", "create-fw-bundle", "--fmc", fmc.toString(), "--runtime", rt.toString(),
                    "--keys", dir.toString(), "--out", out.toString(), "--generation", mode[0], "--pqc-key-type", mode[1],
                    "--vendor-ecc-key-index", "1", "--fmc-entry", "0x40000100", mode[0].equals("2.x") ? "--svn" : "--runtime-svn", "2");
            assertEquals(0, build.exitCode(), build.err());
            var fuses = Cli.run("image", "fuses", out.toString(), "--format", "json").json();
            var verify = Cli.run("image", "verify", out.toString(), "--vendor-pk-hash", fuses.get("vendor_pk_hash").asText(),
                    "--owner-pk-hash", fuses.get("owner_pk_hash").asText(), "--pqc-key-type", mode[1].equals("mldsa") ? "mldsa" : "lms",
                    mode[1].equals("lms") ? "--lms-verify" : "--anti-rollback-disable", "--format", "json");
            assertEquals(0, verify.exitCode(), String.join("/", mode) + ": " + verify.out());
            assertEquals(mode[1].equals("none") ? 2 : 4, verify.json().get("signatures_verified").size());
            assertEquals(0x40000100L, verify.json().get("fmc").get("entry_point").asLong());
            assertEquals(mode[0].equals("2.x") ? "fw-bundle-2.x" : "fw-bundle-1.x",
                    Cli.run("image", "inspect", out.toString(), "--format", "json").json().get("kind").asText());
        }
        // deterministic: the same inputs give the same bytes
        Path again1 = dir.resolve("again.bin");
        assertEquals(0, Cli.run("image", "create-fw-bundle", "--fmc", fmc.toString(), "--runtime", rt.toString(),
                "--keys", dir.toString(), "--out", again1.toString(), "--generation", "2.x", "--pqc-key-type", "lms",
                "--vendor-ecc-key-index", "1", "--fmc-entry", "0x40000100", "--svn", "2").exitCode());
        assertArrayEquals(Files.readAllBytes(dir.resolve("bundle-2.x-lms.bin")), Files.readAllBytes(again1));
    }

    @Test
    void buildFromATomlConfigAndRefuseBadInputWithoutOutput() throws Exception {
        keygen("ecc", "vnd-ecc-0");
        keygen("ecc", "own-ecc");
        binary("fmc.bin", 3000, 3);
        binary("rt.bin", 7000, 4);
        Path cfg = dir.resolve("bundle.toml");
        Files.writeString(cfg, """
                generation = "1.x"
                pqc_key_type = "none"
                keys = "."
                out = "from-config.bin"
                pl0_pauser = 0x21212121
                [fmc]
                file = "fmc.bin"
                load_address = 0x40000000
                entry_point = 0x40000130
                [runtime]
                file = "rt.bin"
                load_address = 0x40005000
                """);
        var r = Cli.run("image", "create-fw-bundle", "--config", cfg.toString());
        assertEquals(0, r.exitCode(), r.err());
        var json = Cli.run("image", "inspect", dir.resolve("from-config.bin").toString(), "--format", "json").json();
        assertEquals(0x40000130, json.get("manifest").get("fmc").get("entry_point").asInt());
        assertEquals(0x40005000, json.get("manifest").get("runtime").get("load_address").asInt());
        assertEquals(1, json.get("manifest").get("header").get("flags").asInt());

        Path out = dir.resolve("never.bin");
        var missing = Cli.run("image", "create-fw-bundle", "--fmc", dir.resolve("nofmc.bin").toString(), "--runtime",
                dir.resolve("rt.bin").toString(), "--keys", dir.toString(), "--out", out.toString(), "--pqc-key-type", "none");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nofmc.bin: no such file"), missing.err());
        var badIndex = Cli.run("image", "create-fw-bundle", "--fmc", dir.resolve("fmc.bin").toString(), "--runtime",
                dir.resolve("rt.bin").toString(), "--keys", dir.toString(), "--out", out.toString(), "--pqc-key-type", "none",
                "--vendor-ecc-key-index", "2");
        assertEquals(2, badIndex.exitCode());
        assertTrue(badIndex.err().contains("vnd-ecc-2-pubk.pem: no such file"), badIndex.err());
        var noLmsKeys = Cli.run("image", "create-fw-bundle", "--fmc", dir.resolve("fmc.bin").toString(), "--runtime",
                dir.resolve("rt.bin").toString(), "--keys", dir.toString(), "--out", out.toString());
        assertEquals(2, noLmsKeys.exitCode());
        assertTrue(noLmsKeys.err().contains("vnd-lms-0-pubk.pem: no such file"), noLmsKeys.err());
        Files.writeString(cfg, "generaton = \"1.x\"\n");
        var typo = Cli.run("image", "create-fw-bundle", "--config", cfg.toString());
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("unknown key 'generaton' in the top level (did you mean 'generation'?)"), typo.err());
        assertFalse(Files.exists(out), "no output after a failed run");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }

    /** create-fw-bundle with ECC-only keys; returns the result and checks that a failure leaves nothing. */
    private Cli.Result bundle(String... extra) throws Exception {
        Path out = dir.resolve("out.bin");
        Files.deleteIfExists(out);
        var args = new java.util.ArrayList<>(java.util.List.of("image", "create-fw-bundle", "--keys", dir.toString(),
                "--out", out.toString(), "--pqc-key-type", "none"));
        args.addAll(java.util.List.of(extra));
        var r = Cli.run(args.toArray(String[]::new));
        if (r.exitCode() != 0) {
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(out), "nothing written: " + r.err());
        }
        return r;
    }

    @Test
    void aBundleTheBootRomWouldRejectIsNeverWritten() throws Exception {
        keygen("ecc", "vnd-ecc-0");
        keygen("ecc", "own-ecc");
        String fmc = binary("fmc.bin", 5000, 7).toString();
        String rt = binary("rt.bin", 9000, 8).toString();
        String big = binary("big-fmc.bin", 200 * 1024, 9).toString();
        assertEquals(0, bundle("--fmc", fmc, "--runtime", rt).exitCode());

        // spec/formats.md §2: a 1.x image is at most 128 KiB; ICCM is 0x40000000..+128 KiB; load and entry 4-aligned
        var tooBig = bundle("--fmc", big, "--runtime", rt);
        assertTrue(tooBig.err().contains(big + " and " + rt + ": FMC (204800 bytes) and runtime (9000 bytes) make a 219684-byte "
                + "bundle; a 1.x boot ROM takes at most 131072 bytes: the boot ROM would reject the bundle with "
                + "FW_PROC_INVALID_IMAGE_SIZE (0x01020002)"), tooBig.err());
        var outside = bundle("--fmc", fmc, "--runtime", rt, "--fmc-load", "0x50000000", "--runtime-load", "0x40000000");
        assertTrue(outside.err().contains("--fmc-load: FMC load range 0x50000000..0x50001387 (5000 bytes) is not inside ICCM "
                + "0x40000000..0x4001FFFF: the boot ROM would reject the bundle with IMAGE_VERIFIER_ERR_FMC_LOAD_ADDR_INVALID "
                + "(0x000B0021)"), outside.err());
        var pastIccm = bundle("--fmc", fmc, "--runtime", rt, "--runtime-load", "0x4001F000");
        assertTrue(pastIccm.err().contains("--runtime-load: runtime load range 0x4001F000..0x40021327")
                && pastIccm.err().contains("IMAGE_VERIFIER_ERR_RUNTIME_LOAD_ADDR_INVALID (0x000B0028)"), pastIccm.err());
        var unaligned = bundle("--fmc", fmc, "--runtime", rt, "--fmc-entry", "0x40000102");
        assertTrue(unaligned.err().contains("--fmc-entry: FMC entry point 0x40000102 is not 4-byte aligned")
                && unaligned.err().contains("IMAGE_VERIFIER_ERR_FMC_ENTRY_POINT_UNALIGNED (0x000B0024)"), unaligned.err());
        var overlap = bundle("--fmc", fmc, "--runtime", rt, "--runtime-load", "0x40001000");
        assertTrue(overlap.err().contains("--runtime-load: runtime load range 0x40001000..0x40003327 overlaps the FMC's "
                + "0x40000000..0x40001387") && overlap.err().contains("IMAGE_VERIFIER_ERR_FMC_RUNTIME_LOAD_ADDR_OVERLAP (0x000B0034)"),
                overlap.err());

        Path cfg = dir.resolve("bundle.toml");
        Files.writeString(cfg, "[fmc]\nfile = \"fmc.bin\"\nload_address = 0x50000000\n[runtime]\nfile = \"rt.bin\"\n"
                + "load_address = 0x40000000\n");
        var fromConfig = bundle("--config", cfg.toString());
        assertTrue(fromConfig.err().contains(cfg + ":3: key 'load_address' in [fmc]: FMC load range 0x50000000"), fromConfig.err());
    }

    @Test
    void svnsAreUnsignedBoundedByTheSpecAndTakeHex() throws Exception {
        keygen("ecc", "vnd-ecc-0");
        keygen("ecc", "own-ecc");
        String fmc = binary("fmc.bin", 5000, 7).toString();
        String rt = binary("rt.bin", 9000, 8).toString();
        var negative = bundle("--fmc", fmc, "--runtime", rt, "--fmc-svn", "-1");
        assertTrue(negative.err().contains("'-1' is negative"), negative.err());
        var allOnes = bundle("--fmc", fmc, "--runtime", rt, "--fmc-svn", "0xFFFFFFFF");
        assertTrue(allOnes.err().contains("--fmc-svn: FMC SVN 4294967295 is above the maximum 32: the boot ROM would reject the "
                + "bundle with IMAGE_VERIFIER_ERR_FMC_SVN_GREATER_THAN_MAX_SUPPORTED (0x000B0025)"), allOnes.err());
        var runtime = bundle("--fmc", fmc, "--runtime", rt, "--runtime-svn", "129");
        assertTrue(runtime.err().contains("--runtime-svn: runtime SVN 129 is above the maximum 128")
                && runtime.err().contains("(0x000B002C)"), runtime.err());
        Path cfg = dir.resolve("bundle.toml");
        Files.writeString(cfg, "[fmc]\nfile = \"fmc.bin\"\nsvn = 4294967295\n[runtime]\nfile = \"rt.bin\"\n");
        var fromConfig = bundle("--config", cfg.toString());
        assertTrue(fromConfig.err().contains(cfg + ":3: key 'svn' in [fmc]: FMC SVN 4294967295 is above the maximum 32"), fromConfig.err());

        assertEquals(0, bundle("--fmc", fmc, "--runtime", rt, "--fmc-svn", "0x20", "--runtime-svn", "0x80").exitCode());
        byte[] b = Files.readAllBytes(dir.resolve("out.bin"));
        var le = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(32, le.getInt(0x162C + 32), "FMC TOC svn");
        assertEquals(128, le.getInt(0x1694 + 32), "runtime TOC svn");

        keygen("mldsa", "vnd-mldsa-0");
        keygen("mldsa", "own-mldsa");
        var v2 = Cli.run("image", "create-fw-bundle", "--fmc", fmc, "--runtime", rt, "--keys", dir.toString(), "--out",
                dir.resolve("v2.bin").toString(), "--generation", "2.x", "--pqc-key-type", "mldsa", "--svn", "0x81");
        assertEquals(2, v2.exitCode());
        assertTrue(v2.err().contains("--svn: firmware SVN 129 is above the maximum 128: the boot ROM would reject the bundle with "
                + "IMAGE_VERIFIER_ERR_FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED (0x000B002C)"), v2.err());
        assertFalse(Files.exists(dir.resolve("v2.bin")));
    }

    @Test
    void fullTreeKeysSignBundlesFromTheirStoredTreesAtFreshLeaves() throws Exception {
        keygen("ecc", "vnd-ecc-0");
        keygen("ecc", "own-ecc");
        for (String name : new String[] {"vnd-lms-0", "own-lms"}) {
            var r = Cli.run("image", "keygen", "--type", "lms", "--out", dir.resolve(name).toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("", r.err(), "no progress line when stderr is not a terminal");
            assertTrue(Files.readString(dir.resolve(name + "-prvk.pem.state")).contains("next_leaf = 0"));
            assertEquals(48, Files.size(dir.resolve(name + "-pubk.pem")));
            // "CLMSTRE1", types, I, then the 2^16 - 1 nodes of 24 bytes
            assertEquals(8 + 4 + 4 + 16 + 65535 * 24, Files.size(dir.resolve(name + "-prvk.pem.tree")));
        }
        byte[] vendorTree = Files.readAllBytes(dir.resolve("vnd-lms-0-prvk.pem.tree"));
        Path fmc = binary("fmc.bin", 5000, 5);
        Path rt = binary("rt.bin", 9000, 6);
        for (int build = 0; build < 2; build++) {
            Path out = dir.resolve("bundle-" + build + ".bin");
            var r = Cli.run("image", "create-fw-bundle", "--fmc", fmc.toString(), "--runtime", rt.toString(),
                    "--keys", dir.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.err().contains("zero-leaf"), r.err());
            byte[] b = Files.readAllBytes(out);
            byte[] vendorDigest = java.security.MessageDigest.getInstance("SHA-384").digest(java.util.Arrays.copyOfRange(b, 0x1590, 0x1604));
            byte[] ownerDigest = java.security.MessageDigest.getInstance("SHA-384").digest(java.util.Arrays.copyOfRange(b, 0x1590, 0x162C));
            byte[] vendorSig = java.util.Arrays.copyOfRange(b, 0x07F0, 0x07F0 + 1620);
            byte[] ownerSig = java.util.Arrays.copyOfRange(b, 0x0F34, 0x0F34 + 1620);
            assertEquals(build, java.nio.ByteBuffer.wrap(vendorSig).getInt(), "vendor leaf q");
            assertEquals(build, java.nio.ByteBuffer.wrap(ownerSig).getInt(), "owner leaf q");
            assertTrue(ImgtoolCommandsTest.lms(Files.readAllBytes(dir.resolve("vnd-lms-0-pubk.pem")), vendorSig, vendorDigest),
                    "BouncyCastle verifies the vendor LMS signature");
            assertTrue(ImgtoolCommandsTest.lms(Files.readAllBytes(dir.resolve("own-lms-pubk.pem")), ownerSig, ownerDigest),
                    "BouncyCastle verifies the owner LMS signature");
        }
        assertTrue(Files.readString(dir.resolve("vnd-lms-0-prvk.pem.state")).contains("next_leaf = 2"));
        assertTrue(Files.readString(dir.resolve("own-lms-prvk.pem.state")).contains("next_leaf = 2"));
        assertArrayEquals(vendorTree, Files.readAllBytes(dir.resolve("vnd-lms-0-prvk.pem.tree")), "the stored tree was used as is");

        // a key whose tree file is gone (one made before tree files existed) is rebuilt once, and says so
        Files.delete(dir.resolve("vnd-lms-0-prvk.pem.tree"));
        var r = Cli.run("image", "create-fw-bundle", "--fmc", fmc.toString(), "--runtime", rt.toString(),
                "--keys", dir.toString(), "--out", dir.resolve("bundle-2.bin").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("note: " + dir.resolve("vnd-lms-0-prvk.pem.tree") + " is missing: building the LMS tree from the key once "
                + "(later signatures read it from that file)", r.err().strip());
        assertArrayEquals(vendorTree, Files.readAllBytes(dir.resolve("vnd-lms-0-prvk.pem.tree")), "stored again");
    }
}
