package org.caliptra.util.cli.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.session.SessionConfig;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;

/**
 * A target that has been opened: the transport to it, the catalogue its command tables come from,
 * the route those tables are for, and whatever backs it (an embedded device, plugin class
 * loaders). Closing it releases all of them, the transport first.
 */
public final class OpenTarget implements AutoCloseable {
    private final String uri;
    private final String description;
    private final Transport transport;
    private final CommandCatalog catalog;
    private final Optional<Route> route;
    private final List<AutoCloseable> backing;
    private final Runnable boot;
    private RuntimeException bootFailure;
    private boolean booted;

    /** @param boot brings an embedded device to runtime (throwing if it does not get there); a no-op for other targets */
    OpenTarget(String uri, String description, Transport transport, CommandCatalog catalog, Optional<Route> route,
            List<? extends AutoCloseable> backing, Runnable boot) {
        this.uri = Objects.requireNonNull(uri);
        this.description = Objects.requireNonNull(description);
        this.transport = Objects.requireNonNull(transport);
        this.catalog = Objects.requireNonNull(catalog);
        this.route = Objects.requireNonNull(route);
        this.backing = List.copyOf(backing);
        this.boot = Objects.requireNonNull(boot);
    }

    public String uri() {
        return uri;
    }

    /** What the target is, for messages: "embedded caliptra-2.1, MCU (MCI) mailbox, in-process driver". */
    public String description() {
        return description;
    }

    public Transport transport() {
        return transport;
    }

    /** The catalogue the target's command tables were built from (the built-in one, or with plugin families). */
    public CommandCatalog catalog() {
        return catalog;
    }

    /**
     * The route the target's commands take, which decides what it carries; empty for a plugin
     * transport, which builds its own tables.
     */
    public Optional<Route> route() {
        return route;
    }

    /** The kind of mailbox the commands go to; empty for MCTP-VDM and plugin transports. */
    public Optional<DeviceKind> deviceKind() {
        return route.flatMap(Route::deviceKind);
    }

    /**
     * Boots an embedded device to runtime, once: with the firmware it was opened with, else the
     * development bundle. A no-op for any other target, and after the first call; a boot that
     * failed fails again.
     *
     * @throws org.caliptra.util.cli.booted.DeviceFailureException naming the boot stage that failed
     */
    public synchronized void boot() {
        if (booted) {
            return;
        }
        if (bootFailure != null) {
            throw bootFailure;
        }
        try {
            boot.run();
        } catch (RuntimeException e) {
            bootFailure = e;
            throw e;
        }
        booted = true;
    }

    /** A new session over this target's transport with the default configuration, the device booted, already connected. */
    public CaliptraSession connect() {
        return connect(SessionConfig.defaults());
    }

    /** {@link #boot()}, then a new session over this target's transport, already connected. */
    public CaliptraSession connect(SessionConfig config) {
        boot();
        return connectUnbooted(config);
    }

    /**
     * A new session without booting an embedded device: for what its MCU answers from its own
     * configuration (GetDeviceId), which a boot — the development bundle's costs more than the rest
     * of such a command — would only delay. Commands that need the Caliptra core fail on it.
     */
    public CaliptraSession connectUnbooted(SessionConfig config) {
        var session = new CaliptraSession(transport, config);
        try {
            session.connect();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    @Override
    public void close() {
        var failures = new ArrayList<Exception>();
        try {
            transport.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        for (AutoCloseable b : backing) {
            try {
                b.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            var e = new IllegalStateException("closing " + uri + ": " + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }
}
