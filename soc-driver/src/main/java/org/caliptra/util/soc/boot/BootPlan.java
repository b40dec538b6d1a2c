package org.caliptra.util.soc.boot;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * What a SoC boots: the fuses it writes and the images it loads, and whether it asks the ROM for
 * the manufacturing IDevID CSR (CPTRA_DBG_MANUF_SERVICE_REG[0], spec/device.md §3.5) on the way.
 */
public record BootPlan(FuseSet fuses, BootImages images, boolean requestIdevidCsr) {
    public BootPlan {
        Objects.requireNonNull(fuses, "fuses");
        Objects.requireNonNull(images, "images");
    }

    public BootPlan(FuseSet fuses, BootImages images) {
        this(fuses, images, false);
    }

    public static BootPlan firmwareOnly(FuseSet fuses, Octets firmware) {
        return new BootPlan(fuses, BootImages.firmwareOnly(firmware));
    }

    /**
     * This plan, also requesting the IDevID CSR: the ROM of a part in the manufacturing lifecycle
     * hands it over the mailbox before ready_for_fw, and the report carries it.
     */
    public BootPlan withIdevidCsrRequest() {
        return new BootPlan(fuses, images, true);
    }
}
