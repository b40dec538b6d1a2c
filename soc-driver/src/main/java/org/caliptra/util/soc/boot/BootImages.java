package org.caliptra.util.soc.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.bundle.FwBundle;
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
     * A flash image unpacked the way a device boots it, by {@link FlashVerification#contents}, the
     * unpacking {@code image verify} judges too: its Caliptra firmware, its SoC manifest (empty when
     * the image has none, which SET_AUTH_MANIFEST refuses) and, in manifest order, each entry with
     * the image that carries it, or {@link SocImage#missing} when none does.
     *
     * @throws org.caliptra.util.image.ImageFormatException when the bytes are not a valid flash image
     */
    public static BootImages fromFlash(byte[] flash) {
        return of(FlashVerification.contents(flash));
    }

    /** What {@link FlashVerification#contents} unpacked, as a SoC boots it. */
    public static BootImages of(FlashVerification.Contents contents) {
        var images = new ArrayList<SocImage>();
        for (var slot : contents.slots()) {
            int fwId = slot.metadata().fwId();
            images.add(slot.data() == null ? SocImage.missing(fwId, slot.note()) : SocImage.of(fwId, slot.name(), slot.data()));
        }
        return new BootImages(Octets.of(contents.caliptra()), Optional.of(Octets.of(contents.manifest())), images);
    }

    /** The generation the firmware's marker names (CMAN → 1.x, CMN2 → 2.x), if it has one. */
    public Optional<Generation> bundleGeneration() {
        return FwBundle.generationOf(firmware.toByteArray());
    }

    /**
     * The requester a SoC's boot agent presents, {@link FwBundle#bootRequester()}; absent when the
     * firmware does not parse as a bundle, which the ROM refuses before any requester matters.
     */
    public OptionalInt bootRequester() {
        try {
            return OptionalInt.of(FwBundle.parse(firmware.toByteArray(), "firmware").bootRequester());
        } catch (ImageFormatException e) {
            return OptionalInt.empty();
        }
    }
}
