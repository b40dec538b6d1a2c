package org.caliptra.util.soc.boot;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.fuses.FuseSet;

/** What a SoC boots: the fuses it writes and the images it loads. */
public record BootPlan(FuseSet fuses, BootImages images) {
    public BootPlan {
        Objects.requireNonNull(fuses, "fuses");
        Objects.requireNonNull(images, "images");
    }

    public static BootPlan firmwareOnly(FuseSet fuses, Octets firmware) {
        return new BootPlan(fuses, BootImages.firmwareOnly(firmware));
    }
}
