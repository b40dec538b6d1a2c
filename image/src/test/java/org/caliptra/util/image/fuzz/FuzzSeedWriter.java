package org.caliptra.util.image.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.caliptra.util.fuzzsupport.SeedFiles;
import org.caliptra.util.image.build.BundleOptions;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.image.build.FwBundleBuilder;
import org.caliptra.util.image.build.OwnerKeys;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.build.VendorKeys;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.flash.FlashEntry;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.image.fuzz.ImageFuzz.FuseChoice;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.LmsLeafState;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.image.sign.LmsSigner;
import org.caliptra.util.image.soc.ImageMetadata;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.soc.SigningPair;
import org.caliptra.util.image.soc.SocManifestBuilder;
import org.caliptra.util.image.soc.SocManifestVariant;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.fuzzsupport.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the image module's seed corpus into {@code src/test/resources}, in Jazzer's layout
 * ({@code <package>/<TestClass>Inputs/<method>/<seed>}), from images our own builders make with
 * keys derived from a fixed seed, so running it again gives the same files. Every valid seed is
 * checked the way its target uses it (the ROM accepts the bundles, flash images verify end to
 * end), so the fuzzers start from inputs that reach the deepest checks.
 *
 * <p>Run it after a format changes: {@code ./mvnw -o -pl image -am test -Dtest=FuzzSeedWriter
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcaliptra.fuzz.writeSeeds=true}, then review and commit
 * the files. It only writes the files it names; seeds added by hand or from findings stay.
 */
@EnabledIfSystemProperty(named = "caliptra.fuzz.writeSeeds", matches = "true")
class FuzzSeedWriter {
    private static final Path RESOURCES = Path.of("src", "test", "resources", "org", "caliptra", "util", "image");
    private static final SecureRandom RANDOM = deterministic();

    private static final List<EccPrivateKey> VENDOR_ECC = List.of(ecc(), ecc(), ecc(), ecc());
    private static final List<LmsPrivateKey> VENDOR_LMS = List.of(LmsPrivateKey.generate(RANDOM), LmsPrivateKey.generate(RANDOM));
    private static final List<LmsSigner> VENDOR_LMS_SIGNERS = VENDOR_LMS.stream().map(LmsSigners::zeroLeaf).toList();
    private static final MldsaPrivateKey VENDOR_MLDSA = MldsaPrivateKey.generate(RANDOM);
    private static final EccPrivateKey OWNER_ECC = ecc();
    private static final LmsSigner OWNER_LMS = LmsSigners.zeroLeaf(LmsPrivateKey.generate(RANDOM));
    private static final MldsaPrivateKey OWNER_MLDSA = MldsaPrivateKey.generate(RANDOM);
    private static final EccPrivateKey MANIFEST_VENDOR_ECC = ecc();
    private static final LmsSigner MANIFEST_VENDOR_LMS = LmsSigners.zeroLeaf(LmsPrivateKey.generate(RANDOM));
    private static final MldsaPrivateKey MANIFEST_VENDOR_MLDSA = MldsaPrivateKey.generate(RANDOM);
    private static final EccPrivateKey MANIFEST_OWNER_ECC = ecc();
    private static final LmsSigner MANIFEST_OWNER_LMS = LmsSigners.zeroLeaf(LmsPrivateKey.generate(RANDOM));
    private static final MldsaPrivateKey MANIFEST_OWNER_MLDSA = MldsaPrivateKey.generate(RANDOM);
    private static final int ACTIVE_ECC = 1;
    private static final int ACTIVE_LMS = 1;

    /** The bundle modes; {@code pqc} null is a 1.x ECC-only bundle. */
    enum Mode {
        V1_ECC_LMS(false, PqcKeyType.LMS), V1_ECC_ONLY(false, null), V2_LMS(true, PqcKeyType.LMS), V2_MLDSA(true, PqcKeyType.MLDSA);

        final boolean v2;
        final PqcKeyType pqc;

        Mode(boolean v2, PqcKeyType pqc) {
            this.v2 = v2;
            this.pqc = pqc;
        }

        String label() {
            return (v2 ? "2x-" : "1x-") + (pqc == null ? "ecc-only" : "ecc-" + pqc.cliName());
        }
    }

