package org.caliptra.util.image.bundle;

import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;

/**
 * The 1.x manifest header (156 bytes at 0x1590). The vendor signs its first 116 bytes, the owner
 * all 156 (spec/formats.md §1.3).
 */
public record ImageHeaderV1(Octets revision, int vendorEccKeyIndex, int vendorLmsKeyIndex, int flags, int tocLength,
        int pl0Pauser, Octets tocDigest, Octets vendorNotBefore, Octets vendorNotAfter, Octets vendorReserved,
        Octets ownerNotBefore, Octets ownerNotAfter, Octets ownerEpoch, Octets ownerReserved) {
    public static final int SIZE = 156;
    public static final int VENDOR_SIGNED = 116;

    static ImageHeaderV1 read(LeReader r, int b) {
        return new ImageHeaderV1(r.raw(b, 8), r.u32(b + 8), r.u32(b + 12), r.u32(b + 16), r.u32(b + 20), r.u32(b + 24),
                HwFormat.read(r.bytes(), b + 28, 48), r.raw(b + 76, 15), r.raw(b + 91, 15), r.raw(b + 106, 10),
                r.raw(b + 116, 15), r.raw(b + 131, 15), r.raw(b + 146, 2), r.raw(b + 148, 8));
    }

    void write(LeWriter w, int b) {
        w.raw(b, revision);
        w.u32(b + 8, vendorEccKeyIndex);
        w.u32(b + 12, vendorLmsKeyIndex);
        w.u32(b + 16, flags);
        w.u32(b + 20, tocLength);
        w.u32(b + 24, pl0Pauser);
        HwFormat.write(tocDigest, w.bytes(), b + 28);
        w.raw(b + 76, vendorNotBefore);
        w.raw(b + 91, vendorNotAfter);
        w.raw(b + 106, vendorReserved);
        w.raw(b + 116, ownerNotBefore);
        w.raw(b + 131, ownerNotAfter);
        w.raw(b + 146, ownerEpoch);
        w.raw(b + 148, ownerReserved);
    }

    public ImageHeaderV1 withTocDigest(Octets digest) {
        return new ImageHeaderV1(revision, vendorEccKeyIndex, vendorLmsKeyIndex, flags, tocLength, pl0Pauser, digest,
                vendorNotBefore, vendorNotAfter, vendorReserved, ownerNotBefore, ownerNotAfter, ownerEpoch, ownerReserved);
    }
}
