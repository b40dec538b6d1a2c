package org.caliptra.util.host.transport.plugin;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.host.transport.mctp.MctpVdmDriver;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;

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

    /** Mailbox commands of {@code kind} through {@code driver}. */
    record Mailbox(DeviceKind kind, MailboxDriver driver) implements DeviceLink {
        public Mailbox {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(driver, "driver");
        }

        @Override
        public Transport transport(CommandTables tables) {
            return new MailboxTransport(driver, tables.mailboxTable(kind));
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
