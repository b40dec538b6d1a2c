package org.caliptra.util.image.sign;

import org.caliptra.util.image.keys.MldsaPublicKey;
import org.caliptra.util.image.keys.MldsaSignature;

/** Pure ML-DSA-87 (FIPS 204, empty context) over raw message bytes. */
public interface MldsaSigner {
    MldsaPublicKey publicKey();

    MldsaSignature sign(byte[] message);
}
