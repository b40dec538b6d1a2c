package org.caliptra.util.protocol;

/**
 * A Caliptra generation: which boot ROM judges an image (manifest format, limits, error codes) and
 * how large its mailbox is (spec/device.md §2.5).
 */
public enum Generation {
    /** Caliptra 1.x: "CMAN" manifests, 128 KiB images, 128 KiB ICCM, 128 KiB mailbox. */
    V1(128 * 1024, 128 * 1024, 128 * 1024, "1.x"),
    /** Caliptra 2.x: "CMN2" manifests, 256 KiB images, 256 KiB ICCM, 256 KiB mailbox (passive mode). */
    V2(256 * 1024, 256 * 1024, 256 * 1024, "2.x");

    public static final int ICCM_BASE = 0x4000_0000;

    private final int maxImageSize;
    private final int iccmSize;
    private final int mailboxSize;
    private final String label;

    Generation(int maxImageSize, int iccmSize, int mailboxSize, String label) {
        this.maxImageSize = maxImageSize;
        this.iccmSize = iccmSize;
        this.mailboxSize = mailboxSize;
        this.label = label;
    }

    public int maxImageSize() {
        return maxImageSize;
    }

    public int iccmSize() {
        return iccmSize;
    }

    /** Core mailbox SRAM of a passive-mode part, which bounds DLEN. */
    public int mailboxSize() {
        return mailboxSize;
    }

    /** "1.x" or "2.x". */
    public String label() {
        return label;
    }
}
