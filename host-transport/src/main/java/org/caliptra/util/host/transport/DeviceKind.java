package org.caliptra.util.host.transport;

/**
 * The two kinds of mailbox a target can offer, which decide the command codes a catalogue command
 * travels as: the Caliptra core mailbox (passive mode, e.g. an AST2700 with Caliptra 1.2, whose
 * runtime answers its own command codes) and the MCU's MCI mailbox of a 2.x subsystem (MC_* codes).
 */
public enum DeviceKind {
    CALIPTRA_CORE("Caliptra core mailbox"),
    MCU("MCU (MCI) mailbox");

    private final String description;

    DeviceKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
