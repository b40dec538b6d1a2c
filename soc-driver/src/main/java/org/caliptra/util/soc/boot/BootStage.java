package org.caliptra.util.soc.boot;

/** The stages of a boot, in order, with the names reports print. */
public enum BootStage {
    /** Fuse registers written and CPTRA_FUSE_WR_DONE set; ready_for_fuses must drop. */
    FUSES("fuses"),
    /**
     * Only when the plan requests the IDevID CSR: the ROM must set idevid_csr_ready; the SoC reads
     * DLEN and DATAOUT and clears CPTRA_DBG_MANUF_SERVICE_REG[0].
     */
    IDEVID_CSR("idevid-csr"),
    /** CPTRA_BOOTFSM_GO set; the ROM must reach ready_for_fw. */
    ROM("rom"),
    /** FIRMWARE_LOAD with the bundle; the ROM must answer CMD_COMPLETE. */
    FIRMWARE_LOAD("firmware-load"),
    /** FMC and runtime must reach ready_for_runtime. */
    RUNTIME("runtime"),
    /** SET_AUTH_MANIFEST with the SoC manifest. */
    SET_AUTH_MANIFEST("set-auth-manifest"),
    /** AUTHORIZE_AND_STASH for one SoC image. */
    AUTHORIZE("authorize");

    private final String label;

    BootStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
