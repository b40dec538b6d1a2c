package org.caliptra.util.image.io;

/**
 * The most bytes an input of one kind can hold, and why: an input larger than its format can
 * describe is refused by its size, before a byte of it is read.
 *
 * @param what the kind of input, as an error names it: "a firmware bundle", "a key file"
 * @param maxBytes the largest such input that can be well formed
 * @param why where the limit comes from, e.g. "a 16956-byte manifest and the 256 KiB ICCM"
 */
public record InputLimit(String what, long maxBytes, String why) {
    public InputLimit {
        if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an input limit must fit in one Java array: " + maxBytes);
        }
    }

    /** "a firmware bundle is at most 279296 bytes (why)". */
    public String describe() {
        return what + " is at most " + maxBytes + " bytes (" + why + ")";
    }
}
