package org.caliptra.util.host.transport.plugin;

import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;
import org.caliptra.util.protocol.Generation;

/**
 * A command catalogue's dispatch tables, one per route, as a {@link DeviceLink} needs them to become
 * a transport. The catalogue (host-commands) builds them; this interface lets the transport layer
 * take them without knowing the catalogue.
 */
public interface CommandTables {
    MailboxCommandTable mailboxTable(DeviceKind kind);

    /**
     * The table for a mailbox of {@code kind} on a device of {@code generation}: a Caliptra 1.x core
     * serves other command codes than a 2.x one. Tables that do not tell generations apart give
     * {@link #mailboxTable(DeviceKind)}.
     */
    default MailboxCommandTable mailboxTable(DeviceKind kind, Generation generation) {
        return mailboxTable(kind);
    }

    VdmCommandTable vdmTable();
}
