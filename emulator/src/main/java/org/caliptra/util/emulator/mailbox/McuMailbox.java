package org.caliptra.util.emulator.mailbox;

import static org.caliptra.util.protocol.regs.MciRegs.MBOX_CMD;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_CMD_STATUS;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_DLEN;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_EXECUTE;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_HW_STATUS;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_LOCK;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_TARGET_STATUS;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_TARGET_USER;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_TARGET_USER_VALID;
import static org.caliptra.util.protocol.regs.MciRegs.MBOX_USER;

import java.util.Arrays;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.protocol.Words;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/**
 * MCI mailbox 0 (spec/device.md §1.7): the mailbox through which SoC agents send MC_* commands
 * to the MCU in subsystem mode.
 *
 * <p>Register view: the CSRs of {@link org.caliptra.util.protocol.regs.MciRegs} (LOCK read-to-set)
 * and the SRAM as a directly addressed window at the mailbox base.
 *
 * <p>Only the lock holder (the requester whose read of LOCK acquired it) may write CMD, DLEN, SRAM
 * and EXECUTE, and only before it sets EXECUTE; any other write is a protocol violation: it is
 * dropped and counted. Clearing EXECUTE releases the lock and zeroes the SRAM that was used, so
 * one requester's data never leaks to the next.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class McuMailbox {
    private final byte[] sram;
    private boolean locked;
    private int user;
    private int command;
    private int dlen;
    private boolean execute;
    private MailboxStatus status = MailboxStatus.CMD_BUSY;
    private boolean taken;
    private int highWater;
    private long protocolViolations;

    public McuMailbox(int sramBytes) {
        if (sramBytes <= 0 || sramBytes % 4 != 0) {
            throw new IllegalArgumentException("MCU mailbox SRAM size must be a positive multiple of 4: " + sramBytes);
        }
        this.sram = new byte[sramBytes];
    }

    public int capacity() {
        return sram.length;
    }

    public long protocolViolations() {
        return protocolViolations;
    }

    // ---- SoC side -------------------------------------------------------------------------

    public int readCsr(int offset, int requester) {
        return switch (offset) {
            case MBOX_LOCK -> {
                if (locked) {
                    yield 1;
                }
                locked = true;
                user = requester;
                command = 0;
                dlen = 0;
                execute = false;
                taken = false;
                status = MailboxStatus.CMD_BUSY;
                yield 0;
            }
            case MBOX_USER -> locked ? user : 0;
            case MBOX_CMD -> command;
            case MBOX_DLEN -> dlen;
            case MBOX_EXECUTE -> execute ? 1 : 0;
            case MBOX_CMD_STATUS -> status.value();
            case MBOX_TARGET_USER, MBOX_TARGET_USER_VALID, MBOX_TARGET_STATUS, MBOX_HW_STATUS -> 0;
            default -> throw unmapped(offset);
        };
    }

    public void writeCsr(int offset, int value, int requester) {
        switch (offset) {
            case MBOX_CMD -> {
                if (ownsOpenTransaction(requester)) {
                    command = value;
                }
            }
            case MBOX_DLEN -> {
                if (ownsOpenTransaction(requester)) {
                    dlen = (int) Math.min(Integer.toUnsignedLong(value), sram.length);
                }
            }
            case MBOX_EXECUTE -> writeExecute(value & 1, requester);
            case MBOX_LOCK, MBOX_USER, MBOX_CMD_STATUS, MBOX_TARGET_USER, MBOX_TARGET_USER_VALID, MBOX_TARGET_STATUS, MBOX_HW_STATUS ->
                    protocolViolations++; // read-only to SoC agents
            default -> throw unmapped(offset);
        }
    }

    public int readSram(int offset, int requester) {
        checkSram(offset);
        if (!locked || requester != user) {
            protocolViolations++;
            return 0;
        }
        return word(offset);
    }

    public void writeSram(int offset, int value, int requester) {
        checkSram(offset);
        if (ownsOpenTransaction(requester)) {
            sram[offset] = (byte) value;
            sram[offset + 1] = (byte) (value >>> 8);
            sram[offset + 2] = (byte) (value >>> 16);
            sram[offset + 3] = (byte) (value >>> 24);
            highWater = Math.max(highWater, offset + 4);
        }
    }

    /** An incrementing burst into the SRAM window: {@code length} bytes as little-endian words from {@code offset}. */
    public void writeSramBlock(int offset, byte[] data, int from, int length, int requester) {
        if (length == 0) {
            return;
        }
        checkSram(offset);
        checkSram(offset + ((Words.count(length) - 1) << 2));
        if (!ownsOpenTransaction(requester)) {
            protocolViolations += Words.count(length) - 1; // one per word, as word by word
            return;
        }
        System.arraycopy(data, from, sram, offset, length);
        int padded = Words.count(length) << 2;
        Arrays.fill(sram, offset + length, offset + padded, (byte) 0);
        highWater = Math.max(highWater, offset + padded);
    }

    /** An incrementing burst out of the SRAM window. */
    public void readSramBlock(int offset, byte[] into, int from, int length, int requester) {
        if (length == 0) {
            return;
        }
        checkSram(offset);
        checkSram(offset + ((Words.count(length) - 1) << 2));
        if (!locked || requester != user) {
            protocolViolations += Words.count(length); // one per word, as word by word
            Arrays.fill(into, from, from + length, (byte) 0);
            return;
        }
        System.arraycopy(sram, offset, into, from, length);
    }

    private void writeExecute(int bit, int requester) {
        if (!locked || requester != user) {
            protocolViolations++;
            return;
        }
        if (bit == 1 && !execute) {
            execute = true;
            taken = false;
            status = MailboxStatus.CMD_BUSY;
        } else if (bit == 0) {
            release();
        }
    }

    private void release() {
        Arrays.fill(sram, 0, Math.max(highWater, dlen), (byte) 0);
        highWater = 0;
        locked = false;
        user = 0;
        command = 0;
        dlen = 0;
        execute = false;
        taken = false;
        status = MailboxStatus.CMD_BUSY;
    }

    private boolean ownsOpenTransaction(int requester) {
        if (locked && requester == user && !execute) {
            return true;
        }
        protocolViolations++;
        return false;
    }

    // ---- MCU side -------------------------------------------------------------------------

    /** A command the SoC has handed over (EXECUTE set) that the MCU has not taken yet. */
    public boolean hasPendingCommand() {
        return execute && !taken && status == MailboxStatus.CMD_BUSY;
    }

    /** Takes the pending command: its code and its DLEN bytes of request. */
    public Request takeCommand() {
        if (!hasPendingCommand()) {
            throw new IllegalStateException("no command pending in the MCU mailbox");
        }
        taken = true;
        return new Request(command, Arrays.copyOf(sram, dlen));
    }

    /** The MCU's answer: response bytes (may be empty) and the final status. */
    public void respond(MailboxStatus finalStatus, byte[] response) {
        if (!execute || !taken) {
            throw new IllegalStateException("respond() without a taken command");
        }
        if (response.length > sram.length) {
            throw new IllegalArgumentException("response of " + response.length + " bytes exceeds the "
                    + sram.length + "-byte mailbox");
        }
        System.arraycopy(response, 0, sram, 0, response.length);
        int used = Math.max(highWater, dlen);
        if (used > response.length) {
            Arrays.fill(sram, response.length, used, (byte) 0);
        }
        highWater = Math.max(used, response.length);
        dlen = response.length;
        status = finalStatus;
    }

    /** A command as the MCU sees it. */
    public record Request(int command, byte[] payload) {}

    private int word(int offset) {
        return (sram[offset] & 0xFF) | (sram[offset + 1] & 0xFF) << 8
                | (sram[offset + 2] & 0xFF) << 16 | (sram[offset + 3] & 0xFF) << 24;
    }

    private void checkSram(int offset) {
        if (offset < 0 || offset + 4 > sram.length) {
            throw new BusFaultException(String.format(
                    "MCU mailbox SRAM offset 0x%X is beyond its %d bytes", offset, sram.length));
        }
    }

    private static BusFaultException unmapped(int offset) {
        return new BusFaultException(String.format("no MCU mailbox register at CSR offset 0x%X", offset));
    }
}
