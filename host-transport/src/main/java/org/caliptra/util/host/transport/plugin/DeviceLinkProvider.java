package org.caliptra.util.host.transport.plugin;

import org.caliptra.util.host.transport.Transport;

/**
 * A transport provider whose transports carry the command catalogue's own commands (the built-in
 * socket schemes {@code udp} and {@code mctp-i3c}): it turns a target into a {@link DeviceLink} — a
 * driver and its route — and the catalogue's tables for that route complete the transport
 * ({@link TransportRegistry#create(TransportSpec, CommandTables)}). A plain
 * {@link TransportProvider} builds its own tables instead.
 */
public interface DeviceLinkProvider extends TransportProvider {
    /**
     * A new, not yet connected link for {@code spec}.
     *
     * @throws TransportConfigurationException when a parameter is missing, unknown or malformed
     */
    DeviceLink link(TransportSpec spec);

    /** @throws TransportConfigurationException always: a link needs the catalogue's tables */
    @Override
    default Transport create(TransportSpec spec) {
        throw new TransportConfigurationException("transport '" + name() + "' carries the command catalogue's commands: "
                + "create it with the catalogue's tables (TransportRegistry.create(spec, tables), or open it as a target)");
    }
}
