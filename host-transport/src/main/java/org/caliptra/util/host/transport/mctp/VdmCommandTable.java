package org.caliptra.util.host.transport.mctp;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.caliptra.util.host.transport.CommandTable;

/** The dispatch table of an {@link MctpVdmTransport}: internal command id → VDM mapping. Immutable. */
public final class VdmCommandTable {
    private final CommandTable<VdmCommandMapping> table;

    private VdmCommandTable(CommandTable<VdmCommandMapping> table) {
        this.table = table;
    }

    /** @throws IllegalArgumentException when two mappings claim the same command id */
    public static VdmCommandTable of(Collection<? extends VdmCommandMapping> mappings) {
        return new VdmCommandTable(CommandTable.of("MCTP-VDM", mappings, VdmCommandMapping::commandId, VdmCommandMapping::name));
    }

    /**
     * This table, plus for command ids it does not map the reason, naming the target that would
     * carry each (e.g. "GetAttestation travels over a mailbox or SPDM, not MCTP-VDM"). The transport
     * puts the reason in its NOT_SUPPORTED error.
     */
    public VdmCommandTable withUnsupported(Map<Integer, String> reasons) {
        return new VdmCommandTable(table.withUnsupported(reasons));
    }

    /** Why this table does not carry {@code commandId}, when the catalogue said. */
    public Optional<String> unsupportedReason(int commandId) {
        return table.unsupportedReason(commandId);
    }

    public Optional<VdmCommandMapping> lookup(int commandId) {
        return table.lookup(commandId);
    }

    public int size() {
        return table.size();
    }

    CommandTable<VdmCommandMapping> table() {
        return table;
    }
}
