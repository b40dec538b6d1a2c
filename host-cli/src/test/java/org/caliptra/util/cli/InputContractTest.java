package org.caliptra.util.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The exit-code rule (2: not a valid input of its kind; 1: a valid input the device refuses), the
 * same for every command given the same file, and the one-line messages that name what was wrong.
 */
class InputContractTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @TempDir
    Path dir;

    static Cli.Result run(String... args) {
        return Cli.run(args);
    }

    /** Exit 2, nothing on stdout, and one line on stderr that holds every one of {@code expected}. */
    static void assertRefused(Cli.Result r, String... expected) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "missing '" + e + "' in: " + r.err());
        }
    }

    Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aPngIsNoBundleToAnyCommand() throws Exception {
        String png = file("photo.png", PNG).toString();
        assertRefused(run("image", "verify", png), png, "unknown image kind");
        assertRefused(run("image", "inspect", png), png, "unknown image kind");
        assertRefused(run("image", "fuses", png), png, "not a Caliptra firmware bundle");
        assertRefused(run("boot", "--fw", png), png, "not a Caliptra firmware bundle");
    }

    @Test
    void aBundleTooShortForItsManifestIsTheRomsToRefuseInVerifyAndBoot() throws Exception {
        byte[] bytes = new byte[5000];
        bytes[0] = 'C';
        bytes[1] = 'M';
        bytes[2] = 'A';
        bytes[3] = 'N';
        String file = file("short.bin", bytes).toString();
        var verify = run("image", "verify", file, "--format", "json");
        assertEquals(1, verify.exitCode(), verify.out() + verify.err());
        assertEquals("FW_PROC_MANIFEST_READ_FAILURE", verify.json().get("error").get("name").asText());
        var boot = run("boot", "--fw", file, "--format", "json");
        assertEquals(1, boot.exitCode(), boot.out() + boot.err());
        var load = boot.json().get("stages").get(2);
        assertEquals("firmware-load", load.get("stage").asText());
        assertEquals("FW_PROC_MANIFEST_READ_FAILURE", load.get("error").get("name").asText());
        assertEquals("0x01020001", load.get("error").get("code").asText());
    }

    @Test
    void theHintToSeeHelpIsGivenOnce() {
        for (String[] args : List.of(new String[0], new String[] {"image"}, new String[] {"emulator"})) {
            var r = run(args);
            assertEquals(2, r.exitCode());
            assertEquals(1, r.err().split("\\(see --help\\)", -1).length - 1, r.err());
        }
    }

    @Test
    void tooShortAndEmptyFilesAreSaidToBeSo() throws Exception {
        var fuses = run("image", "fuses", file("three.bin", new byte[] {1, 2, 3}).toString());
        assertRefused(fuses, "three.bin", "3 bytes is too short");
        assertFalse(fuses.err().contains("0x00000000"), fuses.err());
        var inspect = run("image", "inspect", file("empty.bin", new byte[0]).toString());
        assertRefused(inspect, "empty.bin: is empty");
        assertFalse(inspect.err().contains("first bytes"), inspect.err());
    }

    @Test
    void aBadHashNamesTheOptionOrKeyNotAJavaCharacterCode() throws Exception {
        String bundle = file("b.bin", PNG).toString();
        var option = run("image", "verify", bundle, "--vendor-pk-hash", "zz");
        assertRefused(option, "--vendor-pk-hash", "character 1 is not a hex digit");
        assertFalse(option.err().contains("122"), option.err());
        var odd = run("image", "verify", bundle, "--owner-pk-hash", "abc");
        assertRefused(odd, "--owner-pk-hash", "3 hex digits, a SHA-384 hash is 96");
        Path device = dir.resolve("device.toml");
        Files.writeString(device, "[fuses]\nvendor_pk_hash = \"" + "0".repeat(95) + "g\"\n");
        var file = run("image", "verify", bundle, "--device", device.toString());
        assertRefused(file, "device.toml", "vendor_pk_hash", "character 96 (spaces and colons aside) is not a hex digit");
        assertFalse(file.err().contains("\"g\""), file.err());
    }

    @Test
    void bundleConfigurationErrorsNameTheFileAndKey() throws Exception {
        Path cfg = dir.resolve("bundle.toml");
        Files.writeString(cfg, "generation = \"2.x\"\npqc_key_type = \"mldas\"\n");
        assertRefused(run("image", "create-fw-bundle", "--config", cfg.toString()), "bundle.toml:2", "pqc_key_type",
                "'mldas'", "expected lms or mldsa");
        Files.writeString(cfg, "generation = \"2.x\"\nsvn = 300\n");
        String[] files = {"--fmc", file("fmc.bin", new byte[100]).toString(), "--runtime", file("rt.bin", new byte[100]).toString(),
            "--keys", dir.toString(), "--out", dir.resolve("never.bin").toString()};
        var args = new ArrayList<>(List.of("image", "create-fw-bundle", "--config", cfg.toString()));
        args.addAll(List.of(files));
        assertRefused(run(args.toArray(String[]::new)), "bundle.toml:2", "key 'svn'", "firmware SVN 300 is above the maximum 128",
                "IMAGE_VERIFIER_ERR_FIRMWARE_SVN_GREATER_THAN_MAX_SUPPORTED (0x000B002C)");
        args.addAll(List.of("--svn", "129"));
        assertRefused(run(args.toArray(String[]::new)), "--svn: firmware SVN 129 is above the maximum 128");
        assertFalse(Files.exists(dir.resolve("never.bin")));
        Files.writeString(cfg, "generation = \"3.x\"\n");
        assertRefused(run("image", "create-fw-bundle", "--config", cfg.toString()), "bundle.toml:1", "generation", "'3.x'");
    }

    @Test
    void aManifestEntryValueTooWideForItsFlagsFieldNamesTheFileAndKey() throws Exception {
        Path ast = Cli.testdata();
        Path cfg = dir.resolve("svn.toml");
        Files.writeString(cfg, Files.readString(ast.resolve("config/ast2700-default-ecc-manifest.toml"))
                .replaceFirst("fw_id = 2\n", "fw_id = 2\nsvn = 300\n"));
        Path man = dir.resolve("never.bin");
        assertRefused(run("image", "create-auth-man", "--cfg", cfg.toString(), "--key-dir", ast.resolve("key/ast2700-default").toString(),
                "--prebuilt-dir", ast.resolve("prebuilt/ast2700-default").toString(), "--man", man.toString()),
                "svn.toml", "key 'svn' in [[image_metadata_list]] #2", "300", "0..255");
        assertFalse(Files.exists(man));
    }

    /** Every summary a parent's --help lists is its command's first description line: a whole sentence. */
    @Test
    void everyHelpSummaryIsAWholeSentence() {
        var root = new CommandLine(new CaliptraUtil());
        CommandTree.attachAll(root);
        var pending = new ArrayList<CommandLine>(List.of(root));
        int checked = 0;
        while (!pending.isEmpty()) {
            var cmd = pending.remove(pending.size() - 1);
            pending.addAll(cmd.getSubcommands().values().stream().distinct().toList());
            if (cmd.getCommandName().equals("help")) {
                continue;
            }
            String[] description = cmd.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0, cmd.getCommandSpec().qualifiedName() + " has no description");
            String summary = description[0].strip();
            assertTrue(summary.endsWith(".") && Character.isUpperCase(summary.charAt(0)),
                    cmd.getCommandSpec().qualifiedName() + ": summary is not a sentence: " + summary);
            // picocli wraps each element as a paragraph of its own: an element cut mid-sentence shows as a
            // ragged fragment in --help.
            var usage = cmd.getCommandSpec().usageMessage();
            for (String[] paragraphs : List.of(usage.description(), usage.footer(), usage.header())) {
                for (String p : paragraphs) {
                    assertTrue(p.isEmpty() || p.strip().matches("(?s).*[.:)!?]"),
                            cmd.getCommandSpec().qualifiedName() + ": help paragraph ends mid-sentence: " + p);
                }
            }
            checked++;
        }
        assertTrue(checked >= 14, "every command was visited: " + checked);
        var help = run("image", "--help");
        assertFalse(help.out().contains("a flash image end") || help.out().contains("SoC manifest (id 2),"), help.out());
    }

    @Test
    void keygenRefusesOptionsThatWouldBeIgnoredOrMisplaceItsFiles() throws Exception {
        assertRefused(run("image", "keygen", "--type", "ecc", "--lms-tree", "full", "--out", dir.resolve("k").toString()),
                "--lms-tree applies to --type lms only");
        Path keys = Files.createDirectory(dir.resolve("dd"));
        assertRefused(run("image", "keygen", "--type", "ecc", "--out", keys + "/"), "--out", "ending in a name");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(keys), files.toList(), "nothing written");
        }
        try (var files = Files.list(keys)) {
            assertEquals(0, files.count(), "no dd/-prvk.pem");
        }
    }

    @Test
    void verifyAndBootRefuseOptionsTheirInputDoesNotUse() throws Exception {
        Path ast = Cli.testdata();
        String bundle = ast.resolve("prebuilt/ast2700-default/caliptra-fw.bin").toString();
        String cfg = ast.resolve("config/ast2700-default-ecc-manifest.toml").toString();
        String atf = ast.resolve("prebuilt/ast2700-default/atf.bin").toString();
        assertRefused(run("image", "verify", bundle, "--cfg", cfg), "--cfg does not apply", "is a firmware bundle");
        assertRefused(run("image", "verify", bundle, "--fw", bundle), "--fw does not apply");
        assertRefused(run("image", "verify", bundle, "--image", "10=" + atf), "--image does not apply");
        assertRefused(run("image", "verify", bundle, "--cfg", cfg, "--fw", bundle, "--image", "10=" + atf), "does not apply");

        byte[] flash = new byte[64];
        new Random(1).nextBytes(flash);
        String notFlash = file("flash.bin", flash).toString();
        var manifestOnFlash = run("boot", "--flash", notFlash, "--manifest", bundle);
        assertRefused(manifestOnFlash, "--manifest goes with --fw");
        assertRefused(run("boot", "--flash", notFlash, "--image", "10=" + atf), "--image goes with --fw");
    }

    @Test
    void createFwBundleRefusesAnSvnTheGenerationDoesNotHave() throws Exception {
        Path fmc = file("fmc.bin", new byte[100]);
        Path rt = file("rt.bin", new byte[100]);
        Path out = dir.resolve("never.bin");
        assertRefused(run("image", "create-fw-bundle", "--generation", "2.x", "--fmc", fmc.toString(), "--runtime", rt.toString(),
                "--keys", dir.toString(), "--out", out.toString(), "--runtime-svn", "2"), "--runtime-svn 2", "one firmware SVN");
        assertRefused(run("image", "create-fw-bundle", "--generation", "1.x", "--fmc", fmc.toString(), "--runtime", rt.toString(),
                "--keys", dir.toString(), "--out", out.toString(), "--svn", "2"), "--svn 2", "an SVN per image");
        assertFalse(Files.exists(out));
    }
}