    @Test
    void write() {
        var bundles = new java.util.EnumMap<Mode, byte[]>(Mode.class);
        for (Mode mode : Mode.values()) {
            byte[] bundle = bundle(mode);
            bundles.put(mode, bundle);
            byte fuses = FuseChoice.accepting(mode.pqc, mode.v2);
            var choice = new FuseChoice(fuses & 0xFF);
            assertTrue(RomVerifier.verify(bundle, choice.fuses(bundle), choice.generation(bundle)).accepted(), mode + " rejected");
            write("bundle/FwBundleFuzzTestInputs/parse/bundle-" + mode.label() + ".bin", bundle);
            write("verify/RomVerifierFuzzTestInputs/verify/accepted-" + mode.label() + ".bin", prefixed(fuses, bundle));
        }
        byte[] v1 = bundles.get(Mode.V1_ECC_LMS);
        write("bundle/FwBundleFuzzTestInputs/parse/bundle-1x-manifest-only.bin", Arrays.copyOf(v1, 5884));
        write("bundle/FwBundleFuzzTestInputs/parse/three-bytes.bin", new byte[] {'C', 'M', 'A'});
        write("bundle/FwBundleFuzzTestInputs/parse/png.bin", png());
        // The same bundles under other fuses: unprovisioned, LMS fuse off, the other generation.
        write("verify/RomVerifierFuzzTestInputs/verify/unprovisioned-1x-ecc-lms.bin", prefixed((byte) 0x34, v1));
        write("verify/RomVerifierFuzzTestInputs/verify/lms-fuse-off-1x-ecc-lms.bin", prefixed((byte) 0x32, v1));
        write("verify/RomVerifierFuzzTestInputs/verify/as-2x-1x-ecc-lms.bin", prefixed((byte) 0xB6, v1));

        var manifests = new java.util.EnumMap<Mode, byte[]>(Mode.class);
        for (Mode mode : Mode.values()) {
            manifests.put(mode, manifest(mode, mode.v2 ? SocManifestVariant.V2 : SocManifestVariant.ASPEED, 1));
        }
        write("soc/SocManifestFuzzTestInputs/parse/aspeed-ecc-lms.bin", manifests.get(Mode.V1_ECC_LMS));
        write("soc/SocManifestFuzzTestInputs/parse/atmn-ecc-lms.bin", manifest(Mode.V1_ECC_LMS, SocManifestVariant.V1, 0));
        write("soc/SocManifestFuzzTestInputs/parse/atm2-ecc-mldsa.bin", manifests.get(Mode.V2_MLDSA));
        write("soc/SocManifestFuzzTestInputs/parse/atm2-ecc-lms.bin", manifests.get(Mode.V2_LMS));
        write("soc/SocManifestFuzzTestInputs/parse/owom-ecc-mldsa.bin", manifest(Mode.V2_MLDSA, SocManifestVariant.OWNER, 0));

        for (Mode mode : List.of(Mode.V1_ECC_LMS, Mode.V1_ECC_ONLY, Mode.V2_LMS, Mode.V2_MLDSA)) {
            byte[] flash = flash(mode, bundles.get(mode), manifests.get(mode));
            byte fuses = FuseChoice.accepting(mode.pqc, mode.v2);
            var choice = new FuseChoice(fuses & 0xFF);
            var report = FlashVerification.verify(flash, choice.fuses(bundles.get(mode)), choice.generation(bundles.get(mode)), Map.of());
            assertTrue(report.passed(), mode + ": " + report.firstFailure());
            String name = (mode.v2 ? "flash-v3-" : "flash-v1-") + mode.label() + ".bin";
            write("flash/FlashImageFuzzTestInputs/parse/" + name, flash);
            write("flash/FlashImageFuzzTestInputs/contents/" + name, flash);
            write("verify/FlashVerifyFuzzTestInputs/verify/verified-" + name, prefixed(fuses, flash));
        }
        // The AST2700-A1 out-bundle puts its FLSH image at 1 MiB: regression-only seeds (class directory).
        byte[] v1Flash = flash(Mode.V1_ECC_LMS, v1, manifests.get(Mode.V1_ECC_LMS));
        byte[] outBundle = FlashImage.buildOutBundle(v1, images(Mode.V1_ECC_LMS).get(0), v1Flash);
        byte a1Fuses = FuseChoice.accepting(PqcKeyType.LMS, false);
        var a1 = FlashVerification.verify(outBundle, new FuseChoice(a1Fuses & 0xFF).fuses(v1), Generation.V1, Map.of());
        assertTrue(a1.outBundle() && a1.bundle().accepted(), "A1 out-bundle: " + a1.firstFailure());
        write("flash/FlashImageFuzzTestInputs/a1-out-bundle-1x-ecc-lms.bin", outBundle);
        write("verify/FlashVerifyFuzzTestInputs/a1-out-bundle-1x-ecc-lms.bin", prefixed(a1Fuses, outBundle));
        writeFlashDefects(bundles.get(Mode.V2_MLDSA), manifests.get(Mode.V2_MLDSA));
        writeKeyFiles();
        writeLmsState();
    }

