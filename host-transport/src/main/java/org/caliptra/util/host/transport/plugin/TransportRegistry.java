package org.caliptra.util.host.transport.plugin;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.protocol.CaliptraException;

/**
 * The transports that can be created by name: every {@link TransportProvider} on the class path,
 * plus those in plugin jars.
 *
 * <p>A plugin path is a list of directories (each contributing its {@code *.jar} files, in name
 * order) or jar files, given explicitly or by the {@value #PLUGIN_PATH_VARIABLE} environment
 * variable ({@link File#pathSeparator}-separated). Each jar gets a class loader of its own whose
 * parent is this library's, so a plugin sees the host library but not other plugins: ship a
 * plugin with its dependencies inside. A jar without a
 * {@code META-INF/services/…TransportProvider} file is not a transport plugin and is skipped, since
 * the same directory may hold other kinds of plugin.
 *
 * <p>Loading fails as a whole, naming the culprit, when a jar cannot be read or its providers
 * cannot be instantiated, and when two providers claim one name (both origins are named): a
 * registry never silently picks one of two transports.
 *
 * <p>Close the registry when done with it: that closes the plugin jars. Transports created from a
 * plugin must be closed first.
 */
public final class TransportRegistry implements AutoCloseable {
    /** The environment variable that names the plugin path. */
    public static final String PLUGIN_PATH_VARIABLE = "CALIPTRA_PLUGIN_PATH";
    static final String SERVICE_FILE = "META-INF/services/" + TransportProvider.class.getName();

    private record Entry(TransportProvider provider, TransportInfo info) {}

    private final Map<String, Entry> byName;
    private final List<URLClassLoader> pluginLoaders;

    private TransportRegistry(Map<String, Entry> byName, List<URLClassLoader> pluginLoaders) {
        this.byName = byName;
        this.pluginLoaders = pluginLoaders;
    }

    /** The class path's providers plus the plugin jars named by {@value #PLUGIN_PATH_VARIABLE}. */
    public static TransportRegistry load() {
        return load(defaultClassLoader(), pluginPath(System.getenv(PLUGIN_PATH_VARIABLE)));
    }

    /** The providers {@code classPath} sees plus those in the jars of {@code pluginPath}. */
    public static TransportRegistry load(ClassLoader classPath, List<Path> pluginPath) {
        var byName = new LinkedHashMap<String, Entry>();
        var loaders = new ArrayList<URLClassLoader>();
        try {
            loadFromClassPath(classPath, byName);
            for (Path jar : pluginJars(pluginPath)) {
                loadFromJar(jar, classPath, byName, loaders);
            }
        } catch (RuntimeException | Error e) {
            closeAll(loaders);
            throw e;
        }
        return new TransportRegistry(byName, List.copyOf(loaders));
    }

