package org.caliptra.util.host.transport.socket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.protocol.Generation;
import java.util.List;
import org.caliptra.util.host.transport.plugin.TransportConfigurationException;
import org.caliptra.util.host.transport.plugin.TransportSpec;

/** How the socket schemes read their target URIs: the parameters they know, host and port, and the bounds of each. */
final class SocketTargets {
    static final String DEFAULT_HOST = "127.0.0.1";
    /** The longest timeout a URI may ask for: beyond it a session's own timeout has long fired. */
    static final long MAX_TIMEOUT_MS = 3_600_000;

    private SocketTargets() {}

    /** @throws TransportConfigurationException naming a parameter outside {@code allowed} or a path */
    static void checkParameters(TransportSpec spec, List<String> allowed) {
        if (spec.parameter("path").isPresent()) {
            throw error(spec, "takes no path ('" + spec.parameter("path").get() + "'); the form is " + spec.name()
                    + "://HOST:PORT?" + String.join("&", allowed.stream().map(k -> k + "=…").toList()));
        }
        for (String key : spec.parameters().keySet()) {
            if (!key.equals("host") && !key.equals("port") && !allowed.contains(key)) {
                throw error(spec, "unknown parameter '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The URI's host (default 127.0.0.1) and port (default {@code defaultPort}), resolved. */
    static InetSocketAddress address(TransportSpec spec, int defaultPort) {
        String host = spec.parameter("host").orElse(DEFAULT_HOST);
        int port = spec.intParameter("port", defaultPort);
        if (port < 1 || port > 65535) {
            throw error(spec, "port " + port + " names no server (1 to 65535)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw error(spec, "unknown host '" + host + "'");
        }
    }

    /** Which mailbox a mailbox target's commands go to, and the generation of the device behind it. */
    record MailboxChoice(DeviceKind kind, Generation generation) {
        boolean mcu() {
            return kind == DeviceKind.MCU;
        }
    }

    /**
     * The {@code mailbox} parameter ({@code mcu} or {@code core}, default {@code defaultMailbox}) and
     * the {@code generation} parameter ({@code 2} or {@code 1}, also {@code 2.x}/{@code 1.x}; default
     * 2): a Caliptra 1.x core serves its own command codes, and an MCU is always 2.x.
     */
    static MailboxChoice mailbox(TransportSpec spec, String defaultMailbox) {
        String mailbox = spec.parameter("mailbox").orElse(defaultMailbox);
        DeviceKind kind = switch (mailbox) {
            case "mcu" -> DeviceKind.MCU;
            case "core" -> DeviceKind.CALIPTRA_CORE;
            default -> throw error(spec, "unknown mailbox '" + mailbox + "' (known: mcu, core)");
        };
        String value = spec.parameter("generation").orElse("2");
        Generation generation = switch (value) {
            case "2", "2.x" -> Generation.V2;
            case "1", "1.x" -> Generation.V1;
            default -> throw error(spec, "unknown generation '" + value + "' (known: 2, 1)");
        };
        if (kind == DeviceKind.MCU && generation == Generation.V1) {
            throw error(spec, "generation=1 goes with mailbox=core: a Caliptra 1.x part has no MCU");
        }
        return new MailboxChoice(kind, generation);
    }

    static Duration timeout(TransportSpec spec, Duration defaultValue) {
        int ms = spec.intParameter("timeout", (int) defaultValue.toMillis());
        if (ms < 1 || ms > MAX_TIMEOUT_MS) {
            throw error(spec, "timeout=" + ms + " is not a number of milliseconds from 1 to " + MAX_TIMEOUT_MS);
        }
        return Duration.ofMillis(ms);
    }

    static TransportConfigurationException error(TransportSpec spec, String problem) {
        return new TransportConfigurationException("transport '" + spec.name() + "': " + problem);
    }
}
