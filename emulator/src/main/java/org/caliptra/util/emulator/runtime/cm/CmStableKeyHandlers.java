package org.caliptra.util.emulator.runtime.cm;

import org.caliptra.util.emulator.dice.StableKeys;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.cm.StableKeyType;

import static org.caliptra.util.protocol.error.CaliptraError.CMB_STABLE_OWNER_KEY_NOT_AVAILABLE;
import static org.caliptra.util.protocol.error.CaliptraError.DOT_INVALID_KEY_TYPE;

/**
 * CM_DERIVE_STABLE_KEY (ROM and runtime alike): the {@link StableKeys} key for the request's info,
 * sealed as an HMAC CMK. The owner-key source needs a subsystem strap this emulator does not
 * model, so it is never available.
 */
final class CmStableKeyHandlers implements CommandTable.CommandFamily {
    private final CmVault vault;

    CmStableKeyHandlers(CmVault vault) {
        this.vault = vault;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmKeyCommands.CM_DERIVE_STABLE_KEY, (request, requester) -> {
            if (request.keyType() == StableKeyType.OWNER_KEY.value()) {
                throw CommandFailure.of(CMB_STABLE_OWNER_KEY_NOT_AVAILABLE, "the stable owner key is not available on this device");
            }
            StableKeyType type = request.stableKeyType().orElseThrow(() -> CommandFailure.of(DOT_INVALID_KEY_TYPE,
                    "key_type " + Integer.toUnsignedString(request.keyType())));
            byte[] key = StableKeys.derive(vault.firmware().dice(), type == StableKeyType.LDEVID, request.info().toByteArray());
            return vault.seal(CmKey.of(KeyUsage.HMAC, 0, key));
        });
    }
}
