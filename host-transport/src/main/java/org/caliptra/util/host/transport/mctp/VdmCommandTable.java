package org.caliptra.util.host.transport.mctp;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The dispatch table of an MCTP-VDM transport: internal command id → mapping. Immutable. */
public final class VdmCommandTable {
    private final Map<Integer, VdmCommandMapping> byId;
    private final Map<Integer, String> unsupported;

    private VdmCommandTable(Map<Integer, VdmCommandMapping> byId, Map<Integer, String> unsupported) {
        this.byId = Map.copyOf(byId);
        this.unsupported = Map.copyOf(unsupported);
    }

    public static VdmCommandTable of(Collection<? extends VdmCommandMapping> mappings) {
        var map = new HashMap<Integer, VdmCommandMapping>();
        for (VdmCommandMapping m : mappings) {
            VdmCommandMapping previous = map.putIfAbsent(m.commandId(), m);
            if (previous != null) {
                throw new IllegalArgumentException(String.format(
                        "command id 0x%04X is mapped twice: %s and %s", m.commandId(), previous.name(), m.name()));
            }
        }
        return new VdmCommandTable(map, Map.of());
    }

    /** This table, plus for command ids it does not map the reason, naming the target that would carry each. */
    public VdmCommandTable withUnsupported(Map<Integer, String> reasons) {
        for (Integer id : reasons.keySet()) {
            if (byId.containsKey(id)) {
                throw new IllegalArgumentException(String.format("command id 0x%04X is both mapped and unsupported", id));
            }
        }
        return new VdmCommandTable(byId, reasons);
    }

    /** Why this table does not carry {@code commandId}, when the catalogue said. */
    public Optional<String> unsupportedReason(int commandId) {
        return Optional.ofNullable(unsupported.get(commandId));
    }

    public Optional<VdmCommandMapping> lookup(int commandId) {
        return Optional.ofNullable(byId.get(commandId));
    }

    public int size() {
        return byId.size();
    }
}
