package org.caliptra.util.cli.device.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.sign.EccSigner;
import org.caliptra.util.image.sign.MldsaSigner;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;

/**
 * An ECDSA P-384 and an ML-DSA-87 key that sign together, as the subsystem's authorized commands,
 * production debug unlock and device ownership transfer want (spec/hostlib.md §6.2; the
 * reference's command-auth-challenge-signer):
 * <ul>
 *   <li>{@link #authorize}: an authorized command's trailer — ECDSA over SHA-384 of the pre-image
 *       ({@code BE32(command code) ‖ fields ‖ challenge}), ML-DSA over its SHA-512;
 *   <li>{@link #signDigests}: ECDSA over SHA-384, ML-DSA over SHA-512 of a message (the debug-unlock
 *       token's {@code udi ‖ level ‖ reserved ‖ challenge});
 *   <li>{@link #signMessage}: a native DOT transcript — ECDSA over SHA-384 of the message, ML-DSA
 *       over the message itself.
 * </ul>
 * The ML-DSA signature is the 4627 bytes of FIPS 204 padded with one zero byte to the 4628-byte field.
 */
public final class HybridSigner {
    private final EccSigner ecc;
    private final MldsaSigner mldsa;

    public HybridSigner(EccSigner ecc, MldsaSigner mldsa) {
        this.ecc = Objects.requireNonNull(ecc, "ecc");
        this.mldsa = Objects.requireNonNull(mldsa, "mldsa");
    }

    public Octets eccX() {
        return ecc.publicKey().x();
    }

    public Octets eccY() {
        return ecc.publicKey().y();
    }

    public Octets mldsaPublicKey() {
        return mldsa.publicKey().bytes();
    }

    /** The authorization anchor of the pair: SHA-384(x ‖ y ‖ ML-DSA public key), what a device's authorization_pk_hash holds. */
    public Octets anchor() {
        return Octets.of(sha("SHA-384", eccX().toByteArray(), eccY().toByteArray(), mldsaPublicKey().toByteArray()));
    }

    /**
     * The DOT key hash of the pair (a LAK or recovery key): SHA-384 of x and y with each 4-byte word
     * reversed (Caliptra's hardware word order), then the ML-DSA public key; also what a
     * production debug-unlock PK hash fuse holds for the pair.
     */
    public Octets dotKeyHash() {
        return Octets.of(sha("SHA-384", HwFormat.reverseEach4(eccX().toByteArray()), HwFormat.reverseEach4(eccY().toByteArray()),
                mldsaPublicKey().toByteArray()));
    }

    /** The trailer of an authorized command whose pre-image ({@code McAuthorization.preImage}) is {@code preImage}. */
    public Trailer authorize(byte[] preImage, Octets challenge) {
        return new Trailer(challenge, eccX(), eccY(), mldsaPublicKey(), signDigests(preImage));
    }

    /** ECDSA over SHA-384({@code message}), ML-DSA-87 over SHA-512({@code message}). */
    public HybridSignature signDigests(byte[] message) {
        return sign(Sha384.digest(message), sha("SHA-512", message));
    }

    /** ECDSA over SHA-384({@code message}), ML-DSA-87 over {@code message} itself. */
    public HybridSignature signMessage(byte[] message) {
        return sign(Sha384.digest(message), message);
    }

    private HybridSignature sign(org.caliptra.util.image.Sha384Digest eccDigest, byte[] mldsaMessage) {
        EccSignature e = ecc.signDigest(eccDigest);
        return new HybridSignature(e.r(), e.s(), mldsa.sign(mldsaMessage).bytes());
    }

    static byte[] sha(String algorithm, byte[]... parts) {
        try {
            var md = MessageDigest.getInstance(algorithm);
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
