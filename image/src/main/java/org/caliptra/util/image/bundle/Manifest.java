package org.caliptra.util.image.bundle;

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

    /** Writes every field into {@code out} from offset 0. */
    void write(byte[] out);
}
