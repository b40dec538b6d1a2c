package org.caliptra.util.emulator;

import org.caliptra.util.emulator.fw.Firmware;
import org.caliptra.util.emulator.mcu.McuMailbox;
import org.caliptra.util.emulator.mcu.McuRuntime;
import org.caliptra.util.emulator.soc.CoreMailbox;
import org.caliptra.util.emulator.soc.SocIfc;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/**
 * The device state and its SoC bus decoder. Not thread-safe: every method runs on the device
 * thread that {@link CaliptraDevice} owns.
 */
final class DeviceCore {
    /** MCU mailbox 0 sits at MCI + 0x40_0000; its CSRs 0x20_0000 above its SRAM window. */
    static final int MCU_MBOX0_OFFSET = 0x40_0000;
    static final int MCU_MBOX_CSR_OFFSET = 0x20_0000;
    /** SRAM behind MCU mailbox 0; large enough for the biggest MC_* request (7572 bytes). */
    static final int MCU_MBOX_SRAM_BYTES = 16 * 1024;
    /** Steps the built-in SoC driver waits for the firmware before it gives up on a command. */
    static final int MAILBOX_STEP_LIMIT = 10_000;

    private final DeviceConfig config;
    private final SocIfc socIfc;
    private final CoreMailbox coreMailbox;
    private final Firmware firmware;
    private final McuMailbox mcuMailbox = new McuMailbox(MCU_MBOX_SRAM_BYTES);
    private final McuRuntime mcuRuntime;
    private final int mboxBase;
    private final int mboxCsrBase;
    private int requesterUser;
    private long steps;

    DeviceCore(DeviceConfig config) {
        this.config = config;
        this.socIfc = new SocIfc(config);
        this.coreMailbox = new CoreMailbox(socIfc, config.profile().mailboxBytes(), !config.profile().isV1());
        this.firmware = new Firmware(config, socIfc, coreMailbox);
        this.mcuRuntime = new McuRuntime(mcuMailbox, config.identity());
        this.mboxBase = config.mciBase() + MCU_MBOX0_OFFSET;
        this.mboxCsrBase = mboxBase + MCU_MBOX_CSR_OFFSET;
    }

    DeviceConfig config() {
        return config;
    }

    long steps() {
        return steps;
    }

    void setRequesterUser(int user) {
        this.requesterUser = user;
    }

    int requesterUser() {
        return requesterUser;
    }

    int mcuMailboxBase() {
        return mboxBase;
    }

    long protocolViolations() {
        return mcuMailbox.protocolViolations();
    }

    Firmware firmware() {
        return firmware;
    }

    void step() {
        steps++;
        firmware.step();
        if (config.profile().subsystemMode()) {
            mcuRuntime.step();
        }
    }

    int read32(int address) {
        checkAligned(address);
        int mbox = address - CoreMailbox.BASE;
        if (mbox >= 0 && mbox < 0x1000) {
            return coreMailbox.socRead(mbox, requesterUser);
        }
        int soc = address - SocIfc.BASE;
        if (soc >= 0 && soc < SocIfc.SIZE) {
            return socIfc.socRead(soc);
        }
        if (!config.profile().subsystemMode()) {
            throw unmapped(address);
        }
        int csr = address - mboxCsrBase;
        if (csr >= 0 && csr < McuMailbox.CSR_SIZE) {
            return mcuMailbox.readCsr(csr, requesterUser);
        }
        int sram = address - mboxBase;
        if (sram >= 0 && sram < MCU_MBOX_CSR_OFFSET) {
            return mcuMailbox.readSram(sram, requesterUser);
        }
        throw unmapped(address);
    }

    void write32(int address, int value) {
        checkAligned(address);
        int mbox = address - CoreMailbox.BASE;
        if (mbox >= 0 && mbox < 0x1000) {
            coreMailbox.socWrite(mbox, value, requesterUser);
            return;
        }
        int soc = address - SocIfc.BASE;
        if (soc >= 0 && soc < SocIfc.SIZE) {
            socIfc.socWrite(soc, value);
            return;
        }
        if (!config.profile().subsystemMode()) {
            throw unmapped(address);
        }
        int csr = address - mboxCsrBase;
        if (csr >= 0 && csr < McuMailbox.CSR_SIZE) {
            mcuMailbox.writeCsr(csr, value, requesterUser);
            return;
        }
        int sram = address - mboxBase;
        if (sram >= 0 && sram < MCU_MBOX_CSR_OFFSET) {
            mcuMailbox.writeSram(sram, value, requesterUser);
            return;
        }
        throw unmapped(address);
    }

