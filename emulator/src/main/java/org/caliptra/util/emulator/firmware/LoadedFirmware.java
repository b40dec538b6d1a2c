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
        return bundle.isPl0(user);
    }

    public int pl0Pauser() {
        return bundle.manifest().pl0Pauser();
    }
}
