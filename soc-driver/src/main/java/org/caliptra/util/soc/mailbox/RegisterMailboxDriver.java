package org.caliptra.util.soc.mailbox;

import java.util.Objects;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/**
 * The SoC's side of one mailbox transaction (spec/device.md §2.1), over any {@link RegisterBus}:
 * read LOCK (a 1 means another requester holds it: {@link MailboxReply.Busy}), write CMD, DLEN and
 * the data, set EXECUTE, poll the status for at most {@code maxPolls} polls (idling the bus between
 * them), read DLEN and the response, and clear EXECUTE to release the mailbox. A command the device
 * never answers ends as {@link MailboxReply.Timeout}; a failure carries the device's error register.
 *
 * <p>The whole transaction is one {@linkplain RegisterBus#exclusive exclusive} sequence, so another
 * bus master's accesses never interleave with it. This is the only implementation of the mailbox
 * protocol in the project: the emulator's own {@link MailboxPort}, the boot flow and the host
 * library's register targets all use it.
 */
public final class RegisterMailboxDriver implements MailboxPort {
    /** The reference SoC driver's bound: 400 000 polls, about 100 ms at 400 MHz. */
    public static final int DEFAULT_MAX_POLLS = 400_000;

    private final RegisterBus bus;
    private final MailboxRegisters registers;
    private final int maxPolls;

    public RegisterMailboxDriver(RegisterBus bus, MailboxRegisters registers, int maxPolls) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.registers = Objects.requireNonNull(registers, "registers");
        if (maxPolls < 1) {
            throw new IllegalArgumentException("maxPolls must be at least 1: " + maxPolls);
        }
        this.maxPolls = maxPolls;
    }

    public RegisterMailboxDriver(RegisterBus bus, MailboxRegisters registers) {
        this(bus, registers, DEFAULT_MAX_POLLS);
    }

    public MailboxRegisters registers() {
        return registers;
    }

    /**
     * @throws ProtocolException when the request does not fit the mailbox, or the device answers
     *     with a reserved status or a DLEN larger than its SRAM
     */
    @Override
    public MailboxReply execute(int command, byte[] request) {
        if (request.length > registers.capacity()) {
            throw new ProtocolException(String.format("request of %d bytes for command 0x%08X exceeds the %d-byte %s",
                    request.length, command, registers.capacity(), registers.name()));
        }
        return bus.exclusive(b -> transact(b, command, request));
    }

    private MailboxReply transact(RegisterBus b, int command, byte[] request) {
        if ((b.read32(registers.lock()) & 1) != 0) {
            return new MailboxReply.Busy();
        }
        try {
            b.write32(registers.command(), command);
            b.write32(registers.dataLength(), request.length);
            if (registers.fifo()) {
                b.writeFifo(registers.dataIn(), request, 0, request.length);
            } else {
                b.writeBlock(registers.dataIn(), request, 0, request.length);
            }
            b.write32(registers.execute(), 1);
            int raw = MailboxStatus.CMD_BUSY.value();
            for (int poll = 0; poll < maxPolls && raw == MailboxStatus.CMD_BUSY.value(); poll++) {
                b.idle();
                raw = b.read32(registers.status()) & 0xF;
            }
            MailboxStatus status = MailboxStatus.fromField(raw);
            if (status == null) {
                throw new ProtocolException(String.format("%s status of command 0x%08X reads reserved value %d",
                        registers.name(), command, raw));
            }
            return switch (status) {
                case CMD_BUSY -> new MailboxReply.Timeout(maxPolls);
                case DATA_READY -> new MailboxReply.Data(readResponse(b, command));
                case CMD_COMPLETE -> new MailboxReply.Complete();
                case CMD_FAILURE -> new MailboxReply.Failure(errorCode(b));
            };
        } finally {
            b.write32(registers.execute(), 0);
        }
    }

    private byte[] readResponse(RegisterBus b, int command) {
        int length = b.read32(registers.dataLength());
        if (Integer.toUnsignedLong(length) > registers.capacity()) {
            throw new ProtocolException(String.format("%s DLEN of the response to command 0x%08X is %d, beyond its %d bytes",
                    registers.name(), command, Integer.toUnsignedLong(length), registers.capacity()));
        }
        byte[] response = new byte[length];
        if (registers.fifo()) {
            b.readFifo(registers.dataOut(), response, 0, length);
        } else {
            b.readBlock(registers.dataOut(), response, 0, length);
        }
        return response;
    }

    /** The non-fatal register names a mailbox command's failure; a fatal error sets both. */
    private int errorCode(RegisterBus b) {
        int nonFatal = b.read32(registers.errorNonFatal());
        return nonFatal != 0 ? nonFatal : b.read32(registers.errorFatal());
    }
}