    /**
     * One MC_* command through the MCU mailbox registers, exactly as a SoC agent performs it:
     * take the lock, write CMD, DLEN and the SRAM words, set EXECUTE, step until CMD_STATUS leaves
     * CMD_BUSY, read DLEN and the response words, clear EXECUTE.
     */
    MailboxReply executeMailbox(int command, byte[] request) {
        if (!config.profile().subsystemMode()) {
            return executeCoreMailbox(command, request);
        }
        if (request.length > mcuMailbox.capacity()) {
            throw new IllegalArgumentException("request of " + request.length + " bytes exceeds the "
                    + mcuMailbox.capacity() + "-byte MCU mailbox");
        }
        int csr = mboxCsrBase;
        if (read32(csr + McuMailbox.LOCK) != 0) {
            return new MailboxReply.Busy();
        }
        write32(csr + McuMailbox.CMD, command);
        write32(csr + McuMailbox.DLEN, request.length);
        for (int offset = 0; offset < request.length; offset += 4) {
            write32(mboxBase + offset, littleEndianWord(request, offset));
        }
        write32(csr + McuMailbox.EXECUTE, 1);
        MailboxStatus status = awaitAnswer(csr + McuMailbox.CMD_STATUS);
        try {
            if (status == null || status == MailboxStatus.CMD_BUSY) {
                throw new IllegalStateException("MCU did not answer command 0x" + Integer.toHexString(command)
                        + " within " + MAILBOX_STEP_LIMIT + " steps");
            }
            return switch (status) {
                case DATA_READY -> new MailboxReply.Data(readResponse(csr));
                case CMD_COMPLETE -> new MailboxReply.Complete();
                case CMD_FAILURE -> new MailboxReply.Failure(mcuRuntime.lastErrorCode());
                case CMD_BUSY -> throw new AssertionError("unreachable");
            };
        } finally {
            write32(csr + McuMailbox.EXECUTE, 0);
        }
    }

    /** Steps until the status register at {@code statusAddress} leaves CMD_BUSY, at most the step limit. */
    private MailboxStatus awaitAnswer(int statusAddress) {
        MailboxStatus status = MailboxStatus.CMD_BUSY;
        for (int i = 0; i < MAILBOX_STEP_LIMIT && status == MailboxStatus.CMD_BUSY; i++) {
            step();
            status = MailboxStatus.fromField(read32(statusAddress));
        }
        return status;
    }

    /**
     * One command through the Caliptra core mailbox registers (spec/device.md §2.1): LOCK, CMD,
     * DLEN, DATAIN words, EXECUTE, step until STATUS leaves CMD_BUSY, DLEN and DATAOUT, clear EXECUTE.
     * A failure carries CPTRA_FW_ERROR_NON_FATAL.
     */
    MailboxReply executeCoreMailbox(int command, byte[] request) {
        if (request.length > coreMailbox.capacity()) {
            throw new IllegalArgumentException("request of " + request.length + " bytes exceeds the "
                    + coreMailbox.capacity() + "-byte mailbox");
        }
        int base = CoreMailbox.BASE;
        if (read32(base + CoreMailbox.LOCK) != 0) {
            return new MailboxReply.Busy();
        }
        write32(base + CoreMailbox.CMD, command);
        write32(base + CoreMailbox.DLEN, request.length);
        int whole = request.length & ~3;
        coreMailbox.socWriteDataBurst(java.nio.ByteBuffer.wrap(request, 0, whole), requesterUser);
        if (whole < request.length) {
            write32(base + CoreMailbox.DATAIN, littleEndianWord(request, whole));
        }
        write32(base + CoreMailbox.EXECUTE, 1);
        MailboxStatus status = awaitAnswer(base + CoreMailbox.STATUS);
        try {
            if (status == null || status == MailboxStatus.CMD_BUSY) {
                return new MailboxReply.Failure(socIfc.reg(SocIfc.FW_ERROR_NON_FATAL));
            }
            return switch (status) {
                case DATA_READY -> new MailboxReply.Data(
                        readBytes(read32(base + CoreMailbox.DLEN), offset -> read32(base + CoreMailbox.DATAOUT)));
                case CMD_COMPLETE -> new MailboxReply.Complete();
                case CMD_FAILURE -> new MailboxReply.Failure(socIfc.reg(SocIfc.FW_ERROR_NON_FATAL));
                case CMD_BUSY -> throw new AssertionError("unreachable");
            };
        } finally {
            write32(base + CoreMailbox.EXECUTE, 0);
        }
    }

    private byte[] readResponse(int csr) {
        return readBytes(read32(csr + McuMailbox.DLEN), offset -> read32(mboxBase + offset));
    }

    /** {@code length} bytes from little-endian words; {@code wordAt} reads the word for a byte offset. */
    private static byte[] readBytes(int length, java.util.function.IntUnaryOperator wordAt) {
        byte[] out = new byte[length];
        for (int offset = 0; offset < length; offset += 4) {
            int word = wordAt.applyAsInt(offset);
            for (int i = 0; i < 4 && offset + i < length; i++) {
                out[offset + i] = (byte) (word >>> (8 * i));
            }
        }
        return out;
    }

    /** The little-endian word at {@code from}, zero-padded past the end of {@code bytes}. */
    private static int littleEndianWord(byte[] bytes, int from) {
        int word = 0;
        for (int i = 0; i < 4 && from + i < bytes.length; i++) {
            word |= (bytes[from + i] & 0xFF) << (8 * i);
        }
        return word;
    }

    private static void checkAligned(int address) {
        if ((address & 3) != 0) {
            throw new BusFaultException(String.format("misaligned 32-bit access at 0x%08X", address));
        }
    }

    private static BusFaultException unmapped(int address) {
        return new BusFaultException(String.format("no register mapped at SoC address 0x%08X", address));
    }
}
