package org.caliptra.util.emulator.regs;

import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.protocol.regs.MciRegs;

/**
 * The part of the MCI register block the emulator models (spec/device.md §1.7): the MCU firmware's
 * error registers, through which a failed MC_* command's cause reaches the SoC, as on hardware.
 * Other offsets of the block are bus faults. Not thread-safe: owned by the device thread.
 */
public final class MciRegisters {
    private final int base;
    private int fwErrorFatal;
    private int fwErrorNonFatal;

    public MciRegisters(int base) {
        this.base = base;
    }

    public int socRead(int offset) {
        return switch (offset) {
            case MciRegs.FW_ERROR_FATAL -> fwErrorFatal;
            case MciRegs.FW_ERROR_NON_FATAL -> fwErrorNonFatal;
            default -> throw unmapped(offset);
        };
    }

    /** The registers are read/write to SoC agents too (a SoC may clear them). */
    public void socWrite(int offset, int value) {
        switch (offset) {
            case MciRegs.FW_ERROR_FATAL -> fwErrorFatal = value;
            case MciRegs.FW_ERROR_NON_FATAL -> fwErrorNonFatal = value;
            default -> throw unmapped(offset);
        }
    }

    // ---- MCU side ----------------------------------------------------------------------------

    public void setFwErrorNonFatal(int code) {
        fwErrorNonFatal = code;
    }

    public void setFwErrorFatal(int code) {
        fwErrorFatal = code;
    }

    private BusFaultException unmapped(int offset) {
        return new BusFaultException(String.format("no modelled MCI register at SoC address 0x%08X (MCI offset 0x%03X)",
                base + offset, offset));
    }
}
