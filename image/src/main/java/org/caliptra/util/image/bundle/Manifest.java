package org.caliptra.util.image.bundle;

import org.caliptra.util.protocol.Octets;

/** What every firmware manifest generation has: a size, two TOC entries, and its encoding. */
public sealed interface Manifest permits ManifestV1, ManifestV2 {
    /** The manifest's size field as stored (checked by the ROM against the generation's size). */
    int size();

    /** How many bytes the manifest occupies in a bundle. */
    int encodedSize();

    TocEntry fmc();

    TocEntry runtime();

    /** The header's flags; bit 0 says whether {@link #pl0Pauser()} is honoured (spec/formats.md §1.1). */
    int headerFlags();

    /** The header's pl0_pauser as stored, whether or not flags bit 0 makes it PL0. */
    int pl0Pauser();

    /**
     * The validity the FMC and RT alias certificates take from this manifest (spec/device.md §5.2):
     * the owner's not_before/not_after when both are set (not all zero), else the vendor's when both
     * are set, else empty. Each is a 15-byte GeneralizedTime string such as "20230101000000Z".
     */
    default java.util.Optional<Octets[]> certValidity() {
        Octets[] v = validityFields();
        if (!v[2].isZero() && !v[3].isZero()) {
            return java.util.Optional.of(new Octets[] {v[2], v[3]});
        }
        if (!v[0].isZero() && !v[1].isZero()) {
            return java.util.Optional.of(new Octets[] {v[0], v[1]});
        }
        return java.util.Optional.empty();
    }

    /** Vendor not_before, vendor not_after, owner not_before, owner not_after, as stored. */
    Octets[] validityFields();

    /** Writes every field into {@code out} from offset 0. */
    void write(byte[] out);
}
