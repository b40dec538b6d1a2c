package org.caliptra.util.image.bundle;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;

/**
 * The Caliptra 2.x "CMN2" manifest (16956 bytes, spec/formats.md §1.2), every field. PQC keys and
 * signatures are kept as their raw slots (2592 / 4628 bytes): LMS uses the first 48 / 1620 bytes,
 * ML-DSA-87 all of the key and 4627 + 1 pad of the signature.
 */
public record ManifestV2(int marker, int size, int pqcKeyType, Octets reserved0, KeyDescriptor eccKeyDescriptor,
        KeyDescriptor pqcKeyDescriptor, int vendorEccKeyIndex, EccPublicKey vendorEccKey, int vendorPqcKeyIndex,
        Octets vendorPqcKey, EccSignature vendorEccSignature, Octets vendorPqcSignature, EccPublicKey ownerEccKey,
        Octets ownerPqcKey, EccSignature ownerEccSignature, Octets ownerPqcSignature, Octets reserved1,
        ImageHeaderV2 header, TocEntry fmc, TocEntry runtime) implements Manifest {
    public static final int MARKER = 0x324E_4D43;
    public static final int SIZE = 16956;
    public static final int PQC_KEY_SLOT = 2592;
    public static final int PQC_SIG_SLOT = 4628;

    public static final int OFF_PQC_KEY_TYPE = 0x0008;
    public static final int OFF_ECC_DESCRIPTOR = 0x000C;
    public static final int OFF_PQC_DESCRIPTOR = 0x00D0;
    public static final int OFF_VENDOR_ECC_IDX = 0x06D4;
    public static final int OFF_VENDOR_ECC_KEY = 0x06D8;
    public static final int OFF_VENDOR_PQC_IDX = 0x0738;
    public static final int OFF_VENDOR_PQC_KEY = 0x073C;
    public static final int OFF_VENDOR_ECC_SIG = 0x115C;
    public static final int OFF_VENDOR_PQC_SIG = 0x11BC;
    public static final int OFF_OWNER_ECC_KEY = 0x23D0;
    public static final int OFF_OWNER_PQC_KEY = 0x2430;
    public static final int OFF_OWNER_ECC_SIG = 0x2E50;
    public static final int OFF_OWNER_PQC_SIG = 0x2EB0;
    public static final int OFF_RESERVED = 0x40C4;
    public static final int OFF_HEADER = 0x40CC;
    public static final int OFF_FMC_TOC = 0x416C;
    public static final int OFF_RT_TOC = 0x41D4;
    /** The vendor key hash fuse covers both descriptors: [0x000C, 0x06D4). */
    public static final int VENDOR_DESCRIPTORS_END = 0x06D4;
    /** The owner key hash covers owner ECC ‖ the whole PQC slot: [0x23D0, 0x2E50). */
    public static final int OWNER_KEYS_END = 0x2E50;

    /**
     * Decodes the fields of the first {@value #SIZE} bytes as they are, whatever the marker says
     * (the ROM verifier checks the marker itself).
     */
    public static ManifestV2 decode(byte[] bytes) {
        if (bytes.length < SIZE) {
            throw new IllegalArgumentException("a manifest needs " + SIZE + " bytes, got " + bytes.length);
        }
        return read(bytes);
    }

    static ManifestV2 read(byte[] bytes) {
        var r = new LeReader(bytes);
        return new ManifestV2(r.u32(0), r.u32(4), r.u8(OFF_PQC_KEY_TYPE), r.raw(0x9, 3),
                KeyDescriptor.read(r, OFF_ECC_DESCRIPTOR, KeyDescriptor.ECC_SLOTS),
                KeyDescriptor.read(r, OFF_PQC_DESCRIPTOR, KeyDescriptor.PQC_SLOTS),
                r.u32(OFF_VENDOR_ECC_IDX), EccPublicKey.fromHw(bytes, OFF_VENDOR_ECC_KEY),
                r.u32(OFF_VENDOR_PQC_IDX), r.raw(OFF_VENDOR_PQC_KEY, PQC_KEY_SLOT),
                EccSignature.fromHw(bytes, OFF_VENDOR_ECC_SIG), r.raw(OFF_VENDOR_PQC_SIG, PQC_SIG_SLOT),
                EccPublicKey.fromHw(bytes, OFF_OWNER_ECC_KEY), r.raw(OFF_OWNER_PQC_KEY, PQC_KEY_SLOT),
                EccSignature.fromHw(bytes, OFF_OWNER_ECC_SIG), r.raw(OFF_OWNER_PQC_SIG, PQC_SIG_SLOT),
                r.raw(OFF_RESERVED, 8), ImageHeaderV2.read(r, OFF_HEADER), TocEntry.read(r, OFF_FMC_TOC),
                TocEntry.read(r, OFF_RT_TOC));
    }

    @Override
    public int encodedSize() {
        return SIZE;
    }

    @Override
    public int headerFlags() {
        return header.flags();
    }

    @Override
    public int pl0Pauser() {
        return header.pl0Pauser();
    }

    @Override
    public Octets[] validityFields() {
        return new Octets[] {header.vendorNotBefore(), header.vendorNotAfter(), header.ownerNotBefore(), header.ownerNotAfter()};
    }

    @Override
    public void write(byte[] out) {
        var w = new LeWriter(out);
        w.u32(0, marker);
        w.u32(4, size);
        w.u8(OFF_PQC_KEY_TYPE, pqcKeyType);
        w.raw(0x9, reserved0);
        eccKeyDescriptor.write(w, OFF_ECC_DESCRIPTOR);
        pqcKeyDescriptor.write(w, OFF_PQC_DESCRIPTOR);
        w.u32(OFF_VENDOR_ECC_IDX, vendorEccKeyIndex);
        vendorEccKey.writeHw(out, OFF_VENDOR_ECC_KEY);
        w.u32(OFF_VENDOR_PQC_IDX, vendorPqcKeyIndex);
        w.raw(OFF_VENDOR_PQC_KEY, vendorPqcKey);
        vendorEccSignature.writeHw(out, OFF_VENDOR_ECC_SIG);
        w.raw(OFF_VENDOR_PQC_SIG, vendorPqcSignature);
        ownerEccKey.writeHw(out, OFF_OWNER_ECC_KEY);
        w.raw(OFF_OWNER_PQC_KEY, ownerPqcKey);
        ownerEccSignature.writeHw(out, OFF_OWNER_ECC_SIG);
        w.raw(OFF_OWNER_PQC_SIG, ownerPqcSignature);
        w.raw(OFF_RESERVED, reserved1);
        header.write(w, OFF_HEADER);
        fmc.write(w, OFF_FMC_TOC);
        runtime.write(w, OFF_RT_TOC);
    }
}
