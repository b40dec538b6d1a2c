package org.caliptra.util.host.transport.plugin;

import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;

/**
 * A command catalogue's dispatch tables, one per route, as a {@link DeviceLink} needs them to become
 * a transport. The catalogue (host-commands) builds them; this interface lets the transport layer
 * take them without knowing the catalogue.
 */
public interface CommandTables {
    MailboxCommandTable mailboxTable(DeviceKind kind);

    VdmCommandTable vdmTable();
}
