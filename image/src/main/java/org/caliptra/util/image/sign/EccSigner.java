package org.caliptra.util.image.sign;

import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;

/** Signs SHA-384 digests with an ECC P-384 key held somewhere: a file, a helper process, a token. */
public interface EccSigner {
    EccPublicKey publicKey();

    /** ECDSA P-384 over a SHA-384 digest; the type guarantees it is one (48 bytes), not a message. */
    EccSignature signDigest(Sha384Digest digest);
}
