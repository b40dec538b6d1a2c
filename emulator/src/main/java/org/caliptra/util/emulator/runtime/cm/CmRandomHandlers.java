package org.caliptra.util.emulator.runtime.cm;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.firmware.Trng;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmRandomCommands;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * CM_RANDOM_GENERATE (TRNG draws, truncated) and CM_RANDOM_STIR (additional input into the
 * internal TRNG's DRBG). The emulated TRNG is an internal one, so stirring is supported.
 */
final class CmRandomHandlers implements CommandTable.CommandFamily {
    private static final int MAX_DATA = 4096;

    private final CaliptraFirmware firmware;
    private final boolean rom;

    CmRandomHandlers(CaliptraFirmware firmware, boolean rom) {
        this.firmware = firmware;
        this.rom = rom;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmRandomCommands.CM_RANDOM_GENERATE, (request, requester) -> {
            if (request.unsignedSize() > MAX_DATA) {
                if (rom) {
                    // The ROM answers a size it cannot serve with no data rather than an error.
                    return new CmRandomCommands.RandomData(Octets.zeros(0));
                }
                throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "size " + request.unsignedSize() + " > " + MAX_DATA);
            }
            return new CmRandomCommands.RandomData(Octets.of(firmware.trng().bytes(request.size())));
        });
        if (rom) {
            return;
        }
        table.add(CmRandomCommands.CM_RANDOM_STIR, (request, requester) -> {
            int size = request.input().length();
            // The CSRNG takes the input in whole 48-byte (twelve-word) updates.
            int rounded = (size + Trng.DRAW - 1) / Trng.DRAW * Trng.DRAW;
            if (rounded > MAX_DATA) {
                throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "input_size " + size + " rounds up to " + rounded + " > " + MAX_DATA);
            }
            if (size > 0) {
                firmware.trng().stir(request.input().toByteArray());
            }
            return NoFields.INSTANCE;
        });
    }
}
