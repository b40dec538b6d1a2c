package org.caliptra.util.host.transport;

import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;

/**
 * Where a transport gets its dispatch tables: the command catalogue in use (host-commands'
 * {@code CommandCatalog} is one). A built-in socket transport is created with the tables of the
 * catalogue its caller uses, so it carries exactly that catalogue's commands, plugins included.
 */
public interface CommandTables {
    /** The table of a mailbox of {@code kind}. */
    MailboxCommandTable mailboxTable(DeviceKind kind);

    /** The MCTP-VDM table. */
    VdmCommandTable vdmTable();
}
