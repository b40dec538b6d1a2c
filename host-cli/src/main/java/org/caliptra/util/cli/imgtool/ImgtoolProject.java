package org.caliptra.util.cli.imgtool;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.flash.FlashEntry;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.image.sign.EccSigner;
import org.caliptra.util.image.sign.HelperSigners;
import org.caliptra.util.image.sign.LmsSigner;
import org.caliptra.util.image.sign.SignHelper;
import org.caliptra.util.image.soc.ImageMetadata;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.soc.SigningPair;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.image.soc.SocManifestBuilder;
import org.caliptra.util.image.soc.SocManifestVariant;
import org.caliptra.util.image.soc.FirmwareTrust;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.VerificationResult;
import org.caliptra.util.protocol.Generation;

/**
 * A cptra_imgtool project: a configuration plus its key, prebuilt and vendor-signature directories,
 * with cptra_imgtool's defaults ({@code key/<prj>/}, {@code prebuilt/<prj>/}, {@code out/}).
 */
public final class ImgtoolProject {
    static final long HELPER_TIMEOUT_SECONDS = 120;

    private final ImgtoolConfig cfg;
    private final Path keyDir;
    private final Path prebuiltDir;
    private final Path vendorSigDir;
    private final boolean prebuiltVendorSig;
    private final PrintWriter err;

    public ImgtoolProject(ImgtoolConfig cfg, Path keyDir, Path prebuiltDir, Path vendorSigDir, boolean prebuiltVendorSig,
            PrintWriter err) {
        this.cfg = cfg;
        this.keyDir = keyDir != null ? keyDir : Path.of("key", cfg.prjName());
        this.prebuiltDir = prebuiltDir != null ? prebuiltDir : Path.of("prebuilt", cfg.prjName());
        this.vendorSigDir = vendorSigDir;
        this.prebuiltVendorSig = prebuiltVendorSig;
        this.err = err;
        if (cfg.anyKeyConfigured() && !Files.isDirectory(this.keyDir)) {
            throw new UsageException(this.keyDir + ": key directory not found (keys are configured in " + cfg.file() + ")");
        }
        if (!Files.isDirectory(this.prebuiltDir)) {
            throw new UsageException(this.prebuiltDir + ": prebuilt directory not found");
        }
    }

    public ImgtoolConfig config() {
        return cfg;
    }

    public Path defaultManifestPath() {
        return Path.of("out", cfg.prjName() + "-auth-manifest.bin");
    }

    public Path defaultFlashPath() {
        return Path.of("out", cfg.prjName() + "-flash-image.bin");
    }

    /** A prebuilt file by its configured name; "" is an empty dummy file, as cptra_imgtool makes it. */
    public byte[] prebuilt(String name) {
        return prebuilt(name, InputFiles.Kind.SOC_IMAGE);
    }

    private byte[] prebuilt(String name, InputFiles.Kind kind) {
        if (name.isEmpty()) {
            return new byte[0];
        }
        Path p = prebuiltDir.resolve(name);
        if (!Files.exists(p)) {
            throw new UsageException(p + ": no such file (named in " + cfg.file() + ")");
        }
        return InputFiles.read(p, kind);
    }

    /** The image metadata entries, digests over each file padded to 4 bytes, in configuration order. */
    public List<ImageMetadata> imageMetadata() {
        var seen = new HashSet<Integer>();
        var out = new ArrayList<ImageMetadata>();
        for (var e : cfg.images()) {
            if (!seen.add(e.fwId())) {
                throw new UsageException(cfg.file() + ": duplicate fw_id " + e.fwId() + " in [[image_metadata_list]]");
            }
            int flags = cfg.caliptra2()
                    ? (e.source() & 3) | (e.ignoreAuthCheck() ? 4 : 0) | (e.execBit() != null ? (e.execBit() & 0x7F) << 8 : 0)
                    : ImageMetadata.flags(e.source(), e.ignoreAuthCheck(), e.loadStage()) | (e.svn() != null ? (e.svn() & 0xFF) << 16 : 0);
            out.add(new ImageMetadata(e.fwId(), e.componentId() == null ? 0 : e.componentId(),
                    e.classification() == null ? 0 : e.classification(), flags,
                    e.loadAddress() == null ? 0 : e.loadAddress(), e.stagingAddress() == null ? 0 : e.stagingAddress(),
                    ManifestAuthorization.imageDigest(prebuilt(e.file()))));
        }
        if (out.size() > variant().slots()) {
            throw new UsageException(cfg.file() + ": " + out.size() + " entries in [[image_metadata_list]], a "
                    + variant().kind() + " holds at most " + variant().slots());
        }
        return out;
    }

