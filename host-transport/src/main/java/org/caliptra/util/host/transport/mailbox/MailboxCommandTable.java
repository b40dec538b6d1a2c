package org.caliptra.util.host.transport.mailbox;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.caliptra.util.host.transport.CommandTable;

/** The dispatch table of a {@link MailboxTransport}: internal command id → mapping. Immutable. */
public final class MailboxCommandTable {
    private final CommandTable<MailboxCommandMapping> table;

    private MailboxCommandTable(CommandTable<MailboxCommandMapping> table) {
        this.table = table;
    }

    /** @throws IllegalArgumentException when two mappings claim the same command id */
    public static MailboxCommandTable of(Collection<? extends MailboxCommandMapping> mappings) {
        return new MailboxCommandTable(
                CommandTable.of("mailbox", mappings, MailboxCommandMapping::commandId, MailboxCommandMapping::name));
    }

    /**
     * This table, plus for command ids it does not map the reason, naming the target that would
     * carry each (e.g. "GetDebugLog travels over an MCU mailbox or MCTP-VDM, not a Caliptra core
     * mailbox"). The transport puts the reason in its NOT_SUPPORTED error.
     */
    public MailboxCommandTable withUnsupported(Map<Integer, String> reasons) {
        return new MailboxCommandTable(table.withUnsupported(reasons));
    }

    /** Why this table does not carry {@code commandId}, when the catalogue said. */
    public Optional<String> unsupportedReason(int commandId) {
        return table.unsupportedReason(commandId);
    }

    public Optional<MailboxCommandMapping> lookup(int commandId) {
        return table.lookup(commandId);
    }

    public int size() {
        return table.size();
    }

    CommandTable<MailboxCommandMapping> table() {
        return table;
    }
}
