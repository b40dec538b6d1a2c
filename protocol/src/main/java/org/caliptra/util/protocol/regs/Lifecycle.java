package org.caliptra.util.protocol.regs;

import java.util.Locale;
import java.util.Optional;

/** Device lifecycle as CPTRA_SECURITY_STATE[1:0] reports it. */
public enum Lifecycle {
    UNPROVISIONED(0),
    MANUFACTURING(1),
    PRODUCTION(3);

    private final int value;

    Lifecycle(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Lifecycle> fromName(String name) {
        for (Lifecycle l : values()) {
            if (l.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
