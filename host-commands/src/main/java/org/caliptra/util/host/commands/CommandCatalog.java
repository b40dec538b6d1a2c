package org.caliptra.util.host.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;

/** All command families on the class path, and the per-transport dispatch tables built from them. */
public final class CommandCatalog {
    private static final class Holder {
        static final CommandCatalog INSTANCE = load();
    }

    private final List<CommandFamily> families;
    private final MailboxCommandTable mailboxTable;

    private CommandCatalog(List<CommandFamily> families) {
        this.families = List.copyOf(families);
        var mappings = new ArrayList<org.caliptra.util.host.transport.mailbox.MailboxCommandMapping>();
        families.forEach(f -> mappings.addAll(f.mailboxMappings()));
        this.mailboxTable = MailboxCommandTable.of(mappings);
    }

    /** The catalogue of the families registered on this class path (loaded once). */
    public static CommandCatalog standard() {
        return Holder.INSTANCE;
    }

    public static CommandCatalog of(List<CommandFamily> families) {
        return new CommandCatalog(families);
    }

    private static CommandCatalog load() {
        var found = new ArrayList<CommandFamily>();
        ServiceLoader.load(CommandFamily.class, CommandCatalog.class.getClassLoader()).forEach(found::add);
        return new CommandCatalog(found);
    }

    public List<CommandFamily> families() {
        return families;
    }

    public MailboxCommandTable mailboxTable() {
        return mailboxTable;
    }
}
