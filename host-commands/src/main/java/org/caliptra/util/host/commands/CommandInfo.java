package org.caliptra.util.host.commands;

import java.util.Map;

/**
 * One line of {@link CommandCatalog#listCommands()}: a command, what it does, which family defines
 * it, and for each route that carries it the device command it travels as (e.g. {@code
 * MCU_MAILBOX → "MC_SHA_INIT 0x4D435349 (MCSI)"}). An empty {@code carriers} means no Caliptra target
 * carries it.
 */
public record CommandInfo(int id, String name, String description, String family, boolean idempotent,
        Map<Route, String> carriers) {
    public CommandInfo {
        carriers = Map.copyOf(carriers);
    }

    /** "GetFirmwareVersion (0x0001)". */
    public String describe() {
        return CommandId.describe(id, name);
    }
}
