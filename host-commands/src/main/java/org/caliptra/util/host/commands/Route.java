package org.caliptra.util.host.commands;

import java.util.Optional;
import org.caliptra.util.host.transport.DeviceKind;

/** The ways a catalogue command can reach a device: a mailbox of either kind, or MCTP-VDM. */
public enum Route {
    MCU_MAILBOX(DeviceKind.MCU, "an MCU (MCI) mailbox"),
    CORE_MAILBOX(DeviceKind.CALIPTRA_CORE, "a Caliptra core mailbox"),
    MCTP_VDM(null, "MCTP-VDM (the MCU's vendor-defined message responder)");

    private final DeviceKind kind;
    private final String description;

    Route(DeviceKind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    /** The mailbox kind, for the mailbox routes. */
    public Optional<DeviceKind> deviceKind() {
        return Optional.ofNullable(kind);
    }

    /** "an MCU (MCI) mailbox", for sentences. */
    public String description() {
        return description;
    }

    public static Route of(DeviceKind kind) {
        return kind == DeviceKind.MCU ? MCU_MAILBOX : CORE_MAILBOX;
    }
}