    /** ASPEED's layout for 1.x configurations (what cptra_imgtool writes), ATM2 for generation = "2.x". */
    public SocManifestVariant variant() {
        return cfg.caliptra2() ? SocManifestVariant.V2 : SocManifestVariant.ASPEED;
    }

    /** The manifest cptra_imgtool would write, signed per the key configuration. */
    public SocManifest buildManifest() {
        caliptraBundle(); // a caliptra_file that is no bundle is a mistake to report before any helper runs
        var images = imageMetadata();
        var h = cfg.signHelpers();
        var b = SocManifestBuilder.of(variant()).version(cfg.version()).flags(cfg.flags()).images(images)
                .vendorManifestKeys(eccPublic(cfg.vendorMan(), "[vendor_man_key_config]"), pqcPublicBytes(cfg.vendorMan(), "[vendor_man_key_config]"))
                .ownerManifestKeys(eccPublic(cfg.ownerMan(), "[owner_man_key_config]"), pqcPublicBytes(cfg.ownerMan(), "[owner_man_key_config]"))
                .vendorFwSigners(signers(cfg.vendorFw(), "[vendor_fw_key_config]", null, null, false))
                .vendorManifestSigners(signers(cfg.vendorMan(), "[vendor_man_key_config]", null, null, false))
                .ownerFwSigners(signers(cfg.ownerFw(), "[owner_fw_key_config]", h.ownerEccFw(), h.ownerLmsFw(), true))
                .ownerManifestSigners(signers(cfg.ownerMan(), "[owner_man_key_config]", h.ownerEccMan(), h.ownerLmsMan(), false));
        if (cfg.caliptra2()) {
            return b.svn(cfg.securityVersion()).build();
        }
        b.secVer(cfg.securityVersion());
        if (prebuiltVendorSig && cfg.vendorFw().eccPrivKey() != null || prebuiltVendorSig && cfg.vendorFw().lmsPrivKey() != null) {
            Path dir = findVendorSigDir();
            Path eccFile = dir.resolve("vnd_ecc_sig.der");
            EccSignature ecc;
            try {
                ecc = EccSignature.fromDer(InputFiles.read(eccFile, InputFiles.Kind.SIGNATURE));
            } catch (org.caliptra.util.image.ImageFormatException e) {
                throw new UsageException(eccFile + ": " + e.getMessage());
            }
            byte[] lms = InputFiles.read(dir.resolve("vnd_lms_sig.der"), InputFiles.Kind.SIGNATURE);
            if (lms.length != LmsSignature.SIZE) {
                throw new UsageException(dir.resolve("vnd_lms_sig.der") + ": " + lms.length + " bytes, an LMS signature is 1620");
            }
            b.prebuiltVendorEndorsement(ecc, new LmsSignature(Octets.of(lms)));
        }
        return b.build();
    }

    private Path findVendorSigDir() {
        var candidates = vendorSigDir != null ? List.of(vendorSigDir) : List.of(Path.of("src", "vnd_sig"), Path.of("vnd_sig"));
        for (Path c : candidates) {
            if (Files.exists(c.resolve("vnd_ecc_sig.der")) && Files.exists(c.resolve("vnd_lms_sig.der"))) {
                return c;
            }
        }
        throw new UsageException("ASPEED's prebuilt vendor endorsement (vnd_ecc_sig.der, vnd_lms_sig.der) not found in "
                + candidates + ": pass --vendor-sig-dir DIR, or --no-prebuilt-vendor-sig to keep the signatures made "
                + "with [vendor_fw_key_config]");
    }

