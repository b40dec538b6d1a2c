package org.caliptra.util.cli.device.auth;

import java.nio.file.Path;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;

/** An ECC P-384 and ML-DSA-87 key pair named by two files, as image keygen writes them. */
public final class KeyPairFiles {
    private KeyPairFiles() {}

    /** The public halves: the ECC point and the ML-DSA key (a private key file gives its public key too). */
    public record PublicKeys(Octets x, Octets y, Octets mldsa) {
        /** The DOT key hash: SHA-384 of x and y with each 4-byte word reversed, then the ML-DSA key. */
        public Octets dotKeyHash() {
            return Octets.of(HybridSigner.sha("SHA-384", HwFormat.reverseEach4(x.toByteArray()), HwFormat.reverseEach4(y.toByteArray()),
                    mldsa.toByteArray()));
        }
    }

    public static PublicKeys publicKeys(Path ecc, Path mldsa) {
        var e = KeyFiles.readEccPublic(ecc);
        return new PublicKeys(e.x(), e.y(), KeyFiles.readMldsaPublic(mldsa).bytes());
    }

    public static HybridSigner signer(Path ecc, Path mldsa) {
        return new HybridSigner(KeyFiles.readEccPrivate(ecc).signer(), KeyFiles.readMldsaPrivate(mldsa).signer());
    }
}
