package org.caliptra.util.emulator.runtime.cm;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.image.verify.SignatureChecks;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_SIGNATURE_MISMATCH;

/**
 * CM_MLDSA_PUBLIC_KEY / SIGN / VERIFY with an ML-DSA CMK: the CMK holds the 32-byte FIPS 204 seed
 * ξ; signatures are pure ML-DSA-87 with an empty context and rnd = 0 (deterministic), sent as
 * 4627 bytes and a zero pad byte.
 */
final class CmMldsaHandlers implements CommandTable.CommandFamily {
    private final CmVault vault;

    CmMldsaHandlers(CmVault vault) {
        this.vault = vault;
    }

    private MldsaPrivateKey key(Cmk cmk) {
        CmKey key = vault.openFor(cmk, KeyUsage.MLDSA, RUNTIME_MAILBOX_INVALID_PARAMS);
        return MldsaPrivateKey.fromBytes(key.material(MldsaPrivateKey.SEED_SIZE));
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY, (cmk, requester) ->
                new CmAsymmetricCommands.MldsaPublicKey(key(cmk).publicKey().bytes()));
        table.add(CmAsymmetricCommands.CM_MLDSA_SIGN, (request, requester) ->
                MldsaSignature.of(Octets.of(key(request.cmk()).signer().sign(request.message().toByteArray()).fips204())));
        table.add(CmAsymmetricCommands.CM_MLDSA_VERIFY, (request, requester) -> {
            var pub = key(request.cmk()).publicKey().bytes();
            if (SignatureChecks.mldsa(pub, request.message().toByteArray(), request.signature().field()) != Lms.Check.VALID) {
                throw CommandFailure.of(RUNTIME_MAILBOX_SIGNATURE_MISMATCH, "the ML-DSA-87 signature does not verify");
            }
            return NoFields.INSTANCE;
        });
    }
}
