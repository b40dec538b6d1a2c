package org.caliptra.util.cli.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.cli.image.CreateFwBundleCommand;
import org.caliptra.util.cli.imgtool.ImgtoolConfig;
import org.caliptra.util.cli.imgtool.ImgtoolProject;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.image.ImageException;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.fuzzsupport.Sandbox;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import picocli.CommandLine;

/**
 * Every TOML reader of the CLI on any file content: {@link TomlFile} itself, device files
 * ({@code --device}), cptra_imgtool configurations ({@code --cfg}) and the create-fw-bundle
 * configuration ({@code --config}). Each reads the file the way its command does and goes as far
 * as the command would without keys or signing; the outcome must be a value or one line of
 * {@link org.caliptra.util.cli.UsageException} (or another typed error), as the CLI promises.
 * Seeds: our templates and documented examples, plus the defects of issue 9 (docs/fuzzing.md).
 * Files directly in {@code TomlReadersFuzzTestInputs/} are seeds of all four readers.
 */
class TomlReadersFuzzTest {
    // Reading a file allocates a few times its size (bytes, string, parse tree); the commands add
    // their fixed set-up (picocli's model, the flash image of the sandbox's small prebuilt files).
    private static final FuzzContract TOML = contract("TomlFile.read", 64, 8 << 20);
    private static final FuzzContract DEVICE = contract("DeviceFile.read", 64, 8 << 20);
    private static final FuzzContract IMGTOOL = contract("ImgtoolConfig.read", 64, 16 << 20);
    private static final FuzzContract FW_BUNDLE = contract("create-fw-bundle --config", 64, 16 << 20);

    private static FuzzContract contract(String target, long perInputByte, long fixed) {
        return FuzzContract.of(target, perInputByte, fixed, CaliptraException.class, ImageException.class).namingTheFile();
    }

    @FuzzTest
    void tomlFile(byte[] input) {
        TOML.check(input, () -> {
            var toml = TomlFile.read(Sandbox.file("toml", "any.toml", input));
            walk(toml, toml.root(), "the top level", 0, new int[1]);
        });
    }

    @FuzzTest
    void deviceFile(byte[] input) {
        DEVICE.check(input, () -> {
            var device = DeviceFile.read(Sandbox.file("device", "device.toml", input));
            device.deviceConfig(Profile.CALIPTRA_2_1);
            device.generation();
        });
    }

    @FuzzTest
    void imgtoolConfig(byte[] input) {
        IMGTOOL.check(input, () -> {
            var cfg = ImgtoolConfig.read(Sandbox.file("imgtool", "cfg.toml", input));
            if (!staysInSandbox(cfg)) {
                return;
            }
            var project = new ImgtoolProject(cfg, Imgtool.KEYS, Imgtool.PREBUILT, Imgtool.VENDOR_SIG, true,
                    new PrintWriter(Writer.nullWriter()));
            project.variant();
            project.imageMetadata();
            project.buildFlash(new byte[16]);
        });
    }

    @FuzzTest
    void fwBundleConfig(byte[] input) {
        FW_BUNDLE.check(input, () -> {
            Path config = Sandbox.file("fw-bundle", "bundle.toml", input);
            // The command line names every file, so the command never opens a path the fuzzer wrote,
            // yet it still resolves each one the configuration holds; the empty key directory stops
            // it before signing.
            CommandLine cli = FwBundle.CLI;
            cli.parseArgs("--config", config.toString(), "--fmc", FwBundle.FMC.toString(), "--runtime",
                    FwBundle.RUNTIME.toString(), "--keys", FwBundle.KEYS.toString(), "--out", FwBundle.OUT.toString());
            Callable<?> command = cli.getCommand();
            command.call();
            throw new AssertionError("create-fw-bundle signed with an empty key directory");
        });
    }

    /**
     * Names a configuration may give its prebuilt files are read by the project; absolute names and
     * ".." would reach the host's own files (a FIFO there would hang the campaign), which item 4 of
     * issue 9 covers with its own tests, so the target stops at reading such a configuration.
     */
    private static boolean staysInSandbox(ImgtoolConfig cfg) {
        var names = new ArrayList<String>(List.of(cfg.caliptraFile(), cfg.mcuFile()));
        cfg.images().forEach(e -> names.add(e.file()));
        return names.stream().noneMatch(n -> n.startsWith("/") || n.contains(".."));
    }

