package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PKCS#11 signing through SunPKCS11 against a real SoftHSM2 token created in a temporary
 * directory. SoftHSM reads SOFTHSM2_CONF from its process environment, so the token work runs in
 * child JVMs. Skipped, with the reason, where SoftHSM2 is not installed (.ci/run installs it).
 */
class Pkcs11SigningTest {
    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    @TempDir
    Path dir;

    record Run(int code, String out) {}

    Run run(Map<String, String> env, List<String> command) throws Exception {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = dir.resolve("child.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    List<String> java(String mainClass, String... args) {
        var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void manifestSignedByATokenVerifiesAndDiffersOnlyInTheTokenSignatures() throws Exception {
        boolean tool = Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "softhsm2-util")));
        assumeTrue(tool && Files.exists(LIBRARY), "skipped: SoftHSM2 (softhsm2-util, " + LIBRARY + ") is not installed");
        Path ast = Cli.testdata();
        Path keys = ast.resolve("key/ast2700-default");
        Files.createDirectories(dir.resolve("tokens"));
        Path conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + dir.resolve("tokens") + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        var env = Map.of("SOFTHSM2_CONF", conf.toString());
        var init = run(env, List.of("softhsm2-util", "--init-token", "--free", "--label", "caliptra", "--pin", "1234", "--so-pin", "5678"));
        assertEquals(0, init.code(), init.out());
        var imported = run(env, java(Pkcs11Import.class.getName(), LIBRARY.toString(), keys.resolve("own-fw-ecc-prvk.pem").toString(),
                "own-fw", "1234"));
        assertEquals(0, imported.code(), imported.out());

        Path prebuilt = dir.resolve("prebuilt");
        Files.createDirectories(prebuilt);
        try (var files = Files.list(ast.resolve("prebuilt/ast2700-default"))) {
            for (Path f : files.toList()) {
                Files.createSymbolicLink(prebuilt.resolve(f.getFileName()), f.toAbsolutePath());
            }
        }
        byte[] mcu = new byte[4096];
        new Random(3).nextBytes(mcu);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
        Path cfg = ast.resolve("config/ast2700-default-ecc-manifest.toml");
        Path tokenCfg = dir.resolve("token.toml");
        Files.writeString(tokenCfg, Files.readString(cfg).replaceFirst("ecc_priv_key = \"own-fw-ecc-prvk.pem\"",
                "ecc_priv_key = \"pkcs11:object=own-fw?module-path=" + LIBRARY + "&pin-value=1234\""));
        String[] common = {"--key-dir", keys.toString(), "--prebuilt-dir", prebuilt.toString(), "--vendor-sig-dir", ast.toString()};

        Path tokenSigned = dir.resolve("token.bin");
        var args = new ArrayList<>(List.of("image", "create-auth-man", "--cfg", tokenCfg.toString(), "--man", tokenSigned.toString()));
        args.addAll(List.of(common));
        var built = run(env, java(org.caliptra.util.cli.CaliptraUtil.class.getName(), args.toArray(String[]::new)));
        assertEquals(0, built.code(), built.out());

        Path fileSigned = dir.resolve("file.bin");
        var fileArgs = new ArrayList<>(List.of("image", "create-auth-man", "--cfg", cfg.toString(), "--man", fileSigned.toString()));
        fileArgs.addAll(List.of(common));
        assertEquals(0, Cli.run(fileArgs.toArray(String[]::new)).exitCode());

        byte[] a = Files.readAllBytes(fileSigned);
        byte[] b = Files.readAllBytes(tokenSigned);
        assertEquals(a.length, b.length);
        // The token picks its own ECDSA nonce, so only the two fields it signed (owner endorsement at 0x7E8 and the
        // SVN signature at 0xE9C, 96 bytes each) differ; everything else is identical.
        for (int i = 0; i < a.length; i++) {
            boolean tokenField = (i >= 0x7E8 && i < 0x848) || (i >= 0xE9C && i < 0xEFC);
            if (!tokenField) {
                assertEquals(a[i], b[i], "byte " + i);
            }
        }
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 0x7E8, 0x848), new byte[96]));

        Path flash = dir.resolve("flash.bin");
        var flashArgs = new ArrayList<>(List.of("image", "create-auth-flash", "--cfg", cfg.toString(), "--man", tokenSigned.toString(),
                "--flash", flash.toString()));
        flashArgs.addAll(List.of(common));
        assertEquals(0, Cli.run(flashArgs.toArray(String[]::new)).exitCode());
        var verify = Cli.run("image", "verify", flash.toString(), "--vendor-pk-hash", ImageCommandsTest.VENDOR, "--owner-pk-hash",
                ImageCommandsTest.OWNER, "--format", "json");
        assertEquals(0, verify.exitCode(), verify.out());
    }
}
