package org.caliptra.util.host.commands.keys;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.keys.KeyCommands.Delete;
import org.caliptra.util.host.commands.keys.KeyCommands.CmStatus;
import org.caliptra.util.host.commands.keys.KeyCommands.Import;
import org.caliptra.util.host.commands.keys.KeyCommands.StorageStatus;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;

/** High-level key API (the reference's crypto_import and crypto_delete modules, and CmStatus). */
public final class Keys {
    private Keys() {}

    /** {@code import}: {@code key} (at most 64 bytes) as a device key for {@code usage}. */
    public static Cmk importKey(CaliptraSession session, KeyUsage usage, Octets key) {
        return Commands.execute(session, new Import(usage, key)).cmk();
    }

    /** {@code delete}. */
    public static void delete(CaliptraSession session, Cmk key) {
        Commands.execute(session, new Delete(key));
    }

    /** CmStatus (this library's extension): how many key usage storage entries are taken, of how many. */
    public static StorageStatus status(CaliptraSession session) {
        return Commands.execute(session, new CmStatus());
    }
}
