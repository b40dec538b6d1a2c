package org.caliptra.util.host.transport;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;

/**
 * The dispatch table behind every transport's command table: internal command id → mapping, plus
 * for ids the table does not carry, the catalogue's reason (which target would). Immutable. The
 * mailbox and MCTP-VDM tables are typed fronts on this one, so both refuse duplicates and explain
 * unsupported ids the same way.
 *
 * @param <M> the transport's mapping type
 */
public final class CommandTable<M> {
    private final String medium;
    private final Map<Integer, M> byId;
    private final Map<Integer, String> unsupported;

    private CommandTable(String medium, Map<Integer, M> byId, Map<Integer, String> unsupported) {
        this.medium = medium;
        this.byId = Map.copyOf(byId);
        this.unsupported = Map.copyOf(unsupported);
    }

    /**
     * @param medium what the mappings map to, for messages ("mailbox", "MCTP-VDM")
     * @throws IllegalArgumentException when two mappings claim the same command id
     */
    public static <M> CommandTable<M> of(String medium, Collection<? extends M> mappings, ToIntFunction<M> commandId,
            Function<M, String> name) {
        var map = new HashMap<Integer, M>();
        for (M m : mappings) {
            M previous = map.putIfAbsent(commandId.applyAsInt(m), m);
            if (previous != null) {
                throw new IllegalArgumentException(String.format("command id 0x%04X is mapped twice in the %s table: %s and %s",
                        commandId.applyAsInt(m), medium, name.apply(previous), name.apply(m)));
            }
        }
        return new CommandTable<>(medium, map, Map.of());
    }

    /**
     * This table plus, for ids it does not map, the reason each is not carried.
     *
     * @throws IllegalArgumentException when an id is both mapped and declared unsupported
     */
    public CommandTable<M> withUnsupported(Map<Integer, String> reasons) {
        for (Integer id : reasons.keySet()) {
            if (byId.containsKey(id)) {
                throw new IllegalArgumentException(String.format("command id 0x%04X is both mapped and unsupported in the %s table",
                        id, medium));
            }
        }
        return new CommandTable<>(medium, byId, reasons);
    }

    public Optional<M> lookup(int commandId) {
        return Optional.ofNullable(byId.get(commandId));
    }

    public Optional<String> unsupportedReason(int commandId) {
        return Optional.ofNullable(unsupported.get(commandId));
    }

    public int size() {
        return byId.size();
    }

    public List<M> mappings() {
        return List.copyOf(byId.values());
    }

    /**
     * The NOT_SUPPORTED failure for an id this table does not map: the catalogue's reason when it
     * gave one, else which id has no mapping. Nothing was sent.
     */
    public TransportException unsupported(String transportName, int commandId) {
        String message = unsupportedReason(commandId)
                .map(reason -> String.format("%s: command id 0x%04X is not supported: %s", transportName, commandId, reason))
                .orElseGet(() -> String.format("%s: command id 0x%04X has no %s mapping", transportName, commandId, medium));
        return new TransportException(Kind.NOT_SUPPORTED, Phase.BEFORE_SEND, message, null);
    }
}
