package org.caliptra.util.emulator;

import org.caliptra.util.emulator.regs.ShaAccelerator;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.ShaAccRegs;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.mailbox.CoreMailbox;
import org.caliptra.util.emulator.mailbox.McuMailbox;
import org.caliptra.util.emulator.mcu.CoreLink;
import org.caliptra.util.emulator.mcu.McuRuntime;
import org.caliptra.util.emulator.mcu.McuSubsystem;
import org.caliptra.util.emulator.regs.MciRegisters;
import org.caliptra.util.emulator.regs.SocIfc;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.regs.MboxCsr;
import org.caliptra.util.protocol.regs.MciRegs;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.soc.mailbox.RegisterMailboxDriver;

/**
 * The device state and its SoC bus decoder: the {@link RegisterBus} as seen from the device thread,
 * where every access is a method call. Time passes when a driver idles on it (one step). Not
 * thread-safe: every method runs on the device thread that {@link CaliptraDevice} owns.
 */
final class DeviceCore implements RegisterBus {
    /** SRAM behind MCU mailbox 0; large enough for the biggest MC_* request (7572 bytes). */
    static final int MCU_MBOX_SRAM_BYTES = 16 * 1024;
    /** Polls (steps) the device's own mailbox driver waits for the firmware before it reports a timeout. */
    static final int MAILBOX_POLL_LIMIT = 10_000;

    private final DeviceConfig config;
    private final SocIfc socIfc;
    private final CoreMailbox coreMailbox;
    private final CaliptraFirmware firmware;
    /** The 1.x SoC-visible SHA accelerator; null on 2.x. */
    private final ShaAccelerator shaAcc;
    private final McuMailbox mcuMailbox = new McuMailbox(MCU_MBOX_SRAM_BYTES);
    private final MciRegisters mci;
    /** The MCU of a subsystem-mode profile; null otherwise. */
    private final McuRuntime mcuRuntime;
    private final int mciBase;
    private final int mboxBase;
    private final int mboxCsrBase;
    private final RegisterMailboxDriver coreDriver;
    private final RegisterMailboxDriver mcuDriver;
    private int requesterUser;
    private long steps;