    /**
     * Every key through the accessor of its type, as a reader of an unknown layout would, and at
     * most {@link #ERRORS} refusals: each error looks the key's position up by parsing its dotted
     * path again (about 300 KB each in tomlj), which no real reader does more than once.
     */
    private static void walk(TomlFile toml, TomlTable table, String where, int depth, int[] errors) {
        if (depth > 8) {
            return;
        }
        for (String key : table.keySet()) {
            Object v = table.get(key);
            if (v instanceof Long n) {
                toml.integer(table, key, where);
                if (n >= 0 && n <= 0xFFFF_FFFFL) {
                    toml.u32(table, key, where);
                } else if (errors[0]++ < ERRORS) {
                    expectTyped(() -> toml.u32(table, key, where));
                }
            } else if (v instanceof Boolean) {
                toml.bool(table, key, where);
            } else if (v instanceof String) {
                toml.string(table, key, where);
            } else if (v instanceof TomlTable) {
                toml.table(table, key, where).ifPresent(t -> walk(toml, t, "[" + key + "]", depth + 1, errors));
            } else if (v instanceof TomlArray a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) instanceof TomlTable t) {
                        walk(toml, t, "[[" + key + "]] #" + (i + 1), depth + 1, errors);
                    }
                }
            } else if (errors[0]++ < ERRORS) {
                expectTyped(() -> toml.integer(table, key, where));
            }
            if (errors[0]++ < ERRORS) {
                expectTyped(() -> {
                    throw toml.error(where, key, "is fuzzed");
                });
            }
            TomlFile.hint(key, List.of("version", "flags", "security_version"));
        }
    }

    private static final int ERRORS = 3;

    /** A typed accessor may refuse a value; its refusal must be one line that names the file, like any error. */
    private static void expectTyped(Runnable accessor) {
        try {
            accessor.run();
        } catch (CaliptraException e) {
            String problem = FuzzContract.messageProblem(e.getMessage());
            if (problem == null && !e.getMessage().contains(Sandbox.PREFIX)) {
                problem = "message does not name the file: " + e.getMessage();
            }
            if (problem != null) {
                throw new AssertionError(e.getClass().getSimpleName() + " " + problem, e);
            }
        }
    }

    /** The imgtool sandbox: an empty key directory and the prebuilt files our seeds name. */
    private static final class Imgtool {
        static final Path ROOT = Sandbox.directory("imgtool-project");
        static final Path KEYS = mkdirs(ROOT.resolve("key"));
        static final Path VENDOR_SIG = mkdirs(ROOT.resolve("vnd_sig"));
        static final Path PREBUILT = prebuilt(mkdirs(ROOT.resolve("prebuilt")));

        private static Path prebuilt(Path dir) {
            for (String name : List.of("caliptra-fw.bin", "zephyr-mcu-runtime.bin", "mcu-runtime.bin", "atf.bin",
                    "soc-boot.bin", "uboot.bin", "optee.bin")) {
                write(dir.resolve(name), (name + " for the fuzz sandbox\n").getBytes(StandardCharsets.US_ASCII));
            }
            return dir;
        }
    }

    /** The create-fw-bundle sandbox: small FMC and runtime, an empty key directory, one command line reused. */
    private static final class FwBundle {
        static final Path ROOT = Sandbox.directory("fw-bundle-files");
        static final Path FMC = write(ROOT.resolve("fmc.bin"), new byte[256]);
        static final Path RUNTIME = write(ROOT.resolve("runtime.bin"), new byte[512]);
        static final Path KEYS = mkdirs(ROOT.resolve("keys"));
        static final Path OUT = ROOT.resolve("out.bin");
        static final CommandLine CLI = new CommandLine(new CreateFwBundleCommand())
                .setErr(new PrintWriter(Writer.nullWriter())).setOut(new PrintWriter(Writer.nullWriter()));
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
