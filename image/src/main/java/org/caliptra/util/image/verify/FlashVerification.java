package org.caliptra.util.image.verify;

import org.caliptra.util.protocol.Generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.flash.FlashEntry;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.protocol.core.AuthResult;
import org.caliptra.util.image.soc.FirmwareTrust;
import org.caliptra.util.image.soc.ImageMetadata;
import org.caliptra.util.image.soc.ManifestAuthorization;
import org.caliptra.util.image.soc.RuntimeError;
import org.caliptra.util.protocol.error.CaliptraError;

/**
 * A flash image checked end to end, as a device would boot it: checksums, then the Caliptra
 * firmware bundle against the fuses (the ROM), then the SoC manifest's endorsements against the
 * bundle's keys (SET_AUTH_MANIFEST), then every SoC image's digest against its metadata entry
 * (AUTHORIZE_AND_STASH). Later stages still run after a failure, so the report names every
 * image that does not match; {@link Report#firstFailure()} is the first failing check.
 */
public final class FlashVerification {
    private FlashVerification() {}

    /** One image's authorization. {@code result} is null when the image could not be checked. */
    public record ImageReport(int fwId, int flashId, String file, AuthResult result, String note) {}

    /** The first failing check: stage, Caliptra name and code (null when Caliptra defines none). */
    public record Failure(String stage, String name, Integer code, String detail) {
        public String hexCode() {
            return code == null ? null : String.format("0x%08X", code);
        }
    }

    public record Report(String kind, boolean outBundle, List<String> checksumProblems, VerificationResult bundle,
            RuntimeError manifestError, String manifestKind, List<ImageReport> images, Failure firstFailure) {
        public boolean passed() {
            return firstFailure == null;
        }
    }

    /** One manifest entry and the flash image that carries it (null when none does, with a note why). */
    public record Slot(ImageMetadata metadata, FlashEntry entry, String note) {}

    /** What a flash image holds, unpacked the way a device boots it. */
    public record Contents(FlashImage flash, boolean outBundle, byte[] caliptra, byte[] manifest, List<Slot> slots) {}

    /**
     * Unpacks a flash image: the Caliptra bundle, the SoC manifest (null if absent) and, in manifest
     * order, each entry with its image (fw_id 1 ↔ the MCU runtime, the others ↔ the SoC images in order).
     */
    public static Contents contents(byte[] bytes) {
        boolean outBundle = !FlashImage.isFlashV1(bytes) && FlashImage.isOutBundle(bytes);
        byte[] flashBytes = outBundle ? java.util.Arrays.copyOfRange(bytes, FlashImage.OUT_BUNDLE_FLASH_OFFSET, bytes.length) : bytes;
        FlashImage flash = FlashImage.parse(flashBytes, "flash image");
        boolean v1 = flash.version() == 1;
        int caliptraId = v1 ? FlashEntry.V1_CALIPTRA_FW : FlashEntry.V3_CALIPTRA_FW;
        int manifestId = v1 ? FlashEntry.V1_SOC_MANIFEST : FlashEntry.V3_SOC_MANIFEST;
        int mcuId = v1 ? FlashEntry.V1_MCU_RUNTIME : FlashEntry.V3_MCU_RUNTIME;
        byte[] caliptra = outBundle ? java.util.Arrays.copyOf(bytes, FlashImage.OUT_BUNDLE_MCU_OFFSET)
                : flash.entry(caliptraId).map(e -> e.data().toByteArray()).orElse(new byte[0]);
        byte[] manifest = flash.entry(manifestId).map(e -> e.data().toByteArray()).orElse(null);
        var slots = new ArrayList<Slot>();
        if (manifest != null) {
            var soc = flash.entries().stream().filter(e -> e.identifier() >= FlashEntry.SOC_IMAGE_BASE).toList();
            int socIndex = 0;
            for (ImageMetadata ime : manifestOrder(manifest)) {
                if (ime.fwId() == 1) {
                    FlashEntry mcu = outBundle ? null : flash.entry(mcuId).orElse(null);
                    slots.add(new Slot(ime, mcu, mcu != null ? null : outBundle
                            ? "the A1 out-bundle does not record the MCU runtime's size" : "no MCU runtime in the flash image"));
                } else {
                    FlashEntry e = socIndex < soc.size() ? soc.get(socIndex) : null;
                    socIndex++;
                    slots.add(new Slot(ime, e, e != null ? null : "the flash image has no SoC image for this entry"));
                }
            }
        }
        return new Contents(flash, outBundle, caliptra, manifest, slots);
    }

