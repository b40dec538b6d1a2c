package org.caliptra.util.protocol;

/** Which boot ROM judges the image: its manifest format, limits and error codes. */
public enum Generation {
    /** Caliptra 1.x ROM: "CMAN" manifests, 128 KiB images, 128 KiB ICCM. */
    V1(128 * 1024, 128 * 1024),
    /** Caliptra 2.x ROM: "CMN2" manifests, 256 KiB images, 256 KiB ICCM. */
    V2(256 * 1024, 256 * 1024);

    public static final int ICCM_BASE = 0x4000_0000;

    private final int maxImageSize;
    private final int iccmSize;

    Generation(int maxImageSize, int iccmSize) {
        this.maxImageSize = maxImageSize;
        this.iccmSize = iccmSize;
    }

    public int maxImageSize() {
        return maxImageSize;
    }

    public int iccmSize() {
        return iccmSize;
    }
}
