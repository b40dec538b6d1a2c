package org.caliptra.util.image.bundle;

/** What every firmware manifest generation has: a size, two TOC entries, and its encoding. */
public sealed interface Manifest permits ManifestV1, ManifestV2 {
    /** The manifest's size field as stored (checked by the ROM against the generation's size). */
    int size();

    /** How many bytes the manifest occupies in a bundle. */
    int encodedSize();

    TocEntry fmc();

    TocEntry runtime();

    /** Writes every field into {@code out} from offset 0. */
    void write(byte[] out);
}
