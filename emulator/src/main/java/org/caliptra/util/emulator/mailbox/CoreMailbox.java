package org.caliptra.util.emulator.mailbox;

import static org.caliptra.util.protocol.regs.MboxCsr.CMD;
import static org.caliptra.util.protocol.regs.MboxCsr.DATAIN;
import static org.caliptra.util.protocol.regs.MboxCsr.DATAOUT;
import static org.caliptra.util.protocol.regs.MboxCsr.DLEN;
import static org.caliptra.util.protocol.regs.MboxCsr.EXECUTE;
import static org.caliptra.util.protocol.regs.MboxCsr.LOCK;
import static org.caliptra.util.protocol.regs.MboxCsr.STATUS;
import static org.caliptra.util.protocol.regs.MboxCsr.TAP_MODE;
import static org.caliptra.util.protocol.regs.MboxCsr.UNLOCK;
import static org.caliptra.util.protocol.regs.MboxCsr.USER;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.emulator.regs.SocIfc;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Words;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.regs.MboxCsr;
import org.caliptra.util.protocol.regs.MboxCsr.Fsm;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * The Caliptra core mailbox ({@code mbox_csr} at 0x3002_0000) and its hardware FSM, as
 * spec/device.md §2 describes it: read-to-set LOCK with USER latch, CMD → DLEN → DATAIN →
 * EXECUTE in strict order, the uC answering with a status, the SoC reading DLEN and DATAOUT, and
 * the owner clearing EXECUTE to release. Out-of-order or unlocked accesses never throw: they are
 * dropped and set CPTRA_HW_ERROR_NON_FATAL bits (mbox_prot_no_lock, mbox_prot_ooo).
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class CoreMailbox {
    /** SRAM words are little-endian: a firmware upload is one store per DATAIN write. */
    private static final VarHandle LITTLE_ENDIAN_WORD = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final SocIfc socIfc;
    private final byte[] sram;
    private final Generation generation;
    private Fsm fsm = Fsm.IDLE;
    private boolean locked;
    private int user;
    private int command;
    private int dlen;
    private int writeWords;
    private int readWords;
    private boolean execute;
    private MailboxStatus status = MailboxStatus.CMD_BUSY;
    private boolean taken;
    /** A Caliptra → SoC transaction (the IDevID CSR): the SoC only reads it. */
    private boolean ucOwned;
    private int used;

    public CoreMailbox(SocIfc socIfc, int capacity, Generation generation) {
        this.socIfc = socIfc;
        this.sram = new byte[capacity];
        this.generation = generation;
    }

    public int capacity() {
        return sram.length;
    }

    public Fsm fsm() {
        return fsm;
    }

    /**
     * The SRAM bytes {@code [offset, offset + length)} as stored, clipped to the SRAM: what the 1.x
     * SHA accelerator reads in its mailbox modes.
     */
    public byte[] sramBytes(int offset, int length) {
        int from = Math.min(Math.max(offset, 0), sram.length);
        int to = (int) Math.min((long) from + Math.max(length, 0), sram.length);
        return java.util.Arrays.copyOfRange(sram, from, to);
    }

    // ---- SoC side ----------------------------------------------------------------------------

    public int socRead(int offset, int requester) {
        checkMapped(offset);
        if (!socIfc.validMailboxUser(requester)) {
            return 0; // the PAUSER filter blocks the access
        }
        return switch (offset) {
            case LOCK -> {
                if (locked) {
                    yield 1;
                }
                clearTransaction();
                locked = true;
                user = requester;
                fsm = Fsm.RDY_FOR_CMD;
                yield 0;
            }
            case USER -> locked ? user : 0;
            case CMD -> command;
            case DLEN -> dlen;
            case DATAOUT -> dataOut();
            case EXECUTE -> execute ? 1 : 0;
            case STATUS -> status();
            default -> 0; // DATAIN (write-only), UNLOCK and TAP_MODE read 0 from the SoC
        };
    }

    private int dataOut() {
        if (fsm != Fsm.EXECUTE_SOC && fsm != Fsm.EXECUTE_UC) {
            socIfc.setHwNonFatal(SocIfcRegs.HW_ERR_MBOX_PROT_OOO);
            return 0;
        }
        int at = readWords * 4;
        readWords++;
        if (at >= dlen || at + 4 > sram.length) {
            return 0;
        }
        return word(at);
    }

    /**
     * A FIXED-address AXI burst to DATAIN: exactly {@code ceil(length / 4)} DATAIN writes of
     * little-endian words (the last zero-padded), with one check for the common in-order case
     * instead of one per word.
     */
    public void socWriteDataBurst(byte[] data, int offset, int length, int requester) {
        int whole = length & ~3;
        if (fsm == Fsm.RDY_FOR_DATA && locked && requester == user && socIfc.validMailboxUser(requester)) {
            int count = whole / 4;
            int at = writeWords * 4;
            int fit = Math.max(0, Math.min(count, (sram.length - at) / 4));
            System.arraycopy(data, offset, sram, at, 4 * fit); // little-endian words land in SRAM in byte order
            writeWords += count; // words past the SRAM are counted and dropped, as one by one
            if (fit > 0) {
                used = Math.max(used, at + 4 * fit);
            }
        } else {
            for (int at = 0; at < whole; at += 4) {
                socWrite(DATAIN, Words.littleEndian(data, offset + at, 4), requester);
            }
        }
        if (whole < length) {
            socWrite(DATAIN, Words.littleEndian(data, offset + whole, length - whole), requester);
        }
    }

    /** A FIXED-address burst from DATAOUT: {@code ceil(length / 4)} reads into {@code length} bytes. */
    public void socReadDataBurst(byte[] into, int offset, int length, int requester) {
        for (int at = 0; at < length; at += 4) {
            Words.putLittleEndian(socRead(DATAOUT, requester), into, offset + at, Math.min(4, length - at));
        }
    }

    public void socWrite(int offset, int value, int requester) {
        if (offset == DATAIN && fsm == Fsm.RDY_FOR_DATA && locked && requester == user && socIfc.validMailboxUser(requester)) {
            appendData(value); // the common case of a firmware upload, checked in the order below
            return;
        }
        checkMapped(offset);
        if (!socIfc.validMailboxUser(requester)) {
            return;
        }
        if (offset == STATUS || offset == UNLOCK || offset == TAP_MODE || offset == LOCK || offset == USER || offset == DATAOUT) {
            return; // not writable by the SoC
        }
        if (!locked || requester != user || ucOwned) {
            socIfc.setHwNonFatal(SocIfcRegs.HW_ERR_MBOX_PROT_NO_LOCK);
            if (offset == EXECUTE && fsm == Fsm.EXECUTE_SOC) {
                fsm = Fsm.ERROR; // clearing EXECUTE from a non-owner
            }
            return;
        }
        switch (offset) {
            case CMD -> {
                if (fsm == Fsm.RDY_FOR_CMD) {
                    command = value;
                    fsm = Fsm.RDY_FOR_DLEN;
                } else {
                    outOfOrder();
                }
            }
            case DLEN -> {
                if (fsm == Fsm.RDY_FOR_DLEN) {
                    dlen = (int) Math.min(Integer.toUnsignedLong(value), sram.length);
                    writeWords = 0;
                    readWords = 0;
                    fsm = Fsm.RDY_FOR_DATA;
                } else {
                    outOfOrder();
                }
            }
            case DATAIN -> {
                if (fsm == Fsm.RDY_FOR_DATA) {
                    appendData(value);
                } else {
                    outOfOrder();
                }
            }
            case EXECUTE -> {
                if ((value & 1) == 1) {
                    if (fsm == Fsm.RDY_FOR_DATA) {
                        execute = true;
                        taken = false;
                        status = MailboxStatus.CMD_BUSY;
                        fsm = Fsm.EXECUTE_UC;
                    } else {
                        outOfOrder();
                    }
                } else if (fsm == Fsm.EXECUTE_SOC || fsm == Fsm.EXECUTE_UC || fsm == Fsm.RDY_FOR_CMD
                        || fsm == Fsm.RDY_FOR_DLEN || fsm == Fsm.RDY_FOR_DATA) {
                    release();
                } else {
                    outOfOrder();
                }
            }
            default -> throw new IllegalStateException("unreachable");
        }
    }

    private void outOfOrder() {
        socIfc.setHwNonFatal(SocIfcRegs.HW_ERR_MBOX_PROT_OOO);
    }

    private void release() {
        Arrays.fill(sram, 0, Math.min(sram.length, Math.max(used, dlen)), (byte) 0);
        used = 0;
        clearTransaction();
        locked = false;
        user = 0;
        fsm = Fsm.IDLE;
    }

    /** A new lock holder and a released mailbox both start from no command, no data, no answer. */
    private void clearTransaction() {
        ucOwned = false;
        command = 0;
        dlen = 0;
        writeWords = 0;
        readWords = 0;
        execute = false;
        taken = false;
        status = MailboxStatus.CMD_BUSY;
    }

    private int status() {
        return MboxCsr.status(status, fsm, locked && user != MboxCsr.CALIPTRA_USER, readWords, generation);
    }

    private void checkMapped(int offset) {
        if (offset < 0 || offset > MboxCsr.lastRegister(generation) || (offset & 3) != 0) {
            throw new BusFaultException(String.format("no mbox_csr register at SoC address 0x%08X", MboxCsr.BASE + offset));
        }
    }

    // ---- uC side -----------------------------------------------------------------------------

    /** A command the SoC handed over that the firmware has not taken yet. */
    public boolean hasPendingCommand() {
        return fsm == Fsm.EXECUTE_UC && !taken;
    }

    public boolean isIdle() {
        return fsm == Fsm.IDLE;
    }

    public boolean inError() {
        return fsm == Fsm.ERROR;
    }

    /** The requester that holds the lock (its AXI USER / PAUSER). */
    public int user() {
        return user;
    }

    public record Request(int command, int user, byte[] payload) {}

    public Request takeCommand() {
        taken = true;
        return new Request(command, user, Arrays.copyOf(sram, Math.min(dlen, sram.length)));
    }

    /** The firmware's answer: response bytes (possibly none) and the status; the SoC's turn next. */
    public void respond(MailboxStatus result, byte[] response) {
        int n = Math.min(response.length, sram.length);
        System.arraycopy(response, 0, sram, 0, n);
        if (used > n) {
            Arrays.fill(sram, n, Math.min(used, sram.length), (byte) 0);
        }
        used = Math.max(used, n);
        dlen = n;
        readWords = 0;
        status = result;
        fsm = Fsm.EXECUTE_SOC;
    }

    /**
     * A Caliptra → SoC transaction (spec/device.md §2.3): the uC takes the lock as itself, CMD 0,
     * DLEN and the data, EXECUTE; the SoC reads DLEN and DATAOUT without the lock. False if the
     * mailbox is busy (the uC tries again on a later step).
     */
    public boolean sendToSoc(byte[] data) {
        if (locked) {
            return false;
        }
        clearTransaction();
        locked = true;
        user = MboxCsr.CALIPTRA_USER;
        ucOwned = true;
        execute = true;
        respond(MailboxStatus.DATA_READY, data);
        return true;
    }

    /** The uC ends its own transaction (clears EXECUTE); does nothing to a SoC's. */
    public void endSocTransfer() {
        if (ucOwned) {
            release();
        }
    }

    /** A fatal error while the uC owns the transaction forces CMD_FAILURE (spec/device.md §2.4). */
    public void failIfExecuting() {
        if (fsm == Fsm.EXECUTE_UC) {
            respond(MailboxStatus.CMD_FAILURE, new byte[0]);
        }
    }

    /** The uC's MBOX_UNLOCK: the only way out of the error state. */
    public void forceUnlock() {
        release();
    }

    private int word(int at) {
        return (int) LITTLE_ENDIAN_WORD.get(sram, at);
    }

    private void appendData(int value) {
        int at = writeWords * 4;
        if (at + 4 <= sram.length) {
            putWord(at, value);
            used = Math.max(used, at + 4);
        }
        writeWords++;
    }

    private void putWord(int at, int value) {
        LITTLE_ENDIAN_WORD.set(sram, at, value);
    }
}
