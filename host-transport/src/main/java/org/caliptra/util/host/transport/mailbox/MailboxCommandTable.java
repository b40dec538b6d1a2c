package org.caliptra.util.host.transport.mailbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The dispatch table of a {@link MailboxTransport}: internal command id → mapping. Immutable. */
public final class MailboxCommandTable {
    private final Map<Integer, MailboxCommandMapping> byId;

    private MailboxCommandTable(Map<Integer, MailboxCommandMapping> byId) {
        this.byId = Map.copyOf(byId);
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
        return new MailboxCommandTable(map);
    }

    public Optional<MailboxCommandMapping> lookup(int commandId) {
        return Optional.ofNullable(byId.get(commandId));
    }

    public int size() {
        return byId.size();
    }
}
