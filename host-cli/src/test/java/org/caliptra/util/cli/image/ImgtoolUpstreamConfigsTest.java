package org.caliptra.util.cli.image;

import static org.caliptra.util.cli.image.ImgtoolCommandsTest.ecdsa;
import static org.caliptra.util.cli.image.ImgtoolCommandsTest.eccKeyFile;
import static org.caliptra.util.cli.image.ImgtoolCommandsTest.lms;
import static org.caliptra.util.cli.image.ImgtoolCommandsTest.range;
import static org.caliptra.util.cli.image.ImgtoolCommandsTest.sha384;
import static org.caliptra.util.cli.image.ImgtoolCommandsTest.std;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration in cptra_imgtool's {@code config/} folder runs unchanged, in a directory laid
 * out as a cptra_imgtool checkout (key/, prebuilt/, src/vnd_sig/, out/, the sign helper at the path
 * the configurations name), over the shared AST2700 test data. The three ast2700-default
 * configurations are the shared ones (byte-identical to upstream); the other nine are derived from
 * them by upstream's differences (project name, the irot and A1 image lists); the three
 * sign-helper configurations are written out below line for line. {@link ImgtoolUpstreamTreeCheck}
 * compares all fifteen with upstream's text and runs them from upstream's own tree, where a
 * cptra_imgtool checkout is at hand.
 */
class ImgtoolUpstreamConfigsTest {
    static final String[] PROJECTS = {"ast2700-default", "ast2700-irot", "ast2700a1-default", "ast2700a1-irot"};
    static final String[] VARIANTS = {"", "-ecc", "-ecc-lms"};
    static final String BYFILE = "ast2700a1-default-ecc-lms-fw-man-sign-helper-byfile-manifest";
    static final String STDIN = "ast2700a1-default-ecc-lms-fw-man-sign-helper-stdin-manifest";
    static final String FW_STDIN = "ast2700a1-default-ecc-lms-fw-sign-helper-stdin-manifest";
    static final String HELPER_PATH = "sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper";

    // ---- cptra_imgtool config/ast2700a1-default-ecc-lms-*sign-helper*-manifest.toml, line for line ----

    static final String HEAD_FW_MAN_HELPERS = """
            # Licensed under the Apache-2.0 license

            [manifest_config]
            version = 1
            flags = 0
            security_version = 1
            prj_name = "ast2700a1-default"

            [vendor_fw_key_config]
            ecc_pub_key = "vnd-fw-ecc-pubk.pem"
            ecc_priv_key = "vnd-fw-ecc-prvk.pem"
            lms_pub_key = "vnd-fw-lms-pubk.pem"
            lms_priv_key = "vnd-fw-lms-prvk.pem"

            [vendor_man_key_config]
            ecc_pub_key = "vnd-man-ecc-pubk.pem"
            ecc_priv_key = "vnd-man-ecc-prvk.pem"
            lms_pub_key = "vnd-man-lms-pubk.pem"
            lms_priv_key = "vnd-man-lms-prvk.pem"

            [owner_fw_key_config]
            # ecc_pub_key = "own-fw-ecc-pubk.pem"
            # ecc_priv_key = "own-fw-ecc-prvk.pem"
            # lms_pub_key = "own-fw-lms-pubk.pem"
            # lms_priv_key = "own-fw-lms-prvk.pem"

            [owner_man_key_config]
            ecc_pub_key = "own-man-ecc-pubk.pem"
            # ecc_priv_key = "own-man-ecc-prvk.pem"
            lms_pub_key = "own-man-lms-pubk.pem"
            # lms_priv_key = "own-man-lms-prvk.pem"

            """;

    static final String HEAD_FW_HELPERS = """
            # Licensed under the Apache-2.0 license

            [manifest_config]
            version = 1
            flags = 0
            security_version = 1
            prj_name = "ast2700a1-default"

            [vendor_fw_key_config]
            ecc_pub_key = "vnd-fw-ecc-pubk.pem"
            ecc_priv_key = "vnd-fw-ecc-prvk.pem"
            lms_pub_key = "vnd-fw-lms-pubk.pem"
            lms_priv_key = "vnd-fw-lms-prvk.pem"

            [vendor_man_key_config]
            ecc_pub_key = "vnd-man-ecc-pubk.pem"
            ecc_priv_key = "vnd-man-ecc-prvk.pem"
            lms_pub_key = "vnd-man-lms-pubk.pem"
            lms_priv_key = "vnd-man-lms-prvk.pem"

            [owner_fw_key_config]
            # ecc_pub_key = "own-fw-ecc-pubk.pem"
            # ecc_priv_key = "own-fw-ecc-prvk.pem"
            # lms_pub_key = "own-fw-lms-pubk.pem"
            # lms_priv_key = "own-fw-lms-prvk.pem"

            [owner_man_key_config]
            ecc_pub_key = "own-man-ecc-pubk.pem"
            ecc_priv_key = "own-man-ecc-prvk.pem"
            lms_pub_key = "own-man-lms-pubk.pem"
            lms_priv_key = "own-man-lms-prvk.pem"

            """;

