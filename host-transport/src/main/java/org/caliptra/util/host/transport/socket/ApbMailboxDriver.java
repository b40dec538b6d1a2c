package org.caliptra.util.host.transport.socket;

import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.util.Objects;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.host.transport.mailbox.RegisterBusMailboxDriver;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.soc.mailbox.RegisterMailboxDriver;

/**
 * The mailbox of a served device, driven register by register over a {@link CptrRegisterBus}:
 * {@link RegisterBusMailboxDriver} (the one implementation of the SoC mailbox protocol) on a
 * connection this driver opens on {@link #connect()} and closes on {@link #disconnect()}. A
 * connection that failed is not ready, so a session reconnects it.
 */
public final class ApbMailboxDriver implements MailboxDriver {
    private final SocketAddress address;
    private final String peer;
    private final SocketTimeouts timeouts;
    private final DeviceKind kind;
    private final MailboxRegisters registers;
    private volatile CptrRegisterBus bus;
    private volatile RegisterBusMailboxDriver driver;

    /**
     * @param peer how messages name the endpoint, e.g. "apb 127.0.0.1:40001"
     * @param kind which mailbox {@code registers} are: the core mailbox or an MCU mailbox
     */
    public ApbMailboxDriver(SocketAddress address, String peer, SocketTimeouts timeouts, DeviceKind kind, MailboxRegisters registers) {
        this.address = Objects.requireNonNull(address, "address");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.registers = Objects.requireNonNull(registers, "registers");
    }

    public DeviceKind deviceKind() {
        return kind;
    }

    @Override
    public String name() {
        return peer + " registers:" + registers.name();
    }

    @Override
    public byte[] sendCommand(int externalCommand, byte[] payload) {
        RegisterBusMailboxDriver current = driver;
        if (current == null) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, peer + " is not connected");
        }
        return current.sendCommand(externalCommand, payload);
    }

    @Override
    public boolean isReady() {
        CptrRegisterBus current = bus;
        return current != null && current.isOpen();
    }

    /** Opens the connection, unless the one open is still usable. */
    @Override
    public synchronized void connect() {
        if (isReady()) {
            return;
        }
        disconnect();
        CptrRegisterBus opened;
        try {
            opened = CptrRegisterBus.connect(address, peer, timeouts);
        } catch (UncheckedIOException e) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, e.getMessage(), e);
        }
        var protocol = new RegisterBusMailboxDriver(kind, opened, registers, RegisterMailboxDriver.DEFAULT_MAX_POLLS);
        protocol.connect();
        bus = opened;
        driver = protocol;
    }

    @Override
    public void disconnect() {
        RegisterBusMailboxDriver d = driver;
        CptrRegisterBus b = bus;
        driver = null;
        bus = null;
        if (d != null) {
            d.disconnect();
        }
        if (b != null) {
            b.close();
        }
    }
}
