package org.caliptra.util.host.commands;

import java.util.List;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;

/**
 * A family of commands (device info, hashing, fuses, …) and how each travels over each transport.
 * Plugin families are found with {@link java.util.ServiceLoader} ({@link CommandCatalog#standard()}),
 * so a plugin jar on the class path can add commands without touching this module.
 */
public interface CommandFamily {
    String name();

    List<MailboxCommandMapping> mailboxMappings();
}
