package org.caliptra.util.host.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoFamily;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;

/**
 * Command families and the per-transport dispatch tables built from them: the families this module
 * ships ({@link #builtIn()}), and those plus every plugin family registered with
 * {@link ServiceLoader} on the class path ({@link #standard()}).
 */
public final class CommandCatalog {
    private static final class BuiltIn {
        static final CommandCatalog INSTANCE = new CommandCatalog(builtInFamilies());
    }

    private static final class Standard {
        static final CommandCatalog INSTANCE = withPlugins();
    }

    private final List<CommandFamily> families;
    private final MailboxCommandTable mailboxTable;

    private CommandCatalog(List<CommandFamily> families) {
        this.families = List.copyOf(families);
        var mappings = new ArrayList<MailboxCommandMapping>();
        families.forEach(f -> mappings.addAll(f.mailboxMappings()));
        this.mailboxTable = MailboxCommandTable.of(mappings);
    }

    /**
     * The families this module ships. A caller that issues only these commands (the CLI) uses this
     * catalogue: finding plugins means scanning every jar on the class path for a service file,
     * which costs more than the rest of a get-device-id.
     */
    public static CommandCatalog builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** The built-in families and every plugin family on this class path (loaded once). */
    public static CommandCatalog standard() {
        return Standard.INSTANCE;
    }

    public static CommandCatalog of(List<CommandFamily> families) {
        return new CommandCatalog(families);
    }

    private static List<CommandFamily> builtInFamilies() {
        return List.of(new DeviceInfoFamily());
    }

    /** A plugin that maps an id a built-in family maps fails here, naming both commands. */
    private static CommandCatalog withPlugins() {
        var found = new ArrayList<>(builtInFamilies());
        for (CommandFamily plugin : ServiceLoader.load(CommandFamily.class, CommandCatalog.class.getClassLoader())) {
            if (found.stream().noneMatch(f -> f.getClass() == plugin.getClass())) {
                found.add(plugin);
            }
        }
        return new CommandCatalog(found);
    }

    public List<CommandFamily> families() {
        return families;
    }

    public MailboxCommandTable mailboxTable() {
        return mailboxTable;
    }
}
