package org.caliptra.util.emulator.dice;

import java.util.Optional;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;

/**
 * One DICE layer's secrets as the key vault holds them: the layer's CDI and the key pairs derived
 * from it (ECC P-384 always; ML-DSA-87 on 2.x). Neither the CDI nor a private key ever appears in
 * {@link #toString()}.
 */
public final class DiceLayer {
    private final byte[] cdi;
    private final EccPrivateKey eccKey;
    private final java.util.function.Supplier<MldsaPrivateKey> mldsaKey;

    DiceLayer(byte[] cdi, EccPrivateKey eccKey, MldsaPrivateKey mldsaKey) {
        this(cdi, eccKey, mldsaKey == null ? null : () -> mldsaKey);
    }

    /** {@code mldsaKey} is generated when first used: an ECC-only reader never pays for it. */
    DiceLayer(byte[] cdi, EccPrivateKey eccKey, java.util.function.Supplier<MldsaPrivateKey> mldsaKey) {
        this.cdi = cdi.clone();
        this.eccKey = eccKey;
        this.mldsaKey = mldsaKey == null ? null : Lazy.of(mldsaKey);
    }

    byte[] cdi() {
        return cdi.clone();
    }

    public EccPrivateKey eccKey() {
        return eccKey;
    }

    public EccPublicKey eccPublicKey() {
        return eccKey.publicKey();
    }

    /** The ML-DSA-87 key of a 2.x layer; empty on 1.x. */
    public Optional<MldsaPrivateKey> mldsaKey() {
        return mldsaKey == null ? Optional.empty() : Optional.of(mldsaKey.get());
    }

    @Override
    public String toString() {
        return "DiceLayer[" + eccKey + (mldsaKey == null ? "" : ", ML-DSA-87") + "]";
    }
}