    // ---- bundles, manifests, flash images ----------------------------------------------------

    private static byte[] bundle(Mode mode) {
        var r = new java.util.Random(mode.ordinal());
        byte[] fmc = new byte[1024];
        byte[] runtime = new byte[2048];
        r.nextBytes(fmc);
        r.nextBytes(runtime);
        var fmcImage = FirmwareImage.of(fmc, 0x4000_0000, 0x4000_0100);
        var rtImage = FirmwareImage.of(runtime, 0x4000_1000, 0x4000_1040);
        var options = BundleOptions.defaults().withPl0Pauser(0x2121_2121).withFirmwareSvn(3);
        FwBundle bundle = mode.v2 ? FwBundleBuilder.buildV2(fmcImage, rtImage, vendorKeys(mode), ownerKeys(mode), options)
                : FwBundleBuilder.buildV1(fmcImage, rtImage, vendorKeys(mode), ownerKeys(mode), options);
        return bundle.toBytes();
    }

    private static VendorKeys vendorKeys(Mode mode) {
        var ecc = VENDOR_ECC.stream().map(EccPrivateKey::publicKey).toList();
        var eccSigner = VENDOR_ECC.get(ACTIVE_ECC).signer();
        if (mode.pqc == null) {
            return new VendorKeys(ecc, ACTIVE_ECC, eccSigner, List.of(), 0, null);
        }
        if (mode.pqc == PqcKeyType.LMS) {
            return new VendorKeys(ecc, ACTIVE_ECC, eccSigner,
                    VENDOR_LMS_SIGNERS.stream().map(s -> Octets.of(s.publicKey().toBytes())).toList(), ACTIVE_LMS,
                    new PqcSigning.Lms(VENDOR_LMS_SIGNERS.get(ACTIVE_LMS)));
        }
        return new VendorKeys(ecc, ACTIVE_ECC, eccSigner, List.of(VENDOR_MLDSA.publicKey().bytes()), 0,
                new PqcSigning.Mldsa(VENDOR_MLDSA.signer()));
    }

    private static OwnerKeys ownerKeys(Mode mode) {
        return new OwnerKeys(OWNER_ECC.signer(), mode.pqc == null ? null
                : mode.pqc == PqcKeyType.LMS ? new PqcSigning.Lms(OWNER_LMS) : new PqcSigning.Mldsa(OWNER_MLDSA.signer()));
    }

    /** The images a flash image of {@code mode} carries: the MCU runtime (fw_id 1) and two SoC images. */
    private static List<byte[]> images(Mode mode) {
        return List.of(("MCU runtime for " + mode.label()).getBytes(StandardCharsets.US_ASCII),
                ("SoC image A, 4-byte padded").getBytes(StandardCharsets.US_ASCII), new byte[] {1, 2, 3, 4, 5});
    }

