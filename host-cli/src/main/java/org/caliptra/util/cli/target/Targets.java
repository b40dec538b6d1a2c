package org.caliptra.util.cli.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;
import org.caliptra.util.host.transport.plugin.CommandTables;
import org.caliptra.util.host.transport.plugin.DeviceLink;
import org.caliptra.util.host.transport.plugin.TransportConfigurationException;
import org.caliptra.util.host.transport.plugin.TransportInfo;
import org.caliptra.util.host.transport.plugin.TransportRegistry;
import org.caliptra.util.host.transport.plugin.TransportSpec;
import org.caliptra.util.protocol.Generation;

/**
 * Wires a target URI to a transport: the one place that knows both the host library and the
 * emulator. The CLI and the C ABI both open targets through here; nothing here depends on the
 * command line.
 *
 * <p>URIs:
 * <ul>
 *   <li>{@code emulator[?name=value&…]}: an embedded emulated device ({@link EmbeddedTarget} lists
 *       the parameters: profile, driver, transport, mailbox);
 *   <li>{@code NAME[:PATH]} or {@code NAME://HOST[:PORT][/PATH]}, each with an optional query: the
 *       transport named NAME ({@link TransportRegistry}: the class path's providers — among them
 *       host-transport's built-in socket transports {@code udp}, {@code mctp-i3c}, {@code apb},
 *       {@code apb+unix}, {@code mbox} and {@code mbox+unix} — and the plugin path's jars), given
 *       the URI's parts as {@link TransportSpec#parse} reads them. A provider that makes a
 *       {@link DeviceLink} gets this catalogue's table for the link's route (MC_* codes for
 *       {@code udp://…} and {@code mbox://…}, runtime codes for {@code apb://…} and for
 *       {@code mailbox=core}, the VDM table for {@code mctp-i3c://…}); any other builds its own.
 * </ul>
 */
public final class Targets {
    /** The target used when neither {@code --target} nor {@code CALIPTRA_TARGET} names one. */
    public static final String DEFAULT = "emulator";
    public static final String ENVIRONMENT_VARIABLE = "CALIPTRA_TARGET";
    static final String EMULATOR = "emulator";

    private Targets() {}

    /** The target from the environment, or {@link #DEFAULT}. */
    public static String fromEnvironment() {
        String env = System.getenv(ENVIRONMENT_VARIABLE);
        return env == null || env.isBlank() ? DEFAULT : env.trim();
    }

    /** {@link #open(String, TargetOptions)} with no options. */
    public static OpenTarget open(String uri) {
        return open(uri, TargetOptions.none());
    }

    /**
     * Opens {@code uri}: for the embedded emulator, creates the device (booted when the first
     * session is connected, see {@link OpenTarget#boot()}); for a plugin scheme, creates the
     * plugin's transport.
     *
     * @throws TargetException for a URI or option that names nothing this tool can open (a usage error)
     */
    public static OpenTarget open(String uri, TargetOptions options) {
        if (uri == null || uri.isBlank()) {
            throw new TargetException("empty target; use e.g. --target " + DEFAULT);
        }
        String text = uri.strip();
        CommandCatalog catalog = catalog(options.pluginPath());
        if (isEmulator(text)) {
            return EmbeddedTarget.open(TargetUri.parse(text), options, catalog);
        }
        if (options.embeddedSettings()) {
            throw new TargetException("--device, --fw and --flash describe an embedded emulated device; target '" + text
                    + "' is not one (use --target emulator)");
        }
        return openPlugin(text, options.pluginPath(), catalog);
    }

    /** Whether {@code uri} names the embedded emulator: the word alone or followed by a query. */
    static boolean isEmulator(String uri) {
        return uri.equals(EMULATOR) || uri.startsWith(EMULATOR + "?");
    }

