package org.caliptra.util.emulator.firmware;

import org.caliptra.util.emulator.regs.SocIfc;
import org.caliptra.util.protocol.core.InfoCommands.FipsVersion;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/** What the ROM and the runtime both say about the device. */
public final class Identity {
    private Identity() {}

    /** VERSION: the revision registers as they read now. */
    public static FipsVersion fipsVersion(SocIfc soc) {
        return new FipsVersion(FipsVersion.MODE_FIPS, soc.reg(SocIfcRegs.HW_REV_ID), soc.reg(SocIfcRegs.FW_REV_ID),
                soc.reg(SocIfcRegs.FW_REV_ID + 4), FipsVersion.NAME);
    }
}
