package org.caliptra.util.image.flash;

import org.caliptra.util.protocol.Octets;

/**
 * One image in a flash image: its identifier, where it sits, and its bytes (as stored, including
 * the zero padding to 4 bytes that the size field counts).
 *
 * @param filename v3 only (TFTP path, NUL padded on disk); null in v1
 * @param imageChecksum v3 only: stored byte-sum checksum of the image; 0 in v1
 * @param headerChecksum v3 only: stored checksum of the entry's first 80 bytes; 0 in v1
 */
public record FlashEntry(int identifier, int offset, int size, String filename, int imageChecksum, int headerChecksum,
        Octets data) {

    /** Identifiers of the AST27xx "FLSH" v1 layout (ASPEED's MCU runtime id is 3). */
    public static final int V1_CALIPTRA_FW = 1;
    public static final int V1_SOC_MANIFEST = 2;
    public static final int V1_MCU_RUNTIME = 3;
    /** Identifiers of the caliptra-mcu-sw v3 layout. */
    public static final int V3_CALIPTRA_FW = 0;
    public static final int V3_SOC_MANIFEST = 1;
    public static final int V3_MCU_RUNTIME = 2;
    /** SoC images are numbered from here in both layouts. */
    public static final int SOC_IMAGE_BASE = 0x1000;
}
