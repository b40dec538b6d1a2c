package org.caliptra.util.soc.mailbox;

import java.io.ByteArrayOutputStream;
import java.util.function.BiFunction;
import org.caliptra.util.protocol.RegisterBus;

/**
 * A device that is nothing but a mailbox, for driver tests without the emulator: LOCK is
 * read-to-set, data goes through a FIFO (core layout) or an SRAM window (MCU layout), and after
 * EXECUTE the device answers on the {@code answerAfter}-th idle with whatever the script says.
 * Accesses the protocol does not allow are counted.
 */
final class ScriptedMailbox implements RegisterBus {
    /** What the device does with a command: a status, a response, and an error register value. */
    record Answer(int status, byte[] response, int errorNonFatal, int errorFatal) {
        static Answer data(byte[] response) {
            return new Answer(1, response, 0, 0);
        }

        static Answer failure(int nonFatal, int fatal) {
            return new Answer(3, new byte[0], nonFatal, fatal);
        }
    }

    private final MailboxRegisters regs;
    private final BiFunction<Integer, byte[], Answer> script;
    private final int answerAfter;
    boolean locked;
    int command;
    int dlen;
    final ByteArrayOutputStream in = new ByteArrayOutputStream();
    byte[] sram = new byte[1024];
    int status;
    byte[] out = new byte[0];
    int outWords;
    int idles;
    boolean executing;
    int releases;
    int violations;
    int errorNonFatal;
    int errorFatal;
    byte[] received;

    ScriptedMailbox(MailboxRegisters regs, int answerAfter, BiFunction<Integer, byte[], Answer> script) {
        this.regs = regs;
        this.answerAfter = answerAfter;
        this.script = script;
    }

    @Override
    public int read32(int address) {
        if (address == regs.lock()) {
            boolean was = locked;
            locked = true;
            return was ? 1 : 0;
        }
        if (address == regs.status()) {
            return status;
        }
        if (address == regs.dataLength()) {
            return dlen;
        }
        if (address == regs.errorNonFatal()) {
            return errorNonFatal;
        }
        if (address == regs.errorFatal()) {
            return errorFatal;
        }
        if (regs.fifo() && address == regs.dataOut()) {
            int at = 4 * outWords++;
            return word(out, at);
        }
        if (!regs.fifo() && address >= regs.dataOut() && address < regs.dataOut() + sram.length) {
            return word(sram, address - regs.dataOut());
        }
        throw new AssertionError(String.format("unexpected read of 0x%08X", address));
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
                in.write(value >>> (8 * i));
            }
        } else if (!regs.fifo() && address >= regs.dataIn() && address < regs.dataIn() + sram.length) {
            int at = address - regs.dataIn();
            for (int i = 0; i < 4; i++) {
                sram[at + i] = (byte) (value >>> (8 * i));
            }
        } else if (address == regs.execute()) {
            if (value == 1) {
                executing = true;
                idles = 0;
                byte[] all = regs.fifo() ? in.toByteArray() : sram;
                received = java.util.Arrays.copyOf(all, dlen);
            } else {
                executing = false;
                locked = false;
                status = 0;
                releases++;
                in.reset();
            }
        } else {
            throw new AssertionError(String.format("unexpected write of 0x%08X", address));
        }
    }

    @Override
    public void idle() {
        if (executing && ++idles == answerAfter) {
            Answer a = script.apply(command, received);
            status = a.status();
            errorNonFatal = a.errorNonFatal();
            errorFatal = a.errorFatal();
            out = a.response();
            outWords = 0;
            dlen = out.length;
            if (!regs.fifo()) {
                System.arraycopy(out, 0, sram, 0, out.length);
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
