package org.caliptra.util.cli.device.asymmetric;

import java.nio.file.Path;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.codec.CryptoSizes;

/** Signature files as the signing commands write them, read back for the verify commands. */
final class SignatureFiles {
    private SignatureFiles() {}

    /** An ECDSA P-384 signature: DER ECDSA-Sig-Value (what ecdsa-sign and OpenSSL write) or raw r ‖ s (96 bytes). */
    static EcdsaSignature ecdsa(String option, Path file) {
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.SIGNATURE);
        if (bytes.length == 2 * CryptoSizes.ECC384_SCALAR && bytes[0] != 0x30) {
            return new EcdsaSignature(Octets.of(bytes).slice(0, 48), Octets.of(bytes).slice(48, 48));
        }
        try {
            EccSignature sig = EccSignature.fromDer(bytes);
            return new EcdsaSignature(sig.r(), sig.s());
        } catch (ImageFormatException e) {
            throw new UsageException(option + " " + file + ": neither a DER ECDSA signature nor 96 bytes of r and s ("
                    + bytes.length + " bytes)");
        }
    }

    /** An ML-DSA-87 signature: the 4627 bytes of FIPS 204, or the 4628-byte field with its padding byte. */
    static MldsaSignature mldsa(String option, Path file) {
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.SIGNATURE);
        if (bytes.length == CryptoSizes.MLDSA87_SIGNATURE) {
            return MldsaSignature.of(Octets.of(bytes));
        }
        if (bytes.length == CryptoSizes.MLDSA87_SIGNATURE_SLOT) {
            return new MldsaSignature(Octets.of(bytes));
        }
        throw new UsageException(option + " " + file + ": " + bytes.length + " bytes; an ML-DSA-87 signature is "
                + CryptoSizes.MLDSA87_SIGNATURE + " bytes (or " + CryptoSizes.MLDSA87_SIGNATURE_SLOT + " with its padding byte)");
    }
}
