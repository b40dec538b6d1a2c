package org.caliptra.util.cli.image;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.ManifestV1;
import org.caliptra.util.image.bundle.ManifestV2;

/** The two values to burn for a bundle: vendor and owner key hashes (spec/formats.md §1.3). */
record KeyHashes(Octets vendor, Octets owner) {
    static KeyHashes of(FwBundle bundle, byte[] bytes) {
        if (bundle instanceof FwBundle.V1) {
            return new KeyHashes(
                    Sha384.of(bytes, ManifestV1.OFF_VENDOR_ECC_KEYS, ManifestV1.VENDOR_KEYS_END - ManifestV1.OFF_VENDOR_ECC_KEYS),
                    Sha384.of(bytes, ManifestV1.OFF_OWNER_ECC_KEY, ManifestV1.OWNER_KEYS_END - ManifestV1.OFF_OWNER_ECC_KEY));
        }
        return new KeyHashes(
                Sha384.of(bytes, ManifestV2.OFF_ECC_DESCRIPTOR, ManifestV2.VENDOR_DESCRIPTORS_END - ManifestV2.OFF_ECC_DESCRIPTOR),
                Sha384.of(bytes, ManifestV2.OFF_OWNER_ECC_KEY, ManifestV2.OWNER_KEYS_END - ManifestV2.OFF_OWNER_ECC_KEY));
    }
}
