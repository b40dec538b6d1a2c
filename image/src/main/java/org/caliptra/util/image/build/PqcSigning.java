package org.caliptra.util.image.build;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.sign.LmsSigner;
import org.caliptra.util.image.sign.MldsaSigner;

/** The post-quantum half of a signing key pair: LMS or ML-DSA-87. */
public sealed interface PqcSigning {
    PqcKeyType type();

    /** The public key as a manifest stores it (LMS 48 bytes, ML-DSA 2592). */
    Octets publicKeyBytes();

    record Lms(LmsSigner signer) implements PqcSigning {
        public PqcKeyType type() {
            return PqcKeyType.LMS;
        }

        public Octets publicKeyBytes() {
            return Octets.of(signer.publicKey().toBytes());
        }
    }

    record Mldsa(MldsaSigner signer) implements PqcSigning {
        public PqcKeyType type() {
            return PqcKeyType.MLDSA;
        }

        public Octets publicKeyBytes() {
            return signer.publicKey().bytes();
        }
    }
}
