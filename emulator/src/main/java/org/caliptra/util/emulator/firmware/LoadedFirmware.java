package org.caliptra.util.emulator.firmware;

import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.verify.AcceptedImage;
import org.caliptra.util.image.verify.Fuses;

/**
 * The firmware the ROM accepted, with the fuses it was judged against: what the runtime reports
 * (FW_INFO) and trusts (SET_AUTH_MANIFEST).
 *
 * @param coldBoot the image the cold boot accepted (this one, unless an update reset replaced it):
 *     the data vault keeps its cold-boot entries through update resets
 * @param minRuntimeSvn the lowest runtime (1.x) or firmware (2.x) SVN run since the cold boot
 */
public record LoadedFirmware(FwBundle bundle, AcceptedImage accepted, Fuses fuses, AcceptedImage coldBoot, int minRuntimeSvn) {
    /** The image a cold boot accepted. */
    public static LoadedFirmware coldBoot(FwBundle bundle, AcceptedImage accepted, Fuses fuses) {
        return new LoadedFirmware(bundle, accepted, fuses, accepted, accepted.runtimeSvn());
    }

    /** The image an update reset accepted in place of this one. */
    public LoadedFirmware updatedTo(FwBundle newBundle, AcceptedImage newImage) {
        return new LoadedFirmware(newBundle, newImage, fuses, coldBoot, Math.min(minRuntimeSvn, newImage.runtimeSvn()));
    }

    /** The manifest header's pl0_pauser, honoured only when its flags bit 0 is set. */
    public boolean isPl0(int user) {
        return bundle.isPl0(user);
    }

    public int pl0Pauser() {
        return bundle.manifest().pl0Pauser();
    }
}
