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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
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
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * The command catalogue: command families, the commands they define, and the per-route dispatch
 * tables built from them — one mailbox table per {@link DeviceKind} and one MCTP-VDM table, each
 * with a reason for every command it does not carry.
 *
 * <p>Catalogues: the families this module ships ({@link #builtIn()}); those plus every plugin family
 * registered with {@link ServiceLoader} on the class path ({@link #standard()}), in a given class
 * loader ({@link #withPlugins(ClassLoader)}) or in given jars ({@link #withPluginJars(Collection)}).
 * A plugin that defines or maps an id some other family already does is refused, naming both.
 *
 * <p>A family with an {@link CommandFamily.Outline outline} (every built-in one) is checked from the
 * outline and its commands and mappings are built when one of them is first used: a caller that
 * sends one command loads that family's codecs, not the whole catalogue's. Immutable and
 * thread-safe.
 */
public final class CommandCatalog {
    private static final class BuiltIn {
        static final CommandCatalog INSTANCE = new CommandCatalog(builtInFamilies());
    }

    private static final class Standard {
        static final CommandCatalog INSTANCE = withPlugins(CommandCatalog.class.getClassLoader());
    }

    private final List<CommandFamily> families;
    /** id → defining family, in id order. */
    private final Map<Integer, CommandFamily> definedBy = new TreeMap<>();
    /** id → command name, known without building a command. */
    private final Map<Integer, String> names = new HashMap<>();
    /** route → id → family that carries it. */
    private final Map<Route, Map<Integer, CommandFamily>> carriedBy = new EnumMap<>(Route.class);
    /** family → route → id → mapping (MailboxCommandMapping or VdmCommandMapping), built on first use. */
    private final Map<CommandFamily, Map<Route, Map<Integer, Object>>> built = new IdentityHashMap<>();
    private final Map<DeviceKind, MailboxCommandTable> mailboxTables = new EnumMap<>(DeviceKind.class);
    private VdmCommandTable vdmTable;
    private List<CommandType<?, ?>> commands;
    private List<CommandInfo> listing;

    private CommandCatalog(List<CommandFamily> families) {
        this.families = List.copyOf(families);
        for (Route route : Route.values()) {
            carriedBy.put(route, new TreeMap<>());
        }
        for (CommandFamily family : families) {
            Optional<CommandFamily.Outline> outline = family.outline();
            if (outline.isPresent()) {
                for (int id : new java.util.TreeSet<>(outline.get().commands())) {
                    define(family, id, CommandId.fromValue(id).map(CommandId::commandName).orElse(String.format("0x%04X", id)));
                }
                for (Route route : Route.values()) {
                    for (int id : new java.util.TreeSet<>(outline.get().carried(route))) {
                        carry(family, route, id);
                    }
                }
            } else {
                for (CommandType<?, ?> type : family.commands()) {
                    define(family, type.id(), type.name());
                }
                for (Route route : Route.values()) {
                    for (Map.Entry<Integer, Object> m : realize(family, route).entrySet()) {
                        carry(family, route, m.getKey());
                    }
                }
            }
        }
        for (Route route : Route.values()) {
            for (var e : carriedBy.get(route).entrySet()) {
                if (!definedBy.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(String.format(
                            "family '%s' maps command id 0x%04X (%s over %s), which no family of the catalogue defines",
                            e.getValue().name(), e.getKey(), mappingName(e.getValue(), route, e.getKey()), routeName(route)));
                }
            }
        }
    }

    private void define(CommandFamily family, int id, String name) {
        CommandFamily previous = definedBy.putIfAbsent(id, family);
        if (previous != null) {
            throw new IllegalArgumentException(String.format("command id 0x%04X is defined twice: %s by family '%s' and %s by family '%s'",
                    id, names.get(id), previous.name(), name, family.name()));
        }
        names.put(id, name);
    }

    private void carry(CommandFamily family, Route route, int id) {
        CommandFamily previous = carriedBy.get(route).putIfAbsent(id, family);
        if (previous != null) {
            throw new IllegalArgumentException(String.format(
                    "command id 0x%04X (%s) is mapped twice over %s: %s by family '%s' and %s by family '%s'", id,
                    names.getOrDefault(id, "not defined"), routeName(route), mappingName(previous, route, id), previous.name(),
                    mappingName(family, route, id), family.name()));
        }
    }

    private static String routeName(Route route) {
        return route.deviceKind().map(DeviceKind::description).orElse("MCTP-VDM");
    }

    private String mappingName(CommandFamily family, Route route, int id) {
        Object m = realize(family, route).get(id);
        return m instanceof MailboxCommandMapping mm ? mm.name() : m instanceof VdmCommandMapping vm ? vm.name() : "?";
    }

    /** The family's mappings over {@code route}, built once. */
    private synchronized Map<Integer, Object> realize(CommandFamily family, Route route) {
        return built.computeIfAbsent(family, f -> new EnumMap<>(Route.class)).computeIfAbsent(route, r -> {
            var byId = new LinkedHashMap<Integer, Object>();
            List<?> mappings = r.deviceKind().<List<?>>map(family::mailboxMappings).orElseGet(family::vdmMappings);
            for (Object m : mappings) {
                int id = m instanceof MailboxCommandMapping mm ? mm.commandId() : ((VdmCommandMapping) m).commandId();
                if (byId.putIfAbsent(id, m) != null) {
                    throw new IllegalArgumentException(String.format("family '%s' maps command id 0x%04X twice over %s", family.name(),
                            id, routeName(r)));
                }
            }
            return byId;
        });
    }

    private Object mapping(CommandFamily family, Route route, int id) {
        Object m = realize(family, route).get(id);
        if (m == null) {
            throw new IllegalStateException(String.format("family '%s' outlines command id 0x%04X over %s but does not map it",
                    family.name(), id, routeName(route)));
        }
        return m;
    }

    /** For each command {@code route} does not carry: which routes do, or that none does. */
    private Map<Integer, String> reasons(Route route) {
        var reasons = new HashMap<Integer, String>();
        for (int id : definedBy.keySet()) {
            if (carriedBy.get(route).containsKey(id)) {
                continue;
            }
            String command = CommandId.describe(id, names.get(id));
            var by = new StringBuilder();
            for (Route r : Route.values()) {
                if (carriedBy.get(r).containsKey(id)) {
                    by.append(by.length() == 0 ? "" : " or ").append(r.description());
                }
            }
            reasons.put(id, by.length() == 0
                    ? "no Caliptra target carries " + command + ": no MCU mailbox, Caliptra core mailbox or MCTP-VDM command implements it"
                    : command + " is not carried by " + route.description() + "; it travels over " + by);
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

    /** Every command the catalogue defines, by id (builds every family's commands). */
    public synchronized List<CommandType<?, ?>> commands() {
        if (commands == null) {
            var byId = new TreeMap<Integer, CommandType<?, ?>>();
            for (CommandFamily family : families) {
                for (CommandType<?, ?> type : family.commands()) {
                    if (definedBy.get(type.id()) != family || !type.name().equals(names.get(type.id()))) {
                        throw new IllegalStateException(String.format("family '%s' defines %s, which its outline does not",
                                family.name(), type.describe()));
                    }
                    byId.put(type.id(), type);
                }
            }
            if (!byId.keySet().equals(definedBy.keySet())) {
                throw new IllegalStateException("the families' outlines define " + definedBy.keySet().size()
                        + " commands, their commands() " + byId.size());
            }
            commands = List.copyOf(byId.values());
        }
        return commands;
    }

    public Optional<CommandType<?, ?>> command(int id) {
        CommandFamily family = definedBy.get(id);
        if (family == null) {
            return Optional.empty();
        }
        return family.commands().stream().<CommandType<?, ?>>map(t -> t).filter(t -> t.id() == id).findFirst();
    }

    /** The dispatch table of a mailbox of {@code kind}, with the reason for each command it does not carry. */
    public synchronized MailboxCommandTable mailboxTable(DeviceKind kind) {
        return mailboxTables.computeIfAbsent(kind, k -> {
            Route route = Route.of(k);
            var mappings = new ArrayList<MailboxCommandMapping>();
            carriedBy.get(route).forEach((id, family) -> mappings.add(family.outline().isPresent()
                    ? new LazyMailboxMapping(id, () -> (MailboxCommandMapping) mapping(family, route, id))
                    : (MailboxCommandMapping) mapping(family, route, id)));
            return MailboxCommandTable.of(mappings).withUnsupported(reasons(route));
        });
    }

    /** The MCU (MCI) mailbox table: what the CLI's emulated subsystem target speaks. */
    public MailboxCommandTable mailboxTable() {
        return mailboxTable(DeviceKind.MCU);
    }

    /** The MCTP-VDM dispatch table, with the reason for each command it does not carry. */
    public synchronized VdmCommandTable vdmTable() {
        if (vdmTable == null) {
            var mappings = new ArrayList<VdmCommandMapping>();
            carriedBy.get(Route.MCTP_VDM).forEach((id, family) -> mappings.add(family.outline().isPresent()
                    ? new LazyVdmMapping(id, () -> (VdmCommandMapping) mapping(family, Route.MCTP_VDM, id))
                    : (VdmCommandMapping) mapping(family, Route.MCTP_VDM, id)));
            vdmTable = VdmCommandTable.of(mappings).withUnsupported(reasons(Route.MCTP_VDM));
        }
        return vdmTable;
    }

    /** Every command, by id: name, description, family, and the routes that carry it (builds everything). */
    public synchronized List<CommandInfo> listCommands() {
        if (listing == null) {
            var list = new ArrayList<CommandInfo>();
            for (CommandType<?, ?> type : commands()) {
                var carriers = new EnumMap<Route, String>(Route.class);
                for (Route route : Route.values()) {
                    CommandFamily family = carriedBy.get(route).get(type.id());
                    if (family != null) {
                        Object m = mapping(family, route, type.id());
                        carriers.put(route, m instanceof MailboxCommandMapping mm ? mm.name() + " " + FourCc.describe(mm.externalCommand())
                                : ((VdmCommandMapping) m).name());
                    }
                }
                list.add(new CommandInfo(type.id(), type.name(), type.description(), definedBy.get(type.id()).name(), type.idempotent(),
                        carriers));
            }
            listing = List.copyOf(list);
        }
        return listing;
    }

    /** {@link #listCommands()} as a map by id, for look-ups. */
    public Map<Integer, CommandInfo> commandInfo() {
        return listCommands().stream().collect(Collectors.toMap(CommandInfo::id, i -> i, (a, b) -> a, TreeMap::new));
    }

    /** A value built on first use (a benign race may build it twice; both builds are equal). */
    private static final class Built<T> {
        private final Supplier<T> build;
        private volatile T value;

        Built(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T v = value;
            if (v == null) {
                v = build.get();
                value = v;
            }
            return v;
        }
    }

    /** A mapping whose id is known from an outline and whose conversions are built when first used. */
    private static final class LazyMailboxMapping implements MailboxCommandMapping {
        private final int id;
        private final Built<MailboxCommandMapping> target;

        LazyMailboxMapping(int id, Supplier<MailboxCommandMapping> build) {
            this.id = id;
            this.target = new Built<>(build);
        }

        private MailboxCommandMapping target() {
            return target.get();
        }

        @Override
        public int commandId() {
            return id;
        }

        @Override
        public int externalCommand() {
            return target().externalCommand();
        }

        @Override
        public String name() {
            return target().name();
        }

        @Override
        public byte[] toExternalRequest(byte[] internalRequest) {
            return target().toExternalRequest(internalRequest);
        }

        @Override
        public byte[] toInternalResponse(MailboxFrame.Response response) {
            return target().toInternalResponse(response);
        }
    }

    /** The MCTP-VDM twin of {@link LazyMailboxMapping}. */
    private static final class LazyVdmMapping implements VdmCommandMapping {
        private final int id;
        private final Built<VdmCommandMapping> target;

        LazyVdmMapping(int id, Supplier<VdmCommandMapping> build) {
            this.id = id;
            this.target = new Built<>(build);
        }

        private VdmCommandMapping target() {
            return target.get();
        }

        @Override
        public int commandId() {
            return id;
        }

        @Override
        public int vdmCommand() {
            return target().vdmCommand();
        }

        @Override
        public String name() {
            return target().name();
        }

        @Override
        public byte[] toVdmPayload(byte[] internalRequest) {
            return target().toVdmPayload(internalRequest);
        }

        @Override
        public byte[] toInternalResponse(byte[] responseData) {
            return target().toInternalResponse(responseData);
        }
    }
}
