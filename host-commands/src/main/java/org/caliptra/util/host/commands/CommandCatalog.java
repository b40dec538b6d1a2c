package org.caliptra.util.host.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.caliptra.util.host.commands.aes.AesFamily;
import org.caliptra.util.host.commands.asymmetric.AsymmetricFamily;
import org.caliptra.util.host.commands.attestation.AttestationFamily;
import org.caliptra.util.host.commands.certificate.CertificateFamily;
import org.caliptra.util.host.commands.debug.DebugFamily;
import org.caliptra.util.host.commands.debugunlock.DebugUnlockFamily;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoFamily;
import org.caliptra.util.host.commands.fuse.FuseFamily;
import org.caliptra.util.host.commands.hash.HashFamily;
import org.caliptra.util.host.commands.hmac.HmacFamily;
import org.caliptra.util.host.commands.keys.KeyFamily;
import org.caliptra.util.host.commands.ownership.OwnershipFamily;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;
import org.caliptra.util.protocol.mailbox.FourCc;

/**
 * The command catalogue: command families, the commands they define, and the per-route dispatch
 * tables built from them — one mailbox table per {@link DeviceKind} and one MCTP-VDM table, each
 * with a reason for every command it does not carry.
 *
 * <p>Catalogues: the families this module ships ({@link #builtIn()}); those plus every plugin family
 * registered with {@link ServiceLoader} on the class path ({@link #standard()}), in a given class
 * loader ({@link #withPlugins(ClassLoader)}) or in given jars ({@link #withPluginJars(Collection)}).
 * A plugin that defines or maps an id some other family already does is refused, naming both.
 * Immutable.
 */
public final class CommandCatalog {
    private static final class BuiltIn {
        static final CommandCatalog INSTANCE = new CommandCatalog(builtInFamilies());
    }

    private static final class Standard {
        static final CommandCatalog INSTANCE = withPlugins(CommandCatalog.class.getClassLoader());
    }

    private record Defined<T>(CommandFamily family, T item) {}

    private final List<CommandFamily> families;
    private final Map<Integer, Defined<CommandType<?, ?>>> commands;
    private final Map<DeviceKind, MailboxCommandTable> mailboxTables = new EnumMap<>(DeviceKind.class);
    private final VdmCommandTable vdmTable;
    private final List<CommandInfo> listing;

    private CommandCatalog(List<CommandFamily> families) {
        this.families = List.copyOf(families);
        var defined = new TreeMap<Integer, Defined<CommandType<?, ?>>>();
        for (CommandFamily family : families) {
            for (CommandType<?, ?> type : family.commands()) {
                var previous = defined.putIfAbsent(type.id(), new Defined<>(family, type));
                if (previous != null) {
                    throw new IllegalArgumentException(String.format(
                            "command id 0x%04X is defined twice: %s by family '%s' and %s by family '%s'", type.id(),
                            previous.item().name(), previous.family().name(), type.name(), family.name()));
                }
            }
        }
        this.commands = java.util.Collections.unmodifiableMap(defined);

        var carriers = new HashMap<Integer, Map<Route, String>>();
        for (DeviceKind kind : DeviceKind.values()) {
            var mappings = new LinkedHashMap<Integer, Defined<MailboxCommandMapping>>();
            for (CommandFamily family : families) {
                for (MailboxCommandMapping m : family.mailboxMappings(kind)) {
                    check(family, m.commandId(), m.name(), kind.description());
                    var previous = mappings.putIfAbsent(m.commandId(), new Defined<>(family, m));
                    if (previous != null) {
                        throw twice(m.commandId(), kind.description(), previous.family(), previous.item().name(), family, m.name());
                    }
                    carriers.computeIfAbsent(m.commandId(), id -> new EnumMap<>(Route.class))
                            .put(Route.of(kind), m.name() + " " + FourCc.describe(m.externalCommand()));
                }
            }
            mailboxTables.put(kind, MailboxCommandTable.of(mappings.values().stream().map(Defined::item).toList()));
        }
        var vdm = new LinkedHashMap<Integer, Defined<VdmCommandMapping>>();
        for (CommandFamily family : families) {
            for (VdmCommandMapping m : family.vdmMappings()) {
                check(family, m.commandId(), m.name(), "MCTP-VDM");
                var previous = vdm.putIfAbsent(m.commandId(), new Defined<>(family, m));
                if (previous != null) {
                    throw twice(m.commandId(), "MCTP-VDM", previous.family(), previous.item().name(), family, m.name());
                }
                carriers.computeIfAbsent(m.commandId(), id -> new EnumMap<>(Route.class)).put(Route.MCTP_VDM, m.name());
            }
        }
        for (DeviceKind kind : DeviceKind.values()) {
            mailboxTables.put(kind, mailboxTables.get(kind).withUnsupported(reasons(Route.of(kind), carriers)));
        }
        this.vdmTable = VdmCommandTable.of(vdm.values().stream().map(Defined::item).toList())
                .withUnsupported(reasons(Route.MCTP_VDM, carriers));
        this.listing = commands.values().stream()
                .map(d -> new CommandInfo(d.item().id(), d.item().name(), d.item().description(), d.family().name(),
                        d.item().idempotent(), carriers.getOrDefault(d.item().id(), Map.of())))
                .toList();
    }

