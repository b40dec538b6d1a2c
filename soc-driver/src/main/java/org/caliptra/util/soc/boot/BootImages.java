package org.caliptra.util.soc.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.flash.FlashEntry;
import org.caliptra.util.image.soc.SocManifestVariant;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;

/**
 * What a SoC loads into Caliptra: the Caliptra firmware bundle and, optionally, the SoC manifest it
 * sets and the images it then authorizes, in order.
 */
public record BootImages(Octets firmware, Optional<Octets> manifest, List<SocImage> images) {
    public BootImages {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(manifest, "manifest");
        images = List.copyOf(images);
        if (!images.isEmpty() && manifest.isEmpty()) {
            throw new IllegalArgumentException("images are authorized against a SoC manifest, and there is none");
        }
    }

    public static BootImages firmwareOnly(Octets firmware) {
        return new BootImages(firmware, Optional.empty(), List.of());
    }

    /**
     * A flash image unpacked the way a device boots it: its Caliptra bundle, its SoC manifest (trimmed
     * to the manifest's own size) and, in manifest order, each entry with the flash image that
     * carries it.
     *
     * @throws org.caliptra.util.image.ImageFormatException when the bytes are not a flash image
     */
    public static BootImages fromFlash(byte[] flash) {
        var contents = FlashVerification.contents(flash);
        Optional<Octets> manifest = contents.manifest() == null ? Optional.empty()
                : Optional.of(Octets.of(FlashVerification.trimmed(contents.manifest(), SocManifestVariant.detect(contents.manifest()))));
        var images = new ArrayList<SocImage>();
        for (var slot : contents.slots()) {
            FlashEntry entry = slot.entry();
            int fwId = slot.metadata().fwId();
            if (entry == null) {
                images.add(SocImage.missing(fwId, slot.note()));
            } else {
                String name = entry.filename() != null && !entry.filename().isEmpty() ? entry.filename()
                        : String.format("flash image 0x%X", entry.identifier());
                images.add(SocImage.of(fwId, name, entry.data()));
            }
        }
        return new BootImages(Octets.of(contents.caliptra()), manifest, images);
    }

    /** Whether the firmware is a Caliptra bundle at all (its manifest marker is CMAN or CMN2). */
    public boolean hasBundle() {
        return FwBundle.isBundle(firmware.toByteArray());
    }

    /**
     * The generation the bundle is built for, and its manifest's PL0 requester.
     *
     * @throws org.caliptra.util.image.ImageFormatException when the firmware is not a bundle
     */
    public BundleFacts bundleFacts(String name) {
        var bundle = FwBundle.parse(firmware.toByteArray(), name);
        if (bundle instanceof FwBundle.V1 v1) {
            return new BundleFacts(Generation.V1, v1.manifest().header().pl0Pauser());
        }
        return new BundleFacts(Generation.V2, ((FwBundle.V2) bundle).manifest().header().pl0Pauser());
    }

    /** The facts about a bundle a SoC needs before it boots it. */
    public record BundleFacts(Generation generation, int pl0Pauser) {}
}