    /** A SoC manifest endorsed by {@code mode}'s bundle keys (the chain the runtime checks), listing {@link #images}. */
    private static byte[] manifest(Mode mode, SocManifestVariant variant, int flags) {
        var images = images(mode);
        var list = new ArrayList<ImageMetadata>();
        int[] fwIds = {1, 10, 11};
        for (int i = 0; i < images.size(); i++) {
            Octets digest = ManifestAuthorization.imageDigest(images.get(i));
            list.add(variant.isCaliptra2() ? new ImageMetadata(fwIds[i], i, 0, 1, 0, 0, digest)
                    : ImageMetadata.v1(fwIds[i], ImageMetadata.flags(1, false, 1), digest));
        }
        boolean lms = mode.pqc == PqcKeyType.LMS;
        boolean mldsa = mode.pqc == PqcKeyType.MLDSA;
        var vendorFw = new SigningPair(VENDOR_ECC.get(ACTIVE_ECC).signer(), lms ? new PqcSigning.Lms(VENDOR_LMS_SIGNERS.get(ACTIVE_LMS))
                : mldsa ? new PqcSigning.Mldsa(VENDOR_MLDSA.signer()) : null);
        var ownerFw = new SigningPair(OWNER_ECC.signer(), lms ? new PqcSigning.Lms(OWNER_LMS)
                : mldsa ? new PqcSigning.Mldsa(OWNER_MLDSA.signer()) : null);
        var vendorMan = new SigningPair(MANIFEST_VENDOR_ECC.signer(), lms ? new PqcSigning.Lms(MANIFEST_VENDOR_LMS)
                : mldsa ? new PqcSigning.Mldsa(MANIFEST_VENDOR_MLDSA.signer()) : null);
        var ownerMan = new SigningPair(MANIFEST_OWNER_ECC.signer(), lms ? new PqcSigning.Lms(MANIFEST_OWNER_LMS)
                : mldsa ? new PqcSigning.Mldsa(MANIFEST_OWNER_MLDSA.signer()) : null);
        var b = SocManifestBuilder.of(variant).flags(flags).images(list).vendorFwSigners(vendorFw).ownerFwSigners(ownerFw)
                .vendorManifestSigners(vendorMan).ownerManifestSigners(ownerMan)
                .vendorManifestKeys(MANIFEST_VENDOR_ECC.publicKey(), pqcPublic(mode, MANIFEST_VENDOR_LMS, MANIFEST_VENDOR_MLDSA))
                .ownerManifestKeys(MANIFEST_OWNER_ECC.publicKey(), pqcPublic(mode, MANIFEST_OWNER_LMS, MANIFEST_OWNER_MLDSA));
        if (variant == SocManifestVariant.ASPEED) {
            b.secVer(1);
        } else if (variant.isCaliptra2()) {
            b.svn(2);
        }
        return b.build().toBytes();
    }

    private static Octets pqcPublic(Mode mode, LmsSigner lms, MldsaPrivateKey mldsa) {
        return mode.pqc == PqcKeyType.LMS ? Octets.of(lms.publicKey().toBytes())
                : mode.pqc == PqcKeyType.MLDSA ? mldsa.publicKey().bytes() : null;
    }

