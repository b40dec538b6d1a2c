package org.caliptra.util.image.keys;

import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;

/**
 * An ML-DSA-87 signature as Caliptra stores it: the 4627-byte FIPS 204 signature plus one zero
 * pad byte (4628 bytes).
 */
public record MldsaSignature(Octets bytes) {
    public static final int SIZE = 4628;
    public static final int FIPS204_SIZE = 4627;

    public MldsaSignature {
        if (bytes.length() != SIZE) {
            throw new ImageFormatException("ML-DSA-87 signature field: " + bytes.length() + " bytes, expected " + SIZE);
        }
    }

    public static MldsaSignature fromFips204(byte[] signature) {
        if (signature.length != FIPS204_SIZE) {
            throw new ImageFormatException("ML-DSA-87 signature: " + signature.length + " bytes, expected " + FIPS204_SIZE);
        }
        byte[] padded = java.util.Arrays.copyOf(signature, SIZE);
        return new MldsaSignature(Octets.of(padded));
    }

    public byte[] fips204() {
        return bytes.slice(0, FIPS204_SIZE).toByteArray();
    }
}
