package org.caliptra.util.cli.imgtool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.config.TomlFile;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * An ASPEED cptra_imgtool configuration (spec/formats.md §6), read unchanged: keys cptra_imgtool
 * ignores are ignored here too, but a key or table within two edits of a known one is reported as
 * a likely misspelling, and required keys must be present.
 */
public record ImgtoolConfig(Path file, int version, int flags, int securityVersion, String prjName, boolean caliptra2,
        org.caliptra.util.image.bundle.PqcKeyType pqcKeyType,
        KeyConfig vendorFw, KeyConfig vendorMan, KeyConfig ownerFw, KeyConfig ownerMan, String caliptraFile, String mcuFile,
        boolean cptraOutBundle, Integer zeroCaliptraFileEnd, List<Entry> images, SignHelpers signHelpers) {

    /** One {@code [*_key_config]} table; any field may be absent. */
    public record KeyConfig(String eccPubKey, String eccPrivKey, String lmsPubKey, String lmsPrivKey, String mldsaPubKey,
            String mldsaPrivKey) {
        static final KeyConfig EMPTY = new KeyConfig(null, null, null, null, null, null);

        boolean isEmpty() {
            return eccPubKey == null && eccPrivKey == null && lmsPubKey == null && lmsPrivKey == null && mldsaPubKey == null
                    && mldsaPrivKey == null;
        }
    }

    /** One {@code [[image_metadata_list]]} entry. */
    public record Entry(String file, int source, int fwId, boolean ignoreAuthCheck, int loadStage, Integer svn, Integer execBit,
            Integer componentId, Integer classification, Long loadAddress, Long stagingAddress) {}

    /** {@code [sign_helper]}: helper command lines for owner keys, and the exchange mode. */
    public record SignHelpers(String ownerEccFw, String ownerEccMan, String ownerLmsFw, String ownerLmsMan, boolean byFile) {
        static final SignHelpers NONE = new SignHelpers(null, null, null, null, false);
    }

    /** The Caliptra firmware a zero placeholder stands for is at most 128 KiB (1.x IMAGE_BYTE_SIZE, the A1 slot). */
    static final long MAX_ZERO_CALIPTRA_FILE_END = 0x2_0000;

    static final List<String> TOP = List.of("manifest_config", "vendor_fw_key_config", "vendor_man_key_config",
            "owner_fw_key_config", "owner_man_key_config", "image_runtime_list", "image_metadata_list", "sign_helper");
    static final List<String> MANIFEST = List.of("version", "flags", "security_version", "prj_name", "padding_align_size",
            "padding_out_folder", "manifest_overrides_presigned_key_and_signature", "generation", "pqc_key_type");
    static final List<String> KEYS = List.of("ecc_pub_key", "ecc_priv_key", "lms_pub_key", "lms_priv_key", "mldsa_pub_key",
            "mldsa_priv_key");
    static final List<String> RUNTIME = List.of("caliptra_file", "mcu_file", "cptra_out_bundle", "zero_caliptra_file_end");
    static final List<String> IME = List.of("file", "source", "fw_id", "ignore_auth_check", "load_stage", "svn", "exec_bit",
            "component_id", "image_load_address", "image_staging_address", "classification");
    static final List<String> HELPERS = List.of("owner_ecc_fw_key_sign_helper", "owner_ecc_man_key_sign_helper",
            "owner_lms_fw_key_sign_helper", "owner_lms_man_key_sign_helper", "by_file");

    public static ImgtoolConfig read(Path path) {
        var toml = TomlFile.read(path);
        TomlTable root = toml.root();
        flagMisspellings(toml, root, "the top level", TOP);
        TomlTable manifest = required(toml, root, "manifest_config");
        flagMisspellings(toml, manifest, "[manifest_config]", MANIFEST);
        int version = requiredU32(toml, manifest, "version", "[manifest_config]");
        int flags = requiredU32(toml, manifest, "flags", "[manifest_config]");
        int secVer = requiredU32(toml, manifest, "security_version", "[manifest_config]");
        // prj_name becomes part of the default key, prebuilt and output paths
        String prj = toml.fileName(manifest, "prj_name", "[manifest_config]").orElse("default_project");
        String generation = toml.string(manifest, "generation", "[manifest_config]").orElse("1.x");
        if (!generation.equals("1.x") && !generation.equals("2.x")) {
            throw toml.error("[manifest_config]", "generation", "is '" + generation + "', expected 1.x or 2.x");
        }
        boolean caliptra2 = generation.equals("2.x");
        String pqcName = toml.string(manifest, "pqc_key_type", "[manifest_config]").orElse("lms");
        var pqc = org.caliptra.util.cli.config.DeviceFile.pqcType(pqcName).orElseThrow(
                () -> toml.error("[manifest_config]", "pqc_key_type", "is '" + pqcName + "', expected lms or mldsa"));
        if (!caliptra2 && pqc != org.caliptra.util.image.bundle.PqcKeyType.LMS) {
            throw toml.error("[manifest_config]", "pqc_key_type", "must be lms for a 1.x (ASPEED) manifest");
        }

        var vendorFw = keys(toml, required(toml, root, "vendor_fw_key_config"), "[vendor_fw_key_config]");
        var vendorMan = keys(toml, required(toml, root, "vendor_man_key_config"), "[vendor_man_key_config]");
        var ownerFw = toml.table(root, "owner_fw_key_config", "the top level")
                .map(t -> keys(toml, t, "[owner_fw_key_config]")).orElse(KeyConfig.EMPTY);
        var ownerMan = toml.table(root, "owner_man_key_config", "the top level")
                .map(t -> keys(toml, t, "[owner_man_key_config]")).orElse(KeyConfig.EMPTY);

        TomlTable runtime = required(toml, root, "image_runtime_list");
        flagMisspellings(toml, runtime, "[image_runtime_list]", RUNTIME);
        String caliptra = requiredFileName(toml, runtime, "caliptra_file", "[image_runtime_list]");
        String mcu = requiredFileName(toml, runtime, "mcu_file", "[image_runtime_list]");
        boolean outBundle = toml.bool(runtime, "cptra_out_bundle", "[image_runtime_list]").orElse(false);
        Integer zeroEnd = toml.u32(runtime, "zero_caliptra_file_end", "[image_runtime_list]").orElse(null);
        if (zeroEnd != null && Integer.toUnsignedLong(zeroEnd) > MAX_ZERO_CALIPTRA_FILE_END) {
            throw toml.error("[image_runtime_list]", "zero_caliptra_file_end", String.format("is 0x%X, at most 0x20000: the "
                    + "placeholder stands in for the Caliptra firmware (128 KiB: the 1.x ROM's image limit, the A1 out-bundle's slot)",
                    Integer.toUnsignedLong(zeroEnd)));
        }

        if (!root.contains("image_metadata_list")) {
            throw new UsageException(path + ": [[image_metadata_list]] is missing: at least one image is required");
        }
        if (!(root.get("image_metadata_list") instanceof TomlArray array)
                || !array.toList().stream().allMatch(TomlTable.class::isInstance)) {
            throw new UsageException(path + ": image_metadata_list must be an array of tables ([[image_metadata_list]])");
        }
        var images = new ArrayList<Entry>();
        for (int i = 0; i < array.size(); i++) {
            TomlTable t = array.getTable(i);
            String where = "[[image_metadata_list]] #" + (i + 1);
            flagMisspellings(toml, t, where, IME);
            images.add(new Entry(requiredFileName(toml, t, "file", where), field(toml, t, "source", where, 3,
                    requiredU32(toml, t, "source", where)), requiredU32(toml, t, "fw_id", where),
                    toml.bool(t, "ignore_auth_check", where).orElseThrow(() -> missing(toml, where, "ignore_auth_check")),
                    field(toml, t, "load_stage", where, 3,
                            caliptra2 ? toml.u32(t, "load_stage", where).orElse(0) : requiredU32(toml, t, "load_stage", where)),
                    toml.u32(t, "svn", where).map(v -> field(toml, t, "svn", where, 0xFF, v)).orElse(null),
                    toml.u32(t, "exec_bit", where).map(v -> field(toml, t, "exec_bit", where, 0x7F, v)).orElse(null),
                    toml.u32(t, "component_id", where).orElse(null), toml.u32(t, "classification", where).orElse(null),
                    toml.integer(t, "image_load_address", where).orElse(null),
                    toml.integer(t, "image_staging_address", where).orElse(null)));
        }
        var helpers = toml.table(root, "sign_helper", "the top level").map(t -> {
            flagMisspellings(toml, t, "[sign_helper]", HELPERS);
            String w = "[sign_helper]";
            return new SignHelpers(toml.string(t, HELPERS.get(0), w).orElse(null), toml.string(t, HELPERS.get(1), w).orElse(null),
                    toml.string(t, HELPERS.get(2), w).orElse(null), toml.string(t, HELPERS.get(3), w).orElse(null),
                    toml.bool(t, "by_file", w).orElse(false));
        }).orElse(SignHelpers.NONE);
        return new ImgtoolConfig(path, version, flags, secVer, prj, caliptra2, pqc, vendorFw, vendorMan, ownerFw, ownerMan, caliptra, mcu,
                outBundle, zeroEnd, images, helpers);
    }

    /** True when any key or helper is configured (so a key directory is needed). */
    public boolean anyKeyConfigured() {
        return !vendorFw.isEmpty() || !vendorMan.isEmpty() || !ownerFw.isEmpty() || !ownerMan.isEmpty();
    }

    private static KeyConfig keys(TomlFile toml, TomlTable t, String where) {
        flagMisspellings(toml, t, where, KEYS);
        return new KeyConfig(toml.fileName(t, "ecc_pub_key", where).orElse(null), keyRef(toml, t, "ecc_priv_key", where),
                toml.fileName(t, "lms_pub_key", where).orElse(null), toml.fileName(t, "lms_priv_key", where).orElse(null),
                toml.fileName(t, "mldsa_pub_key", where).orElse(null), toml.fileName(t, "mldsa_priv_key", where).orElse(null));
    }

    /** A private ECC key: a file name, or a PKCS#11 URI (which is no path and is checked when parsed). */
    private static String keyRef(TomlFile toml, TomlTable t, String key, String where) {
        String ref = toml.string(t, key, where).orElse(null);
        if (ref != null && !KeyRefs.isPkcs11(ref)) {
            toml.requirePath(where, key, ref);
        }
        return ref;
    }

    /** Unknown keys are fine (cptra_imgtool ignores them); near-misses of known keys are not. */
    private static void flagMisspellings(TomlFile toml, TomlTable table, String where, List<String> known) {
        for (String key : table.keySet()) {
            if (!known.contains(key)) {
                String hint = TomlFile.hint(key, known);
                if (!hint.isEmpty()) {
                    throw new UsageException(toml.file() + ": unknown key '" + key + "' in "
                            + where + hint);
                }
            }
        }
    }

    private static TomlTable required(TomlFile toml, TomlTable root, String key) {
        return toml.table(root, key, "the top level").orElseThrow(
                () -> new UsageException(toml.file() + ": [" + key + "] is missing (required, may be empty)"));
    }

    private static UsageException missing(TomlFile toml, String where, String key) {
        return new UsageException(toml.file() + ": key '" + key + "' is missing in " + where);
    }

    /** A value stored in a bit field of the entry flags: one that does not fit would be cut silently. */
    private static int field(TomlFile toml, TomlTable t, String key, String where, int max, int value) {
        if (Integer.compareUnsigned(value, max) > 0) {
            throw toml.error(where, key, "is " + Integer.toUnsignedString(value) + ", but its field in the entry flags holds 0.." + max);
        }
        return value;
    }

    private static int requiredU32(TomlFile toml, TomlTable t, String key, String where) {
        return toml.u32(t, key, where).orElseThrow(() -> missing(toml, where, key));
    }

    private static String requiredFileName(TomlFile toml, TomlTable t, String key, String where) {
        return toml.fileName(t, key, where).orElseThrow(() -> missing(toml, where, key));
    }

}
