package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How every command writes its files: modes, no overwriting where promised, nothing half-written. */
class OutputFilesTest {
    static final String PRIVATE = "rw-------";
    static final String PUBLIC = "rw-r--r--";

    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    Map<Path, byte[]> snapshot(Path... files) throws Exception {
        var m = new LinkedHashMap<Path, byte[]>();
        for (Path f : files) {
            m.put(f, Files.readAllBytes(f));
        }
        return m;
    }

    void assertUnchanged(Map<Path, byte[]> before) throws Exception {
        for (var e : before.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " changed");
        }
    }

    void assertNoTemporaryFiles(Path d) throws Exception {
        try (var files = Files.list(d)) {
            var left = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), left, "temporary files left in " + d);
        }
    }

    @Test
    void keygenWritesPrivateKeysAndLmsState0600AndPublicKeys0644() throws Exception {
        for (String type : new String[] {"ecc", "mldsa", "lms"}) {
            var r = Cli.run("image", "keygen", "--type", type, "--out", dir.resolve(type).toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(PRIVATE, mode(dir.resolve(type + "-prvk.pem")), type);
            assertEquals(PUBLIC, mode(dir.resolve(type + "-pubk.pem")), type);
        }
        assertEquals(PRIVATE, mode(dir.resolve("lms-prvk.pem.state")));
        assertEquals(PUBLIC, mode(dir.resolve("lms-prvk.pem.tree")), "the tree's nodes are public");
        assertNoTemporaryFiles(dir);
    }

    @Test
    void keygenNeverReplacesAKeyAndLeavesItByteIdentical() throws Exception {
        assertEquals(0, Cli.run("image", "keygen", "--type", "ecc", "--out", dir.resolve("own").toString()).exitCode());
        Path priv = dir.resolve("own-prvk.pem");
        Path pub = dir.resolve("own-pubk.pem");
        var before = snapshot(priv, pub);
        var again = Cli.run("image", "keygen", "--type", "ecc", "--out", dir.resolve("own").toString());
        assertEquals(2, again.exitCode());
        assertEquals(priv + ": already exists; keygen never overwrites keys or LMS state", again.err().strip().replaceFirst("^[^:]*: ", ""));
        assertUnchanged(before);

        // with only the public key left over, no private key is made beside it
        Files.delete(priv);
        var half = Cli.run("image", "keygen", "--type", "ecc", "--out", dir.resolve("own").toString());
        assertEquals(2, half.exitCode());
        assertFalse(Files.exists(priv));
        assertUnchanged(Map.of(pub, before.get(pub)));
        assertNoTemporaryFiles(dir);
    }

    @Test
    void createFwBundleWrites0644AndReplacesItsOutput() throws Exception {
        for (String k : new String[] {"vnd-ecc-0", "own-ecc"}) {
            assertEquals(0, Cli.run("image", "keygen", "--type", "ecc", "--out", dir.resolve(k).toString()).exitCode());
        }
        Path fmc = binary("fmc.bin", 3000, 1);
        Path rt = binary("rt.bin", 5000, 2);
        Path out = dir.resolve("bundle.bin");
        Files.writeString(out, "stale");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-rw-"));
        var r = Cli.run("image", "create-fw-bundle", "--fmc", fmc.toString(), "--runtime", rt.toString(), "--keys", dir.toString(),
                "--out", out.toString(), "--generation", "1.x", "--pqc-key-type", "none");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(PUBLIC, mode(out));
        assertTrue(Files.size(out) > 5000);
        assertNoTemporaryFiles(dir);
    }

    @Test
    void aFailedWriteIsOneLineNamingTheFileAndLeavesNothing() throws Exception {
        for (String k : new String[] {"vnd-ecc-0", "own-ecc"}) {
            assertEquals(0, Cli.run("image", "keygen", "--type", "ecc", "--out", dir.resolve(k).toString()).exitCode());
        }
        Path fmc = binary("fmc.bin", 3000, 1);
        Path rt = binary("rt.bin", 5000, 2);
        // The tests run as root, which a chmod'ed directory would not stop; /proc refuses new files to everyone.
        Path unwritable = Path.of("/proc/self/bundle.bin");
        var r = Cli.run("image", "create-fw-bundle", "--fmc", fmc.toString(), "--runtime", rt.toString(), "--keys", dir.toString(),
                "--out", unwritable.toString(), "--generation", "1.x", "--pqc-key-type", "none");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("caliptra-util image create-fw-bundle: " + unwritable + ": cannot create a temporary file in /proc/"),
                r.err());
        assertFalse(Files.exists(unwritable));

        Path missingDir = dir.resolve("no-such-dir/bundle.bin");
        var m = Cli.run("image", "create-fw-bundle", "--fmc", fmc.toString(), "--runtime", rt.toString(), "--keys", dir.toString(),
                "--out", missingDir.toString(), "--generation", "1.x", "--pqc-key-type", "none");
        assertEquals(2, m.exitCode());
        assertEquals("caliptra-util image create-fw-bundle: " + missingDir + ": the directory " + missingDir.getParent()
                + " does not exist", m.err().strip());
        assertNoTemporaryFiles(dir);
    }

    @Test
    void imgtoolOutputsAre0644AndExtractNeverReplacesAFile() throws Exception {
        Path ast = Cli.testdata();
        Path keys = ast.resolve("key/ast2700-default");
        Path prebuilt = Files.createDirectories(dir.resolve("prebuilt"));
        Cli.copyPrebuilt(prebuilt);
        byte[] mcu = new byte[4096];
        new Random(7).nextBytes(mcu);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
        Path cfg = ast.resolve("config/ast2700-default-ecc-manifest.toml");
        String[] common = {"--cfg", cfg.toString(), "--key-dir", keys.toString(), "--prebuilt-dir", prebuilt.toString(),
            "--vendor-sig-dir", ast.toString()};

        Path work = Files.createDirectory(dir.resolve("work"));
        Path man = work.resolve("man.bin");
        var args = new ArrayList<>(List.of("image", "create-auth-man", "--man", man.toString()));
        args.addAll(List.of(common));
        assertEquals(0, Cli.run(args.toArray(String[]::new)).exitCode());
        assertEquals(PUBLIC, mode(man));
        assertEquals(PUBLIC, mode(work.resolve("svn_sig.bin")));

        Path flash = work.resolve("flash.bin");
        args = new ArrayList<>(List.of("image", "create-auth-flash", "--flash", flash.toString()));
        args.addAll(List.of(common));
        var f = Cli.run(args.toArray(String[]::new));
        assertEquals(0, f.exitCode(), f.err());
        assertEquals(PUBLIC, mode(flash));
        assertNoTemporaryFiles(work);

        Path out = Files.createDirectory(dir.resolve("extracted"));
        Path taken = out.resolve("caliptra-fw.bin");
        byte[] mine = "not from the flash".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(taken, mine);
        var refused = Cli.run("image", "extract", flash.toString(), "--out", out.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains(taken + ": already exists; extract never overwrites"), refused.err());
        assertArrayEquals(mine, Files.readAllBytes(taken));
        try (var files = Files.list(out)) {
            assertEquals(1, files.count(), "nothing extracted when a name is taken");
        }
        Files.delete(taken);
        var r = Cli.run("image", "extract", flash.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (var files = Files.list(out)) {
            for (Path p : files.toList()) {
                assertEquals(PUBLIC, mode(p), p.toString());
            }
        }
        assertNoTemporaryFiles(out);
    }

    private Path binary(String name, int size, long seed) throws Exception {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }
}
