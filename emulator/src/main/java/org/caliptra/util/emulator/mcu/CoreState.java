package org.caliptra.util.emulator.mcu;

import java.util.Optional;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.Trng;
import org.caliptra.util.emulator.regs.SocIfc;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.FuseRegisters;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * What the subsystem MCU learns from the Caliptra core or leaves in its registers. On silicon it
 * asks the core runtime through the core mailbox (FW_INFO, RNG) and the core reads fuses the MCU
 * ROM wrote; here the MCU reads the same state directly, so it needs no core mailbox transaction.
 */
final class CoreState {
    /** FW_INFO's fields the MCU's fuse policies use: the running firmware's SVN and the vendor keys that verified it. */
    record FwInfo(int fwSvn, int vendorEccKeyIndex, int vendorPqcKeyIndex, int pqcKeyType) {}

    private final CaliptraFirmware firmware;

    CoreState(CaliptraFirmware firmware) {
        this.firmware = firmware;
    }

    Trng trng() {
        return firmware.trng();
    }

    SocIfc soc() {
        return firmware.soc();
    }

    Lifecycle lifecycle() {
        return firmware.config().lifecycle();
    }

    /** FW_INFO, which only a running core runtime answers. */
    Optional<FwInfo> fwInfo() {
        var image = firmware.acceptedImage();
        if (firmware.phase() != CaliptraFirmware.Phase.RUNTIME || image == null) {
            return Optional.empty();
        }
        return Optional.of(new FwInfo(image.runtimeSvn(), image.vendorEccKeyIndex(), image.vendorPqcKeyIndex(),
                image.pqcKeyType() == null ? 0 : image.pqcKeyType().value()));
    }

    /** Whether the running image was verified with an LMS (rather than ML-DSA) vendor key. */
    static boolean lms(FwInfo info) {
        return info.pqcKeyType() == PqcKeyType.LMS.value();
    }

    /**
     * The vendor PK hash the core booted with, as the MCU's read_vendor_pk_hash sees it: the
     * FUSE_VENDOR_PK_HASH words as little-endian bytes, i.e. in OTP form.
     */
    byte[] bootedVendorPkHash() {
        var fuse = FuseRegisters.get(Generation.V2, FuseRegisters.Name.FUSE_VENDOR_PK_HASH);
        byte[] out = new byte[4 * fuse.words()];
        for (int w = 0; w < fuse.words(); w++) {
            int v = firmware.soc().reg(fuse.offset() + 4 * w);
            out[4 * w] = (byte) v;
            out[4 * w + 1] = (byte) (v >>> 8);
            out[4 * w + 2] = (byte) (v >>> 16);
            out[4 * w + 3] = (byte) (v >>> 24);
        }
        return out;
    }

    /**
     * A core runtime command the MCU relayed failed with {@code code}: the core reports it in
     * CPTRA_FW_ERROR_NON_FATAL, where the SoC reads it.
     */
    void reportCoreError(int code) {
        firmware.soc().setReg(SocIfcRegs.FW_ERROR_NON_FATAL, code);
    }
}
