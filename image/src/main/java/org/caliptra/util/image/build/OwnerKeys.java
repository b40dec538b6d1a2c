package org.caliptra.util.image.build;

import java.util.Objects;
import org.caliptra.util.image.sign.EccSigner;

/** The owner's signers; {@code pqcSigner} may be null for a 1.x ECC-only bundle. */
public record OwnerKeys(EccSigner eccSigner, PqcSigning pqcSigner) {
    public OwnerKeys {
        Objects.requireNonNull(eccSigner, "eccSigner");
    }
}
