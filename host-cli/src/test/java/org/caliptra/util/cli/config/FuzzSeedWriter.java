package org.caliptra.util.cli.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.caliptra.util.fuzzsupport.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed corpus of {@link TomlReadersFuzzTest} into {@code src/test/resources}: our own
 * templates ({@code image template}, {@code emulator template}), the documented create-fw-bundle
 * configuration, variants that reach each reader's other branches, and issue 9's defects.
 *
 * <p>Run it after a template or reader changes: {@code ./mvnw -o -pl host-cli -am test
 * -Dtest=FuzzSeedWriter -Dsurefire.failIfNoSpecifiedTests=false -Dcaliptra.fuzz.writeSeeds=true},
 * then review and commit. It only writes the files it names.
 */
@EnabledIfSystemProperty(named = "caliptra.fuzz.writeSeeds", matches = "true")
class FuzzSeedWriter {
    private static final Path INPUTS = Path.of("src", "test", "resources", "org", "caliptra", "util", "cli", "config",
            "TomlReadersFuzzTestInputs");

    /** docs/image-tool.md's example, and the 1.x defaults spelled out. */
    static final String FW_BUNDLE_2X = """
            generation = "2.x"
            pqc_key_type = "mldsa"
            keys = "keys"
            out = "caliptra-fw.bin"
            vendor_ecc_key_index = 0
            vendor_pqc_key_index = 0
            pl0_pauser = 0x21212121
            svn = 3

            [fmc]
            file = "fmc.bin"
            load_address = 0x40000000
            entry_point = 0x40000130
            revision = "e1aab6ef00b13e90c59406677497197f3413d2e0"

            [runtime]
            file = "runtime.bin"
            load_address = 0x40005000
            entry_point = 0x40005540
            """;
    static final String FW_BUNDLE_1X = """
            generation = "1.x"
            pqc_key_type = "lms"
            keys = "keys"
            out = "out/caliptra-fw-1x.bin"
            vendor_ecc_key_index = 1
            vendor_pqc_key_index = 3

            [fmc]
            file = "fmc.bin"
            version = 0x0102
            svn = 2

            [runtime]
            file = "runtime.bin"
            version = 0x01020000
            svn = 5
            revision = "0000000000000000000000000000000000000001"
            """;

    @Test
    void write() {
        String device = template("device.toml");
        String aspeed = template("aspeed.toml");
        String caliptra2x = template("caliptra-2x.toml");

        write("deviceFile/template.toml", device);
        write("deviceFile/profile-only.toml", "profile = \"caliptra-2.0\"\n");
        write("deviceFile/fuses-2x-mldsa.toml", """
                lifecycle = "manufacturing"
                [fuses]
                vendor_pk_hash = "00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff"
                pqc_key_type = "ml-dsa"
                mldsa_revocation = 3
                runtime_svn = 128
                """);

        write("imgtoolConfig/aspeed-template.toml", aspeed);
        write("imgtoolConfig/caliptra-2x-template.toml", caliptra2x);
        write("imgtoolConfig/aspeed-a1-out-bundle.toml", aspeed
                .replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"\"")
                .replace("# cptra_out_bundle = false", "cptra_out_bundle = true")
                .replace("# zero_caliptra_file_end = 0", "zero_caliptra_file_end = 0x1000"));
        write("imgtoolConfig/aspeed-sign-helpers.toml", aspeed
                .replace("# [sign_helper]", "[sign_helper]")
                .replace("# owner_ecc_fw_key_sign_helper", "owner_ecc_fw_key_sign_helper")
                .replace("# by_file = false", "by_file = true"));
        write("imgtoolConfig/minimal.toml", """
                [manifest_config]
                version = 1
                flags = 0
                security_version = 0
                [vendor_fw_key_config]
                [vendor_man_key_config]
                [image_runtime_list]
                caliptra_file = ""
                mcu_file = ""
                [[image_metadata_list]]
                file = ""
                source = 1
                fw_id = 1
                ignore_auth_check = true
                load_stage = 0
                """);

        write("fwBundleConfig/documented-2x.toml", FW_BUNDLE_2X);
        write("fwBundleConfig/lms-1x.toml", FW_BUNDLE_1X);

