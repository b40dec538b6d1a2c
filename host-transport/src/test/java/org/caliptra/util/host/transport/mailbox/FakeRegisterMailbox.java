package org.caliptra.util.host.transport.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.soc.mailbox.MailboxRegisters;

/**
 * A device that is only a mailbox, for the register-level driver's tests: LOCK is read-to-set,
 * data moves through a FIFO (core layout) or an SRAM window (MCU layout), and on the first idle
 * after EXECUTE the device answers as {@link #script} says (status 1 DATA_READY, 2 COMPLETE,
 * 3 FAILURE; 0 keeps it busy forever). Any register write without the lock is recorded as a
 * protocol violation. Public for the socket tests, which serve it over CPTR.
 */
public final class FakeRegisterMailbox implements RegisterBus {
    public record Answer(int status, byte[] response, int errorNonFatal) {
        public static Answer data(byte[] response) {
            return new Answer(1, response, 0);
        }

        public static Answer failure(int code) {
            return new Answer(3, new byte[0], code);
        }

        public static Answer neverAnswers() {
            return new Answer(0, new byte[0], 0);
        }
    }

    private final MailboxRegisters regs;
    private final BiFunction<Integer, byte[], Answer> script;
    boolean locked;
    public int command;
    int dlen;
    private final ByteArrayOutputStream fifoIn = new ByteArrayOutputStream();
    private final byte[] sram;
    private byte[] fifoOut = new byte[0];
    private int fifoOutWords;
    private int status;
    private int errorNonFatal;
    private boolean executing;
    public byte[] received;
    int commands;
    public int violations;
    /** Throw this on the next read of STATUS, as a remote bus that lost its socket would. */
    UncheckedIOException failStatusRead;

    public FakeRegisterMailbox(MailboxRegisters regs, BiFunction<Integer, byte[], Answer> script) {
        this.regs = regs;
        this.script = script;
        this.sram = new byte[regs.capacity()];
    }

    @Override
    public int read32(int address) {
        if (address == regs.lock()) {
            boolean was = locked;
            locked = true;
            return was ? 1 : 0;
        }
        if (address == regs.status()) {
            if (failStatusRead != null) {
                throw failStatusRead;
            }
            return status;
        }
        if (address == regs.dataLength()) {
            return dlen;
        }
        if (address == regs.errorNonFatal() || address == regs.errorFatal()) {
            return address == regs.errorNonFatal() ? errorNonFatal : 0;
        }
        if (regs.fifo() && address == regs.dataOut()) {
            return word(fifoOut, 4 * fifoOutWords++);
        }
        if (!regs.fifo() && address >= regs.dataOut() && address < regs.dataOut() + sram.length) {
            return word(sram, address - regs.dataOut());
        }
        throw new AssertionError(String.format("read of 0x%08X, not a register of %s", address, regs.name()));
    }

    @Override
    public void write32(int address, int value) {
        if (!locked) {
            violations++;
            return;
        }
        if (address == regs.command()) {
            command = value;
        } else if (address == regs.dataLength()) {
            dlen = value;
        } else if (regs.fifo() && address == regs.dataIn()) {
            for (int i = 0; i < 4; i++) {
                fifoIn.write(value >>> (8 * i));
            }
        } else if (!regs.fifo() && address >= regs.dataIn() && address < regs.dataIn() + sram.length) {
            for (int i = 0; i < 4; i++) {
                sram[address - regs.dataIn() + i] = (byte) (value >>> (8 * i));
            }
        } else if (address == regs.execute()) {
            if (value == 1) {
                executing = true;
                received = Arrays.copyOf(regs.fifo() ? fifoIn.toByteArray() : sram, dlen);
                commands++;
            } else {
                executing = false;
                locked = false;
                status = 0;
                fifoIn.reset();
            }
        } else {
            throw new AssertionError(String.format("write of 0x%08X, not a register of %s", address, regs.name()));
        }
    }

    @Override
    public void idle() {
        if (executing && status == 0) {
            Answer a = script.apply(command, received);
            status = a.status();
            errorNonFatal = a.errorNonFatal();
            fifoOut = a.response();
            fifoOutWords = 0;
            if (a.status() == 1) {
                dlen = fifoOut.length;
                if (!regs.fifo()) {
                    System.arraycopy(fifoOut, 0, sram, 0, fifoOut.length);
                }
            }
        }
    }

    private static int word(byte[] bytes, int at) {
        int w = 0;
        for (int i = 0; i < 4 && at + i < bytes.length; i++) {
            w |= (bytes[at + i] & 0xFF) << (8 * i);
        }
        return w;
    }
}
