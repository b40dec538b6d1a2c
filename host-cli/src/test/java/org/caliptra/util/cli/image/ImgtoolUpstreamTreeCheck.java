package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.Test;

/**
 * The fifteen configurations of {@link ImgtoolUpstreamConfigsTest} against cptra_imgtool's own tree:
 * each equivalent is upstream's text, and upstream's tree builds every configuration. It needs a
 * cptra_imgtool checkout or git directory (CPTRA_IMGTOOL_REPO, else the mirror beside the project),
 * which a fresh machine does not have, so it runs only when asked for (its name is not a test's):
 * {@code ./mvnw -pl host-cli -am test -Dtest=ImgtoolUpstreamTreeCheck -Dsurefire.failIfNoSpecifiedTests=false}.
 * Asked for without a checkout, it fails.
 */
class ImgtoolUpstreamTreeCheck extends ImgtoolUpstreamConfigsTest {
    static Path upstreamRepo() {
        String configured = System.getenv("CPTRA_IMGTOOL_REPO");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "..", ".mirror", "AspeedTech-BMC+cptra_imgtool", "repo");
        return p.toAbsolutePath().normalize();
    }

    static Path upstreamCheckout(Path into) throws Exception {
        Path repo = upstreamRepo();
        assertTrue(Files.isDirectory(repo), "no cptra_imgtool checkout or git directory at " + repo
                + " (set CPTRA_IMGTOOL_REPO)");
        if (Files.isDirectory(repo.resolve("config"))) {
            return repo; // a checkout: used in place only for reading, runs happen in a copy below
        }
        Path tree = Files.createDirectories(into.resolve("cptra_imgtool"));
        var p = new ProcessBuilder("sh", "-c", "git --git-dir='" + repo + "' archive HEAD | tar -x -C '" + tree + "'")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "git archive: " + output);
        return tree;
    }

    @Test
    void theEquivalentsAreUpstreamsTextAndUpstreamsOwnTreeBuildsEveryConfiguration() throws Exception {
        Path tree = upstreamCheckout(checkout);
        var configs = configs();
        for (var e : configs.entrySet()) {
            String upstream = Files.readString(tree.resolve("config").resolve(e.getKey() + ".toml"));
            assertEquals(upstream.strip(), e.getValue().strip(), e.getKey() + " is upstream's line for line");
        }
        try (var files = Files.list(tree.resolve("config"))) {
            assertEquals(15, files.count(), "upstream's config/ holds the fifteen configurations tested here");
        }
        if (tree.startsWith(upstreamRepo())) {
            return; // a user's own checkout is not written to
        }
        byte[] mcu = new byte[50001];
        new Random(12).nextBytes(mcu);
        Files.write(tree.resolve("prebuilt/ast2700-default/zephyr-mcu-runtime.bin"), mcu); // the README's own MCU image
        installHelper(tree);
        for (String name : configs.keySet()) {
            String prj = project(name);
            var r = runIn(tree, "image", "create-auth-flash", "--cfg", "config/" + name + ".toml");
            assertEquals(0, r.exitCode(), name + ": " + r.err());
            Path flash = tree.resolve("out").resolve(prj + "-flash-image.bin");
            assertTrue(Files.size(flash) > 0, name);
            String said = judgement(r.err());
            if (helperConfigs().containsKey(name)) {
                // Upstream's A1 bundle is not the key ASPEED's prebuilt vendor LMS endorsement was made for, so
                // with LMS verification on a device refuses these flashes: the agreement below is what holds.
                checkOwnerSignatures(name, Files.readAllBytes(tree.resolve("out").resolve(prj + "-auth-manifest.bin")),
                        Files.readAllBytes(tree.resolve("prebuilt").resolve(prj).resolve("caliptra-fw.bin")));
            }
            Path bundle = tree.resolve("prebuilt").resolve(prj).resolve("caliptra-fw.bin");
            if (!Files.exists(bundle) || name.matches(".*a1-(default|irot)(-ecc|-ecc-lms)?-manifest")) {
                assertTrue(said.contains("the flash image carries no Caliptra firmware"), name + ": " + r.err());
                continue;
            }
            var fuses = Cli.run("image", "fuses", bundle.toString(), "--format", "json").json();
            var args = new ArrayList<>(List.of("image", "verify", flash.toString(), "--vendor-pk-hash",
                    fuses.get("vendor_pk_hash").asText(), "--owner-pk-hash", fuses.get("owner_pk_hash").asText(), "--format", "json"));
            if (name.contains("-ecc-lms-")) {
                args.add("--lms-verify");
            }
            var verify = Cli.run(args.toArray(String[]::new));
            assertEquals(said.isEmpty() ? "accepted" : "rejected", verify.json().get("verdict").asText(),
                    name + ": the builder said '" + said + "', image verify said " + verify.out());
        }
    }
}
