package org.caliptra.util.image.sign;

import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;

/** Signs messages (Caliptra signs 48-byte SHA-384 digests) with an LMS_SHA256_M24_H15 key. */
public interface LmsSigner {
    LmsPublicKey publicKey();

    LmsSignature sign(byte[] message);
}
