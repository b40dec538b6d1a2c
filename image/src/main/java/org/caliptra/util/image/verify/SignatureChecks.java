package org.caliptra.util.image.verify;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;

/**
 * The signature primitives the ROM relies on, each answering VALID, INVALID (the math says no) or
 * MALFORMED (the hardware/driver would refuse the inputs), which the ROM reports differently.
 */
public final class SignatureChecks {
    private SignatureChecks() {}

    /** ECDSA P-384 over a SHA-384 digest. */
    public static Lms.Check ecdsa(EccPublicKey key, byte[] digest, EccSignature sig) {
        final org.bouncycastle.crypto.params.ECPublicKeyParameters params;
        try {
            params = key.toParameters();
        } catch (ImageFormatException e) {
            return Lms.Check.MALFORMED;
        }
        var verifier = new ECDSASigner();
        verifier.init(false, params);
        BigInteger r = sig.rValue();
        BigInteger s = sig.sValue();
        return verifier.verifySignature(digest, r, s) ? Lms.Check.VALID : Lms.Check.INVALID;
    }

    public static Lms.Check lms(LmsPublicKey key, byte[] message, LmsSignature sig) {
        return Lms.verify(key, message, sig);
    }

    /** Pure ML-DSA-87, empty context, over raw bytes; {@code sig} is the 4628-byte field. */
    public static Lms.Check mldsa(Octets key, byte[] message, Octets sig) {
        try {
            var verifier = new MLDSASigner();
            verifier.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, key.toByteArray()));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(sig.slice(0, 4627).toByteArray()) ? Lms.Check.VALID : Lms.Check.INVALID;
        } catch (RuntimeException e) {
            return Lms.Check.MALFORMED;
        }
    }
}
