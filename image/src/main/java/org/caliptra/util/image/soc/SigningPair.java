package org.caliptra.util.image.soc;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.sign.EccSigner;

/**
 * An ECC signer and a PQC signer that sign the same span; either may be absent (that signature
 * field then stays zero, as the reference tools leave it when a key is not configured).
 */
public record SigningPair(EccSigner ecc, PqcSigning pqc) {
    public static final SigningPair NONE = new SigningPair(null, null);

    EccSignature eccSign(byte[] span) {
        return ecc == null ? EccSignature.zero() : ecc.signDigest(Sha384.digest(span));
    }

    /** LMS signs the SHA-384 of the span, ML-DSA-87 the span itself; padded to {@code slot} bytes. */
    Octets pqcSign(byte[] span, int slot) {
        byte[] out = new byte[slot];
        if (pqc instanceof PqcSigning.Lms lms) {
            lms.signer().sign(Sha384.of(span).toByteArray()).bytes().copyTo(out, 0);
        } else if (pqc instanceof PqcSigning.Mldsa mldsa) {
            mldsa.signer().sign(span).bytes().copyTo(out, 0);
        }
        return Octets.of(out);
    }
}
