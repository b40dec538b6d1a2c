package org.caliptra.util.host.transport.socket;

import java.util.List;
import org.caliptra.util.host.transport.plugin.DeviceLink;
import org.caliptra.util.host.transport.plugin.DeviceLinkProvider;
import org.caliptra.util.host.transport.plugin.TransportSpec;

/**
 * {@code mctp-i3c://HOST:PORT[?addr=N&timeout=MS]}: MCTP vendor-defined messages over the I3C
 * socket ({@link I3cSocketMctpDriver}). {@code addr} is the target's dynamic address (default 8, a
 * valid I3C dynamic address: 0x08–0x3D, 0x3F–0x6D, 0x6F–0x75; decimal or 0x-hex). Defaults: host
 * 127.0.0.1, port 63333, timeout 5000 ms per exchange.
 */
public final class MctpI3cTransportProvider implements DeviceLinkProvider {
    public static final int DEFAULT_PORT = 63_333;
    private static final List<String> PARAMETERS = List.of("addr", "timeout");

    @Override
    public String name() {
        return "mctp-i3c";
    }

    @Override
    public String description() {
        return "MCTP-VDM over the I3C socket (mctp-i3c://HOST:PORT?addr=8&timeout=MS; built in)";
    }

    @Override
    public DeviceLink link(TransportSpec spec) {
        SocketTargets.checkParameters(spec, PARAMETERS);
        int address = spec.intParameter("addr", I3cSocketMctpDriver.DEFAULT_TARGET_ADDRESS);
        if (!isDynamicAddress(address)) {
            throw SocketTargets.error(spec, String.format("addr=%s is not an I3C dynamic address (0x08-0x3D, 0x3F-0x6D, 0x6F-0x75)",
                    spec.parameter("addr").orElse("")));
        }
        return new DeviceLink.MctpVdm(new I3cSocketMctpDriver(SocketTargets.address(spec, DEFAULT_PORT), address,
                SocketTargets.timeout(spec, I3cSocketMctpDriver.DEFAULT_TIMEOUT)));
    }

    /** The addresses a controller may assign dynamically: 7 bits, less 0x00–0x07, 0x3E, 0x6E and 0x76–0x7F. */
    static boolean isDynamicAddress(int address) {
        return (address >= 0x08 && address <= 0x3D) || (address >= 0x3F && address <= 0x6D) || (address >= 0x6F && address <= 0x75);
    }
}
