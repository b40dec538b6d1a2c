package org.caliptra.util.host.transport.socket;

import java.util.List;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.plugin.DeviceLink;
import org.caliptra.util.host.transport.plugin.DeviceLinkProvider;
import org.caliptra.util.host.transport.plugin.TransportSpec;

/**
 * {@code udp://HOST:PORT[?mailbox=mcu|core&timeout=MS&retries=N]}: mailbox commands in UDP
 * datagrams ({@link UdpMailboxDriver}). {@code mailbox} says which mailbox the server fronts and so
 * which command codes go out: {@code mcu} (default; the MC_* codes of a subsystem's MCU mailbox) or
 * {@code core} (a passive part's Caliptra core mailbox, its runtime codes; {@code generation=1} for a
 * Caliptra 1.x core). Defaults: host
 * 127.0.0.1, port 62222, timeout 3000 ms per transmission, 2 retransmissions.
 */
public final class UdpTransportProvider implements DeviceLinkProvider {
    public static final int DEFAULT_PORT = 62_222;
    /** Retransmissions a URI may ask for: each one may run the command again. */
    static final int MAX_RETRIES = 10;
    private static final List<String> PARAMETERS = List.of("mailbox", "generation", "timeout", "retries");

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public String description() {
        return "mailbox commands in UDP datagrams (udp://HOST:PORT?mailbox=mcu|core&generation=2|1&timeout=MS&retries=N; built in)";
    }

    @Override
    public DeviceLink link(TransportSpec spec) {
        SocketTargets.checkParameters(spec, PARAMETERS);
        var mailbox = SocketTargets.mailbox(spec, "mcu");
        int retries = spec.intParameter("retries", UdpMailboxDriver.DEFAULT_RETRIES);
        if (retries < 0 || retries > MAX_RETRIES) {
            throw SocketTargets.error(spec, "retries=" + retries + " is not a count from 0 to " + MAX_RETRIES);
        }
        var driver = new UdpMailboxDriver(SocketTargets.address(spec, DEFAULT_PORT),
                SocketTargets.timeout(spec, UdpMailboxDriver.DEFAULT_TIMEOUT), retries);
        return new DeviceLink.Mailbox(mailbox.kind(), mailbox.generation(), driver);
    }
}
