package org.caliptra.util.cli.library;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.MLDSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLDSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;

/**
 * An ECC P-384 + ML-DSA-87 signer built on BouncyCastle's primitives and the JCA's digests alone
 * (nothing of the emulator or of the host library's signing helpers): what the reference's
 * command-auth-challenge-signer does, restated from spec/hostlib.md §6.2, so the device's checks are
 * held against an independent signer. The same approach as the emulator's own test signer.
 */
final class HybridKeys {
    private static final ECDomainParameters P384;

    static {
        var curve = ECNamedCurveTable.getByName("secp384r1");
        P384 = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

    /**
     * The reference's integration key pair (caliptra-util-host/apps/spdm/test-config.toml: the ECC
     * scalar and the ML-DSA seed "caliptra-mcu-testing-mldsa-seed-"), whose anchor a default
     * emulated device trusts for authorized commands.
     */
    static final HybridKeys REFERENCE = fromSecrets(
            HexFormat.of().parseHex("3da9e680aff5a1cea96a3e89810286fb3b3030a9c924ad2f2031a07d294052a97cafa1fc6ea760a43db763ca9f2f7036"),
            "caliptra-mcu-testing-mldsa-seed-".getBytes(StandardCharsets.US_ASCII));

    private final ECPrivateKeyParameters eccPrivate;
    private final Octets x;
    private final Octets y;
    private final MLDSAPrivateKeyParameters mldsaPrivate;
    private final Octets mldsaPublic;

    private HybridKeys(ECPrivateKeyParameters eccPrivate, ECPublicKeyParameters eccPublic, MLDSAPrivateKeyParameters mldsaPrivate) {
        this.eccPrivate = eccPrivate;
        var q = eccPublic.getQ().normalize();
        this.x = Octets.of(fixed(q.getAffineXCoord().toBigInteger()));
        this.y = Octets.of(fixed(q.getAffineYCoord().toBigInteger()));
        this.mldsaPrivate = mldsaPrivate;
        this.mldsaPublic = Octets.of(mldsaPrivate.getPublicKeyParameters().getEncoded());
    }

    static HybridKeys generate() {
        var random = new SecureRandom();
        var ecc = new ECKeyPairGenerator();
        ecc.init(new ECKeyGenerationParameters(P384, random));
        AsymmetricCipherKeyPair eccPair = ecc.generateKeyPair();
        var mldsa = new MLDSAKeyPairGenerator();
        mldsa.init(new MLDSAKeyGenerationParameters(random, MLDSAParameters.ml_dsa_87));
        return new HybridKeys((ECPrivateKeyParameters) eccPair.getPrivate(), (ECPublicKeyParameters) eccPair.getPublic(),
                (MLDSAPrivateKeyParameters) mldsa.generateKeyPair().getPrivate());
    }

    static HybridKeys fromSecrets(byte[] eccScalar, byte[] mldsaSeed) {
        var d = new BigInteger(1, eccScalar);
        var pub = new ECPublicKeyParameters(new FixedPointCombMultiplier().multiply(P384.getG(), d), P384);
        return new HybridKeys(new ECPrivateKeyParameters(d, P384), pub, new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_87,
                mldsaSeed));
    }

    Octets x() {
        return x;
    }

    Octets y() {
        return y;
    }

    /** X ‖ Y, 96 bytes. */
    Octets xy() {
        return Octets.of(concat(x.toByteArray(), y.toByteArray()));
    }

    Octets mldsaPublic() {
        return mldsaPublic;
    }

    /** The authorization anchor: SHA-384(x ‖ y ‖ mldsa). */
    Octets anchor() {
        return Octets.of(sha("SHA-384", x.toByteArray(), y.toByteArray(), mldsaPublic.toByteArray()));
    }

    /** The DOT key hash (spec §6.2 #18): SHA-384 of x and y with every 4-byte word byte-reversed, then the ML-DSA key. */
    Octets dotHash() {
        return Octets.of(sha("SHA-384", reverseWords(x.toByteArray()), reverseWords(y.toByteArray()), mldsaPublic.toByteArray()));
    }

    /** An authorized command's signature: ECDSA over SHA-384(preImage), ML-DSA-87 over SHA-512(preImage). */
    HybridSignature signAuthorized(byte[] preImage) {
        return sign(sha("SHA-384", preImage), sha("SHA-512", preImage));
    }

    /** A native DOT transcript's signature: ECDSA over SHA-384(message), ML-DSA over the message itself. */
    HybridSignature signMessage(byte[] message) {
        return sign(sha("SHA-384", message), message);
    }

    /** The trailer of an authorized command: the nonce, these keys, and their signature over {@code preImage}. */
    Trailer trailer(Octets nonce, byte[] preImage) {
        return new Trailer(nonce, x, y, mldsaPublic, signAuthorized(preImage));
    }

    /** ECDSA over {@code eccDigest}, ML-DSA-87 (empty context) over {@code mldsaMessage}, padded to 4628 bytes. */
    HybridSignature sign(byte[] eccDigest, byte[] mldsaMessage) {
        var ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA384Digest()));
        ecdsa.init(true, eccPrivate);
        BigInteger[] rs = ecdsa.generateSignature(eccDigest);
        var mldsa = new MLDSASigner();
        mldsa.init(true, mldsaPrivate);
        mldsa.update(mldsaMessage, 0, mldsaMessage.length);
        byte[] sig;
        try {
            sig = mldsa.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
        return new HybridSignature(Octets.of(fixed(rs[0])), Octets.of(fixed(rs[1])), Octets.of(Arrays.copyOf(sig, 4628)));
    }

    static byte[] sha(String algorithm, byte[]... parts) {
        try {
            var md = MessageDigest.getInstance(algorithm);
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] reverseWords(byte[] value) {
        byte[] out = new byte[value.length];
        for (int i = 0; i < value.length; i += 4) {
            for (int b = 0; b < 4; b++) {
                out[i + b] = value[i + 3 - b];
            }
        }
        return out;
    }

    static byte[] fixed(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[48];
        int n = Math.min(raw.length, 48);
        System.arraycopy(raw, raw.length - n, out, 48 - n, n);
        return out;
    }
}
