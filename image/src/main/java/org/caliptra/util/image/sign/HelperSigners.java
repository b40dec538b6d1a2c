package org.caliptra.util.image.sign;

import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.verify.SignatureChecks;
import org.caliptra.util.protocol.Octets;

/**
 * ECC and LMS signers backed by an external sign helper. A helper is a program we do not control,
 * so every signature it returns is verified with the public key the manifest's chain expects
 * before it is used: a wrong key, a wrong digest or a made-up answer fails here, naming the
 * helper, instead of in the device.
 */
public final class HelperSigners {
    private HelperSigners() {}

    /**
     * The helper answers with a DER ECDSA-Sig-Value.
     *
     * @param keyName where {@code publicKey} came from, for the error (e.g. "[owner_fw_key_config] ecc_pub_key own-fw-ecc-pubk.pem")
     */
    public static EccSigner ecc(SignHelper helper, EccPublicKey publicKey, String keyName) {
        return new EccSigner() {
            @Override
            public EccPublicKey publicKey() {
                return publicKey;
            }

            @Override
            public EccSignature signDigest(Sha384Digest digest) {
                EccSignature sig;
                try {
                    sig = EccSignature.fromDer(helper.sign(digest.toByteArray()));
                } catch (ImageFormatException e) {
                    throw new SigningException("sign helper " + helper.describe() + " returned " + e.getMessage(), e);
                }
                if (SignatureChecks.ecdsa(publicKey, digest.toByteArray(), sig) != Lms.Check.VALID) {
                    throw new SigningException("sign helper " + helper.describe() + " returned an ECDSA signature that "
                            + "does not verify with " + keyName + " (wrong key, or not a signature of the digest it was sent)");
                }
                return sig;
            }
        };
    }

    /** The helper answers with the raw 1620-byte LMS signature; {@code keyName} as for {@link #ecc}. */
    public static LmsSigner lms(SignHelper helper, LmsPublicKey publicKey, String keyName) {
        return new LmsSigner() {
            @Override
            public LmsPublicKey publicKey() {
                return publicKey;
            }

            @Override
            public LmsSignature sign(byte[] message) {
                byte[] bytes = helper.sign(message);
                if (bytes.length != LmsSignature.SIZE) {
                    throw new SigningException("sign helper " + helper.describe() + " returned " + bytes.length
                            + " bytes, an LMS signature is " + LmsSignature.SIZE);
                }
                var sig = new LmsSignature(Octets.of(bytes));
                if (Lms.verify(publicKey, message, sig) != Lms.Check.VALID) {
                    throw new SigningException("sign helper " + helper.describe() + " returned an LMS signature that "
                            + "does not verify with " + keyName + " (wrong key, or not a signature of the digest it was sent)");
                }
                return sig;
            }
        };
    }
}