    /**
     * The built-in catalogue, or with the command families of the plugin path's jars. Only a given
     * plugin path is searched: scanning the class path for plugins costs more than a small command.
     */
    public static CommandCatalog catalog(List<Path> pluginPath) {
        if (pluginPath.isEmpty()) {
            return CommandCatalog.builtIn();
        }
        List<Path> jars = pluginJars(pluginPath);
        try {
            return jars.isEmpty() ? CommandCatalog.builtIn() : CommandCatalog.withPluginJars(jars);
        } catch (IllegalArgumentException | UncheckedIOException | java.util.ServiceConfigurationError e) {
            throw new TargetException("plugin path " + pluginPath + ": " + e.getMessage());
        }
    }

    /** The jars of a plugin path: each directory's {@code *.jar} in name order, and the jar files named. */
    static List<Path> pluginJars(List<Path> pluginPath) {
        var jars = new ArrayList<Path>();
        for (Path entry : pluginPath) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.list(entry)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new TargetException("plugin directory " + entry + " cannot be listed: " + e.getMessage());
                }
            } else if (Files.isRegularFile(entry)) {
                jars.add(entry);
            } else {
                throw new TargetException("plugin path entry " + entry + " is neither a directory nor a jar file");
            }
        }
        return jars;
    }

    /** The transport plugins of the class path and {@code pluginPath}, by name. */
    public static List<TransportInfo> listTransports(List<Path> pluginPath) {
        try (var registry = registry(pluginPath)) {
            return registry.listTransports();
        }
    }

    private static TransportRegistry registry(List<Path> pluginPath) {
        try {
            return TransportRegistry.load(Targets.class.getClassLoader(), pluginPath);
        } catch (TransportConfigurationException e) {
            throw new TargetException(e.getMessage());
        }
    }

    private static OpenTarget openPlugin(String uri, List<Path> pluginPath, CommandCatalog catalog) {
        TransportSpec spec;
        try {
            spec = TransportSpec.parse(uri);
        } catch (TransportConfigurationException e) {
            throw new TargetException(e.getMessage());
        }
        TransportRegistry registry = registry(pluginPath);
        try {
            if (registry.provider(spec.name()).isEmpty()) {
                throw unknown(uri, spec.name(), registry.listTransports());
            }
            Transport transport;
            Optional<Route> route;
            String description;
            try {
                Optional<DeviceLink> link = registry.link(spec);
                if (link.isPresent()) {
                    route = Optional.of(link.get() instanceof DeviceLink.Mailbox mailbox ? Route.of(mailbox.kind(), mailbox.generation()) : Route.MCTP_VDM);
                    transport = link.get().transport(tables(catalog));
                    description = spec.name() + " (" + transport.name() + ", " + route.get().description() + ")";
                } else {
                    route = Optional.empty();
                    transport = registry.create(spec);
                    description = spec.name() + " transport plugin (" + transport.name() + ")";
                }
            } catch (TransportConfigurationException e) {
                throw new TargetException("target '" + uri + "': " + e.getMessage());
            }
            return new OpenTarget(uri, description, transport, catalog, route, List.of(registry), () -> { });
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /** The catalogue's tables as a link takes them. */
    private static CommandTables tables(CommandCatalog catalog) {
        return new CommandTables() {
            @Override
            public MailboxCommandTable mailboxTable(DeviceKind kind) {
                return catalog.mailboxTable(kind);
            }

            @Override
            public MailboxCommandTable mailboxTable(DeviceKind kind, Generation generation) {
                return catalog.mailboxTable(kind, generation);
            }

            @Override
            public VdmCommandTable vdmTable() {
                return catalog.vdmTable();
            }
        };
    }

    private static TargetException unknown(String uri, String scheme, List<TransportInfo> plugins) {
        var known = new ArrayList<String>();
        known.add(EMULATOR);
        plugins.stream().map(TransportInfo::name).forEach(known::add);
        String supported = "supported targets are " + String.join(", ", known);
        return new TargetException("unknown target '" + uri + "': " + supported);
    }
}