        write("tomlFile/device-template.toml", device);
        write("tomlFile/aspeed-template.toml", aspeed);
        write("tomlFile/fw-bundle-2x.toml", FW_BUNDLE_2X);
        write("tomlFile/every-type.toml", """
                s = "basic \\u00e9 \\t"
                l = 'literal'
                ml = \"\"\"
                two
                lines\"\"\"
                i = -0x1
                h = 0xFFFFFFFF
                big = 4294967296
                f = 1.5e3
                b = true
                d = 1979-05-27T07:32:00Z
                a = [1, "x", [true]]
                t = { x = 1, y = { z = "w" } }
                [[arr]]
                k = 1
                [[arr]]
                k = "2"
                [a.b."c d"]
                e = []
                """);

        // issue 9 item 3: deep nesting overflows the TOML parser's stack in every reader (all four targets)
        // (1000 is the depth, and whether it overflows depends on the stack and the JIT;
        // 20000 overflows any default stack.)
        write("deep-array-nesting-1000.toml", "x = " + "[".repeat(1000) + "]".repeat(1000) + "\n");
        write("deep-array-nesting-20000.toml", "x = " + "[".repeat(20000) + "]".repeat(20000) + "\n");
        write("deep-inline-table-nesting-1000.toml", "x = " + "{a=".repeat(1000) + "1" + "}".repeat(1000) + "\n");
        write("deep-inline-table-nesting-20000.toml", "x = " + "{a=".repeat(20000) + "1" + "}".repeat(20000) + "\n");
        // item 3: an SVN fuse of 4294967295 wraps to -1 past the range check
        write("deviceFile/fmc-svn-4294967295.toml", "[fuses]\nfmc_svn = 4294967295\n");
        write("deviceFile/runtime-svn-2147483648.toml", "[fuses]\nruntime_svn = 2147483648\n");
        // item 3: a value with a line break is echoed raw, so the one-line error spans two
        write("deviceFile/profile-with-newline.toml", "profile = \"caliptra\\n2.1\"\n");
        write("deviceFile/lifecycle-with-escape.toml", "lifecycle = \"\\u001b[31mproduction\"\n");
        // item 3: zero_caliptra_file_end of 2^31 or more is negative (NegativeArraySizeException), 2^31-1 is 2 GiB
        String zeroEnd = aspeed.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"\"");
        write("imgtoolConfig/zero-caliptra-file-end-0x80000000.toml",
                zeroEnd.replace("# zero_caliptra_file_end = 0", "zero_caliptra_file_end = 0x80000000"));
        write("imgtoolConfig/zero-caliptra-file-end-0x7fffffff.toml",
                zeroEnd.replace("# zero_caliptra_file_end = 0", "zero_caliptra_file_end = 0x7FFFFFFF"));
        // item 3: a NUL in a path from a configuration
        write("imgtoolConfig/nul-in-caliptra-file.toml",
                aspeed.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"caliptra\\u0000fw.bin\""));
        // item 3: file names from a configuration are echoed raw
        write("imgtoolConfig/caliptra-file-with-newline.toml",
                aspeed.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"caliptra\\nfw.bin\""));
        write("fwBundleConfig/nul-in-fmc-file.toml", FW_BUNDLE_2X.replace("file = \"fmc.bin\"", "file = \"fmc\\u0000.bin\""));
        // item 6: these errors name neither the file nor the key
        write("fwBundleConfig/svn-300.toml", FW_BUNDLE_2X.replace("svn = 3", "svn = 300"));
        write("fwBundleConfig/pqc-key-type-mldas.toml", FW_BUNDLE_2X.replace("\"mldsa\"", "\"mldas\""));
        write("fwBundleConfig/generation-3x.toml", FW_BUNDLE_2X.replace("\"2.x\"", "\"3.x\""));
        // item 6 (found by fuzzing): names neither file nor key, and quotes Java's HexFormat ("\"(\" = 40")
        write("fwBundleConfig/runtime-revision-not-hex.toml",
                FW_BUNDLE_1X.replace("0000000000000000000000000000000000000001", "00000000000000000000000000000000000000(1"));
        // item 1: SVNs are unsigned and bounded; 0xFFFFFFFF is -1 to the range check. This target stops
        // before signing, so it cannot see the SVN signed: a regular seed, for the reading.
        write("fwBundleConfig/fmc-svn-0xffffffff.toml", FW_BUNDLE_1X.replace("svn = 2", "svn = 0xFFFFFFFF"));
    }

    private static String template(String name) {
        try (InputStream in = FuzzSeedWriter.class.getResourceAsStream("/templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String relative, String content) {
        SeedFiles.write(INPUTS.resolve(relative), content.getBytes(StandardCharsets.UTF_8));
    }
}
