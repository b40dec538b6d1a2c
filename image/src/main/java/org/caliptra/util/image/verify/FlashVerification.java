package org.caliptra.util.image.verify;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.flash.FlashEntry;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.image.soc.FirmwareTrust;
import org.caliptra.util.image.soc.ImageMetadata;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.soc.RuntimeError;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.image.soc.SocManifestVariant;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.AuthResult;

/**
 * A flash image checked end to end, as a device would boot it: the Caliptra firmware bundle
 * against the fuses (the ROM), then the SoC manifest sent by the bundle's PL0 requester
 * (SET_AUTH_MANIFEST), then every image the manifest lists against its entry
 * (AUTHORIZE_AND_STASH). Later stages still run after a failure, so the report names every image
 * that does not match; {@link Report#firstFailure()} is the first failing check.
 *
 * <p>{@link #contents} is the one judge of the container and of which image carries which entry;
 * {@code boot --flash} unpacks through it too, so the two never disagree about a flash image.
 */
public final class FlashVerification {
    private FlashVerification() {}

    /** The name a failure carries when the manifest lists an image the flash image does not carry. */
    public static final String MISSING_IMAGE = "MISSING_IMAGE";

    /** One image's authorization. {@code result} is null when the flash image does not carry it ({@code note} says why). */
    public record ImageReport(int fwId, String file, AuthResult result, String note) {}

    /** The first failing check: stage, Caliptra name and code (null when Caliptra defines none). */
    public record Failure(String stage, String name, Integer code, String detail) {
        public String hexCode() {
            return code == null ? null : String.format("0x%08X", code);
        }
    }

    public record Report(String kind, boolean outBundle, VerificationResult bundle, RuntimeError manifestError,
            String manifestKind, List<ImageReport> images, Failure firstFailure) {
        public boolean passed() {
            return firstFailure == null;
        }
    }

    /**
     * One manifest entry and the image that carries it.
     *
     * @param name what the image is called in reports: its v3 file name, else where it sits
     * @param data the image as the flash carries it; null when the flash image lacks it, and {@code note} says why
     */
    public record Slot(ImageMetadata metadata, String name, Octets data, String note) {}

    /**
     * What a flash image holds, unpacked the way a device boots it.
     *
     * @param caliptra the Caliptra firmware; empty when the flash image carries none (the ROM refuses that)
     * @param manifest the SoC manifest, trimmed to the manifest's own size; empty when the flash image carries
     *     none (SET_AUTH_MANIFEST refuses that)
     * @param manifestNote why {@code manifest} is empty, else null
     */
    public record Contents(FlashImage flash, boolean outBundle, byte[] caliptra, byte[] manifest, String manifestNote,
            List<Slot> slots) {
        /** The ROM generation the image is for: its bundle's (CMN2 → 2.x, CMAN → 1.x), else its layout's (v3 → 2.x). */
        public Generation generation() {
            return FwBundle.generationOf(caliptra).orElse(flash.version() == 3 ? Generation.V2 : Generation.V1);
        }
    }

    /** {@link #contents(byte[], String)} for an image named "flash image" in errors. */
    public static Contents contents(byte[] bytes) {
        return contents(bytes, "flash image");
    }

