package org.caliptra.util.emulator.runtime.cm;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandTable;

/**
 * The 2.x cryptographic mailbox (spec/device.md §4.4; caliptra-sw runtime/src/cryptographic_mailbox.rs):
 * keys handed out as CMKs that only this device, until its next cold boot, can open; multi-part
 * operations carried between commands in sealed contexts. One file per command family; they share
 * the {@link CmVault}.
 */
public final class CryptoMailbox {
    private CryptoMailbox() {}

    /** Every CM_* command of the runtime. */
    public static CommandTable.CommandFamily runtime(CaliptraFirmware firmware) {
        var vault = new CmVault(firmware, false);
        return table -> table
                .addAll(new CmKeyHandlers(vault))
                .addAll(new CmHashHandlers(vault, false))
                .addAll(new CmMacHandlers(vault))
                .addAll(new CmRandomHandlers(firmware, false))
                .addAll(new CmAesHandlers(vault))
                .addAll(new CmGcmHandlers(vault))
                .addAll(new CmEcdhHandlers(vault))
                .addAll(new CmEcdsaHandlers(vault))
                .addAll(new CmMldsaHandlers(vault))
                .addAll(new CmMlkemHandlers(vault))
                .addAll(new CmStableKeyHandlers(vault));
    }

    /**
     * The CM commands the 2.x ROM serves before firmware: CM_DERIVE_STABLE_KEY, CM_HMAC (the code
     * it shares with the runtime), CM_RANDOM_GENERATE and the one-shot CM_SHA. Its CMKs are sealed
     * under the same KEK, so the runtime of the same cold boot accepts them.
     */
    public static CommandTable.CommandFamily rom(CaliptraFirmware firmware) {
        var vault = new CmVault(firmware, true);
        return table -> table
                .addAll(new CmStableKeyHandlers(vault))
                .addAll(CmMacHandlers.romHmac(vault))
                .addAll(new CmRandomHandlers(firmware, true))
                .addAll(new CmHashHandlers(vault, true));
    }
}
