package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's outputs appear together or not at all, and only inside the directory they are asked for. */
class AllOrNothingOutputsTest {
    static final byte[] OLD = "a manifest from an earlier run".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    Path ast;
    Path prebuilt;
    Path out;

    @BeforeEach
    void project() throws Exception {
        ast = Cli.testdata();
        prebuilt = Files.createDirectories(dir.resolve("prebuilt"));
        Cli.copyPrebuilt(prebuilt);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), new byte[4096]);
        out = Files.createDirectory(dir.resolve("out"));
    }

    Path config(UnaryOperator<String> edit) throws Exception {
        return Files.writeString(dir.resolve("cfg.toml"), edit.apply(Files.readString(ast.resolve("config/ast2700-default-manifest.toml"))));
    }

    List<String> names(Path d) throws Exception {
        try (var files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createAuthFlashLeavesNoManifestWhenTheFlashImageFails() throws Exception {
        // u-boot-spl.bin as the Caliptra firmware is refused (it is no bundle; it would not fit the A1 out-bundle's
        // 0x20000-byte slot either) once the manifest is already built: nothing may be left of the run.
        Path cfg = config(s -> s.replace("caliptra_file = \"caliptra-fw.bin\"", "caliptra_file = \"u-boot-spl.bin\"\ncptra_out_bundle = true"));
        Path manifest = Files.write(out.resolve("ast2700-default-auth-manifest.bin"), OLD);
        Path flash = out.resolve("flash.bin");
        var r = Cli.run("image", "create-auth-flash", "--cfg", cfg.toString(), "--prebuilt-dir", prebuilt.toString(),
                "--flash", flash.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("caliptra_file names " + prebuilt.resolve("u-boot-spl.bin") + ": not a Caliptra firmware bundle"), r.err());
        assertArrayEquals(OLD, Files.readAllBytes(manifest), "the earlier manifest is not replaced by one of a failed run");
        assertEquals(List.of("ast2700-default-auth-manifest.bin"), names(out));

        // and when the flash image cannot be written where asked
        Path good = config(s -> s);
        Path taken = Files.createDirectory(out.resolve("flash-dir.bin"));
        var d = Cli.run("image", "create-auth-flash", "--cfg", good.toString(), "--prebuilt-dir", prebuilt.toString(),
                "--flash", taken.toString());
        assertEquals(2, d.exitCode(), d.out() + d.err());
        assertTrue(d.err().contains(taken + ": is a directory"), d.err());
        assertArrayEquals(OLD, Files.readAllBytes(manifest));
        assertEquals(List.of("ast2700-default-auth-manifest.bin", "flash-dir.bin"), names(out));

        // when both can be written, both are
        var ok = Cli.run("image", "create-auth-flash", "--cfg", good.toString(), "--prebuilt-dir", prebuilt.toString(),
                "--flash", flash.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals(16004, Files.size(manifest));
        assertEquals(List.of("ast2700-default-auth-manifest.bin", "flash-dir.bin", "flash.bin"), names(out));
    }

    @Test
    void createAuthManWritesNoManifestWhenSvnSigCannotBeWritten() throws Exception {
        Files.createDirectory(out.resolve("svn_sig.bin"));
        Path man = out.resolve("m.bin");
        var r = Cli.run("image", "create-auth-man", "--cfg", config(s -> s).toString(), "--prebuilt-dir", prebuilt.toString(),
                "--man", man.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(out.resolve("svn_sig.bin") + ": is a directory"), r.err());
        assertFalse(Files.exists(man), "no manifest without its svn_sig.bin");
        assertEquals(List.of("svn_sig.bin"), names(out));
    }

    @Test
    void extractWritesNothingWhenOneNameIsTaken() throws Exception {
        Path flash = dir.resolve("flash.bin");
        assertEquals(0, Cli.run("image", "create-auth-flash", "--cfg", config(s -> s).toString(), "--prebuilt-dir",
                prebuilt.toString(), "--flash", flash.toString()).exitCode());
        // A dangling link does not "exist" to Files.exists: extract used to write the first two images, then fail.
        Path x = Files.createDirectory(dir.resolve("x"));
        Files.createSymbolicLink(x.resolve("mcu-runtime.bin"), dir.resolve("nowhere"));
        var r = Cli.run("image", "extract", flash.toString(), "--out", x.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(x.resolve("mcu-runtime.bin") + ": already exists; extract never overwrites"), r.err());
        assertEquals(List.of("mcu-runtime.bin"), names(x));
        assertFalse(Files.exists(dir.resolve("nowhere")));
    }

    @Test
    void extractKeepsEveryConfiguredNameInsideOut() throws Exception {
        Path escape = Files.write(dir.resolve("escape.bin"), new byte[] {1, 2, 3, 4});
        Path absolute = Files.write(dir.resolve("absolute.bin"), new byte[] {5, 6, 7, 8});
        Path cfg = config(s -> s.replace("file = \"ddr4_pmu_train_imem.bin\"", "file = \"../escape.bin\"")
                .replace("file = \"ddr4_pmu_train_dmem.bin\"", "file = \"" + absolute + "\""));
        Path flash = dir.resolve("flash.bin");
        var made = Cli.run("image", "create-auth-flash", "--cfg", cfg.toString(), "--prebuilt-dir", prebuilt.toString(),
                "--flash", flash.toString());
        assertEquals(0, made.exitCode(), made.err());
        Path x = Files.createDirectory(dir.resolve("x"));
        var r = Cli.run("image", "extract", flash.toString(), "--out", x.toString(), "--cfg", cfg.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(x.resolve("escape.bin")));
        assertArrayEquals(new byte[] {5, 6, 7, 8}, Files.readAllBytes(x.resolve("absolute.bin")));
        assertTrue(r.out().contains("0x1000 -> " + x.resolve("escape.bin")), r.out());
    }
}