    /**
     * Unpacks a flash image: the Caliptra bundle, the SoC manifest and, in manifest order, each entry
     * with the image that carries it: fw_id 1 is the MCU runtime, and the i-th other entry is the
     * image with identifier 0x1000 + i (spec/formats.md §4), the numbering both layouts and
     * {@code create-auth-flash} use. An entry whose image is absent is a slot without data.
     *
     * @param name names the file in errors
     * @throws ImageFormatException when the bytes are not a valid flash image: unparseable, a checksum that
     *     does not match, or an identifier that appears twice
     */
    public static Contents contents(byte[] bytes, String name) {
        boolean outBundle = !FlashImage.isFlashV1(bytes) && FlashImage.isOutBundle(bytes);
        String where = outBundle ? String.format("%s (the FLSH image at 0x%X)", name, FlashImage.OUT_BUNDLE_FLASH_OFFSET) : name;
        FlashImage flash = FlashImage.parse(outBundle ? Arrays.copyOfRange(bytes, FlashImage.OUT_BUNDLE_FLASH_OFFSET, bytes.length)
                : bytes, where);
        List<String> problems = flash.containerProblems();
        if (!problems.isEmpty()) {
            throw new ImageFormatException(where + ": not a valid " + flash.kind() + " image: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        boolean v1 = flash.version() == 1;
        int caliptraId = v1 ? FlashEntry.V1_CALIPTRA_FW : FlashEntry.V3_CALIPTRA_FW;
        int manifestId = v1 ? FlashEntry.V1_SOC_MANIFEST : FlashEntry.V3_SOC_MANIFEST;
        int mcuId = v1 ? FlashEntry.V1_MCU_RUNTIME : FlashEntry.V3_MCU_RUNTIME;
        byte[] caliptra = outBundle ? Arrays.copyOf(bytes, FlashImage.OUT_BUNDLE_MCU_OFFSET)
                : flash.entry(caliptraId).map(e -> e.data().toByteArray()).orElse(new byte[0]);
        var manifestEntry = flash.entry(manifestId);
        byte[] manifest = manifestEntry.map(e -> {
            byte[] m = e.data().toByteArray();
            return trimmed(m, SocManifestVariant.detect(m));
        }).orElse(new byte[0]);
        String manifestNote = manifestEntry.isPresent() ? null
                : String.format("the flash image has no SoC manifest (identifier 0x%X)", manifestId);
        var slots = new ArrayList<Slot>();
        int socIndex = 0;
        for (ImageMetadata ime : manifestOrder(manifest)) {
            if (ime.fwId() == 1) {
                if (outBundle) {
                    byte[] mcu = outBundleMcuRuntime(bytes, ime);
                    slots.add(new Slot(ime, String.format("MCU runtime at 0x%X", FlashImage.OUT_BUNDLE_MCU_OFFSET), Octets.of(mcu),
                            null));
                } else {
                    slots.add(slot(ime, flash, mcuId, "no MCU runtime"));
                }
            } else {
                slots.add(slot(ime, flash, FlashEntry.SOC_IMAGE_BASE + socIndex++, "no SoC image"));
            }
        }
        return new Contents(flash, outBundle, caliptra, manifest, manifestNote, slots);
    }

    private static Slot slot(ImageMetadata ime, FlashImage flash, int identifier, String what) {
        return flash.entry(identifier)
                .map(e -> new Slot(ime, e.filename() != null && !e.filename().isEmpty() ? e.filename()
                        : String.format("flash image 0x%X", identifier), e.data(), null))
                .orElseGet(() -> new Slot(ime, String.format("flash image 0x%X", identifier), null,
                        String.format("the flash image has %s for fw_id %d (identifier 0x%X)", what, ime.fwId(), identifier)));
    }

    /**
     * The MCU runtime of an AST2700-A1 out-bundle. The layout keeps it at 0x20000 without its size,
     * and the zero fill up to 0x100000 hides where it ends; the manifest's digest settles it. The
     * runtime is the prefix, ending on a 4-byte boundary at or after the last non-zero byte, whose
     * digest the entry holds: everything after that prefix is zero, so the region carries exactly
     * the signed image. When no prefix matches (or the entry skips the check) the runtime ends at
     * its last non-zero word, and the device's verdict on those bytes is the verdict.
     */
    static byte[] outBundleMcuRuntime(byte[] bytes, ImageMetadata entry) {
        int from = FlashImage.OUT_BUNDLE_MCU_OFFSET;
        int to = FlashImage.OUT_BUNDLE_FLASH_OFFSET;
        int end = to;
        while (end > from && bytes[end - 1] == 0) {
            end--;
        }
        int natural = (end - from + 3) & ~3;
        if (!entry.ignoreAuthCheck()) {
            byte[] expected = entry.digest().toByteArray();
            MessageDigest running = Sha384.newDigest();
            running.update(bytes, from, natural);
            byte[] zeroWord = new byte[4];
            for (int length = natural; length <= to - from; length += 4) {
                try {
                    if (MessageDigest.isEqual(((MessageDigest) running.clone()).digest(), expected)) {
                        return Arrays.copyOfRange(bytes, from, from + length);
                    }
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException("the JDK's SHA-384 cannot be cloned", e);
                }
                running.update(zeroWord);
            }
        }
        return Arrays.copyOfRange(bytes, from, from + natural);
    }

    /** {@link #verify(byte[], String, Fuses, Generation, Map)} for an image named "flash image" in errors. */
    public static Report verify(byte[] bytes, Fuses fuses, Generation generation, Map<Integer, String> fileNames) {
        return verify(bytes, "flash image", fuses, generation, fileNames);
    }

    /**
     * @param name names the file in errors
     * @param fileNames fw_id → file name, for the report (e.g. from a cptra_imgtool configuration); may be empty
     * @throws ImageFormatException when the bytes are not a valid flash image (see {@link #contents})
     */
    public static Report verify(byte[] bytes, String name, Fuses fuses, Generation generation, Map<Integer, String> fileNames) {
        return verify(contents(bytes, name), name, fuses, generation, fileNames);
    }

    /**
     * @param contents a flash image as {@link #contents} unpacked it
     * @param name names the file in errors
     * @param fileNames fw_id → file name, for the report (e.g. from a cptra_imgtool configuration); may be empty
     */
    public static Report verify(Contents contents, String name, Fuses fuses, Generation generation, Map<Integer, String> fileNames) {
        var failures = new ArrayList<Failure>();
        byte[] caliptra = contents.caliptra();
        VerificationResult bundleResult = RomVerifier.verify(caliptra, fuses, generation);
        if (bundleResult instanceof VerificationResult.Rejected r) {
            failures.add(new Failure("caliptra-fw", r.rejection().name(), r.rejection().code(), r.rejection().detail()));
        }
        RuntimeError manifestError = null;
        String manifestKind = null;
        ManifestAuthorization auth = null;
        if (bundleResult instanceof VerificationResult.Accepted accepted) {
            var variant = SocManifestVariant.detect(contents.manifest());
            manifestKind = variant == null ? null : variant.kind();
            var bundle = FwBundle.parse(caliptra, name + " Caliptra firmware");
            var load = setAuthManifest(bundle, bundle.bootRequester(), contents.manifest(),
                    FirmwareTrust.of(bundle, accepted.image(), fuses));
            if (load instanceof ManifestAuthorization.Load.Loaded loaded) {
                auth = loaded.authorization();
            } else {
                manifestError = ((ManifestAuthorization.Load.Refused) load).error();
                if (contents.manifestNote() != null) {
                    manifestError = new RuntimeError(manifestError.error(), contents.manifestNote() + ": " + manifestError.detail());
                }
            }
        }
        if (manifestError != null) {
            failures.add(new Failure("soc-manifest", manifestError.name(), manifestError.code(), manifestError.detail()));
        }
        var images = new ArrayList<ImageReport>();
        if (auth != null) {
            for (Slot slot : contents.slots()) {
                int fwId = slot.metadata().fwId();
                String file = fileNames.getOrDefault(fwId, slot.name());
                if (slot.data() == null) {
                    images.add(new ImageReport(fwId, file, null, slot.note()));
                    failures.add(new Failure("authorize fw_id " + Integer.toUnsignedString(fwId), MISSING_IMAGE, null,
                            "fw_id " + Integer.toUnsignedString(fwId) + " (" + file + "): " + slot.note()));
                    continue;
                }
                AuthResult result = auth.authorize(fwId, ManifestAuthorization.imageDigest(slot.data()));
                images.add(new ImageReport(fwId, file, result, null));
                if (!result.authorized()) {
                    failures.add(new Failure("authorize fw_id " + Integer.toUnsignedString(fwId), result.name(), result.code(),
                            "fw_id " + Integer.toUnsignedString(fwId) + " (" + file + "): " + result.name()));
                }
            }
        }
        return new Report(contents.flash().kind(), contents.outBundle(), bundleResult, manifestError, manifestKind, images,
                failures.isEmpty() ? null : failures.get(0));
    }

    /**
     * SET_AUTH_MANIFEST sent by {@code requester} to the runtime of {@code bundle}: the runtime
     * refuses a PL0-only command from any other requester before it reads the request, then loads
     * the manifest against the trust the bundle established. {@code image verify} passes
     * {@link FwBundle#bootRequester()}, the requester {@code boot} presents.
     */
    public static ManifestAuthorization.Load setAuthManifest(FwBundle bundle, int requester, byte[] manifest, FirmwareTrust trust) {
        if (!bundle.isPl0(requester)) {
            String why = (bundle.manifest().headerFlags() & FwBundle.FLAG_PL0_PAUSER) == 0
                    ? "the firmware manifest's flags bit 0 is clear, so every requester is PL1"
                    : String.format("pl0_pauser is 0x%08X", bundle.manifest().pl0Pauser());
            return new ManifestAuthorization.Load.Refused(new RuntimeError(RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL,
                    String.format("SET_AUTH_MANIFEST needs PL0 and requester 0x%08X is not: %s", requester, why)));
        }
        return ManifestAuthorization.load(manifest, trust);
    }

    /** A manifest's own bytes: the flash pads entries to 4 bytes, which the runtime would not be sent. */
    public static byte[] trimmed(byte[] manifest, SocManifestVariant variant) {
        if (variant == null || manifest.length <= variant.totalSize()) {
            return manifest;
        }
        return variant == SocManifestVariant.V2 ? manifest : Arrays.copyOf(manifest, variant.totalSize());
    }

    /** The IMEs in stored order (the flash carries SoC images in that order, fw_id 1 aside). */
    private static List<ImageMetadata> manifestOrder(byte[] manifest) {
        try {
            return SocManifest.parse(manifest, "manifest").imc().used();
        } catch (ImageFormatException e) {
            return List.of();
        }
    }
}
