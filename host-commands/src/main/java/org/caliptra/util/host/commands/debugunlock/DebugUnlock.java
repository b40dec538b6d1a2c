package org.caliptra.util.host.commands.debugunlock;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockReq;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.ProdDebugUnlockToken;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockCommands.UnlockChallenge;
import org.caliptra.util.host.session.CaliptraSession;

/** High-level production debug-unlock API (the reference's debug_unlock module). */
public final class DebugUnlock {
    private DebugUnlock() {}

    /** {@code prod_debug_unlock_req}: the challenge to sign for {@code unlockLevel}. */
    public static UnlockChallenge request(CaliptraSession session, int unlockLevel) {
        return Commands.execute(session, new ProdDebugUnlockReq(unlockLevel));
    }

    /**
     * {@code prod_debug_unlock_token}: submits the signed token (its core checksum recomputed). A
     * token the device rejects is a {@link org.caliptra.util.host.commands.DeviceErrorException}.
     */
    public static void submitToken(CaliptraSession session, ProdDebugUnlockToken token) {
        Commands.execute(session, token);
    }
}
