package org.caliptra.util.image.sign;

import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;

/** ECC and LMS signers backed by an external sign helper; the public key comes from configuration. */
public final class HelperSigners {
    private HelperSigners() {}

    /** The helper answers with a DER ECDSA-Sig-Value. */
    public static EccSigner ecc(SignHelper helper, EccPublicKey publicKey) {
        return new EccSigner() {
            @Override
            public EccPublicKey publicKey() {
                return publicKey;
            }

            @Override
            public EccSignature signDigest(Sha384Digest digest) {
                try {
                    return EccSignature.fromDer(helper.sign(digest.toByteArray()));
                } catch (org.caliptra.util.image.ImageFormatException e) {
                    throw new SigningException("sign helper " + helper.describe() + " returned " + e.getMessage(), e);
                }
            }
        };
    }

    /** The helper answers with the raw 1620-byte LMS signature. */
    public static LmsSigner lms(SignHelper helper, LmsPublicKey publicKey) {
        return new LmsSigner() {
            @Override
            public LmsPublicKey publicKey() {
                return publicKey;
            }

            @Override
            public LmsSignature sign(byte[] message) {
                byte[] sig = helper.sign(message);
                if (sig.length != LmsSignature.SIZE) {
                    throw new SigningException("sign helper " + helper.describe() + " returned " + sig.length
                            + " bytes, an LMS signature is " + LmsSignature.SIZE);
                }
                return new LmsSignature(Octets.of(sig));
            }
        };
    }
}