    static final String IMAGES = """
            [image_runtime_list]
            caliptra_file = "caliptra-fw.bin"
            mcu_file = "u-boot-spl.bin"

            [[image_metadata_list]]
            file = "u-boot-spl.bin"
            source = 1
            fw_id = 1
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "ddr4_pmu_train_imem.bin"
            source = 1
            fw_id = 2
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "ddr4_pmu_train_dmem.bin"
            source = 1
            fw_id = 3
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "ddr4_2d_pmu_train_imem.bin"
            source = 1
            fw_id = 4
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "ddr4_2d_pmu_train_dmem.bin"
            source = 1
            fw_id = 5
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "ddr5_pmu_train_imem.bin"
            source = 1
            fw_id = 6
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "ddr5_pmu_train_dmem.bin"
            source = 1
            fw_id = 7
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "dp_fw.bin"
            source = 1
            fw_id = 8
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "uefi_ast2700.bin"
            source = 1
            fw_id = 9
            ignore_auth_check = false
            load_stage = 0

            [[image_metadata_list]]
            file = "atf.bin"
            source = 1
            fw_id = 10
            ignore_auth_check = false
            load_stage = 1

            [[image_metadata_list]]
            file = "optee.bin"
            source = 1
            fw_id = 11
            ignore_auth_check = false
            load_stage = 1

            [[image_metadata_list]]
            file = "u-boot.bin"
            source = 1
            fw_id = 12
            ignore_auth_check = false
            load_stage = 1

            [[image_metadata_list]]
            file = "ssp.bin"
            source = 1
            fw_id = 13
            ignore_auth_check = false
            load_stage = 1

            [[image_metadata_list]]
            file = "tsp.bin"
            source = 1
            fw_id = 14
            ignore_auth_check = false
            load_stage = 1

            """;

    static final String TAIL_FW_MAN_BYFILE = """
            [sign_helper]
            # owner_ecc_fw_key_sign_helper = "python3 sign_helper_example/ecc_sign_helper.py --key fw --by-file"
            owner_ecc_fw_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo ecc --key fw --by-file"
            owner_ecc_man_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo ecc --key man --by-file"
            owner_lms_fw_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo lms --key fw --by-file"
            owner_lms_man_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo lms --key man --by-file"
            by_file = true""";

    static final String TAIL_FW_MAN_STDIN = """
            [sign_helper]
            # owner_ecc_fw_key_sign_helper = "python3 sign_helper_example/ecc_sign_helper.py --key fw"
            owner_ecc_fw_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo ecc --key fw"
            owner_ecc_man_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo ecc --key man"
            owner_lms_fw_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo lms --key fw"
            owner_lms_man_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo lms --key man"
            by_file = false""";

    static final String TAIL_FW_STDIN = """
            [sign_helper]
            # owner_ecc_fw_key_sign_helper = "python3 sign_helper_example/ecc_sign_helper.py --key fw --by-file"
            owner_ecc_fw_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo ecc --key fw"
            # owner_ecc_man_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo ecc --key man"
            owner_lms_fw_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo lms --key fw"
            # owner_lms_man_key_sign_helper = "./sign_helper_example/rust_sign_helper/target/debug/rust_sign_helper --algo lms --key man"
            by_file = false""";


    static Map<String, String> helperConfigs() {
        var m = new LinkedHashMap<String, String>();
        m.put(BYFILE, HEAD_FW_MAN_HELPERS + IMAGES + TAIL_FW_MAN_BYFILE);
        m.put(STDIN, HEAD_FW_MAN_HELPERS + IMAGES + TAIL_FW_MAN_STDIN);
        m.put(FW_STDIN, HEAD_FW_HELPERS + IMAGES + TAIL_FW_STDIN);
        return m;
    }

