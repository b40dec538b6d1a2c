package org.caliptra.util.host.transport.mailbox;

import java.io.UncheckedIOException;
import java.util.Objects;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.soc.mailbox.RegisterMailboxDriver;

/**
 * A mailbox driver that performs the SoC mailbox protocol itself — lock, CMD, DLEN, data, EXECUTE,
 * status polls, response, release — over any {@link RegisterBus}: an embedded device's registers or
 * a remote device's over a register socket. The protocol is soc-driver's
 * {@link RegisterMailboxDriver} (the project's one implementation of it); this class picks the
 * register map for the {@link DeviceKind} and reads its outcome as a driver must.
 */
public final class RegisterBusMailboxDriver implements MailboxDriver {
    private final DeviceKind kind;
    private final MailboxRegisters registers;
    private final RegisterMailboxDriver protocol;
    private volatile boolean connected;

    /**
     * @param maxPolls how many status polls a command may take before it is a TIMEOUT (each poll
     *     idles the bus once; see {@link RegisterMailboxDriver#DEFAULT_MAX_POLLS})
     */
    public RegisterBusMailboxDriver(DeviceKind kind, RegisterBus bus, MailboxRegisters registers, int maxPolls) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.protocol = new RegisterMailboxDriver(bus, registers, maxPolls);
    }

    /** The Caliptra core mailbox ({@code mbox_csr}) of a {@code generation} device in passive mode. */
    public static RegisterBusMailboxDriver core(RegisterBus bus, Generation generation) {
        return new RegisterBusMailboxDriver(DeviceKind.CALIPTRA_CORE, bus, MailboxRegisters.core(generation),
                RegisterMailboxDriver.DEFAULT_MAX_POLLS);
    }

    /** MCU mailbox 0 of the MCI block at {@code mciBase} of a 2.x subsystem, with {@code sramBytes} of SRAM. */
    public static RegisterBusMailboxDriver mcu(RegisterBus bus, int mciBase, int sramBytes) {
        return new RegisterBusMailboxDriver(DeviceKind.MCU, bus, MailboxRegisters.mcu(mciBase, sramBytes),
                RegisterMailboxDriver.DEFAULT_MAX_POLLS);
    }

    public DeviceKind deviceKind() {
        return kind;
    }

    public MailboxRegisters registers() {
        return registers;
    }

    @Override
    public String name() {
        return "registers:" + registers.name();
    }

    /**
     * @throws MailboxException BUFFER_OVERFLOW for a request larger than the mailbox (nothing is
     *     written), BUSY when another requester holds the lock, TIMEOUT, DEVICE_ERROR with the
     *     device's error register, COMMUNICATION_ERROR when the bus itself fails
     * @throws org.caliptra.util.protocol.ProtocolException when the device breaks the protocol
     *     (a reserved status, a DLEN beyond its SRAM)
     */
    @Override
    public byte[] sendCommand(int externalCommand, byte[] payload) {
        if (!connected) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, name() + " driver is not connected");
        }
        if (payload.length > registers.capacity()) {
            throw new MailboxException(MailboxException.Kind.BUFFER_OVERFLOW, String.format(
                    "request of %d bytes exceeds the %d-byte %s", payload.length, registers.capacity(), registers.name()));
        }
        try {
            return MailboxReplies.responseOf(protocol.execute(externalCommand, payload));
        } catch (UncheckedIOException e) {
            // A remote bus lost its socket somewhere in the transaction: the command may have started.
            throw new MailboxException(MailboxException.Kind.COMMUNICATION_ERROR,
                    registers.name() + " bus failed: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void connect() {
        connected = true;
    }

    @Override
    public void disconnect() {
        connected = false;
    }
}