    private void check(CommandFamily family, int id, String mapping, String route) {
        if (!commands.containsKey(id)) {
            throw new IllegalArgumentException(String.format(
                    "family '%s' maps command id 0x%04X (%s over %s), which no family of the catalogue defines",
                    family.name(), id, mapping, route));
        }
    }

    private IllegalArgumentException twice(int id, String route, CommandFamily first, String firstName, CommandFamily second,
            String secondName) {
        return new IllegalArgumentException(String.format(
                "command id 0x%04X (%s) is mapped twice over %s: %s by family '%s' and %s by family '%s'", id,
                commands.get(id).item().name(), route, firstName, first.name(), secondName, second.name()));
    }

    /** For each command {@code route} does not carry: which routes do, or that none does. */
    private Map<Integer, String> reasons(Route route, Map<Integer, Map<Route, String>> carriers) {
        var reasons = new HashMap<Integer, String>();
        for (var d : commands.values()) {
            CommandType<?, ?> type = d.item();
            Map<Route, String> by = carriers.getOrDefault(type.id(), Map.of());
            if (by.containsKey(route)) {
                continue;
            }
            reasons.put(type.id(), by.isEmpty()
                    ? "no Caliptra target carries " + type.describe() + ": no MCU mailbox, Caliptra core mailbox or MCTP-VDM "
                            + "command implements it"
                    : type.describe() + " is not carried by " + route.description() + "; it travels over "
                            + by.keySet().stream().sorted().map(Route::description).collect(Collectors.joining(" or ")));
        }
        return reasons;
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

    /**
     * The built-in families and every plugin family {@code loader} finds with {@link ServiceLoader}
     * (a plugin directory's class loader, shared with the transport registry).
     *
     * @throws IllegalArgumentException when a plugin defines or maps an id another family does
     */
    public static CommandCatalog withPlugins(ClassLoader loader) {
        var found = new ArrayList<>(builtInFamilies());
        for (CommandFamily plugin : ServiceLoader.load(CommandFamily.class, loader)) {
            if (found.stream().noneMatch(f -> f.getClass() == plugin.getClass())) {
                found.add(plugin);
            }
        }
        return new CommandCatalog(found);
    }

    /**
     * {@link #withPlugins(ClassLoader)} over a class loader of {@code jars} whose parent loaded this
     * module: the plugins of the jars and, through the parent, those of the class path.
     */
    public static CommandCatalog withPluginJars(Collection<Path> jars) {
        var urls = new ArrayList<URL>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(new IOException("plugin jar " + jar + ": " + e.getMessage(), e));
            }
        }
        return withPlugins(new URLClassLoader(urls.toArray(URL[]::new), CommandCatalog.class.getClassLoader()));
    }

    private static List<CommandFamily> builtInFamilies() {
        return List.of(new DeviceInfoFamily(), new CertificateFamily(), new AttestationFamily(), new HashFamily(),
                new HmacFamily(), new KeyFamily(), new AesFamily(), new AsymmetricFamily(), new DebugFamily(),
                new DebugUnlockFamily(), new FuseFamily(), new OwnershipFamily());
    }

    public List<CommandFamily> families() {
        return families;
    }

    /** Every command the catalogue defines, by id. */
    public List<CommandType<?, ?>> commands() {
        return commands.values().stream().<CommandType<?, ?>>map(Defined::item).toList();
    }

    public Optional<CommandType<?, ?>> command(int id) {
        return Optional.ofNullable(commands.get(id)).map(Defined::item);
    }

    /** The dispatch table of a mailbox of {@code kind}, with the reason for each command it does not carry. */
    public MailboxCommandTable mailboxTable(DeviceKind kind) {
        return mailboxTables.get(kind);
    }

    /** The MCU (MCI) mailbox table: what the CLI's emulated subsystem target speaks. */
    public MailboxCommandTable mailboxTable() {
        return mailboxTable(DeviceKind.MCU);
    }

    /** The MCTP-VDM dispatch table, with the reason for each command it does not carry. */
    public VdmCommandTable vdmTable() {
        return vdmTable;
    }

    /** Every command, by id: name, description, family, and the routes that carry it. */
    public List<CommandInfo> listCommands() {
        return listing;
    }

    /** {@link #listCommands()} as a map by id, for look-ups. */
    public Map<Integer, CommandInfo> commandInfo() {
        return listing.stream().collect(Collectors.toMap(CommandInfo::id, i -> i, (a, b) -> a, TreeMap::new));
    }

}