    /**
     * @param fileNames fw_id → file name, for the report (e.g. from a cptra_imgtool configuration); may be empty
     */
    public static Report verify(byte[] bytes, Fuses fuses, Generation generation, Map<Integer, String> fileNames) {
        var contents = contents(bytes);
        FlashImage flash = contents.flash();
        var failures = new ArrayList<Failure>();
        List<String> problems = flash.checksumProblems();
        if (!problems.isEmpty()) {
            failures.add(new Failure("checksums", "FLASH_CHECKSUM_MISMATCH", null, String.join("; ", problems)));
        }
        byte[] caliptra = contents.caliptra();
        VerificationResult bundleResult = RomVerifier.verify(caliptra, fuses, generation);
        if (bundleResult instanceof VerificationResult.Rejected r) {
            failures.add(new Failure("caliptra-fw", r.rejection().name(), r.rejection().code(), r.rejection().detail()));
        }
        RuntimeError manifestError = null;
        String manifestKind = null;
        ManifestAuthorization auth = null;
        if (contents.manifest() == null) {
            manifestError = new RuntimeError(CaliptraError.RUNTIME_AUTH_MANIFEST_PREAMBLE_SIZE_LT_MIN,
                    "the flash image holds no SoC manifest");
        } else if (bundleResult instanceof VerificationResult.Accepted accepted) {
            byte[] manifest = contents.manifest();
            var variant = org.caliptra.util.image.soc.SocManifestVariant.detect(manifest);
            manifestKind = variant == null ? null : variant.kind();
            var trust = FirmwareTrust.of(FwBundle.parse(caliptra, "caliptra-fw"), accepted.image(), fuses);
            var load = ManifestAuthorization.load(trimmed(manifest, variant), trust);
            if (load instanceof ManifestAuthorization.Load.Loaded loaded) {
                auth = loaded.authorization();
            } else {
                manifestError = ((ManifestAuthorization.Load.Refused) load).error();
            }
        }
        if (manifestError != null) {
            failures.add(new Failure("soc-manifest", manifestError.name(), manifestError.code(), manifestError.detail()));
        }
        var images = new ArrayList<ImageReport>();
        if (auth != null) {
            for (Slot slot : contents.slots()) {
                var entry = slot.entry();
                int fwId = slot.metadata().fwId();
                String file = fileNames.getOrDefault(fwId, entry != null && entry.filename() != null && !entry.filename().isEmpty()
                        ? entry.filename() : entry != null ? String.format("image 0x%X", entry.identifier()) : "-");
                AuthResult result = entry == null ? null : auth.authorize(fwId, ManifestAuthorization.imageDigest(entry.data()));
                images.add(new ImageReport(fwId, entry == null ? -1 : entry.identifier(), file, result, slot.note()));
            }
            for (ImageReport r : images) {
                if (r.result() != null && !r.result().authorized()) {
                    failures.add(new Failure("authorize fw_id " + r.fwId(), r.result().name(), r.result().code(),
                            "fw_id " + r.fwId() + " (" + r.file() + "): " + r.result().name()));
                }
            }
        }
        return new Report(flash.kind(), contents.outBundle(), problems, bundleResult, manifestError, manifestKind, images,
                failures.isEmpty() ? null : failures.get(0));
    }

    /** A manifest's own bytes: the flash pads entries to 4 bytes, which the runtime would not be sent. */
    public static byte[] trimmed(byte[] manifest, org.caliptra.util.image.soc.SocManifestVariant variant) {
        if (variant == null || manifest.length <= variant.totalSize()) {
            return manifest;
        }
        return variant == org.caliptra.util.image.soc.SocManifestVariant.V2 ? manifest
                : java.util.Arrays.copyOf(manifest, variant.totalSize());
    }

    /** The IMEs in stored order (the flash carries SoC images in that order, fw_id 1 aside). */
    private static List<ImageMetadata> manifestOrder(byte[] manifest) {
        try {
            return org.caliptra.util.image.soc.SocManifest.parse(manifest, "manifest").imc().used();
        } catch (ImageFormatException e) {
            return List.of();
        }
    }

}
