package org.caliptra.util.host.transport.plugin;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.host.transport.mctp.MctpVdmDriver;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;
import org.caliptra.util.protocol.Generation;

/**
 * A driver to a device and the route its commands take: a mailbox of a {@link DeviceKind} (so the
 * catalogue's table for that kind applies: MC_* codes for an MCU mailbox, runtime codes for a
 * Caliptra core mailbox) or MCTP-VDM. What a {@link DeviceLinkProvider} makes of a target URI;
 * whoever holds the catalogue turns it into a transport.
 */
public sealed interface DeviceLink {
    /** The transport over this link that carries the commands of {@code tables}' route. */
    Transport transport(CommandTables tables);

    /** The mailbox kind, for a mailbox link. */
    Optional<DeviceKind> deviceKind();

    /** Mailbox commands of {@code kind}, as a device of {@code generation} serves them, through {@code driver}. */
    record Mailbox(DeviceKind kind, Generation generation, MailboxDriver driver) implements DeviceLink {
        public Mailbox {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(generation, "generation");
            Objects.requireNonNull(driver, "driver");
            if (kind == DeviceKind.MCU && generation != Generation.V2) {
                throw new IllegalArgumentException("an MCU mailbox belongs to a Caliptra 2.x subsystem, not " + generation);
            }
        }

        /** A 2.x device's mailbox: every MCU, and the core of a 2.x part. */
        public Mailbox(DeviceKind kind, MailboxDriver driver) {
            this(kind, Generation.V2, driver);
        }

        @Override
        public Transport transport(CommandTables tables) {
            return new MailboxTransport(driver, tables.mailboxTable(kind, generation));
        }

        @Override
        public Optional<DeviceKind> deviceKind() {
            return Optional.of(kind);
        }
    }

    /** MCTP vendor-defined messages through {@code driver}. */
    record MctpVdm(MctpVdmDriver driver) implements DeviceLink {
        public MctpVdm {
            Objects.requireNonNull(driver, "driver");
        }

        @Override
        public Transport transport(CommandTables tables) {
            return new MctpVdmTransport(driver, tables.vdmTable());
        }

        @Override
        public Optional<DeviceKind> deviceKind() {
            return Optional.empty();
        }
    }
}
