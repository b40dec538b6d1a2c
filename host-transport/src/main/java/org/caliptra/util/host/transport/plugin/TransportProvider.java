package org.caliptra.util.host.transport.plugin;

import org.caliptra.util.host.transport.Transport;

/**
 * A kind of transport that can be created by name, the service interface of transport plugins.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.caliptra.util.host.transport.plugin.TransportProvider}, give it a
 * public no-argument constructor, and put it on the class path or in a jar in the plugin
 * directory ({@link TransportRegistry}).
 */
public interface TransportProvider {
    /** The name a target selects it by, e.g. "udp" or "mctp-i3c"; unique among all providers loaded. */
    String name();

    /** One line for listings, e.g. "mailbox commands in UDP datagrams (host, port)". */
    String description();

    /**
     * A new, not yet connected transport for {@code spec}.
     *
     * @throws TransportConfigurationException when a parameter is missing or malformed
     */
    Transport create(TransportSpec spec);
}
