package org.caliptra.util.soc;

/**
 * libcaliptra's own error codes (its {@code caliptra_enums.h}; spec/device.md §6.2): what the SoC
 * side reports when the failure is in the protocol, not in Caliptra's firmware.
 */
public enum LibcaliptraError {
    INVALID_PARAMS(0x100),
    API_INTERNAL_ERROR(0x101),
    REG_ACCESS_ERROR(0x102),
    PAUSER_LOCKED(0x103),
    FW_LOAD_NOT_IN_PROGRESS(0x104),
    NOT_READY_FOR_FUSES(0x200),
    STILL_READY_FOR_FUSES(0x201),
    MBX_BUSY(0x300),
    MBX_NO_MSG_PENDING(0x301),
    MBX_COMPLETE_NOT_READY(0x302),
    MBX_STATUS_FAILED(0x303),
    MBX_STATUS_UNKNOWN(0x304),
    MBX_STATUS_NOT_IDLE(0x305),
    MBX_RESP_NO_HEADER(0x306),
    MBX_RESP_CHKSUM_INVALID(0x307),
    MBX_RESP_FIPS_NOT_APPROVED(0x308),
    IDEV_CSR_NOT_READY(0x400);

    private final int code;

    LibcaliptraError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
