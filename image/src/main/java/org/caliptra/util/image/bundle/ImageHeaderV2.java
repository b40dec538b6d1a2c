package org.caliptra.util.image.bundle;

import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;

/**
 * The 2.x manifest header (160 bytes at 0x40CC), with the single firmware SVN. The vendor signs
 * its first 120 bytes, the owner all 160.
 */
public record ImageHeaderV2(Octets revision, int vendorEccKeyIndex, int vendorPqcKeyIndex, int flags, int tocLength,
        int pl0Pauser, Octets tocDigest, int svn, Octets vendorNotBefore, Octets vendorNotAfter, Octets vendorReserved,
        Octets ownerNotBefore, Octets ownerNotAfter, Octets ownerReserved) {
    public static final int SIZE = 160;
    public static final int VENDOR_SIGNED = 120;

    static ImageHeaderV2 read(LeReader r, int b) {
        return new ImageHeaderV2(r.raw(b, 8), r.u32(b + 8), r.u32(b + 12), r.u32(b + 16), r.u32(b + 20), r.u32(b + 24),
                HwFormat.read(r.bytes(), b + 28, 48), r.u32(b + 76), r.raw(b + 80, 15), r.raw(b + 95, 15),
                r.raw(b + 110, 10), r.raw(b + 120, 15), r.raw(b + 135, 15), r.raw(b + 150, 10));
    }

    void write(LeWriter w, int b) {
        w.raw(b, revision);
        w.u32(b + 8, vendorEccKeyIndex);
        w.u32(b + 12, vendorPqcKeyIndex);
        w.u32(b + 16, flags);
        w.u32(b + 20, tocLength);
        w.u32(b + 24, pl0Pauser);
        HwFormat.write(tocDigest, w.bytes(), b + 28);
        w.u32(b + 76, svn);
        w.raw(b + 80, vendorNotBefore);
        w.raw(b + 95, vendorNotAfter);
        w.raw(b + 110, vendorReserved);
        w.raw(b + 120, ownerNotBefore);
        w.raw(b + 135, ownerNotAfter);
        w.raw(b + 150, ownerReserved);
    }

    public ImageHeaderV2 withTocDigest(Octets digest) {
        return new ImageHeaderV2(revision, vendorEccKeyIndex, vendorPqcKeyIndex, flags, tocLength, pl0Pauser, digest, svn,
                vendorNotBefore, vendorNotAfter, vendorReserved, ownerNotBefore, ownerNotAfter, ownerReserved);
    }
}
