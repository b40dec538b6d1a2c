package org.caliptra.util.emulator.runtime.cm;

import java.math.BigInteger;
import org.caliptra.util.emulator.dice.DiceCrypto;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.verify.SignatureChecks;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.error.CaliptraError.DRIVER_ECC384_SCALAR_RANGE_CHECK_FAILED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_SIGNATURE_MISMATCH;

/**
 * CM_ECDSA_PUBLIC_KEY / SIGN / VERIFY with an ECDSA CMK: the CMK holds a 48-byte seed, which the
 * ECC engine turns into the private key as it does a key-vault seed (HMAC-DRBG, zero nonce).
 * SIGN hashes the message with SHA-384 and signs deterministically (RFC 6979).
 */
final class CmEcdsaHandlers implements CommandTable.CommandFamily {
    private static final int SEED = 48;

    private final CmVault vault;

    CmEcdsaHandlers(CmVault vault) {
        this.vault = vault;
    }

    private EccPrivateKey key(Cmk cmk) {
        CmKey key = vault.openFor(cmk, KeyUsage.ECDSA, RUNTIME_MAILBOX_INVALID_PARAMS);
        return DiceCrypto.eccKeyFromSeed(key.material(SEED));
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY, (cmk, requester) -> {
            var pub = key(cmk).publicKey();
            return new CmAsymmetricCommands.EccPublicKey(pub.x(), pub.y());
        });
        table.add(CmAsymmetricCommands.CM_ECDSA_SIGN, (request, requester) -> {
            var signature = key(request.cmk()).signer().signDigest(Sha384Digest.of(Sha384.of(request.message())));
            return new CmAsymmetricCommands.EcdsaSignature(signature.r(), signature.s());
        });
        table.add(CmAsymmetricCommands.CM_ECDSA_VERIFY, (request, requester) -> {
            EccPrivateKey key = key(request.cmk());
            byte[] r = request.signature().r().toByteArray();
            byte[] s = request.signature().s().toByteArray();
            if (!EccPrivateKey.isValidScalar(r) || !EccPrivateKey.isValidScalar(s)) {
                throw CommandFailure.of(DRIVER_ECC384_SCALAR_RANGE_CHECK_FAILED, "signature r or s is 0 or not below the P-384 order");
            }
            var signature = EccSignature.of(new BigInteger(1, r), new BigInteger(1, s));
            if (SignatureChecks.ecdsa(key.publicKey(), Sha384.of(request.message()).toByteArray(), signature)
                    != Lms.Check.VALID) {
                throw CommandFailure.of(RUNTIME_MAILBOX_SIGNATURE_MISMATCH, "the ECDSA signature does not verify");
            }
            return NoFields.INSTANCE;
        });
    }
}