    /** Upstream's irot and A1 configurations, made from the ast2700-default one by upstream's differences. */
    static String derived(String base, String project) {
        if (project.equals("ast2700-default")) {
            return base;
        }
        String s = base.replace("prj_name = \"ast2700-default\"", "prj_name = \"" + project + "\"");
        boolean a1 = project.startsWith("ast2700a1-");
        boolean irot = project.endsWith("-irot");
        if (a1) {
            // the A1 flash carries neither the Caliptra firmware nor the MCU image
            s = s.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"\"").replace("\"zephyr-mcu-runtime.bin\"", "\"\"");
        } else if (irot) {
            s = s.replace("\"zephyr-mcu-runtime.bin\"", "\"u-boot-spl.bin\"");
        }
        if (irot) {
            // iRoT: u-boot-spl is the FMC; ATF, OP-TEE and U-Boot become next-stage placeholders; TSP loads with the drivers
            for (int fwId = 10; fwId <= 12; fwId++) {
                s = s.replaceFirst("file = \"[^\"]*\"\nsource = 1\nfw_id = " + fwId + "\nignore_auth_check = false\nload_stage = 1",
                        "file = \"\"\nsource = 1\nfw_id = " + fwId + "\nignore_auth_check = false\nload_stage = 2");
            }
            s = s.replace("fw_id = 14\nignore_auth_check = false\nload_stage = 1", "fw_id = 14\nignore_auth_check = false\nload_stage = 0");
        }
        return s;
    }

    @TempDir
    Path checkout;

    Path ast = Cli.testdata();

    /** All fifteen configurations by name, as the shared test data and the text above give them. */
    Map<String, String> configs() throws Exception {
        var m = new LinkedHashMap<String, String>();
        for (String project : PROJECTS) {
            for (String variant : VARIANTS) {
                String base = Files.readString(ast.resolve("config/ast2700-default" + variant + "-manifest.toml"));
                m.put(project + variant + "-manifest", derived(base, project));
            }
        }
        m.putAll(helperConfigs());
        return m;
    }

    /** The upstream README's layout, over the shared test data, with a stand-in for the example sign helper. */
    void layOut(Map<String, String> configs) throws Exception {
        Files.createDirectories(checkout.resolve("config"));
        Files.createDirectories(checkout.resolve("out"));
        Files.createDirectories(checkout.resolve("src/vnd_sig"));
        for (String f : new String[] {"vnd_ecc_sig.der", "vnd_lms_sig.der"}) {
            Files.copy(ast.resolve(f), checkout.resolve("src/vnd_sig").resolve(f));
        }
        byte[] mcu = new byte[50001];
        new Random(11).nextBytes(mcu);
        for (String project : PROJECTS) {
            Cli.copyFiles(ast.resolve("key/ast2700-default"), checkout.resolve("key").resolve(project));
            Path prebuilt = Files.createDirectories(checkout.resolve("prebuilt").resolve(project));
            Cli.copyPrebuilt(prebuilt);
            Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
        }
        for (var e : configs.entrySet()) {
            Files.writeString(checkout.resolve("config").resolve(e.getKey() + ".toml"), e.getValue());
        }
        installHelper(checkout);
    }

    static void installHelper(Path root) throws Exception {
        Path helper = root.resolve(HELPER_PATH);
        Files.createDirectories(helper.getParent());
        Files.writeString(helper, "#!/bin/sh\nexec '" + java() + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' " + UpstreamSignHelper.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** caliptra-util run as cptra_imgtool is: from the checkout, with no directory options. */
    static Cli.Result runIn(Path dir, String... args) throws Exception {
        var cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.caliptra.util.cli.CaliptraUtil"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        try {
            var p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "caliptra-util " + String.join(" ", args) + " finished");
            return new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The builder's judgement of what it wrote (zero-leaf key notices aside). */
    static String judgement(String err) {
        return String.join("\n", err.lines().filter(l -> l.contains(" is written, but a device ")).toList());
    }

    static String project(String config) {
        for (String p : new String[] {"ast2700a1-default", "ast2700a1-irot", "ast2700-default", "ast2700-irot"}) {
            if (config.startsWith(p + "-")) {
                return p;
            }
        }
        throw new AssertionError(config);
    }

    @Test
    void theThreeSignHelperConfigurationsRunUnchangedAndEveryHelperSignatureVerifies() throws Exception {
        var configs = configs();
        layOut(configs);
        for (String name : helperConfigs().keySet()) {
            var r = runIn(checkout, "image", "create-auth-flash", "--cfg", "config/" + name + ".toml");
            assertEquals(0, r.exitCode(), name + ": " + r.err());
            assertEquals("", judgement(r.err()), name);
            byte[] m = Files.readAllBytes(checkout.resolve("out/ast2700a1-default-auth-manifest.bin"));
            checkOwnerSignatures(name, m, Files.readAllBytes(checkout.resolve("prebuilt/ast2700a1-default/caliptra-fw.bin")));
            var verify = Cli.run("image", "verify", checkout.resolve("out/ast2700a1-default-flash-image.bin").toString(),
                    "--vendor-pk-hash", ImageCommandsTest.VENDOR, "--owner-pk-hash", ImageCommandsTest.OWNER, "--lms-verify",
                    "--format", "json");
            assertEquals("accepted", verify.json().get("verdict").asText(), name + ": " + verify.out());
        }
    }

    /**
     * The owner FW signatures (endorsement of the owner manifest keys, and ASPEED's SVN signature)
     * with the owner keys of the firmware bundle, the owner image-list signatures with the owner
     * manifest keys: BouncyCastle ECDSA and LMS at the raw offsets of spec/formats.md §3.2.
     */
    void checkOwnerSignatures(String name, byte[] m, byte[] bundle) throws Exception {
        byte[] ownerFwEcc = std(bundle, 0x0E44, 96);
        byte[] ownerFwLms = range(bundle, 0x0EA4, 0x0ED4);
        byte[] ownerSpan = range(m, 0x758, 0x7E8);
        assertTrue(ecdsa(ownerFwEcc, range(m, 0x7E8, 0x848), sha384(ownerSpan)), name + ": owner ECC endorsement");
        assertTrue(lms(ownerFwLms, range(m, 0x848, 0x848 + 1620), sha384(ownerSpan)), name + ": owner LMS endorsement");
        byte[] svnSpan = ByteBuffer.allocate(156).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(1).putInt(0).put(ownerSpan).array();
        assertTrue(ecdsa(ownerFwEcc, range(m, 0xE9C, 0xEFC), sha384(svnSpan)), name + ": owner SVN ECC signature");
        byte[] svnLms = range(m, 0xEFC, 0xEFC + 1620);
        byte[] q = {svnLms[3], svnLms[2], svnLms[1], svnLms[0]}; // stored byte-reversed
        System.arraycopy(q, 0, svnLms, 0, 4);
        assertTrue(lms(ownerFwLms, svnLms, sha384(svnSpan)), name + ": owner SVN LMS signature");
        Path keys = ast.resolve("key/ast2700-default");
        byte[] imc = range(m, 0x22B8, 16004);
        assertTrue(ecdsa(eccKeyFile(keys.resolve("own-man-ecc-pubk.pem")), range(m, 0x1C04, 0x1C64), sha384(imc)),
                name + ": owner image-list ECC signature");
        assertTrue(lms(Files.readAllBytes(keys.resolve("own-man-lms-pubk.pem")), range(m, 0x1C64, 0x1C64 + 1620), sha384(imc)),
                name + ": owner image-list LMS signature");
    }

    @Test
    void theTwelveKeyFileConfigurationsRunUnchangedAndWarnExactlyWhenADeviceWouldRefuse() throws Exception {
        var configs = configs();
        layOut(configs);
        for (String name : configs.keySet()) {
            if (helperConfigs().containsKey(name)) {
                continue;
            }
            String prj = project(name);
            Path flash = checkout.resolve("out").resolve(prj + "-flash-image.bin");
            var r = Cli.run("image", "create-auth-flash", "--cfg", checkout.resolve("config/" + name + ".toml").toString(),
                    "--key-dir", checkout.resolve("key").resolve(prj).toString(), "--prebuilt-dir",
                    checkout.resolve("prebuilt").resolve(prj).toString(), "--vendor-sig-dir", checkout.resolve("src/vnd_sig").toString(),
                    "--flash", flash.toString());
            assertEquals(0, r.exitCode(), name + ": " + r.err());
            assertTrue(Files.exists(checkout.resolve("out").resolve(prj + "-auth-manifest.bin")), name);
            boolean a1 = prj.startsWith("ast2700a1-");
            boolean unsigned = name.endsWith(prj + "-manifest");
            String said = judgement(r.err());
            if (a1) {
                assertTrue(said.contains("is written, but a device would not boot it: caliptra-fw: ")
                        && said.contains("the flash image carries no Caliptra firmware"), name + ": " + r.err());
            } else if (unsigned) {
                assertTrue(said.contains("is written, but a device would not boot it: soc-manifest: "
                        + "RUNTIME_AUTH_MANIFEST_VENDOR_ECC_SIGNATURE_INVALID (0x000E0047)")
                        && said.contains("an unsigned manifest"), name + ": " + r.err());
            } else {
                assertEquals("", said, name);
            }
            assertTrue(said.lines().count() <= 1, name + ": one line at most: " + said);
            // the builder's word and the verifier's agree
            var args = new ArrayList<>(List.of("image", "verify", flash.toString(), "--vendor-pk-hash", ImageCommandsTest.VENDOR,
                    "--owner-pk-hash", ImageCommandsTest.OWNER, "--format", "json"));
            if (name.endsWith("-ecc-lms-manifest")) {
                args.add("--lms-verify");
            }
            var verify = Cli.run(args.toArray(String[]::new));
            assertEquals(said.isEmpty() ? "accepted" : "rejected", verify.json().get("verdict").asText(), name + ": " + verify.out());
        }
    }
}
