package org.caliptra.util.emulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * A device profile: which Caliptra generation and integration mode the emulated device models.
 *
 * <p>{@code caliptra-2.1} is Caliptra 2.1 in subsystem mode: the MCU and its MCI mailbox are
 * present and answer the MC_* external commands.
 */
public enum Profile {
    CALIPTRA_2_1("caliptra-2.1", true);

    private final String id;
    private final boolean subsystemMode;

    Profile(String id, boolean subsystemMode) {
        this.id = id;
        this.subsystemMode = subsystemMode;
    }

    /** The name used in configuration files, URIs and on the command line. */
    public String id() {
        return id;
    }

    public boolean subsystemMode() {
        return subsystemMode;
    }

    public static Optional<Profile> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