    /** The entries of a {@value #PLUGIN_PATH_VARIABLE}-style value; empty entries and a null value give none. */
    public static List<Path> pluginPath(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Stream.of(value.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** The transports, by name. */
    public List<TransportInfo> listTransports() {
        return byName.values().stream().map(Entry::info).sorted(Comparator.comparing(TransportInfo::name)).toList();
    }

    public Optional<TransportProvider> provider(String name) {
        return Optional.ofNullable(byName.get(name)).map(Entry::provider);
    }

    /**
     * A new, not yet connected transport.
     *
     * @throws TransportConfigurationException when no provider has that name, a parameter is wrong,
     *     or the provider fails
     */
    public Transport create(TransportSpec spec) {
        Entry entry = byName.get(spec.name());
        if (entry == null) {
            throw unknown(spec.name());
        }
        Transport transport;
        try {
            transport = entry.provider().create(spec);
        } catch (CaliptraException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new TransportConfigurationException(String.format("transport '%s' (%s from %s) failed to create: %s",
                    spec.name(), entry.info().providerClass(), entry.info().origin(), e), e);
        }
        if (transport == null) {
            throw new TransportConfigurationException(String.format("transport '%s' (%s from %s) created nothing",
                    spec.name(), entry.info().providerClass(), entry.info().origin()));
        }
        return transport;
    }

    /**
     * A new, not yet connected transport that carries the commands of {@code tables}: for a
     * {@link DeviceLinkProvider}, its link for {@code spec} with the table of the link's route; for
     * any other provider, {@link #create(TransportSpec)}.
     *
     * @throws TransportConfigurationException as {@link #create(TransportSpec)}
     */
    public Transport create(TransportSpec spec, CommandTables tables) {
        Entry entry = byName.get(spec.name());
        if (entry != null && entry.provider() instanceof DeviceLinkProvider links) {
            return link(spec, entry, links).transport(tables);
        }
        return create(spec);
    }

    /**
     * The link a {@link DeviceLinkProvider} makes of {@code spec}; empty when the named provider
     * builds whole transports itself.
     *
     * @throws TransportConfigurationException when no provider has that name, a parameter is wrong,
     *     or the provider fails
     */
    public Optional<DeviceLink> link(TransportSpec spec) {
        Entry entry = byName.get(spec.name());
        if (entry == null) {
            throw unknown(spec.name());
        }
        return entry.provider() instanceof DeviceLinkProvider links ? Optional.of(link(spec, entry, links)) : Optional.empty();
    }

    private static DeviceLink link(TransportSpec spec, Entry entry, DeviceLinkProvider links) {
        DeviceLink link;
        try {
            link = links.link(spec);
        } catch (CaliptraException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new TransportConfigurationException(String.format("transport '%s' (%s from %s) failed to create: %s",
                    spec.name(), entry.info().providerClass(), entry.info().origin(), e), e);
        }
        if (link == null) {
            throw new TransportConfigurationException(String.format("transport '%s' (%s from %s) created nothing",
                    spec.name(), entry.info().providerClass(), entry.info().origin()));
        }
        return link;
    }

    private TransportConfigurationException unknown(String name) {
        return new TransportConfigurationException("no transport named '" + name + "'; known: "
                + (byName.isEmpty() ? "none" : byName.keySet().stream().sorted().collect(Collectors.joining(", "))));
    }

    /** {@link #create(TransportSpec)} of {@code new TransportSpec(name, parameters)}. */
    public Transport create(String name, Map<String, String> parameters) {
        return create(new TransportSpec(name, parameters));
    }

    @Override
    public void close() {
        closeAll(pluginLoaders);
    }

    private static void loadFromClassPath(ClassLoader loader, Map<String, Entry> byName) {
        var iterator = ServiceLoader.load(TransportProvider.class, loader).iterator();
        while (true) {
            TransportProvider provider;
            try {
                if (!iterator.hasNext()) {
                    return;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new TransportConfigurationException("a transport provider on the class path cannot be loaded: " + e.getMessage(), e);
            }
            register(provider, classPathOrigin(provider.getClass()), byName);
        }
    }

    private static void loadFromJar(Path jar, ClassLoader parent, Map<String, Entry> byName, List<URLClassLoader> loaders) {
        try (var file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                return;
            }
        } catch (IOException e) {
            throw new TransportConfigurationException("plugin jar " + jar + " cannot be read as a jar: " + e.getMessage(), e);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new TransportConfigurationException("plugin jar " + jar + " has no usable URL: " + e.getMessage(), e);
        }
        loaders.add(loader);
        try {
            // The loader also sees the class path's service files; only the providers this jar
            // defines are its own (a class that is also on the class path is loaded from there).
            for (var candidate : ServiceLoader.load(TransportProvider.class, loader).stream().toList()) {
                if (candidate.type().getClassLoader() == loader) {
                    register(candidate.get(), jar.toString(), byName);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new TransportConfigurationException("plugin jar " + jar + " does not load: " + e.getMessage(), e);
        }
    }

    private static void register(TransportProvider provider, String origin, Map<String, Entry> byName) {
        String providerClass = provider.getClass().getName();
        String name;
        String description;
        try {
            name = provider.name();
            description = provider.description();
        } catch (RuntimeException e) {
            throw new TransportConfigurationException(
                    String.format("transport provider %s from %s cannot say its name: %s", providerClass, origin, e), e);
        }
        if (name == null || name.isBlank()) {
            throw new TransportConfigurationException(String.format("transport provider %s from %s has no name", providerClass, origin));
        }
        var info = new TransportInfo(name, description == null ? "" : description, providerClass, origin);
        Entry previous = byName.putIfAbsent(name, new Entry(provider, info));
        if (previous != null) {
            throw new TransportConfigurationException(String.format("transport name '%s' is provided twice: by %s from %s and by %s from %s",
                    name, previous.info().providerClass(), previous.info().origin(), providerClass, origin));
        }
    }

    private static List<Path> pluginJars(List<Path> pluginPath) {
        var jars = new ArrayList<Path>();
        for (Path entry : pluginPath) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.list(entry)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new TransportConfigurationException("plugin directory " + entry + " cannot be listed: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(entry)) {
                jars.add(entry);
            } else {
                throw new TransportConfigurationException("plugin path entry " + entry + " is neither a directory nor a jar file");
            }
        }
        return jars;
    }

    private static String classPathOrigin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "the class path";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (Exception e) {
            return source.getLocation().toString();
        }
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TransportRegistry.class.getClassLoader();
    }

    private static void closeAll(List<URLClassLoader> loaders) {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                // Closing only releases the jar's file handle; nothing to report to the caller.
            }
        }
    }
}
