package org.caliptra.util.emulator.mcu;

import org.bouncycastle.crypto.digests.SHA512Digest;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.verify.SignatureChecks;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;

/**
 * The hybrid (ECDSA P-384 + ML-DSA-87) checks and key hashes of the subsystem MCU
 * (caliptra-mcu-sw device_ops.rs). The reference asks the Caliptra core's ECDSA384 and MLDSA87
 * verify commands; the emulated MCU runs the same primitives directly.
 */
final class HybridSignatures {
    /** Which leg failed, if any: the reference checks ECDSA first and stops at the first failure. */
    enum Check { VALID, ECC_INVALID, MLDSA_INVALID }

    private HybridSignatures() {}

    /**
     * ECDSA over {@code eccDigest} (a SHA-384) and pure ML-DSA-87 (empty context) over
     * {@code mldsaMessage}; the ML-DSA field's padding byte is not part of the signature.
     */
    static Check verify(Octets eccX, Octets eccY, Octets mldsaPub, HybridSignature sig, byte[] eccDigest, byte[] mldsaMessage) {
        var ecc = SignatureChecks.ecdsa(new EccPublicKey(eccX, eccY), eccDigest, new EccSignature(sig.eccSigR(), sig.eccSigS()));
        if (ecc != Lms.Check.VALID) {
            return Check.ECC_INVALID;
        }
        return SignatureChecks.mldsa(mldsaPub, mldsaMessage, sig.mldsaSig()) == Lms.Check.VALID ? Check.VALID : Check.MLDSA_INVALID;
    }

    /**
     * A native DOT transcript (unlock, override): ECDSA over SHA-384(message), ML-DSA over the raw
     * message (the reference's verify_hybrid_message).
     */
    static Check verifyMessage(Octets eccX, Octets eccY, Octets mldsaPub, HybridSignature sig, byte[] message) {
        return verify(eccX, eccY, mldsaPub, sig, Sha384.of(message).toByteArray(), message);
    }

    /** The authorization anchor of a key pair: SHA-384(x ‖ y ‖ mldsa), coordinates as sent. */
    static byte[] anchor(Octets eccX, Octets eccY, Octets mldsaPub) {
        return Sha384.of(concat(eccX.toByteArray(), eccY.toByteArray(), mldsaPub.toByteArray())).toByteArray();
    }

    /**
     * A DOT key hash (LAK, recovery key): SHA-384 of the ECC coordinates in Caliptra's hardware
     * word order (each 4-byte group reversed) and the ML-DSA key as sent.
     */
    static byte[] dotKeyHash(Octets eccX, Octets eccY, Octets mldsaPub) {
        return Sha384.of(concat(HwFormat.reverseEach4(eccX.toByteArray()), HwFormat.reverseEach4(eccY.toByteArray()),
                mldsaPub.toByteArray())).toByteArray();
    }

    static byte[] sha512(byte[] data) {
        var digest = new SHA512Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
