package org.caliptra.util.host.commands;

import java.util.List;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;

/**
 * A family of commands (device info, hashing, fuses, …): the commands it defines and how each
 * travels over each kind of target. Plugin families are found with {@link java.util.ServiceLoader}
 * ({@link CommandCatalog#standard()}, {@link CommandCatalog#withPlugins(ClassLoader)}), so a plugin
 * jar can add commands without touching this module: it lists the class of its implementation in
 * {@code META-INF/services/org.caliptra.util.host.commands.CommandFamily}.
 *
 * <p>A family may map only commands some family of the catalogue defines, and no id may be
 * defined or mapped (for one kind of target) twice.
 */
public interface CommandFamily {
    /** A short name for messages and listings, e.g. "hash". */
    String name();

    /** Every command the family defines. */
    List<CommandType<?, ?>> commands();

    /** How the family's commands travel through a mailbox of {@code kind}; empty when none does. */
    List<MailboxCommandMapping> mailboxMappings(DeviceKind kind);

    /** How the family's commands travel as Caliptra MCTP vendor-defined messages; none by default. */
    default List<VdmCommandMapping> vdmMappings() {
        return List.of();
    }
}
