package org.caliptra.util.image.build;

import java.util.List;
import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.sign.EccSigner;

/**
 * The vendor's keys for a bundle: every public key slot the manifest (1.x) or key descriptors
 * (2.x) carry, which slot is active, and signers for the active slot.
 *
 * @param eccKeys up to 4 public keys (1.x pads to 4 with zero keys; 2.x counts them)
 * @param pqcKeys LMS (48-byte) keys, up to 32, or ML-DSA-87 (2592-byte) keys, up to 4
 * @param pqcSigner may be null for a 1.x ECC-only bundle (LMS fields stay zero)
 */
public record VendorKeys(List<EccPublicKey> eccKeys, int eccIndex, EccSigner eccSigner, List<Octets> pqcKeys,
        int pqcIndex, PqcSigning pqcSigner) {
    public VendorKeys {
        eccKeys = List.copyOf(eccKeys);
        pqcKeys = List.copyOf(pqcKeys);
        Objects.requireNonNull(eccSigner, "eccSigner");
    }
}
