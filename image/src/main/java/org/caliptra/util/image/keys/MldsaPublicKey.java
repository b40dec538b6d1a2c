package org.caliptra.util.image.keys;

import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;

/** An ML-DSA-87 public key: the raw FIPS 204 encoding {@code rho ‖ t1} (2592 bytes). */
public record MldsaPublicKey(Octets bytes) {
    public static final int SIZE = 2592;

    public MldsaPublicKey {
        if (bytes.length() != SIZE) {
            throw new ImageFormatException("ML-DSA-87 public key: " + bytes.length() + " bytes, expected " + SIZE);
        }
    }

    public MLDSAPublicKeyParameters toParameters() {
        return new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, bytes.toByteArray());
    }
}
