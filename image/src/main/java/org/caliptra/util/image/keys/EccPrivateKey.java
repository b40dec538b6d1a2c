package org.caliptra.util.image.keys;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.sign.EccSigner;

/**
 * An ECC P-384 private key. Its scalar never appears in {@link #toString()} or in any message.
 */
public final class EccPrivateKey {
    private final BigInteger d;
    private final EccPublicKey publicKey;

    EccPrivateKey(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(P384.DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("ECC private scalar out of range");
        }
        this.d = d;
        this.publicKey = EccPublicKey.fromPoint(new FixedPointCombMultiplier().multiply(P384.DOMAIN.getG(), d));
    }

    public static EccPrivateKey generate(SecureRandom random) {
        BigInteger n = P384.DOMAIN.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        return new EccPrivateKey(d);
    }

    /**
     * A key derived from secret seed material (at least 48 bytes, e.g. a KDF output): the scalar
     * is {@code seed mod (n − 1) + 1}, so every seed gives a valid key and equal seeds equal keys.
     */
    public static EccPrivateKey fromSeed(byte[] seed) {
        if (seed.length < 48) {
            throw new IllegalArgumentException("an ECC key seed needs at least 48 bytes, got " + seed.length);
        }
        BigInteger nMinusOne = P384.DOMAIN.getN().subtract(BigInteger.ONE);
        return new EccPrivateKey(new BigInteger(1, seed).mod(nMinusOne).add(BigInteger.ONE));
    }

    /**
     * The key whose scalar is these 48 big-endian bytes, as a key vault holds it.
     *
     * @throws IllegalArgumentException if the scalar is zero or not below the group order
     */
    public static EccPrivateKey fromScalar(byte[] scalar) {
        if (scalar.length != P384.SIZE) {
            throw new IllegalArgumentException("an ECC P-384 scalar is 48 bytes, got " + scalar.length);
        }
        return new EccPrivateKey(new BigInteger(1, scalar));
    }

    /** True if these 48 big-endian bytes are a valid P-384 private scalar (1 ≤ d < n). */
    public static boolean isValidScalar(byte[] scalar) {
        var d = new BigInteger(1, scalar);
        return scalar.length == P384.SIZE && d.signum() > 0 && d.compareTo(P384.DOMAIN.getN()) < 0;
    }

    public EccPublicKey publicKey() {
        return publicKey;
    }

    BigInteger scalar() {
        return d;
    }

    /**
     * A signer over SHA-384 digests. Deterministic (RFC 6979) unless {@code random} is given, so
     * equal inputs give equal signatures.
     */
    public EccSigner signer(SecureRandom random) {
        var key = new ECPrivateKeyParameters(d, P384.DOMAIN);
        return new EccSigner() {
            @Override
            public EccPublicKey publicKey() {
                return publicKey;
            }

            @Override
            public EccSignature signDigest(Sha384Digest digest) {
                ECDSASigner ecdsa = random == null
                        ? new ECDSASigner(new HMacDSAKCalculator(new SHA384Digest()))
                        : new ECDSASigner();
                ecdsa.init(true, random == null ? key : new ParametersWithRandom(key, random));
                BigInteger[] rs = ecdsa.generateSignature(digest.toByteArray());
                return EccSignature.of(rs[0], rs[1]);
            }
        };
    }

    public EccSigner signer() {
        return signer(null);
    }

    @Override
    public String toString() {
        return "EccPrivateKey[P-384, public x=" + publicKey.x().hex().substring(0, 16) + "…]";
    }
}