    DeviceCore(DeviceConfig config) {
        this.config = config;
        this.socIfc = new SocIfc(config);
        this.coreMailbox = new CoreMailbox(socIfc, config.profile().mailboxBytes(), config.profile().generation());
        this.shaAcc = config.profile().generation() == Generation.V1 ? new ShaAccelerator(coreMailbox) : null;
        this.firmware = new CaliptraFirmware(config, socIfc, coreMailbox, shaAcc);
        this.mciBase = config.mciBase();
        this.mci = new MciRegisters(mciBase);
        // The MCU reaches the core as its own requester; while it waits only the core firmware runs
        // (the MCU is itself inside a device step), so its driver idles with a core step.
        this.mcuRuntime = config.profile().subsystemMode() ? new McuRuntime(mcuMailbox, mci, config, new CoreLink(
                new RegisterMailboxDriver(new McuCoreBus(), MailboxRegisters.core(coreMailbox.capacity()), MAILBOX_POLL_LIMIT),
                socIfc::socRead), McuSubsystem.open(config, firmware)) : null;
        this.mboxBase = mciBase + MciRegs.MBOX0_OFFSET;
        this.mboxCsrBase = mboxBase + MciRegs.MBOX_CSR_OFFSET;
        this.coreDriver = new RegisterMailboxDriver(this, MailboxRegisters.core(coreMailbox.capacity()), MAILBOX_POLL_LIMIT);
        this.mcuDriver = new RegisterMailboxDriver(this, MailboxRegisters.mcu(mciBase, MCU_MBOX_SRAM_BYTES), MAILBOX_POLL_LIMIT);
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

    /** Runs {@code action} with {@code user} as the requester, then restores the device's default. */
    <T> T withUser(int user, java.util.function.Function<DeviceCore, T> action) {
        int saved = requesterUser;
        requesterUser = user;
        try {
            return action.apply(this);
        } finally {
            requesterUser = saved;
        }
    }

    boolean readyForFwSeen() {
        return socIfc.readyForFwSeen();
    }

    long protocolViolations() {
        return mcuMailbox.protocolViolations();
    }

    CaliptraFirmware firmware() {
        return firmware;
    }

    /** The core mailbox, driven through this bus as the current requester. */
    MailboxPort coreMailboxPort() {
        return coreDriver;
    }

    /** The device's command mailbox: MCI mailbox 0 in subsystem mode, the core mailbox otherwise. */
    MailboxPort commandMailboxPort() {
        return config.profile().subsystemMode() ? mcuDriver : coreDriver;
    }

    void step() {
        steps++;
        firmware.step();
        if (mcuRuntime != null) {
            mcuRuntime.step();
        }
    }

    /** One exchange with the MCU's MCTP-VDM responder. */
    byte[] exchangeVdm(byte[] request) {
        if (mcuRuntime == null) {
            throw new IllegalStateException(config.profile().id() + " has no MCU, so no MCTP-VDM responder (caliptra-2.1 has)");
        }
        return mcuRuntime.exchangeVdm(request);
    }

    /**
     * The core's registers as the MCU reaches them: every access presents the MCU's AXI USER, and
     * idling while it polls the core mailbox runs the core firmware alone, so the relayed command is
     * served without re-entering the MCU that waits for it.
     */
    private final class McuCoreBus implements RegisterBus {
        @Override
        public int read32(int address) {
            return withUser(config.mcuAxiUser(), core -> core.read32(address));
        }

        @Override
        public void write32(int address, int value) {
            withUser(config.mcuAxiUser(), core -> {
                core.write32(address, value);
                return null;
            });
        }

        @Override
        public void writeFifo(int address, byte[] data, int offset, int length) {
            withUser(config.mcuAxiUser(), core -> {
                core.writeFifo(address, data, offset, length);
                return null;
            });
        }

        @Override
        public void readFifo(int address, byte[] into, int offset, int length) {
            withUser(config.mcuAxiUser(), core -> {
                core.readFifo(address, into, offset, length);
                return null;
            });
        }

        @Override
        public void idle() {
            firmware.step();
        }
    }

    @Override
    public void idle() {
        step();
    }

    @Override
    public int read32(int address) {
        checkAligned(address);
        int mbox = address - MboxCsr.BASE;
        if (mbox >= 0 && mbox < MboxCsr.SIZE) {
            return coreMailbox.socRead(mbox, requesterUser);
        }
        int soc = address - SocIfcRegs.BASE;
        if (soc >= 0 && soc < SocIfcRegs.SIZE) {
            return socIfc.socRead(soc);
        }
        int sha = address - ShaAccRegs.BASE;
        if (shaAcc != null && sha >= 0 && sha < ShaAccRegs.SIZE) {
            return shaAcc.socRead(sha, requesterUser);
        }
        if (!config.profile().subsystemMode()) {
            throw unmapped(address);
        }
        int reg = address - mciBase;
        if (reg >= 0 && reg < MciRegs.REGISTER_BLOCK_SIZE) {
            return mci.socRead(reg);
        }
        int csr = address - mboxCsrBase;
        if (csr >= 0 && csr < MciRegs.MBOX_CSR_SIZE) {
            return mcuMailbox.readCsr(csr, requesterUser);
        }
        int sram = address - mboxBase;
        if (sram >= 0 && sram < MciRegs.MBOX_CSR_OFFSET) {
            return mcuMailbox.readSram(sram, requesterUser);
        }
        throw unmapped(address);
    }

    @Override
    public void write32(int address, int value) {
        checkAligned(address);
        int mbox = address - MboxCsr.BASE;
        if (mbox >= 0 && mbox < MboxCsr.SIZE) {
            coreMailbox.socWrite(mbox, value, requesterUser);
            return;
        }
        int soc = address - SocIfcRegs.BASE;
        if (soc >= 0 && soc < SocIfcRegs.SIZE) {
            socIfc.socWrite(soc, value);
            return;
        }
        int sha = address - ShaAccRegs.BASE;
        if (shaAcc != null && sha >= 0 && sha < ShaAccRegs.SIZE) {
            shaAcc.socWrite(sha, value, requesterUser);
            return;
        }
        if (!config.profile().subsystemMode()) {
            throw unmapped(address);
        }
        int reg = address - mciBase;
        if (reg >= 0 && reg < MciRegs.REGISTER_BLOCK_SIZE) {
            mci.socWrite(reg, value);
            return;
        }
        int csr = address - mboxCsrBase;
        if (csr >= 0 && csr < MciRegs.MBOX_CSR_SIZE) {
            mcuMailbox.writeCsr(csr, value, requesterUser);
            return;
        }
        int sram = address - mboxBase;
        if (sram >= 0 && sram < MciRegs.MBOX_CSR_OFFSET) {
            mcuMailbox.writeSram(sram, value, requesterUser);
            return;
        }
        throw unmapped(address);
    }

    /** DATAIN takes a whole burst at once; any other FIFO is written word by word. */
    @Override
    public void writeFifo(int address, byte[] data, int offset, int length) {
        if (address == MboxCsr.BASE + MboxCsr.DATAIN) {
            coreMailbox.socWriteDataBurst(data, offset, length, requesterUser);
        } else {
            RegisterBus.super.writeFifo(address, data, offset, length);
        }
    }

    @Override
    public void readFifo(int address, byte[] into, int offset, int length) {
        if (address == MboxCsr.BASE + MboxCsr.DATAOUT) {
            coreMailbox.socReadDataBurst(into, offset, length, requesterUser);
        } else {
            RegisterBus.super.readFifo(address, into, offset, length);
        }
    }

    @Override
    public void writeBlock(int address, byte[] data, int offset, int length) {
        int sram = address - mboxBase;
        if (config.profile().subsystemMode() && sram >= 0 && sram < MciRegs.MBOX_CSR_OFFSET && (address & 3) == 0) {
            mcuMailbox.writeSramBlock(sram, data, offset, length, requesterUser);
        } else {
            RegisterBus.super.writeBlock(address, data, offset, length);
        }
    }

    @Override
    public void readBlock(int address, byte[] into, int offset, int length) {
        int sram = address - mboxBase;
        if (config.profile().subsystemMode() && sram >= 0 && sram < MciRegs.MBOX_CSR_OFFSET && (address & 3) == 0) {
            mcuMailbox.readSramBlock(sram, into, offset, length, requesterUser);
        } else {
            RegisterBus.super.readBlock(address, into, offset, length);
        }
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