    private static byte[] flash(Mode mode, byte[] bundle, byte[] manifest) {
        var images = images(mode);
        var inputs = new ArrayList<FlashImage.Input>();
        if (mode.v2) {
            inputs.add(new FlashImage.Input(FlashEntry.V3_CALIPTRA_FW, bundle, "caliptra-fw.bin"));
            inputs.add(new FlashImage.Input(FlashEntry.V3_SOC_MANIFEST, manifest, "soc-manifest.bin"));
            inputs.add(new FlashImage.Input(FlashEntry.V3_MCU_RUNTIME, images.get(0), "mcu-runtime.bin"));
            inputs.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE, images.get(1), "soc-a.bin"));
            inputs.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE + 1, images.get(2), "soc-b.bin"));
            return FlashImage.buildV3(inputs);
        }
        inputs.add(new FlashImage.Input(FlashEntry.V1_CALIPTRA_FW, bundle, null));
        inputs.add(new FlashImage.Input(FlashEntry.V1_SOC_MANIFEST, manifest, null));
        inputs.add(new FlashImage.Input(FlashEntry.V1_MCU_RUNTIME, images.get(0), null));
        inputs.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE, images.get(1), null));
        inputs.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE + 1, images.get(2), null));
        return FlashImage.buildV1(inputs);
    }

    /**
     * Flash images of issue 9's defects. Names that a path cannot hold (item 3: a NUL, "/") parse
     * fine and are regular seeds. The 65,535-entry images (item 4: there was no entry cap) sit in
     * the class directory, so they are seeds of both targets that run in regression only (their
     * size would slow every mutation while fuzzing). One has empty entries (parsing allocated 2.6 KB
     * per entry, formatting an error message it did not throw); in the other all entries cover the
     * same 1 KiB, which was copied out 65,535 times.
     */
    private static void writeFlashDefects(byte[] bundle, byte[] manifest) {
        var named = new ArrayList<FlashImage.Input>();
        named.add(new FlashImage.Input(FlashEntry.V3_CALIPTRA_FW, bundle, "caliptra-fw.bin"));
        named.add(new FlashImage.Input(FlashEntry.V3_SOC_MANIFEST, manifest, "soc-manifest.bin"));
        named.add(new FlashImage.Input(FlashEntry.V3_MCU_RUNTIME, new byte[8], "/"));
        named.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE, new byte[8], "soc\u0000a.bin"));
        named.add(new FlashImage.Input(FlashEntry.SOC_IMAGE_BASE + 1, new byte[8], "../outside.bin"));
        byte[] flash = FlashImage.buildV3(named);
        write("flash/FlashImageFuzzTestInputs/parse/flash-v3-names-slash-nul-dotdot.bin", flash);
        write("flash/FlashImageFuzzTestInputs/contents/flash-v3-names-slash-nul-dotdot.bin", flash);

        write("flash/FlashImageFuzzTestInputs/flash-v1-65535-empty-entries.bin", flashV1Entries(65_535, 0));
        write("flash/FlashImageFuzzTestInputs/flash-v1-65535-entries-sharing-1KiB.bin", flashV1Entries(65_535, 1024));
    }

    /** A FLSH v1 image of {@code count} entries that all point at the same {@code payload} bytes after the infos. */
    private static byte[] flashV1Entries(int count, int payload) {
        int infosEnd = 16 + count * FlashImage.V1_INFO_SIZE;
        byte[] out = new byte[infosEnd + payload];
        var w = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer.wrap(out).putInt(0, FlashImage.FLSH_MAGIC);
        w.putShort(4, (short) 1).putShort(6, (short) count);
        for (int i = 0; i < count; i++) {
            int at = 16 + i * FlashImage.V1_INFO_SIZE;
            w.putInt(at, FlashEntry.SOC_IMAGE_BASE + i).putInt(at + 4, infosEnd).putInt(at + 8, payload);
        }
        var crc = new java.util.zip.CRC32();
        crc.update(out, 0, 8);
        w.putInt(8, (int) crc.getValue());
        crc.reset();
        crc.update(out, 16, out.length - 16);
        w.putInt(12, (int) crc.getValue());
        return out;
    }

    // ---- key files and LMS state -------------------------------------------------------------

    /** Seeds of {@code KeyFilesFuzzTest}: the reader's number (its Kind ordinal), then the file our writers produce. */
    private static void writeKeyFiles() {
        Path dir = Sandbox.directory("seed-keys");
        EccPrivateKey ecc = ecc();
        LmsPrivateKey lms = LmsPrivateKey.generate(RANDOM);
        MldsaPrivateKey mldsa = MldsaPrivateKey.generate(RANDOM);
        KeyFiles.writeEccPrivate(ecc, dir.resolve("ecc-prvk.pem"));
        KeyFiles.writeEccPublic(ecc.publicKey(), dir.resolve("ecc-pubk.pem"));
        KeyFiles.writeLmsPrivate(lms, dir.resolve("lms-prvk.pem"));
        KeyFiles.writeLmsPublic(LmsSigners.zeroLeaf(lms).publicKey(), dir.resolve("lms-pubk.pem"));
        KeyFiles.writeMldsaPrivate(mldsa, dir.resolve("mldsa-prvk.pem"));
        KeyFiles.writeMldsaPublic(mldsa.publicKey(), dir.resolve("mldsa-pubk.pem"));
        byte[] eccPrivate = read(dir.resolve("ecc-prvk.pem"));
        String k = "keys/KeyFilesFuzzTestInputs/read/";
        write(k + "0-ecc-private-sec1.pem", prefixed((byte) 0, eccPrivate));
        write(k + "0-ecc-private-with-ec-parameters.pem", prefixed((byte) 0, concat(
                "-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n".getBytes(StandardCharsets.US_ASCII),
                eccPrivate)));
        write(k + "0-ecc-private-pkcs8.pem", prefixed((byte) 0, pem("PRIVATE KEY", eccPkcs8(eccPrivate))));
        write(k + "1-ecc-public-spki.pem", prefixed((byte) 1, read(dir.resolve("ecc-pubk.pem"))));
        write(k + "1-ecc-public-from-private.pem", prefixed((byte) 1, eccPrivate));
        write(k + "2-lms-public-raw.bin", prefixed((byte) 2, read(dir.resolve("lms-pubk.pem"))));
        write(k + "2-lms-public-spki.pem", prefixed((byte) 2, pem("PUBLIC KEY", spki(KeyFiles.ID_ALG_HSS_LMS_HASHSIG,
                concat(new byte[] {0, 0, 0, 1}, read(dir.resolve("lms-pubk.pem")))))));
        write(k + "3-lms-private-raw.bin", prefixed((byte) 3, read(dir.resolve("lms-prvk.pem"))));
        write(k + "3-lms-private-pkcs8.pem", prefixed((byte) 3, pem("PRIVATE KEY", pkcs8(KeyFiles.ID_ALG_HSS_LMS_HASHSIG,
                read(dir.resolve("lms-prvk.pem"))))));
        write(k + "4-mldsa-public-spki.pem", prefixed((byte) 4, read(dir.resolve("mldsa-pubk.pem"))));
        write(k + "4-mldsa-public-raw.bin", prefixed((byte) 4, mldsa.publicKey().bytes().toByteArray()));
        write(k + "5-mldsa-private-pkcs8.pem", prefixed((byte) 5, read(dir.resolve("mldsa-prvk.pem"))));
        write(k + "5-mldsa-private-raw.bin", prefixed((byte) 5, mldsa.expandedEncoding()));
        // issue 9 item 3: malformed PEM errors quote BouncyCastle's and Java's exception text
        String p = "keys/KeyFilesFuzzTestInputs/read/";
        write(p + "0-ec-private-key-not-a-sequence.pem", prefixed((byte) 0,
                pemText("EC PRIVATE KEY", "MIGkAgEBBDBU")));
        write(p + "1-public-key-empty-sequence.pem", prefixed((byte) 1, pemText("PUBLIC KEY", "MAA=")));
        write(p + "5-private-key-truncated.pem", prefixed((byte) 5, pemText("PRIVATE KEY", "MAMCAQA=")));
        write(p + "2-certificate-instead-of-key.pem", prefixed((byte) 2, pemText("CERTIFICATE", "MAA=")));
    }

    private static byte[] pemText(String type, String base64) {
        return ("-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Seeds of {@code LmsLeafStateFuzzTest}: the state files our signer writes for its key id. */
    private static void writeLmsState() {
        Path file = Sandbox.directory("seed-lms-state").resolve("key.pem.state");
        var state = new LmsLeafState(file, Octets.fromHex("00112233445566778899aabbccddeeff"));
        state.initialise();
        String s = "keys/LmsLeafStateFuzzTestInputs/peek/";
        byte[] fresh = read(file);
        write(s + "next-leaf-0.state", fresh);
        state.reserve();
        write(s + "next-leaf-1.state", read(file));
        String text = new String(fresh, StandardCharsets.UTF_8);
        write(s + "next-leaf-32768-exhausted.state", text.replace("next_leaf = 0", "next_leaf = 32768").getBytes(StandardCharsets.UTF_8));
        write(s + "next-leaf-32769-beyond.state", text.replace("next_leaf = 0", "next_leaf = 32769").getBytes(StandardCharsets.UTF_8));
        write(s + "another-key.state", text.replace("00112233", "ffffffff").getBytes(StandardCharsets.UTF_8));
        // issue 9 item 3: 20 digits overflow a long (it was a NumberFormatException)
        write("keys/LmsLeafStateFuzzTestInputs/peek/next-leaf-20-digits.state",
                text.replace("next_leaf = 0", "next_leaf = 99999999999999999999").getBytes(StandardCharsets.UTF_8));
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private static SecureRandom deterministic() {
        try {
            // SHA1PRNG seeded before its first use is a pure function of the seed: the same keys every run.
            var r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed("caliptra-util fuzz seed corpus".getBytes(StandardCharsets.US_ASCII));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EccPrivateKey ecc() {
        byte[] seed = new byte[64];
        RANDOM.nextBytes(seed);
        return EccPrivateKey.fromSeed(seed);
    }

    /** The PKCS#8 form of a SEC1 PEM file, as {@code openssl pkcs8 -topk8 -nocrypt} would write it. */
    private static byte[] eccPkcs8(byte[] sec1Pem) {
        try (var parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(new String(sec1Pem, StandardCharsets.US_ASCII)))) {
            return ((org.bouncycastle.openssl.PEMKeyPair) parser.readObject()).getPrivateKeyInfo().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] spki(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, byte[] key) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(oid), key).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pkcs8(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, byte[] key) {
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(oid), new DEROctetString(key)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pem(String type, byte[] der) {
        var text = new java.io.StringWriter();
        try (var w = new PemWriter(text)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The PNG signature and an IHDR chunk: issue 9 item 6's "a PNG given as a bundle". */
    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
            8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
    }

    static byte[] prefixed(byte first, byte[] rest) {
        return concat(new byte[] {first}, rest);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String relative, byte[] content) {
        SeedFiles.write(RESOURCES.resolve(relative), content);
    }
}
