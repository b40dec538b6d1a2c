package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caliptra.util.cli.CaliptraUtil;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input of every command is read the one bounded way: a FIFO (which would block the open
 * forever), /dev/zero or /dev/urandom (which never end) and files larger than their kind can be
 * are refused with one line naming the file, before they are read.
 */
class SpecialInputsTest {
    @TempDir
    Path dir;
    Path ast;
    Path prebuilt;
    Path bundle;
    Path manifest;
    Path fifo;

    @BeforeEach
    void fixtures() throws Exception {
        ast = Cli.testdata();
        bundle = ast.resolve("prebuilt/ast2700-default/caliptra-fw.bin");
        prebuilt = Files.createDirectories(dir.resolve("prebuilt"));
        Cli.copyPrebuilt(prebuilt);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), new byte[4096]);
        manifest = dir.resolve("man.bin");
        // signed, so that verify gets as far as reading --image files
        var made = Cli.run("image", "create-auth-man", "--cfg", ast.resolve("config/ast2700-default-ecc-lms-manifest.toml").toString(),
                "--key-dir", ast.resolve("key/ast2700-default").toString(), "--prebuilt-dir", prebuilt.toString(),
                "--vendor-sig-dir", ast.toString(), "--man", manifest.toString());
        assertEquals(0, made.exitCode(), made.err());
        fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    }

    Path config() {
        return ast.resolve("config/ast2700-default-manifest.toml");
    }

    /** Each command line has one input replaced by {@code @}; the rest is valid, so only that input can fail. */
    static Stream<Arguments> everyInput() {
        return Stream.of(
                args("inspect", "image", "inspect", "@"),
                args("verify", "image", "verify", "@"),
                args("fuses", "image", "fuses", "@"),
                args("verify --device", "image", "verify", "{bundle}", "--device", "@"),
                args("verify --fw", "image", "verify", "{manifest}", "--fw", "@"),
                args("verify --image", "image", "verify", "{manifest}", "--fw", "{bundle}", "--image", "10=@", "--lms-verify",
                        "--vendor-pk-hash", ImageCommandsTest.VENDOR, "--owner-pk-hash", ImageCommandsTest.OWNER),
                args("extract", "image", "extract", "@", "--out", "{dir}"),
                args("boot --fw", "boot", "--fw", "@"),
                args("boot --flash", "boot", "--flash", "@"),
                args("boot --manifest", "boot", "--fw", "{bundle}", "--manifest", "@"),
                args("boot --image", "boot", "--fw", "{bundle}", "--manifest", "{manifest}", "--image", "10=@"),
                args("create-fw-bundle --config", "image", "create-fw-bundle", "--config", "@"),
                args("create-fw-bundle --fmc", "image", "create-fw-bundle", "--fmc", "@", "--runtime", "{bundle}", "--keys",
                        "{dir}", "--out", "{dir}/out.bin"),
                args("create-auth-man --cfg", "image", "create-auth-man", "--cfg", "@", "--prebuilt-dir", "{prebuilt}",
                        "--man", "{dir}/never.bin"),
                args("create-auth-flash --man", "image", "create-auth-flash", "--cfg", "{config}", "--prebuilt-dir", "{prebuilt}",
                        "--man", "@", "--flash", "{dir}/never.bin"));
    }

    static Arguments args(String name, String... line) {
        return Arguments.of(name, line);
    }

    String[] line(String[] template, Path special) {
        return Arrays.stream(template).map(a -> a.replace("@", special.toString()).replace("{bundle}", bundle.toString())
                .replace("{manifest}", manifest.toString()).replace("{dir}", dir.toString())
                .replace("{prebuilt}", prebuilt.toString()).replace("{config}", config().toString())).toArray(String[]::new);
    }

    void assertRefused(String name, Cli.Result r, String expected) {
        assertEquals(2, r.exitCode(), name + ": " + r.err());
        assertEquals(1, r.err().lines().count(), name + ": " + r.err());
        assertTrue(r.err().contains(expected), name + ": " + r.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInput")
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoAsAnyInputIsRefusedInsteadOfWaitedOn(String name, String[] template) {
        assertRefused(name, Cli.run(line(template, fifo)), fifo + ": is a FIFO, not a regular file; only regular files are read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInput")
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anEndlessDeviceAsAnyInputIsRefusedInsteadOfFillingTheHeap(String name, String[] template) {
        for (Path device : List.of(Path.of("/dev/zero"), Path.of("/dev/urandom"))) {
            assertRefused(name, Cli.run(line(template, device)), device + ": is a character device, not a regular file");
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void keyAndPrebuiltFilesAreReadTheSameWay() throws Exception {
        // a key file of the configuration, and a prebuilt image
        Path keys = Files.createDirectory(dir.resolve("keys"));
        Cli.copyFiles(ast.resolve("key/ast2700-default"), keys);
        Files.delete(keys.resolve("own-man-ecc-prvk.pem"));
        Files.createSymbolicLink(keys.resolve("own-man-ecc-prvk.pem"), fifo);
        var key = Cli.run("image", "create-auth-man", "--cfg", ast.resolve("config/ast2700-default-ecc-manifest.toml").toString(),
                "--key-dir", keys.toString(), "--prebuilt-dir", prebuilt.toString(), "--vendor-sig-dir", ast.toString(),
                "--man", dir.resolve("never.bin").toString());
        assertRefused("key file", key, keys.resolve("own-man-ecc-prvk.pem") + ": is a FIFO, not a regular file");

        Files.delete(prebuilt.resolve("atf.bin"));
        Files.createSymbolicLink(prebuilt.resolve("atf.bin"), Path.of("/dev/zero"));
        var image = Cli.run("image", "create-auth-man", "--cfg", config().toString(), "--prebuilt-dir", prebuilt.toString(),
                "--man", dir.resolve("never.bin").toString());
        assertRefused("prebuilt", image, prebuilt.resolve("atf.bin") + ": is a character device, not a regular file");
        Files.delete(prebuilt.resolve("atf.bin")); // JUnit warns about a link out of the directory it deletes
    }

    @Test
    void aBundleLargerThanItsGenerationCanBeIsRefusedByItsSizeWhileTheRomLimitIsStillAVerdict() throws Exception {
        byte[] real = Files.readAllBytes(bundle);
        // Past the ROM's 128 KiB the ROM rejects it: a verdict, exit 1.
        Path overRom = Files.write(dir.resolve("over-rom.bin"), Arrays.copyOf(real, 128 * 1024 + 1));
        var verdict = Cli.run("image", "verify", overRom.toString());
        assertEquals(1, verdict.exitCode(), verdict.out() + verdict.err());
        assertTrue(verdict.out().contains("FW_PROC_INVALID_IMAGE_SIZE"), verdict.out());
        // Past the manifest and the whole ICCM no 1.x bundle exists: not read as one, exit 2.
        Path overFormat = Files.write(dir.resolve("over-format.bin"), Arrays.copyOf(real, 5884 + 128 * 1024 + 1));
        for (String[] args : List.of(new String[] {"image", "inspect"}, new String[] {"image", "verify"},
                new String[] {"image", "fuses"}, new String[] {"boot", "--fw"})) {
            var all = new ArrayList<>(List.of(args));
            all.add(overFormat.toString());
            assertRefused(String.join(" ", args), Cli.run(all.toArray(String[]::new)), overFormat + ": too large (136957 bytes): "
                    + "a 1.x firmware bundle is at most 136956 bytes (a 5884-byte manifest and an FMC and runtime within the "
                    + "128 KiB ICCM)");
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFlashImageWith65535EntriesIsRefusedAndNothingIsExtracted() throws Exception {
        int count = 65535;
        int end = 16 + count * 12;
        var b = ByteBuffer.allocate(end).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, "FLSH".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putShort(4, (short) 1).putShort(6, (short) count);
        for (int i = 0; i < count; i++) {
            b.putInt(16 + i * 12, 0x1000 + i).putInt(20 + i * 12, end).putInt(24 + i * 12, 0);
        }
        Path flash = Files.write(dir.resolve("many.bin"), b.array());
        Path out = Files.createDirectory(dir.resolve("out"));
        var r = Cli.run("image", "extract", flash.toString(), "--out", out.toString());
        assertRefused("extract", r, flash + ": image count 65535 in the header; a flash image holds at most 130 images");
        try (var files = Files.list(out)) {
            assertEquals(0, files.count());
        }
    }

    /**
     * A 200 MB input in a JVM with a 64 MiB heap: every command refuses it by its size, so none
     * runs out of memory (before, `boot --fw` peaked at 1.1 GB and `image verify` read it whole).
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHugeInputIsRefusedByItsSizeWithinA64MiBHeap() throws Exception {
        Path big = dir.resolve("big.bin");
        try (var f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L << 20);
            f.write("CMAN".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        for (String[] args : List.of(new String[] {"image", "verify", big.toString()}, new String[] {"boot", "--fw", big.toString()},
                new String[] {"image", "inspect", big.toString()}, new String[] {"boot", "--flash", big.toString()},
                new String[] {"image", "extract", big.toString(), "--out", dir.toString()})) {
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                    "-XX:+UseSerialGC", "-Xshare:off", "-cp", System.getProperty("java.class.path"), CaliptraUtil.class.getName()));
            command.addAll(List.of(args));
            Path log = dir.resolve("child.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + " did not finish");
            }
            String output = Files.readString(log);
            assertEquals(2, p.exitValue(), String.join(" ", args) + ": " + output);
            assertEquals(1, output.lines().count(), output);
            assertTrue(output.contains(big + ": too large (209715200 bytes): "), output);
        }
    }

}
