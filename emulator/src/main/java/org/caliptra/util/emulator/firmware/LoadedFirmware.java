package org.caliptra.util.emulator.firmware;

import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.image.verify.Fuses;

/**
 * The firmware the ROM accepted, with the fuses it was judged against: what the runtime reports
 * (FW_INFO) and trusts (SET_AUTH_MANIFEST).
 */
public record LoadedFirmware(FwBundle bundle, AcceptedImage accepted, Fuses fuses) {
    /** The manifest header's pl0_pauser, honoured only when its flags bit 0 is set. */
    public boolean isPl0(int user) {
        int flags;
        int pl0;
        if (bundle instanceof FwBundle.V1 v1) {
            flags = v1.manifest().header().flags();
            pl0 = v1.manifest().header().pl0Pauser();
        } else {
            var v2 = (FwBundle.V2) bundle;
            flags = v2.manifest().header().flags();
            pl0 = v2.manifest().header().pl0Pauser();
        }
        return (flags & 1) != 0 && pl0 == user;
    }

    public int pl0Pauser() {
        return bundle instanceof FwBundle.V1 v1 ? v1.manifest().header().pl0Pauser()
                : ((FwBundle.V2) bundle).manifest().header().pl0Pauser();
    }
}
