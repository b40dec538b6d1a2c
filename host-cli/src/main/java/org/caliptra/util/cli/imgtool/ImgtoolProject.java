package org.caliptra.util.cli.imgtool;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.build.PqcSigning;
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
        var images = imageMetadata();
        var h = cfg.signHelpers();
        var b = SocManifestBuilder.of(variant()).version(cfg.version()).flags(cfg.flags()).images(images)
                .vendorManifestKeys(eccPublic(cfg.vendorMan(), "[vendor_man_key_config]"), pqcPublicBytes(cfg.vendorMan(), "[vendor_man_key_config]"))
                .ownerManifestKeys(eccPublic(cfg.ownerMan(), "[owner_man_key_config]"), pqcPublicBytes(cfg.ownerMan(), "[owner_man_key_config]"))
                .vendorFwSigners(signers(cfg.vendorFw(), "[vendor_fw_key_config]", null, null))
                .vendorManifestSigners(signers(cfg.vendorMan(), "[vendor_man_key_config]", null, null))
                .ownerFwSigners(signers(cfg.ownerFw(), "[owner_fw_key_config]", h.ownerEccFw(), h.ownerLmsFw()))
                .ownerManifestSigners(signers(cfg.ownerMan(), "[owner_man_key_config]", h.ownerEccMan(), h.ownerLmsMan()));
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

    private SigningPair signers(ImgtoolConfig.KeyConfig k, String where, String eccHelper, String lmsHelper) {
        boolean byFile = cfg.signHelpers().byFile();
        EccSigner ecc = null;
        if (eccHelper != null) {
            var pub = eccPublic(k, where);
            if (pub == null) {
                throw new UsageException(cfg.file() + ": a sign helper for " + where + " needs its ecc_pub_key");
            }
            ecc = HelperSigners.ecc(new SignHelper(eccHelper, byFile, HELPER_TIMEOUT_SECONDS), pub);
        } else if (k.eccPrivKey() != null) {
            ecc = KeyRefs.isPkcs11(k.eccPrivKey()) ? KeyRefs.pkcs11Ecc(k.eccPrivKey())
                    : KeyFiles.readEccPrivate(KeyRefs.file(keyDir, k.eccPrivKey(), where + " ecc_priv_key")).signer();
        }
        LmsSigner lms = null;
        if (lmsHelper != null) {
            var pub = lmsPublic(k, where);
            if (pub == null) {
                throw new UsageException(cfg.file() + ": a sign helper for " + where + " needs its lms_pub_key");
            }
            lms = HelperSigners.lms(new SignHelper(lmsHelper, byFile, HELPER_TIMEOUT_SECONDS), pub);
        } else if (k.lmsPrivKey() != null) {
            Path priv = KeyRefs.file(keyDir, k.lmsPrivKey(), where + " lms_priv_key");
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
