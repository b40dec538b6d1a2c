package org.caliptra.util.host.commands;

import java.util.Optional;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.protocol.Generation;

/**
 * The ways a catalogue command can reach a device: a mailbox of either kind, or MCTP-VDM. The
 * Caliptra core mailbox is two routes, one per generation: a 1.x runtime serves fewer commands
 * than a 2.x one (no cryptographic mailbox, no attested CSR, no production debug unlock) and some
 * under other codes and buffer sizes.
 */
public enum Route {
    MCU_MAILBOX(DeviceKind.MCU, Generation.V2, "an MCU (MCI) mailbox"),
    CORE_MAILBOX(DeviceKind.CALIPTRA_CORE, Generation.V2, "a Caliptra 2.x core mailbox"),
    CORE_MAILBOX_1X(DeviceKind.CALIPTRA_CORE, Generation.V1, "a Caliptra 1.x core mailbox"),
    MCTP_VDM(null, Generation.V2, "MCTP-VDM (the MCU's vendor-defined message responder)");

    private final DeviceKind kind;
    private final Generation generation;
    private final String description;

    Route(DeviceKind kind, Generation generation, String description) {
        this.kind = kind;
        this.generation = generation;
        this.description = description;
    }

    /** The mailbox kind, for the mailbox routes. */
    public Optional<DeviceKind> deviceKind() {
        return Optional.ofNullable(kind);
    }

    /** The Caliptra generation of the device the route reaches: 1.x only for {@link #CORE_MAILBOX_1X}; an MCU is 2.x. */
    public Generation generation() {
        return generation;
    }

    /** "an MCU (MCI) mailbox", for sentences. */
    public String description() {
        return description;
    }

    /** The route of a mailbox of {@code kind} on a 2.x device (every MCU; {@link #CORE_MAILBOX} for a core). */
    public static Route of(DeviceKind kind) {
        return of(kind, Generation.V2);
    }

    /**
     * The route of a mailbox of {@code kind} on a {@code generation} device.
     *
     * @throws IllegalArgumentException for an MCU mailbox of a 1.x device, which has no MCU
     */
    public static Route of(DeviceKind kind, Generation generation) {
        if (kind == DeviceKind.MCU) {
            if (generation != Generation.V2) {
                throw new IllegalArgumentException("a Caliptra " + generation.label() + " device has no MCU mailbox: "
                        + "the MCU comes with the 2.x subsystem");
            }
            return MCU_MAILBOX;
        }
        return generation == Generation.V1 ? CORE_MAILBOX_1X : CORE_MAILBOX;
    }
}
