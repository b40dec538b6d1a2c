package org.caliptra.util.image.keys;

import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.generators.MLDSAKeyPairGenerator;
import org.bouncycastle.crypto.params.MLDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.sign.MldsaSigner;
import org.caliptra.util.image.sign.SigningException;

/**
 * An ML-DSA-87 private key (FIPS 204 expanded encoding, 4896 bytes, as Caliptra's tools store
 * it). Never printed.
 */
public final class MldsaPrivateKey {
    public static final int EXPANDED_SIZE = 4896;
    public static final int SEED_SIZE = 32;

    private final MLDSAPrivateKeyParameters key;
    private final MldsaPublicKey publicKey;

    private MldsaPrivateKey(MLDSAPrivateKeyParameters key) {
        this.key = key;
        MLDSAPublicKeyParameters pub = key.getPublicKeyParameters();
        this.publicKey = new MldsaPublicKey(Octets.of(pub.getEncoded()));
    }

    /** From the 4896-byte expanded encoding or a 32-byte seed. */
    public static MldsaPrivateKey fromBytes(byte[] encoding) {
        if (encoding.length != EXPANDED_SIZE && encoding.length != SEED_SIZE) {
            throw new ImageFormatException("ML-DSA-87 private key: " + encoding.length + " bytes, expected "
                    + EXPANDED_SIZE + " (expanded) or " + SEED_SIZE + " (seed)");
        }
        try {
            return new MldsaPrivateKey(new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_87, encoding));
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException("ML-DSA-87 private key is malformed: " + e.getMessage(), e);
        }
    }

    public static MldsaPrivateKey generate(SecureRandom random) {
        var gen = new MLDSAKeyPairGenerator();
        gen.init(new MLDSAKeyGenerationParameters(random, MLDSAParameters.ml_dsa_87));
        return new MldsaPrivateKey((MLDSAPrivateKeyParameters) gen.generateKeyPair().getPrivate());
    }

    public MldsaPublicKey publicKey() {
        return publicKey;
    }

    /** The expanded encoding {@code rho ‖ K ‖ tr ‖ s1 ‖ s2 ‖ t0} (4896 bytes). */
    public byte[] expandedEncoding() {
        return key.getParametersWithFormat(MLDSAPrivateKeyParameters.EXPANDED_KEY).getEncoded();
    }

    /** Pure ML-DSA-87 with an empty context; deterministic (FIPS 204 rnd = 0) so equal inputs sign equally. */
    public MldsaSigner signer() {
        return new MldsaSigner() {
            @Override
            public MldsaPublicKey publicKey() {
                return publicKey;
            }

            @Override
            public MldsaSignature sign(byte[] message) {
                var signer = new MLDSASigner();
                signer.init(true, key);
                signer.update(message, 0, message.length);
                try {
                    return MldsaSignature.fromFips204(signer.generateSignature());
                } catch (CryptoException e) {
                    throw new SigningException("ML-DSA-87 signing failed: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * ML-DSA-87 over an external mu (FIPS 204's μ, 64 bytes, which the caller computed from the
     * message and this key's tr); deterministic as {@link #signer()}.
     */
    public MldsaSignature signMu(byte[] mu) {
        if (mu.length != 64) {
            throw new IllegalArgumentException("an external mu is 64 bytes, got " + mu.length);
        }
        var signer = new MLDSASigner();
        signer.init(true, key);
        try {
            return MldsaSignature.fromFips204(signer.generateMuSignature(mu));
        } catch (CryptoException e) {
            throw new SigningException("ML-DSA-87 signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MldsaPrivateKey[ML-DSA-87]";
    }
}
