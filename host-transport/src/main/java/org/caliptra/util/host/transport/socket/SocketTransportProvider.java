package org.caliptra.util.host.transport.socket;

import static org.caliptra.util.host.transport.socket.SocketTargets.error;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.InvalidPathException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.plugin.DeviceLink;
import org.caliptra.util.host.transport.plugin.DeviceLinkProvider;
import org.caliptra.util.host.transport.plugin.TransportSpec;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.caliptra.util.soc.mailbox.MailboxRegisters;

/**
 * The built-in providers of the ASPEED socket targets (docs/cli.md, docs/protocols.md):
 *
 * <ul>
 *   <li>{@code apb://HOST:PORT}, {@code apb+unix:PATH}: the mailbox protocol performed register by
 *       register over CPTR; {@code mailbox=core} (default: the Caliptra core mailbox, mbox_csr) or
 *       {@code mailbox=mcu} (MCI mailbox 0 of a caliptra-2.1 subsystem at {@code mci=ADDRESS},
 *       default 0x2100_0000, the emulator's);
 *   <li>{@code mbox://HOST:PORT}, {@code mbox+unix:PATH}: one MBOX request per command;
 *       {@code mailbox=mcu} (default: the server's device has an MCU, MC_* commands) or
 *       {@code mailbox=core} (a passive part: the Caliptra core mailbox's own commands).
 * </ul>
 * All take {@code connect-timeout=MS} (default 5000) and {@code timeout=MS} (each wait for a reply,
 * default 10000, at most an hour). Each makes a {@link DeviceLink.Mailbox} whose kind — the
 * {@code mailbox} parameter — decides which catalogue table (route) the transport carries.
 */
public abstract class SocketTransportProvider implements DeviceLinkProvider {
    /** Where the emulator's MCI block is unless its device file says otherwise (DeviceConfig.DEFAULT_MCI_BASE). */
    public static final int DEFAULT_MCI_BASE = 0x2100_0000;

    private final String name;
    private final boolean unix;
    private final boolean registers;

    SocketTransportProvider(String name, boolean unix, boolean registers) {
        this.name = name;
        this.unix = unix;
        this.registers = registers;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        String where = unix ? "a Unix socket (PATH)" : "TCP (host, port)";
        return registers ? "the mailbox through CPTR register accesses over " + where + "; mailbox=core|mcu, generation=2|1, mci, connect-timeout, timeout"
                : "MBOX mailbox transactions over " + where + "; mailbox=mcu|core, generation=2|1, connect-timeout, timeout";
    }

    @Override
    public final DeviceLink link(TransportSpec spec) {
        if (!unix && spec.parameter("path").isPresent()) {
            throw error(spec, "takes no path: " + name + "://HOST:PORT");
        }
        var allowed = new ArrayList<String>(unix ? List.of("path") : List.of("host", "port"));
        allowed.addAll(registers ? List.of("mailbox", "generation", "mci", "connect-timeout", "timeout") : List.of("mailbox", "generation", "connect-timeout", "timeout"));
        for (String key : spec.parameters().keySet()) {
            if (!allowed.contains(key)) {
                throw error(spec, "unknown parameter '" + key + "' (" + name + " takes " + String.join(", ", allowed) + ")");
            }
        }
        var mailbox = SocketTargets.mailbox(spec, registers ? "core" : "mcu");
        if (spec.parameter("mci").isPresent() && !mailbox.mcu()) {
            throw error(spec, "mci goes with mailbox=mcu: it places the MCU mailbox");
        }
        DeviceKind kind = mailbox.kind();
        SocketAddress address = address(spec);
        String peer = peer(address);
        var timeouts = new SocketTimeouts(millis(spec, "connect-timeout", SocketTimeouts.DEFAULT.connect()),
                millis(spec, "timeout", SocketTimeouts.DEFAULT.read()));
        MailboxDriver driver;
        if (registers) {
            MailboxRegisters map = kind == DeviceKind.MCU
                    ? MailboxRegisters.mcu(mciBase(spec), CmHashCommands.SUBSYSTEM_MAILBOX_SIZE)
                    : MailboxRegisters.core(MboxMessage.MAX_DATA_LENGTH);
            driver = new ApbMailboxDriver(address, peer, timeouts, kind, map);
        } else {
            int bytes = kind == DeviceKind.MCU ? CmHashCommands.SUBSYSTEM_MAILBOX_SIZE : MboxMessage.MAX_DATA_LENGTH;
            driver = new MboxSocketMailboxDriver(address, peer, timeouts, bytes);
        }
        return new DeviceLink.Mailbox(kind, mailbox.generation(), driver);
    }

    /** "apb 127.0.0.1:40001" or "mbox unix:/run/c.sock": as the server's ready line names the endpoint. */
    private String peer(SocketAddress address) {
        String kind = registers ? "apb" : "mbox";
        if (address instanceof UnixDomainSocketAddress u) {
            return kind + " unix:" + u.getPath();
        }
        var inet = (InetSocketAddress) address;
        String host = inet.getAddress().getHostAddress();
        return kind + " " + (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }

    private SocketAddress address(TransportSpec spec) {
        if (unix) {
            String path = spec.parameter("path").orElseThrow(() -> error(spec, "needs a socket path: " + name + ":PATH"));
            try {
                return UnixDomainSocketAddress.of(path);
            } catch (InvalidPathException e) {
                throw error(spec, "socket path is not a path: " + e.getReason());
            }
        }
        String host = spec.parameter("host").orElseThrow(() -> error(spec, "needs a host and port: " + name + "://HOST:PORT"));
        int port = spec.intParameter("port", 0);
        if (port <= 0) {
            throw error(spec, "needs a port from 1 to 65535: " + name + "://HOST:PORT");
        }
        var address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw error(spec, "host '" + host + "' does not resolve");
        }
        return address;
    }

    private static int mciBase(TransportSpec spec) {
        int base = spec.intParameter("mci", DEFAULT_MCI_BASE);
        if ((base & 0x00FF_FFFF) != 0) {
            throw error(spec, String.format("mci 0x%08X is not 16 MiB aligned", base));
        }
        return base;
    }

    private static Duration millis(TransportSpec spec, String key, Duration defaultValue) {
        int ms = spec.intParameter(key, (int) defaultValue.toMillis());
        if (ms <= 0 || ms > SocketTargets.MAX_TIMEOUT_MS) {
            throw error(spec, key + " " + ms + ": a number of milliseconds from 1 to " + SocketTargets.MAX_TIMEOUT_MS);
        }
        return Duration.ofMillis(ms);
    }

    /** {@code apb://HOST:PORT}. */
    public static final class Apb extends SocketTransportProvider {
        public Apb() {
            super("apb", false, true);
        }
    }

    /** {@code apb+unix:PATH}. */
    public static final class ApbUnix extends SocketTransportProvider {
        public ApbUnix() {
            super("apb+unix", true, true);
        }
    }

    /** {@code mbox://HOST:PORT}. */
    public static final class Mbox extends SocketTransportProvider {
        public Mbox() {
            super("mbox", false, false);
        }
    }

    /** {@code mbox+unix:PATH}. */
    public static final class MboxUnix extends SocketTransportProvider {
        public MboxUnix() {
            super("mbox+unix", true, false);
        }
    }
}
