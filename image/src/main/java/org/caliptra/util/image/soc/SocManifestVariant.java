package org.caliptra.util.image.soc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The four SoC manifest layouts (spec/formats.md §3) and the offsets of every field; -1 marks a
 * field a layout does not have.
 */
public enum SocManifestVariant {
    /** Caliptra 1.x "ATMN": preamble 7168, 127 × 56-byte entries, 14284 bytes. */
    V1("soc-manifest-v1", 0x4154_4D4E, 7168, 14284, 48, 1620, 127, false,
            8, -1, -1, 0x0C, 0x10, 0x70, 0xA0, 0x100, 0x754, 0x7B4, 0x7E4, 0x844, -1, -1, 0xE98, 0xEF8, 0x154C, 0x15AC, 0x1C00),
    /** ASPEED's cptra_imgtool re-serialisation: sec_ver and owner SVN signatures added, 16004 bytes, size field still 7168. */
    ASPEED("soc-manifest-aspeed", 0x4154_4D4E, 7168, 16004, 48, 1620, 127, false,
            8, 0x0C, -1, 0x10, 0x14, 0x74, 0xA4, 0x104, 0x758, 0x7B8, 0x7E8, 0x848, 0xE9C, 0xEFC, 0x1550, 0x15B0, 0x1C04,
            0x1C64, 0x22B8),
    /** Caliptra 2.x "ATM2": preamble 24292, 80 × 80-byte entries, 30696 bytes (files may be padded to 30720). */
    V2("soc-manifest-v2", 0x324D_5441, 24292, 30696, 2592, 4628, 80, true,
            8, -1, 0x0C, 0x10, 0x14, 0x74, 0xA94, 0xAF4, 0x1D08, 0x1D68, 0x2788, 0x27E8, -1, -1, 0x39FC, 0x3A5C, 0x4C70,
            0x4CD0, 0x5EE4),
    /** Caliptra 2.x owner-only "OWOM": preamble 12156, 32 × 80-byte entries, 14720 bytes. */
    OWNER("owner-manifest", 0x4D4F_574F, 12156, 14720, 2592, 4628, 32, true,
            8, -1, 0x0C, 0x10, -1, -1, -1, -1, 0x14, 0x74, 0xA94, 0xAF4, -1, -1, -1, -1, 0x1D08, 0x1D68, 0x2F7C);

    private final String kind;
    final int marker;
    final int preambleSize;
    final int totalSize;
    final int pqcKeySize;
    final int pqcSigSize;
    final int slots;
    final boolean v2Entries;
    final int version;
    final int secVer;
    final int svn;
    final int flags;
    final int vendorEccKey;
    final int vendorPqcKey;
    final int vendorKeysEccSig;
    final int vendorKeysPqcSig;
    final int ownerEccKey;
    final int ownerPqcKey;
    final int ownerKeysEccSig;
    final int ownerKeysPqcSig;
    final int svnEccSig;
    final int svnPqcSig;
    final int imcVendorEccSig;
    final int imcVendorPqcSig;
    final int imcOwnerEccSig;
    final int imcOwnerPqcSig;
    final int imc;

    SocManifestVariant(String kind, int marker, int preambleSize, int totalSize, int pqcKeySize, int pqcSigSize, int slots,
            boolean v2Entries, int version, int secVer, int svn, int flags, int vendorEccKey, int vendorPqcKey,
            int vendorKeysEccSig, int vendorKeysPqcSig, int ownerEccKey, int ownerPqcKey, int ownerKeysEccSig,
            int ownerKeysPqcSig, int svnEccSig, int svnPqcSig, int imcVendorEccSig, int imcVendorPqcSig, int imcOwnerEccSig,
            int imcOwnerPqcSig, int imc) {
        this.kind = kind;
        this.marker = marker;
        this.preambleSize = preambleSize;
        this.totalSize = totalSize;
        this.pqcKeySize = pqcKeySize;
        this.pqcSigSize = pqcSigSize;
        this.slots = slots;
        this.v2Entries = v2Entries;
        this.version = version;
        this.secVer = secVer;
        this.svn = svn;
        this.flags = flags;
        this.vendorEccKey = vendorEccKey;
        this.vendorPqcKey = vendorPqcKey;
        this.vendorKeysEccSig = vendorKeysEccSig;
        this.vendorKeysPqcSig = vendorKeysPqcSig;
        this.ownerEccKey = ownerEccKey;
        this.ownerPqcKey = ownerPqcKey;
        this.ownerKeysEccSig = ownerKeysEccSig;
        this.ownerKeysPqcSig = ownerKeysPqcSig;
        this.svnEccSig = svnEccSig;
        this.svnPqcSig = svnPqcSig;
        this.imcVendorEccSig = imcVendorEccSig;
        this.imcVendorPqcSig = imcVendorPqcSig;
        this.imcOwnerEccSig = imcOwnerEccSig;
        this.imcOwnerPqcSig = imcOwnerPqcSig;
        this.imc = imc;
    }

    /** As the CLI reports it: "soc-manifest-v1", "soc-manifest-aspeed", "soc-manifest-v2", "owner-manifest". */
    public String kind() {
        return kind;
    }

    public int marker() {
        return marker;
    }

    public int totalSize() {
        return totalSize;
    }

    public int preambleSize() {
        return preambleSize;
    }

    public int slots() {
        return slots;
    }

    public boolean hasVendor() {
        return vendorEccKey >= 0;
    }

    public boolean isCaliptra2() {
        return v2Entries;
    }

    /** The layout a file holds, from its marker and length; null if it is no SoC manifest. */
    public static SocManifestVariant detect(byte[] bytes) {
        if (bytes.length < 4) {
            return null;
        }
        int m = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (m == V1.marker) {
            return bytes.length >= ASPEED.totalSize ? ASPEED : V1;
        }
        if (m == V2.marker) {
            return V2;
        }
        if (m == OWNER.marker) {
            return OWNER;
        }
        return null;
    }
}
