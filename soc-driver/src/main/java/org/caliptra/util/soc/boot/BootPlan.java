package org.caliptra.util.soc.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.image.flash.FlashEntry;
import org.caliptra.util.image.soc.SocManifestVariant;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * What a SoC boots: the fuses it writes, the Caliptra firmware bundle it loads, and optionally the
 * SoC manifest it sets and the images it then authorizes, in order.
 */
public record BootPlan(FuseSet fuses, Octets firmware, Optional<Octets> manifest, List<SocImage> images) {
    public BootPlan {
        Objects.requireNonNull(fuses, "fuses");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(manifest, "manifest");
        images = List.copyOf(images);
        if (!images.isEmpty() && manifest.isEmpty()) {
            throw new IllegalArgumentException("images are authorized against a SoC manifest, and the plan has none");
        }
    }

    public static BootPlan firmwareOnly(FuseSet fuses, Octets firmware) {
        return new BootPlan(fuses, firmware, Optional.empty(), List.of());
    }

    /**
     * A flash image unpacked the way a device boots it: its Caliptra bundle, its SoC manifest (trimmed
     * to the manifest's own size) and, in manifest order, each entry with the flash image that
     * carries it.
     *
     * @throws org.caliptra.util.image.ImageFormatException when the bytes are not a flash image
     */
    public static BootPlan fromFlash(FuseSet fuses, byte[] flash) {
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
        return new BootPlan(fuses, Octets.of(contents.caliptra()), manifest, images);
    }
}
