package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that crashed a command or reached an internal error: each is now exit 2 with one line
 * naming the file and the key or field.
 */
class BadInputsTest {
    @TempDir
    Path dir;
    Path ast;
    Path prebuilt;
    Path bundle;

    @BeforeEach
    void project() throws Exception {
        ast = Cli.testdata();
        bundle = ast.resolve("prebuilt/ast2700-default/caliptra-fw.bin");
        prebuilt = Files.createDirectories(dir.resolve("prebuilt"));
        Cli.copyPrebuilt(prebuilt);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), new byte[4096]);
    }

    Path config(String name, UnaryOperator<String> edit) throws Exception {
        return Files.writeString(dir.resolve(name),
                edit.apply(Files.readString(ast.resolve("config/ast2700-default-manifest.toml"))));
    }

    static void assertOneLine(Cli.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void createAuthManWithA2xConfigurationWritesItsManifestAndNoSvnSignatures() throws Exception {
        Path cfg = config("two.toml", s -> s.replace("\nversion = 1", "\ngeneration = \"2.x\"\nversion = 2"));
        Path out = Files.createDirectory(dir.resolve("out")).resolve("m.bin");
        var r = Cli.run("image", "create-auth-man", "--cfg", cfg.toString(), "--prebuilt-dir", prebuilt.toString(),
                "--man", out.toString());
        // svnPqcSignature() of an ATM2 manifest is null: this was a NullPointerException after the manifest was written
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(30720, Files.size(out));
        assertFalse(Files.exists(out.resolveSibling("svn_sig.bin")), "ATM2 has no owner SVN signatures to write");
    }

    @Test
    void aBadFwIdInImageIsAUsageError() throws Exception {
        Path man = dir.resolve("m.bin");
        assertEquals(0, Cli.run("image", "create-auth-man", "--cfg", ast.resolve("config/ast2700-default-manifest.toml").toString(),
                "--prebuilt-dir", prebuilt.toString(), "--man", man.toString()).exitCode());
        for (String cmd : List.of("boot", "verify")) {
            var base = cmd.equals("boot") ? List.of("boot", "--fw", bundle.toString(), "--manifest", man.toString())
                    : List.of("image", "verify", man.toString(), "--fw", bundle.toString());
            var a = new ArrayList<>(base);
            a.addAll(List.of("--image", "x=y"));
            assertOneLine(Cli.run(a.toArray(String[]::new)), "--image \"x=y\": the fw_id 'x' is not a number (decimal or 0x-hex)");
            var b = new ArrayList<>(base);
            b.addAll(List.of("--image", "4294967296=F"));
            assertOneLine(Cli.run(b.toArray(String[]::new)), "--image \"4294967296=F\": the fw_id '4294967296' does not fit in 32 bits");
        }
    }

    @Test
    void deviceFileValuesOutOfRangeAreRefusedNotWrapped() throws Exception {
        String[][] cases = {
            {"[fuses]\nfmc_svn = 4294967295\n", ":2: key 'fmc_svn' in [fuses] is 4294967295, at most 32"},
            {"[fuses]\nruntime_svn = 0x80000000\n", ":2: key 'runtime_svn' in [fuses] is 2147483648, at most 128"},
            {"[fuses]\necc_revocation = 0x10\n", ":2: key 'ecc_revocation' in [fuses] is 0x10, but the fuse has 4 bits"},
            {"[fuses]\nmldsa_revocation = 0xFFFFFFFF\n", ":2: key 'mldsa_revocation' in [fuses] is 0xFFFFFFFF, but the fuse has 4 bits"},
            {"[identity]\nvendor_id = 4294967295\n", ":2: key 'vendor_id' in [identity] must fit in 16 bits, found 4294967295"},
            {"[versions]\nrom = 0x10000\n", ":2: key 'rom' in [versions] must fit in 16 bits, found 65536"},
            // a secret's value never appears in the message
            {"debug_locked = true\n[secrets]\nuds_seed = \"c0ffee zz\"\n", ":3: key 'uds_seed' in [secrets] is not hex digits"},
            {"debug_locked = true\n[secrets]\nobfuscation_key = \"00112233\"\n",
                ":3: key 'obfuscation_key' in [secrets] is 4 bytes, expected 32"},
            {"debug_locked = true\n[secrets]\nobfuscation_key = 0x0123456789\n",
                ":3: key 'obfuscation_key' in [secrets] must be a string of hex digits (the value is a secret and is not shown)"},
            {"debug_locked = true\n[secrets]\nuds_seed = \"" + "00".repeat(64) + "\"\n",
                ": [secrets] uds_seed is 64 bytes; a Caliptra 1.x part's is 48"},
            {"[secrets]\nfield_entropy = \"" + "00".repeat(32) + "\"\n", ":2: key 'field_entropy' in [secrets] has no effect on a "
                + "debug-unlocked part, whose DOE sees all-ones instead; set debug_locked = true"},
            {"[versions]\nfmc = 1\n", ":2: key 'fmc' in [versions] is no longer a device setting: CPTRA_FW_REV_ID reports the "
                + "loaded manifest's FMC and runtime versions, as the ROM writes them; remove the key"},
        };
        for (String[] c : cases) {
            Path device = Files.writeString(dir.resolve("device.toml"), c[0]);
            assertOneLine(Cli.run("boot", "--fw", bundle.toString(), "--device", device.toString()), device + c[1]);
        }
        // the flag a device file stands for, likewise: once an IllegalArgumentException deep in FuseSet
        assertOneLine(Cli.run("boot", "--fw", bundle.toString(), "--ecc-revocation", "0x10"),
                "--ecc-revocation 0x10: the fuse has 4 bits (one per vendor key slot)");
    }

    @Test
    void aNulInAnyConfiguredPathNamesTheKey() throws Exception {
        var imageFile = Cli.run("image", "create-auth-man", "--cfg", config("nul.toml", s -> s.replace(
                "file = \"ddr4_pmu_train_imem.bin\"", "file = \"ddr4\\u0000.bin\"")).toString(), "--prebuilt-dir", prebuilt.toString());
        assertOneLine(imageFile, "nul.toml: key 'file' in [[image_metadata_list]] #2 is \"ddr4\\u0000.bin\", which holds a NUL "
                + "character; no file name can");
        var keyFile = Cli.run("image", "create-auth-man", "--cfg", config("nulkey.toml", s -> s.replace(
                "# ecc_pub_key = \"own-man-ecc-pubk.pem\"", "ecc_pub_key = \"own\\u0000.pem\"")).toString(),
                "--prebuilt-dir", prebuilt.toString(), "--key-dir", ast.resolve("key/ast2700-default").toString());
        assertOneLine(keyFile, "key 'ecc_pub_key' in [owner_man_key_config] is \"own\\u0000.pem\", which holds a NUL character");
        var project = Cli.run("image", "create-auth-man", "--cfg", config("nulprj.toml", s -> s.replace(
                "prj_name = \"ast2700-default\"", "prj_name = \"p\\u0000\"")).toString(), "--prebuilt-dir", prebuilt.toString());
        assertOneLine(project, "key 'prj_name' in [manifest_config] is \"p\\u0000\", which holds a NUL character");
        Path fw = Files.writeString(dir.resolve("fw.toml"), "[fmc]\nfile = \"f\\u0000\"\n");
        assertOneLine(Cli.run("image", "create-fw-bundle", "--config", fw.toString()),
                "fw.toml:2: key 'file' in [fmc] is \"f\\u0000\", which holds a NUL character");
    }

    @Test
    void aMalformedPrebuiltVendorSignatureNamesItsFile() throws Exception {
        Path sigs = Files.createDirectory(dir.resolve("sigs"));
        Files.write(sigs.resolve("vnd_ecc_sig.der"), new byte[] {1, 2, 3});
        Files.copy(ast.resolve("vnd_lms_sig.der"), sigs.resolve("vnd_lms_sig.der"));
        var r = Cli.run("image", "create-auth-man", "--cfg", ast.resolve("config/ast2700-default-ecc-manifest.toml").toString(),
                "--key-dir", ast.resolve("key/ast2700-default").toString(), "--prebuilt-dir", prebuilt.toString(),
                "--vendor-sig-dir", sigs.toString(), "--man", dir.resolve("never.bin").toString());
        assertOneLine(r, sigs.resolve("vnd_ecc_sig.der") + ": ECDSA signature is not DER ECDSA-Sig-Value (a SEQUENCE of two INTEGERs)");
        assertFalse(Files.exists(dir.resolve("never.bin")));
    }

    @Test
    void zeroCaliptraFileEndIsBoundedByTheFirmwareItStandsFor() throws Exception {
        for (String value : List.of("0x80000000", "0x7FFFFFFF", "0x20001")) {
            Path cfg = config("zero.toml", s -> s.replace("caliptra_file = \"caliptra-fw.bin\"",
                    "caliptra_file = \"\"\nzero_caliptra_file_end = " + value));
            // 0x80000000 was a NegativeArraySizeException, 0x7FFFFFFF an OutOfMemoryError
            assertOneLine(Cli.run("image", "create-auth-flash", "--cfg", cfg.toString(), "--prebuilt-dir", prebuilt.toString(),
                    "--flash", dir.resolve("f.bin").toString()), "zero.toml:35: key 'zero_caliptra_file_end' in [image_runtime_list] is "
                    + value + ", at most 0x20000");
            assertFalse(Files.exists(dir.resolve("f.bin")));
        }
    }

    /** A v3 flash image whose fourth entry has {@code name} stored as its file name. */
    Path v3WithName(String name, byte[] stored) throws Exception {
        Path cfg = config("v3.toml", s -> s.replace("\nversion = 1", "\ngeneration = \"2.x\"\nversion = 2"));
        Path flash = dir.resolve("v3.bin");
        var r = Cli.run("image", "create-auth-flash", "--cfg", cfg.toString(), "--prebuilt-dir", prebuilt.toString(),
                "--flash", flash.toString());
        assertEquals(0, r.exitCode(), r.err());
        byte[] b = Files.readAllBytes(flash);
        var w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int at = w.getInt(4) + 3 * 84;
        java.util.Arrays.fill(b, at + 12, at + 76, (byte) 0);
        System.arraycopy(stored, 0, b, at + 12, stored.length);
        int sum = 0;
        for (int i = at; i < at + 80; i++) {
            sum += b[i] & 0xFF;
        }
        w.putInt(at + 80, -sum);
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void extractRefusesStoredNamesThatAreNoFileName() throws Exception {
        String[][] cases = {{"slash.bin", "/", "file name \"/\" names no file"},
            {"nul.bin", "a\0b.bin", "file name \"a\\u0000b.bin\" holds a NUL character"},
            {"nl.bin", "a\nb.bin", "file name \"a\\nb.bin\" holds a control character"},
            {"dot.bin", "sub/..", "file name \"sub/..\" names a directory, not a file"}};
        for (String[] c : cases) {
            Path flash = v3WithName(c[0], c[1].getBytes(StandardCharsets.UTF_8));
            Path out = Files.createDirectory(dir.resolve("out-" + c[0]));
            assertOneLine(Cli.run("image", "extract", flash.toString(), "--out", out.toString()),
                    flash + ": image info 3 (identifier 0x1000): " + c[2] + "; extract needs a file name");
            try (var files = Files.list(out)) {
                assertEquals(0, files.count());
            }
        }
        // a TFTP path keeps its last segment, inside --out
        Path flash = v3WithName("path.bin", "../../tftp/boot.bin".getBytes(StandardCharsets.UTF_8));
        Path out = Files.createDirectory(dir.resolve("out-path"));
        var r = Cli.run("image", "extract", flash.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("boot.bin")));
    }

    @Test
    void valuesAndNamesFromInputsAreEchoedEscapedOnOneLine() throws Exception {
        Path device = Files.writeString(dir.resolve("d.toml"), "profile = \"caliptra\\n2.1\"\n");
        assertOneLine(Cli.run("image", "verify", bundle.toString(), "--device", device.toString()),
                "key 'profile' in the top level is 'caliptra\\n2.1', expected one of");
        Path keys = Files.writeString(dir.resolve("k.toml"), "\"life\\ncycle\" = 1\n");
        assertOneLine(Cli.run("image", "verify", bundle.toString(), "--device", keys.toString()),
                "unknown key 'life\\ncycle' in the top level");
        Path cfg = config("v.toml", s -> s.replace("prj_name = \"ast2700-default\"", "prj_name = \"x\"\ngeneration = \"2\\r\\n.x\""));
        assertOneLine(Cli.run("image", "create-auth-man", "--cfg", cfg.toString(), "--prebuilt-dir", prebuilt.toString()),
                "key 'generation' in [manifest_config] is '2\\r\\n.x', expected 1.x or 2.x");
        Path odd = dir.resolve("two\nlines.bin");
        assertOneLine(Cli.run("image", "inspect", odd.toString()), dir + "/two\\nlines.bin: no such file");
        Path flash = v3WithName("shown.bin", "a\u2028b.bin".getBytes(StandardCharsets.UTF_8));
        var shown = Cli.run("image", "inspect", flash.toString());
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(shown.out().contains("  a\\u2028b.bin"), shown.out());
        assertArrayEquals(new String[0], shown.out().lines().filter(l -> l.equals("b.bin")).toArray());
    }
}
