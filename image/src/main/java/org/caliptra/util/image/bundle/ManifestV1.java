package org.caliptra.util.image.bundle;

import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;

/** The Caliptra 1.x "CMAN" manifest (5884 bytes, spec/formats.md §1.1), every field. */
public record ManifestV1(int marker, int size, List<EccPublicKey> vendorEccKeys, List<LmsPublicKey> vendorLmsKeys,
        int vendorEccKeyIndex, int vendorLmsKeyIndex, EccSignature vendorEccSignature, LmsSignature vendorLmsSignature,
        EccPublicKey ownerEccKey, LmsPublicKey ownerLmsKey, EccSignature ownerEccSignature, LmsSignature ownerLmsSignature,
        Octets reserved, ImageHeaderV1 header, TocEntry fmc, TocEntry runtime) implements Manifest {
    public static final int MARKER = 0x4E41_4D43;
    public static final int SIZE = 5884;
    public static final int VENDOR_ECC_KEYS = 4;
    public static final int VENDOR_LMS_KEYS = 32;

    // Offsets (spec/formats.md §1.1)
    public static final int OFF_VENDOR_ECC_KEYS = 0x0008;
    public static final int OFF_VENDOR_LMS_KEYS = 0x0188;
    public static final int OFF_VENDOR_ECC_IDX = 0x0788;
    public static final int OFF_VENDOR_LMS_IDX = 0x078C;
    public static final int OFF_VENDOR_ECC_SIG = 0x0790;
    public static final int OFF_VENDOR_LMS_SIG = 0x07F0;
    public static final int OFF_OWNER_ECC_KEY = 0x0E44;
    public static final int OFF_OWNER_LMS_KEY = 0x0EA4;
    public static final int OFF_OWNER_ECC_SIG = 0x0ED4;
    public static final int OFF_OWNER_LMS_SIG = 0x0F34;
    public static final int OFF_RESERVED = 0x1588;
    public static final int OFF_HEADER = 0x1590;
    public static final int OFF_FMC_TOC = 0x162C;
    public static final int OFF_RT_TOC = 0x1694;
    /** The vendor key hash fuse covers all 4 ECC and 32 LMS keys: [0x0008, 0x0788). */
    public static final int VENDOR_KEYS_END = 0x0788;
    /** The owner key hash covers owner ECC ‖ owner LMS: [0x0E44, 0x0ED4). */
    public static final int OWNER_KEYS_END = 0x0ED4;

    public ManifestV1 {
        vendorEccKeys = List.copyOf(vendorEccKeys);
        vendorLmsKeys = List.copyOf(vendorLmsKeys);
        if (vendorEccKeys.size() != VENDOR_ECC_KEYS || vendorLmsKeys.size() != VENDOR_LMS_KEYS) {
            throw new IllegalArgumentException("a 1.x manifest has 4 vendor ECC and 32 vendor LMS key slots");
        }
    }

    /**
     * Decodes the fields of the first {@value #SIZE} bytes as they are, whatever the marker says
     * (the ROM verifier checks the marker itself).
     */
    public static ManifestV1 decode(byte[] bytes) {
        if (bytes.length < SIZE) {
            throw new IllegalArgumentException("a manifest needs " + SIZE + " bytes, got " + bytes.length);
        }
        return read(bytes);
    }

    static ManifestV1 read(byte[] bytes) {
        var r = new LeReader(bytes);
        var ecc = new ArrayList<EccPublicKey>();
        for (int i = 0; i < VENDOR_ECC_KEYS; i++) {
            ecc.add(EccPublicKey.fromHw(bytes, OFF_VENDOR_ECC_KEYS + i * 96));
        }
        var lms = new ArrayList<LmsPublicKey>();
        for (int i = 0; i < VENDOR_LMS_KEYS; i++) {
            lms.add(LmsPublicKey.read(bytes, OFF_VENDOR_LMS_KEYS + i * 48));
        }
        return new ManifestV1(r.u32(0), r.u32(4), ecc, lms, r.u32(OFF_VENDOR_ECC_IDX), r.u32(OFF_VENDOR_LMS_IDX),
                EccSignature.fromHw(bytes, OFF_VENDOR_ECC_SIG), LmsSignature.read(bytes, OFF_VENDOR_LMS_SIG),
                EccPublicKey.fromHw(bytes, OFF_OWNER_ECC_KEY), LmsPublicKey.read(bytes, OFF_OWNER_LMS_KEY),
                EccSignature.fromHw(bytes, OFF_OWNER_ECC_SIG), LmsSignature.read(bytes, OFF_OWNER_LMS_SIG),
                r.raw(OFF_RESERVED, 8), ImageHeaderV1.read(r, OFF_HEADER), TocEntry.read(r, OFF_FMC_TOC),
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
        for (int i = 0; i < VENDOR_ECC_KEYS; i++) {
            vendorEccKeys.get(i).writeHw(out, OFF_VENDOR_ECC_KEYS + i * 96);
        }
        for (int i = 0; i < VENDOR_LMS_KEYS; i++) {
            vendorLmsKeys.get(i).write(out, OFF_VENDOR_LMS_KEYS + i * 48);
        }
        w.u32(OFF_VENDOR_ECC_IDX, vendorEccKeyIndex);
        w.u32(OFF_VENDOR_LMS_IDX, vendorLmsKeyIndex);
        vendorEccSignature.writeHw(out, OFF_VENDOR_ECC_SIG);
        w.raw(OFF_VENDOR_LMS_SIG, vendorLmsSignature.bytes());
        ownerEccKey.writeHw(out, OFF_OWNER_ECC_KEY);
        ownerLmsKey.write(out, OFF_OWNER_LMS_KEY);
        ownerEccSignature.writeHw(out, OFF_OWNER_ECC_SIG);
        w.raw(OFF_OWNER_LMS_SIG, ownerLmsSignature.bytes());
        w.raw(OFF_RESERVED, reserved);
        header.write(w, OFF_HEADER);
        fmc.write(w, OFF_FMC_TOC);
        runtime.write(w, OFF_RT_TOC);
    }
}
