package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * CM_MLKEM_KEY_GEN / ENCAPSULATE / DECAPSULATE (FIPS 203 ML-KEM-1024): an ML-KEM CMK holds the
 * 64-byte seed d ‖ z; the shared key (32 bytes) is handed out only as a CMK of the requested
 * usage. Encapsulation's message m is 32 TRNG bytes. A wrong ciphertext decapsulates, by
 * implicit rejection, to a different key, not an error.
 */
final class CmMlkemHandlers implements CommandTable.CommandFamily {
    private static final int SEED = 64;
    private static final int MESSAGE = 32;

    private final CmVault vault;

    CmMlkemHandlers(CmVault vault) {
        this.vault = vault;
    }

    private MLKEMPrivateKeyParameters key(Cmk cmk) {
        CmKey key = vault.openFor(cmk, KeyUsage.MLKEM, RUNTIME_MAILBOX_INVALID_PARAMS);
        return new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_1024, key.material(SEED));
    }

    private static KeyUsage usage(int keyUsage) {
        return KeyUsage.fromValue(keyUsage).orElseThrow(() -> CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS,
                "key_usage " + Integer.toUnsignedString(keyUsage)));
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmAsymmetricCommands.CM_MLKEM_KEY_GEN, (cmk, requester) ->
                new CmAsymmetricCommands.EncapsulationKey(Octets.of(key(cmk).getPublicKeyParameters().getEncoded())));
        table.add(CmAsymmetricCommands.CM_MLKEM_ENCAPSULATE, (request, requester) -> {
            KeyUsage usage = usage(request.keyUsage());
            final MLKEMPublicKeyParameters ek;
            try {
                ek = new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_1024, request.encapsKey().bytes().toByteArray());
            } catch (IllegalArgumentException e) {
                throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "encaps_key is not an ML-KEM-1024 key: " + e.getMessage());
            }
            byte[] m = Arrays.copyOf(vault.firmware().trng().draw(), MESSAGE);
            var encapsulated = MLKEMGenerator.internalGenerateEncapsulated(ek, m);
            Cmk shared = vault.issue(usage, encapsulated.getSecret());
            return new CmAsymmetricCommands.EncapsulateResponse(Octets.of(encapsulated.getEncapsulation()), shared);
        });
        table.add(CmAsymmetricCommands.CM_MLKEM_DECAPSULATE, (request, requester) -> {
            KeyUsage usage = usage(request.keyUsage());
            byte[] secret = new MLKEMExtractor(key(request.cmk())).extractSecret(request.ciphertext().toByteArray());
            return vault.issue(usage, secret);
        });
    }
}
