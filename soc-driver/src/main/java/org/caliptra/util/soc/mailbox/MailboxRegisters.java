package org.caliptra.util.soc.mailbox;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.MboxCsr;
import org.caliptra.util.protocol.regs.MciRegs;
import org.caliptra.util.protocol.regs.SocIfcRegs;

/**
 * Where one mailbox's registers are on the SoC bus, so one transaction algorithm serves both
 * kinds: the Caliptra core mailbox ({@code mbox_csr}, data through the DATAIN/DATAOUT FIFOs, the
 * failure cause in soc_ifc's CPTRA_FW_ERROR_*) and an MCI mailbox of a 2.x subsystem (data in a
 * directly addressed SRAM window, the failure cause in MCI's FW_ERROR_*).
 *
 * @param dataIn the DATAIN FIFO register, or the SRAM window's first word
 * @param dataOut the DATAOUT FIFO register, or the SRAM window's first word
 * @param fifo whether data moves through one FIFO register ({@code true}) or an SRAM window
 * @param capacity the mailbox SRAM in bytes, which bounds DLEN both ways
 */
public record MailboxRegisters(String name, int lock, int command, int dataLength, int dataIn, int dataOut, boolean fifo,
        int execute, int status, int errorNonFatal, int errorFatal, int capacity) {

    public MailboxRegisters {
        if (capacity <= 0 || capacity % 4 != 0) {
            throw new IllegalArgumentException("mailbox capacity must be a positive multiple of 4 bytes: " + capacity);
        }
    }

    /** The Caliptra core mailbox with {@code capacity} bytes of SRAM (128 KiB on 1.x, 256 KiB on 2.x). */
    public static MailboxRegisters core(int capacity) {
        int m = MboxCsr.BASE;
        int s = SocIfcRegs.BASE;
        return new MailboxRegisters("mbox_csr", m + MboxCsr.LOCK, m + MboxCsr.CMD, m + MboxCsr.DLEN, m + MboxCsr.DATAIN,
                m + MboxCsr.DATAOUT, true, m + MboxCsr.EXECUTE, m + MboxCsr.STATUS, s + SocIfcRegs.FW_ERROR_NON_FATAL,
                s + SocIfcRegs.FW_ERROR_FATAL, capacity);
    }

    /** The core mailbox of a generation's passive-mode part, at its largest DLEN. */
    public static MailboxRegisters core(Generation generation) {
        return core(generation.mailboxSize());
    }

    /** MCU mailbox 0 of the MCI block at {@code mciBase}, with {@code sramBytes} of SRAM. */
    public static MailboxRegisters mcu(int mciBase, int sramBytes) {
        int sram = mciBase + MciRegs.MBOX0_OFFSET;
        int csr = sram + MciRegs.MBOX_CSR_OFFSET;
        return new MailboxRegisters("MCI mailbox 0", csr + MciRegs.MBOX_LOCK, csr + MciRegs.MBOX_CMD, csr + MciRegs.MBOX_DLEN,
                sram, sram, false, csr + MciRegs.MBOX_EXECUTE, csr + MciRegs.MBOX_CMD_STATUS,
                mciBase + MciRegs.FW_ERROR_NON_FATAL, mciBase + MciRegs.FW_ERROR_FATAL, sramBytes);
    }
}
