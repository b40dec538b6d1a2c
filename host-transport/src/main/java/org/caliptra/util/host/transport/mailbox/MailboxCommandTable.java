package org.caliptra.util.host.transport.mailbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The dispatch table of a {@link MailboxTransport}: internal command id → mapping. Immutable. */
public final class MailboxCommandTable {
    private final Map<Integer, MailboxCommandMapping> byId;
    private final Map<Integer, String> unsupported;

    private MailboxCommandTable(Map<Integer, MailboxCommandMapping> byId, Map<Integer, String> unsupported) {
        this.byId = Map.copyOf(byId);
        this.unsupported = Map.copyOf(unsupported);
    }

    public static MailboxCommandTable of(Collection<? extends MailboxCommandMapping> mappings) {
        var map = new HashMap<Integer, MailboxCommandMapping>();
        for (MailboxCommandMapping m : mappings) {
            MailboxCommandMapping previous = map.putIfAbsent(m.commandId(), m);
            if (previous != null) {
                throw new IllegalArgumentException(String.format(
                        "command id 0x%04X is mapped twice: %s and %s", m.commandId(), previous.name(), m.name()));
            }
        }
        return new MailboxCommandTable(map, Map.of());
    }

    /**
     * This table, plus for command ids it does not map the reason, naming the target that would
     * carry each (e.g. "GetDebugLog travels over an MCU mailbox or MCTP-VDM, not a Caliptra core
     * mailbox"). The transport puts the reason in its NOT_SUPPORTED error.
     */
    public MailboxCommandTable withUnsupported(Map<Integer, String> reasons) {
        for (Integer id : reasons.keySet()) {
            if (byId.containsKey(id)) {
                throw new IllegalArgumentException(String.format("command id 0x%04X is both mapped and unsupported", id));
            }
        }
        return new MailboxCommandTable(byId, reasons);
    }

    /** Why this table does not carry {@code commandId}, when the catalogue said. */
    public Optional<String> unsupportedReason(int commandId) {
        return Optional.ofNullable(unsupported.get(commandId));
    }

    public Optional<MailboxCommandMapping> lookup(int commandId) {
        return Optional.ofNullable(byId.get(commandId));
    }

    public int size() {
        return byId.size();
    }
}