    /** The flash image cptra_imgtool would write around {@code manifest} (FLSH v1, or the A1 out-bundle). */
    public byte[] buildFlash(byte[] manifest) {
        caliptraBundle();
        var rt = cfg;
        if (cfg.caliptra2()) {
            var inputs = new ArrayList<FlashImage.Input>();
            inputs.add(new FlashImage.Input(FlashEntry.V3_CALIPTRA_FW, prebuilt(rt.caliptraFile(), InputFiles.Kind.FIRMWARE_BUNDLE), rt.caliptraFile()));
            inputs.add(new FlashImage.Input(FlashEntry.V3_SOC_MANIFEST, manifest, "soc-manifest.bin"));
            inputs.add(new FlashImage.Input(FlashEntry.V3_MCU_RUNTIME, prebuilt(rt.mcuFile()), rt.mcuFile()));
            int i = 0;
            for (var e : cfg.images()) {
                if (e.fwId() != 1) {
                    inputs.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE + i++, prebuilt(e.file()), e.file()));
                }
            }
            return FlashImage.buildV3(inputs);
        }
        byte[] caliptra = prebuilt(rt.caliptraFile(), InputFiles.Kind.FIRMWARE_BUNDLE);
        if (rt.caliptraFile().isEmpty() && rt.zeroCaliptraFileEnd() != null) {
            caliptra = new byte[rt.zeroCaliptraFileEnd()];
        }
        byte[] mcu = prebuilt(rt.mcuFile());
        var inputs = new ArrayList<FlashImage.Input>();
        inputs.add(new FlashImage.Input(FlashEntry.V1_CALIPTRA_FW, rt.cptraOutBundle() ? new byte[0] : caliptra, rt.caliptraFile()));
        inputs.add(new FlashImage.Input(FlashEntry.V1_SOC_MANIFEST, manifest, "soc-manifest"));
        inputs.add(new FlashImage.Input(FlashEntry.V1_MCU_RUNTIME, rt.cptraOutBundle() ? new byte[0] : mcu, rt.mcuFile()));
        int i = 0;
        for (var e : cfg.images()) {
            if (e.fwId() == 1) {
                continue; // fw_id 1 is the MCU FMC/runtime: in the manifest, carried as the MCU image, not a SoC image
            }
            inputs.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE + i++, prebuilt(e.file()), e.file()));
        }
        byte[] flash = FlashImage.buildV1(inputs);
        return rt.cptraOutBundle() ? FlashImage.buildOutBundle(caliptra, mcu, flash) : flash;
    }

    // ---- the firmware bundle and what a device would say -------------------------------------

    private byte[] caliptraBytes;
    private Optional<FwBundle> caliptraBundle;

    /**
     * The firmware bundle caliptra_file names, or empty for "" (cptra_imgtool's placeholder). Any
     * other file must be a bundle: a flash image whose Caliptra firmware is, say, atf.bin can never
     * boot, so it is refused rather than written.
     */
    private Optional<FwBundle> caliptraBundle() {
        if (caliptraBundle == null) {
            String name = cfg.caliptraFile();
            if (name.isEmpty()) {
                caliptraBundle = Optional.empty();
            } else {
                caliptraBytes = prebuilt(name);
                Path file = prebuiltDir.resolve(name);
                try {
                    caliptraBundle = Optional.of(FwBundle.parse(caliptraBytes, file.toString()));
                } catch (ImageFormatException e) {
                    throw new UsageException(cfg.file() + ": [image_runtime_list] caliptra_file names " + e.getMessage());
                }
            }
        }
        return caliptraBundle;
    }

    private static EccPublicKey bundleOwnerEcc(FwBundle bundle) {
        return bundle instanceof FwBundle.V1 v1 ? v1.manifest().ownerEccKey() : ((FwBundle.V2) bundle).manifest().ownerEccKey();
    }

    /** The bundle's owner LMS key, or null when it has none (a 1.x ECC-only or a 2.x ML-DSA bundle). */
    private static LmsPublicKey bundleOwnerLms(FwBundle bundle) {
        if (bundle instanceof FwBundle.V1 v1) {
            return v1.manifest().ownerLmsKey().isZero() ? null : v1.manifest().ownerLmsKey();
        }
        var m = ((FwBundle.V2) bundle).manifest();
        return m.pqcKeyType() == PqcKeyType.LMS.value() ? LmsPublicKey.fromBytes(m.ownerPqcKey().slice(0, LmsPublicKey.SIZE).toByteArray())
                : null;
    }

    /**
     * The fuses of a part provisioned for caliptra_file's keys; LMS verification only when the
     * configuration signs with LMS too, since an ECC-only configuration is meant for parts with
     * the LMS fuse off.
     */
    private Fuses judgeFuses() {
        var fuses = Fuses.provisionedFor(caliptraBytes == null ? new byte[0] : caliptraBytes);
        boolean configLms = cfg.vendorFw().lmsPrivKey() != null || cfg.vendorFw().lmsPubKey() != null;
        return fuses.toBuilder().lmsVerify(fuses.lmsVerify() && configLms).build();
    }

    private Generation generation() {
        return cfg.caliptra2() ? Generation.V2 : Generation.V1;
    }

    /**
     * Why a device would refuse {@code manifest} (SET_AUTH_MANIFEST against caliptra_file's bundle),
     * or empty when it would load it or when no bundle is configured to judge it by.
     */
    public Optional<String> manifestRejection(byte[] manifest) {
        if (caliptraBundle().isEmpty()) {
            return Optional.empty();
        }
        var fuses = judgeFuses();
        var rom = RomVerifier.verify(caliptraBytes, fuses, generation());
        if (rom instanceof VerificationResult.Rejected r) {
            return Optional.of("its caliptra_file " + cfg.caliptraFile() + " is rejected by the boot ROM: " + r.rejection());
        }
        var trust = FirmwareTrust.of(caliptraBundle().get(), ((VerificationResult.Accepted) rom).image(), fuses);
        var variant = SocManifestVariant.detect(manifest);
        var load = ManifestAuthorization.load(FlashVerification.trimmed(manifest, variant), trust);
        if (load instanceof ManifestAuthorization.Load.Refused refused) {
            var e = refused.error();
            return Optional.of("SET_AUTH_MANIFEST would fail with " + e.name() + " (" + String.format("0x%08X", e.code()) + "): "
                    + e.detail() + unsignedHint());
        }
        return Optional.empty();
    }

    /** Why a device would not boot {@code flash} end to end (as {@code image verify} judges it), or empty. */
    public Optional<String> flashRejection(byte[] flash) {
        caliptraBundle();
        var names = new java.util.HashMap<Integer, String>();
        for (var e : cfg.images()) {
            names.put(e.fwId(), e.file().isEmpty() ? "\"\" (empty)" : e.file());
        }
        var report = FlashVerification.verify(flash, judgeFuses(), generation(), names);
        var f = report.firstFailure();
        if (f == null) {
            return Optional.empty();
        }
        String hint = cfg.caliptraFile().isEmpty() ? " (caliptra_file is \"\": the flash image carries no Caliptra firmware)"
                : f.stage().equals("soc-manifest") ? unsignedHint() : "";
        return Optional.of(f.stage() + ": " + f.name() + (f.code() != null ? " (" + f.hexCode() + ")" : "") + ": " + f.detail() + hint);
    }

    private String unsignedHint() {
        return cfg.vendorFw().isEmpty() ? " ([vendor_fw_key_config] has no keys: an unsigned manifest, for parts with secure boot off)"
                : "";
    }

    // ---- keys ------------------------------------------------------------------------------

    private EccPublicKey eccPublic(ImgtoolConfig.KeyConfig k, String where) {
        if (k.eccPubKey() != null) {
            return KeyFiles.readEccPublic(KeyRefs.file(keyDir, k.eccPubKey(), where + " ecc_pub_key"));
        }
        if (k.eccPrivKey() != null && !KeyRefs.isPkcs11(k.eccPrivKey())) {
            return KeyFiles.readEccPrivate(KeyRefs.file(keyDir, k.eccPrivKey(), where + " ecc_priv_key")).publicKey();
        }
        return null;
    }

    private LmsPublicKey lmsPublic(ImgtoolConfig.KeyConfig k, String where) {
        if (k.lmsPubKey() != null) {
            return KeyFiles.readLmsPublic(KeyRefs.file(keyDir, k.lmsPubKey(), where + " lms_pub_key"));
        }
        if (k.lmsPrivKey() != null) {
            return KeyFiles.readLmsPrivate(KeyRefs.file(keyDir, k.lmsPrivKey(), where + " lms_priv_key")).zeroLeafPublicKey();
        }
        return null;
    }

    private Octets pqcPublicBytes(ImgtoolConfig.KeyConfig k, String where) {
        if (cfg.pqcKeyType() == org.caliptra.util.image.bundle.PqcKeyType.MLDSA) {
            if (k.mldsaPubKey() != null) {
                return KeyFiles.readMldsaPublic(KeyRefs.file(keyDir, k.mldsaPubKey(), where + " mldsa_pub_key")).bytes();
            }
            if (k.mldsaPrivKey() != null) {
                return KeyFiles.readMldsaPrivate(KeyRefs.file(keyDir, k.mldsaPrivKey(), where + " mldsa_priv_key")).publicKey().bytes();
            }
            return null;
        }
        var key = lmsPublic(k, where);
        return key == null ? null : Octets.of(key.toBytes());
    }

    /**
     * @param ownerFw the owner FW keys are the owner keys of the firmware bundle (the chain fuse →
     *     bundle keys → manifest keys), so where the configuration leaves a helper's public key out,
     *     as cptra_imgtool's own A1 sign-helper configurations do, it is taken from caliptra_file
     */
    private SigningPair signers(ImgtoolConfig.KeyConfig k, String where, String eccHelper, String lmsHelper, boolean ownerFw) {
        boolean byFile = cfg.signHelpers().byFile();
        EccSigner ecc = null;
        if (eccHelper != null) {
            var pub = eccPublic(k, where);
            String name = where + " " + (k.eccPubKey() != null ? "ecc_pub_key " + k.eccPubKey() : "ecc_priv_key's public key");
            if (pub == null && ownerFw && caliptraBundle().isPresent()) {
                pub = bundleOwnerEcc(caliptraBundle().get());
                name = "the owner ECC key of caliptra_file " + cfg.caliptraFile();
            }
            if (pub == null) {
                throw new UsageException(cfg.file() + ": a sign helper for " + where + " needs its ecc_pub_key"
                        + (ownerFw ? " (or caliptra_file naming the firmware bundle that holds the owner key)" : ""));
            }
            ecc = HelperSigners.ecc(new SignHelper(eccHelper, byFile, HELPER_TIMEOUT_SECONDS), pub, name);
        } else if (k.eccPrivKey() != null) {
            ecc = KeyRefs.isPkcs11(k.eccPrivKey()) ? KeyRefs.pkcs11Ecc(k.eccPrivKey())
                    : KeyFiles.readEccPrivate(KeyRefs.file(keyDir, k.eccPrivKey(), where + " ecc_priv_key")).signer();
        }
        LmsSigner lms = null;
        if (lmsHelper != null) {
            var pub = lmsPublic(k, where);
            String name = where + " " + (k.lmsPubKey() != null ? "lms_pub_key " + k.lmsPubKey() : "lms_priv_key's public key");
            if (pub == null && ownerFw && caliptraBundle().isPresent()) {
                pub = bundleOwnerLms(caliptraBundle().get());
                name = "the owner LMS key of caliptra_file " + cfg.caliptraFile();
            }
            if (pub == null) {
                throw new UsageException(cfg.file() + ": a sign helper for " + where + " needs its lms_pub_key"
                        + (ownerFw ? " (or caliptra_file naming a firmware bundle that holds an owner LMS key)" : ""));
            }
            lms = HelperSigners.lms(new SignHelper(lmsHelper, byFile, HELPER_TIMEOUT_SECONDS), pub, name);
        } else if (k.lmsPrivKey() != null) {
            Path priv = KeyRefs.file(keyDir, k.lmsPrivKey(), where + " lms_priv_key");
            org.caliptra.util.cli.image.KeyDirectory.noteTreeRebuild(priv, err);
            var key = KeyFiles.readLmsPrivate(priv);
            var pub = k.lmsPubKey() != null ? lmsPublic(k, where) : key.zeroLeafPublicKey();
            lms = LmsSigners.forKey(key, pub, priv);
            if (lms instanceof LmsSigners.ModeSigner m && m.mode() == LmsSigners.Mode.ZERO_LEAF_COMPAT) {
                warnZeroLeaf(priv);
            }
        }
        if (cfg.pqcKeyType() == org.caliptra.util.image.bundle.PqcKeyType.MLDSA) {
            if (k.mldsaPrivKey() == null) {
                return new SigningPair(ecc, null);
            }
            var mldsa = KeyFiles.readMldsaPrivate(KeyRefs.file(keyDir, k.mldsaPrivKey(), where + " mldsa_priv_key"));
            return new SigningPair(ecc, new PqcSigning.Mldsa(mldsa.signer()));
        }
        return new SigningPair(ecc, lms == null ? null : new PqcSigning.Lms(lms));
    }

    private final java.util.Set<Path> warned = new java.util.HashSet<>();

    private void warnZeroLeaf(Path priv) {
        if (warned.add(priv)) {
            err.println("warning: " + priv + " is a zero-leaf (reference-tool compatible) LMS key: every signature reuses leaf 5");
            err.flush();
        }
    }
}
