package org.caliptra.util.cli.image;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.config.DeviceFile;
import org.caliptra.util.cli.config.TomlFile;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.build.BundleBuildException;
import org.caliptra.util.image.build.BundleOptions;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.image.build.FwBundleBuilder;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.KeyDescriptor;
import org.caliptra.util.image.bundle.ManifestV1;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Text;
import org.tomlj.TomlTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code image create-fw-bundle}: FMC + runtime + keys → a signed 1.x or 2.x bundle. Every option
 * can also come from a TOML file ({@code --config}); options given on the command line win.
 */
@Command(name = "create-fw-bundle", mixinStandardHelpOptions = true,
        description = {"Build and sign a Caliptra firmware bundle from FMC and runtime binaries and a key directory.",
            "ECDSA is deterministic (RFC 6979), so equal inputs give equal bytes. See docs/image-tool.md."})
public final class CreateFwBundleCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE.toml", description = "Bundle configuration (options override it).")
    Path config;

    @Option(names = "--fmc", paramLabel = "FILE", description = "FMC binary.")
    Path fmc;

    @Option(names = "--runtime", paramLabel = "FILE", description = "Runtime binary.")
    Path runtime;

    @Option(names = "--keys", paramLabel = "DIR", description = "Key directory (vnd-ecc-<i>-pubk.pem, own-ecc-prvk.pem, …).")
    Path keys;

    @Option(names = "--out", paramLabel = "FILE", description = "Output bundle.")
    Path out;

    @Option(names = "--generation", paramLabel = "GEN", description = "1.x (CMAN, default) or 2.x (CMN2).")
    String generation;

    @Option(names = "--pqc-key-type", paramLabel = "TYPE", description = "2.x: lms (default) or mldsa. 1.x: lms (default) or none.")
    String pqcKeyType;

    @Option(names = "--vendor-ecc-key-index", paramLabel = "N", description = "Active vendor ECC key slot (default 0).")
    Integer vendorEccIndex;

    @Option(names = "--vendor-pqc-key-index", paramLabel = "N", description = "Active vendor LMS/ML-DSA key slot (default 0).")
    Integer vendorPqcIndex;

    @Option(names = "--fmc-load", paramLabel = "ADDR", converter = U32Converter.class, description = "FMC load address (default 0x40000000).")
    Integer fmcLoad;

    @Option(names = "--fmc-entry", paramLabel = "ADDR", converter = U32Converter.class, description = "FMC entry point (default: load address).")
    Integer fmcEntry;

    @Option(names = "--runtime-load", paramLabel = "ADDR", converter = U32Converter.class,
            description = "Runtime load address (default: after the FMC, 4 KiB aligned).")
    Integer runtimeLoad;

    @Option(names = "--runtime-entry", paramLabel = "ADDR", converter = U32Converter.class, description = "Runtime entry point (default: load address).")
    Integer runtimeEntry;

    @Option(names = "--fmc-version", paramLabel = "N", converter = U32Converter.class, description = "FMC TOC version.")
    Integer fmcVersion;

    @Option(names = "--runtime-version", paramLabel = "N", converter = U32Converter.class, description = "Runtime TOC version.")
    Integer runtimeVersion;

    @Option(names = "--fmc-svn", paramLabel = "N", converter = U32Converter.class, description = "1.x FMC SVN (0..32).")
    Integer fmcSvn;

    @Option(names = "--runtime-svn", paramLabel = "N", converter = U32Converter.class, description = "1.x runtime SVN (0..128).")
    Integer runtimeSvn;

    @Option(names = "--svn", paramLabel = "N", converter = U32Converter.class, description = "2.x firmware SVN (0..128).")
    Integer svn;

    @Option(names = "--pl0-pauser", paramLabel = "N", converter = U32Converter.class, description = "PL0 PAUSER/AXI USER (sets flags bit 0).")
    Integer pl0Pauser;

    @Option(names = "--fmc-revision", paramLabel = "HEX", description = "20-byte FMC revision (git commit), 40 hex digits.")
    String fmcRevision;

    @Option(names = "--runtime-revision", paramLabel = "HEX", description = "20-byte runtime revision, 40 hex digits.")
    String runtimeRevision;

    @Spec
    CommandSpec spec;

    static final List<String> TOP_KEYS = List.of("generation", "pqc_key_type", "keys", "out", "vendor_ecc_key_index",
            "vendor_pqc_key_index", "pl0_pauser", "svn", "fmc", "runtime");
    static final List<String> IMAGE_KEYS = List.of("file", "load_address", "entry_point", "version", "svn", "revision");

    @Override
    public Integer call() {
        var cfg = Config.read(config);
        String genName = first(generation, cfg.string("generation")).orElse("1.x");
        boolean v2 = switch (genName) {
            case "1.x" -> false;
            case "2.x" -> true;
            default -> throw invalid(generation != null, "--generation", cfg, null, "generation", "'" + genName + "'",
                    "expected 1.x or 2.x");
        };
        String pqcName = first(pqcKeyType, cfg.string("pqc_key_type")).orElse("lms");
        PqcKeyType pqc = pqcName.equals("none") && !v2 ? null : DeviceFile.pqcType(pqcName).orElseThrow(
                () -> invalid(pqcKeyType != null, "--pqc-key-type", cfg, null, "pqc_key_type", "'" + pqcName + "'",
                        "expected lms or mldsa" + (v2 ? "" : " or none")));
        if (!v2 && pqc == PqcKeyType.MLDSA) {
            throw invalid(pqcKeyType != null, "--pqc-key-type", cfg, null, "pqc_key_type", "mldsa",
                    "a 1.x bundle signs with LMS (or none)");
        }
        Path fmcFile = first(fmc, cfg.path("fmc", "file")).orElseThrow(() -> new UsageException("--fmc FILE is required"));
        Path rtFile = first(runtime, cfg.path("runtime", "file")).orElseThrow(() -> new UsageException("--runtime FILE is required"));
        Path keyDir = first(keys, cfg.path(null, "keys")).orElseThrow(() -> new UsageException("--keys DIR is required"));
        Path outFile = first(out, cfg.path(null, "out")).orElseThrow(() -> new UsageException("--out FILE is required"));

        byte[] fmcCode = InputFiles.read(fmcFile, InputFiles.Kind.FIRMWARE_CODE);
        byte[] rtCode = InputFiles.read(rtFile, InputFiles.Kind.FIRMWARE_CODE);
        if (fmcCode.length == 0 || rtCode.length == 0) {
            throw new UsageException((fmcCode.length == 0 ? fmcFile : rtFile) + ": is empty");
        }
        int fmcLoadAddr = first(fmcLoad, cfg.u32("fmc", "load_address")).orElse(Generation.ICCM_BASE);
        int fmcEntryAddr = first(fmcEntry, cfg.u32("fmc", "entry_point")).orElse(fmcLoadAddr);
        int rtLoadAddr = first(runtimeLoad, cfg.u32("runtime", "load_address"))
                .orElse(fmcLoadAddr + ((fmcCode.length + 0xFFF) & ~0xFFF));
        int rtEntryAddr = first(runtimeEntry, cfg.u32("runtime", "entry_point")).orElse(rtLoadAddr);
        String perImage = "a 2.x bundle has one firmware SVN (--svn, top-level svn)";
        int fmcSvnValue = svnSetting(fmcSvn, "--fmc-svn", cfg, "fmc", v2 ? perImage : null);
        int rtSvnValue = svnSetting(runtimeSvn, "--runtime-svn", cfg, "runtime", v2 ? perImage : null);
        int fwSvn = svnSetting(svn, "--svn", cfg, null,
                v2 ? null : "a 1.x bundle has an SVN per image (--fmc-svn, --runtime-svn, [fmc] and [runtime] svn)");
        var fmcImage = new FirmwareImage(Octets.of(fmcCode), fmcLoadAddr, fmcEntryAddr,
                first(fmcVersion, cfg.u32("fmc", "version")).orElse(0), v2 ? 0 : fmcSvnValue,
                revision(fmcRevision, "--fmc-revision", cfg, "fmc"));
        var rtImage = new FirmwareImage(Octets.of(rtCode), rtLoadAddr, rtEntryAddr,
                first(runtimeVersion, cfg.u32("runtime", "version")).orElse(0), v2 ? 0 : rtSvnValue,
                revision(runtimeRevision, "--runtime-revision", cfg, "runtime"));
        var options = BundleOptions.defaults().withFirmwareSvn(fwSvn)
                .withPl0Pauser(first(pl0Pauser, cfg.u32(null, "pl0_pauser")).orElse(null));

        int eccIdx = first(vendorEccIndex, cfg.u32(null, "vendor_ecc_key_index")).orElse(0);
        int pqcIdx = first(vendorPqcIndex, cfg.u32(null, "vendor_pqc_key_index")).orElse(0);
        Generation generation = v2 ? Generation.V2 : Generation.V1;
        try {
            // The ROM's checks of the inputs alone come first, so a mistake is reported before any key is read.
            FwBundleBuilder.checkInputs(generation, fmcImage, rtImage, options);
        } catch (BundleBuildException e) {
            throw refusal(e, cfg, fmcFile, rtFile);
        }
        var keyDirectory = new KeyDirectory(keyDir, spec.commandLine().getErr());
        var vendor = keyDirectory.vendor(pqc, eccIdx, pqcIdx, v2 ? KeyDescriptor.ECC_SLOTS : ManifestV1.VENDOR_ECC_KEYS,
                pqc == null ? 0 : v2 ? pqc.maxKeys() : ManifestV1.VENDOR_LMS_KEYS);
        var owner = keyDirectory.owner(pqc);
        FwBundle bundle;
        try {
            bundle = v2 ? FwBundleBuilder.buildV2(fmcImage, rtImage, vendor, owner, options)
                    : FwBundleBuilder.buildV1(fmcImage, rtImage, vendor, owner, options);
        } catch (BundleBuildException e) {
            throw refusal(e, cfg, fmcFile, rtFile);
        }
        byte[] bytes = bundle.toBytes();
        AtomicFiles.write(outFile, bytes);
        var hashes = KeyHashes.of(bundle, bytes);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %s, %d bytes%n", outFile, bundle.kind(), bytes.length);
        stdout.printf("  vendor_pk_hash %s%n  owner_pk_hash  %s%n", hashes.vendor().hex(), hashes.owner().hex());
        stdout.flush();
        return ExitCodes.OK;
    }

    /** A bad setting, reported where it came from: the option, else the configuration's file and key. */
    private static UsageException invalid(boolean fromOption, String optionName, Config cfg, String section, String key,
            String shown, String expectation) {
        return fromOption ? new UsageException(optionName + " " + shown + ": " + expectation)
                : cfg.error(section, key, "is " + shown + ": " + expectation);
    }

    /**
     * A bundle the boot ROM would refuse is never written: a user wants the mistake now, not at
     * boot. The error names the option or configuration key that gave the value at fault.
     */
    private RuntimeException refusal(BundleBuildException e, Config cfg, Object fmcFile, Object rtFile) {
        if (e.input() == null) {
            return e;
        }
        String source = switch (e.input()) {
            case IMAGE_SIZES -> fmcFile + " and " + rtFile;
            case FMC_LOAD_ADDRESS -> cfg.source(fmcLoad, "--fmc-load", "fmc", "load_address");
            case FMC_ENTRY_POINT -> cfg.source(fmcEntry, "--fmc-entry", "fmc", "entry_point");
            case FMC_SVN -> cfg.source(fmcSvn, "--fmc-svn", "fmc", "svn");
            case RUNTIME_LOAD_ADDRESS -> cfg.source(runtimeLoad, "--runtime-load", "runtime", "load_address");
            case RUNTIME_ENTRY_POINT -> cfg.source(runtimeEntry, "--runtime-entry", "runtime", "entry_point");
            case RUNTIME_SVN -> cfg.source(runtimeSvn, "--runtime-svn", "runtime", "svn");
            case FIRMWARE_SVN -> cfg.source(svn, "--svn", null, "svn");
        };
        return new UsageException(source + ": " + e.getMessage());
    }

    /**
     * An SVN from its option or the configuration's {@code svn} key of {@code section};
     * {@code notHere}, when set, says why this generation has no such SVN, so a value given for it
     * is refused rather than dropped. Its bound is the ROM's (FMC 32, runtime and firmware 128,
     * spec/formats.md §1.4), which the builder applies, before any key is used, with the ROM's error.
     */
    private static int svnSetting(Integer option, String optionName, Config cfg, String section, String notHere) {
        Optional<Integer> given = first(option, cfg.u32(section, "svn"));
        if (given.isPresent() && notHere != null) {
            throw invalid(option != null, optionName, cfg, section, "svn", Integer.toUnsignedString(given.get()), notHere);
        }
        return given.orElse(0);
    }

    /** A 20-byte revision from its option or the section's {@code revision} key, as 40 hex digits. */
    private static Octets revision(String option, String optionName, Config cfg, String section) {
        Optional<String> hex = first(option, cfg.string(section, "revision"));
        if (hex.isEmpty()) {
            return Octets.zeros(20);
        }
        String digits = hex.get();
        String problem = null;
        for (int i = 0; i < digits.length() && problem == null; i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                problem = "character " + (i + 1) + " is not a hex digit";
            }
        }
        if (problem == null && digits.length() != 40) {
            problem = digits.length() / 2 + " bytes, expected 20 (40 hex digits)";
        }
        if (problem != null) {
            throw invalid(option != null, optionName, cfg, section, "revision", Text.quote(digits), problem);
        }
        return Octets.of(HexFormat.of().parseHex(digits));
    }

    @SafeVarargs
    private static <T> Optional<T> first(T option, Optional<T>... fallbacks) {
        if (option != null) {
            return Optional.of(option);
        }
        for (Optional<T> f : fallbacks) {
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The optional TOML configuration; paths in it are relative to its directory. */
    private record Config(TomlFile toml) {
        static Config read(Path file) {
            if (file == null) {
                return new Config(null);
            }
            var toml = TomlFile.read(file);
            toml.rejectUnknownKeys(toml.root(), "the top level", TOP_KEYS);
            for (String section : List.of("fmc", "runtime")) {
                toml.table(toml.root(), section, "the top level")
                        .ifPresent(t -> toml.rejectUnknownKeys(t, "[" + section + "]", IMAGE_KEYS));
            }
            return new Config(toml);
        }

        private Optional<TomlTable> table(String section) {
            if (toml == null) {
                return Optional.empty();
            }
            return section == null ? Optional.of(toml.root()) : toml.table(toml.root(), section, "the top level");
        }

        private static String where(String section) {
            return section == null ? "the top level" : "[" + section + "]";
        }

        Optional<String> string(String key) {
            return string(null, key);
        }

        Optional<String> string(String section, String key) {
            return table(section).flatMap(t -> toml.string(t, key, where(section)));
        }

        /** Only for a value that came from the configuration, so {@code toml} is there. */
        UsageException error(String section, String key, String problem) {
            return toml.error(where(section), key, problem);
        }

        Optional<Integer> u32(String section, String key) {
            return table(section).flatMap(t -> toml.u32(t, key, where(section)));
        }

        /** Where a value came from, for an error: the option, the configuration key, or the default. */
        String source(Object option, String optionName, String section, String key) {
            if (option != null) {
                return optionName;
            }
            if (table(section).map(t -> t.contains(key)).orElse(false)) {
                return toml.locate(where(section), key);
            }
            return optionName + " (default)";
        }

        Optional<Path> path(String section, String key) {
            return table(section).flatMap(t -> toml.fileName(t, key, where(section))).map(p -> {
                Path dir = toml.file().toAbsolutePath().getParent();
                return dir.resolve(p);
            });
        }
    }
}
