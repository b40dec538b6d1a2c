package org.caliptra.util.emulator.runtime.cm;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CMB_INVALID_KEY_USAGE_AND_SIZE;

/**
 * CM_IMPORT, CM_DELETE, CM_CLEAR and CM_STATUS: a raw key in, a CMK out; only AES keys take a
 * usage-table entry, so only they count in CM_STATUS and only they can be deleted for real.
 */
final class CmKeyHandlers implements CommandTable.CommandFamily {
    private final CmVault vault;

    CmKeyHandlers(CmVault vault) {
        this.vault = vault;
    }

    /** The (usage, size) pairs CM_IMPORT takes. */
    static boolean importable(KeyUsage usage, int size) {
        return switch (usage) {
            case AES, MLDSA -> size == 32;
            case ECDSA -> size == 48;
            case HMAC -> size == 48 || size == 64;
            case MLKEM -> size == 64;
        };
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmKeyCommands.CM_IMPORT, (request, requester) -> {
            int size = request.input().length();
            KeyUsage usage = request.usage().filter(u -> importable(u, size)).orElseThrow(() -> CommandFailure.of(
                    RUNTIME_CMB_INVALID_KEY_USAGE_AND_SIZE, "key_usage " + Integer.toUnsignedString(request.keyUsage())
                            + " with input_size " + size));
            return vault.issue(usage, request.input().toByteArray());
        });
        table.add(CmKeyCommands.CM_DELETE, (cmk, requester) -> {
            CmKey key = vault.open(cmk, "cmk");
            if (key.is(KeyUsage.AES)) {
                vault.storage().removeKey(key.id());
            }
            return NoFields.INSTANCE;
        });
        table.add(CmKeyCommands.CM_CLEAR, (request, requester) -> {
            vault.storage().clear(); // the KEK stays: old CMKs still open, AES ones lose their counters
            return NoFields.INSTANCE;
        });
        table.add(CmKeyCommands.CM_STATUS, (request, requester) ->
                new CmKeyCommands.Status(vault.storage().used(), CmStorage.KEY_USAGE_MAX));
    }
}
