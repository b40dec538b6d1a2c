package org.caliptra.util.emulator.mcu;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * What the MCU sees of the core's progress, read from soc_ifc as the MCU reads it over AXI, written
 * to the device log as it changes: CPTRA_BOOT_STATUS milestones (visible while debug is unlocked,
 * as on silicon), ready_for_fw and ready_for_runtime, the firmware versions the ROM and FMC write
 * to CPTRA_FW_REV_ID when an image is accepted, and a fatal error in CPTRA_FW_ERROR_FATAL.
 */
final class CoreWatch {
    private final CoreLink core;
    private final DeviceLog log;
    private int bootStatus;
    private int flow;
    private int fatal;
    private int fmcRevision;
    private int runtimeRevision;

    CoreWatch(CoreLink core, DeviceLog log) {
        this.core = core;
        this.log = log;
    }

    void step(long step) {
        int status = core.socIfc(SocIfcRegs.BOOT_STATUS);
        if (status != bootStatus) {
            bootStatus = status;
            log.append(step, DeviceLog.Category.BOOT, String.format("core boot status 0x%X (%d)", status, status));
        }
        int nowFlow = core.socIfc(SocIfcRegs.FLOW_STATUS);
        if (rose(nowFlow, SocIfcRegs.FLOW_READY_FOR_FW)) {
            log.append(step, DeviceLog.Category.BOOT, "core ready for firmware");
        }
        if (rose(nowFlow, SocIfcRegs.FLOW_READY_FOR_RUNTIME)) {
            log.append(step, DeviceLog.Category.BOOT, "core runtime ready");
        }
        flow = nowFlow;
        int fmc = core.socIfc(SocIfcRegs.FW_REV_ID) >>> 16;
        int rt = core.socIfc(SocIfcRegs.FW_REV_ID + 4);
        if (fmc != fmcRevision || rt != runtimeRevision) {
            fmcRevision = fmc;
            runtimeRevision = rt;
            log.append(step, DeviceLog.Category.FW, String.format("core firmware loaded: FMC version 0x%04X, runtime version %d.%d.%d",
                    fmc, rt >>> 24, (rt >>> 16) & 0xFF, rt & 0xFFFF));
        }
        int nowFatal = core.socIfc(SocIfcRegs.FW_ERROR_FATAL);
        if (nowFatal != fatal) {
            fatal = nowFatal;
            if (nowFatal != 0) {
                log.append(step, DeviceLog.Category.ERR, "core fatal error " + CaliptraError.describe(nowFatal, Generation.V2));
            }
        }
    }

    private boolean rose(int now, int bit) {
        return (now & bit) != 0 && (flow & bit) == 0;
    }
}
