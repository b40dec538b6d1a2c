package org.caliptra.util.emulator.mcu;

import java.util.Arrays;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/**
 * MCI mailbox 0 (spec/device.md §1.7): the mailbox through which SoC agents send MC_* commands
 * to the MCU in subsystem mode.
 *
 * <p>Register view (offsets from the CSR block, which sits at mailbox base + 0x20_0000): LOCK 0x00
 * (read-to-set), USER 0x04, TARGET_USER 0x08, TARGET_USER_VALID 0x0C, CMD 0x10, DLEN 0x14,
 * EXECUTE 0x18, TARGET_STATUS 0x1C, CMD_STATUS 0x20, HW_STATUS 0x24. The SRAM is a directly
 * addressed window at mailbox base + 0.
 *
 * <p>Only the lock holder (the requester whose read of LOCK acquired it) may write CMD, DLEN, SRAM
 * and EXECUTE, and only before it sets EXECUTE; any other write is a protocol violation: it is
 * dropped and counted. Clearing EXECUTE releases the lock and zeroes the SRAM that was used, so
 * one requester's data never leaks to the next.
 *
 * <p>Not thread-safe: owned by the device thread.
 */
public final class McuMailbox {
    public static final int LOCK = 0x00;
    public static final int USER = 0x04;
    public static final int TARGET_USER = 0x08;
    public static final int TARGET_USER_VALID = 0x0C;
    public static final int CMD = 0x10;
    public static final int DLEN = 0x14;
    public static final int EXECUTE = 0x18;
    public static final int TARGET_STATUS = 0x1C;
    public static final int CMD_STATUS = 0x20;
    public static final int HW_STATUS = 0x24;
    public static final int CSR_SIZE = 0x28;

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
            case LOCK -> {
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
            case USER -> locked ? user : 0;
            case CMD -> command;
            case DLEN -> dlen;
            case EXECUTE -> execute ? 1 : 0;
            case CMD_STATUS -> status.value();
            case TARGET_USER, TARGET_USER_VALID, TARGET_STATUS, HW_STATUS -> 0;
            default -> throw unmapped(offset);
        };
    }

    public void writeCsr(int offset, int value, int requester) {
        switch (offset) {
            case CMD -> {
                if (ownsOpenTransaction(requester)) {
                    command = value;
                }
            }
            case DLEN -> {
                if (ownsOpenTransaction(requester)) {
                    dlen = (int) Math.min(Integer.toUnsignedLong(value), sram.length);
                }
            }
            case EXECUTE -> writeExecute(value & 1, requester);
            case LOCK, USER, CMD_STATUS, TARGET_USER, TARGET_USER_VALID, TARGET_STATUS, HW_STATUS ->
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
