package org.caliptra.util.image.bundle;

import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;

/**
 * A table-of-contents entry (104 bytes): {@code id, image_type, revision[20], version,
 * svn, reserved, load_addr, entry_point, offset, size, digest[48]}. In 2.x the svn word is
 * reserved (the firmware SVN lives in the header); it is kept so any file round-trips.
 * The digest is held in standard byte order; the file stores it in hw format.
 */
public record TocEntry(int id, int imageType, Octets revision, int version, int svn, int reserved,
        int loadAddress, int entryPoint, int offset, int size, Octets digest) {
    public static final int SIZE = 104;
    public static final int FMC_ID = 1;
    public static final int RUNTIME_ID = 2;
    public static final int EXECUTABLE = 1;

    public TocEntry {
        if (revision.length() != 20 || digest.length() != 48) {
            throw new IllegalArgumentException("TOC revision is 20 bytes and digest 48");
        }
    }

    static TocEntry read(LeReader r, int base) {
        return new TocEntry(r.u32(base), r.u32(base + 4), r.raw(base + 8, 20), r.u32(base + 28), r.u32(base + 32),
                r.u32(base + 36), r.u32(base + 40), r.u32(base + 44), r.u32(base + 48), r.u32(base + 52),
                HwFormat.read(r.bytes(), base + 56, 48));
    }

    void write(LeWriter w, int base) {
        w.u32(base, id);
        w.u32(base + 4, imageType);
        w.raw(base + 8, revision);
        w.u32(base + 28, version);
        w.u32(base + 32, svn);
        w.u32(base + 36, reserved);
        w.u32(base + 40, loadAddress);
        w.u32(base + 44, entryPoint);
        w.u32(base + 48, offset);
        w.u32(base + 52, size);
        HwFormat.write(digest, w.bytes(), base + 56);
    }

    public TocEntry withDigest(Octets newDigest) {
        return new TocEntry(id, imageType, revision, version, svn, reserved, loadAddress, entryPoint, offset, size, newDigest);
    }
}
