package org.caliptra.util.emulator.regs;

import static org.caliptra.util.protocol.regs.SocIfcRegs.BOOTFSM_GO;
import static org.caliptra.util.protocol.regs.SocIfcRegs.BOOT_FSM_DONE;
import static org.caliptra.util.protocol.regs.SocIfcRegs.BOOT_FSM_FUSE;
import static org.caliptra.util.protocol.regs.SocIfcRegs.CAP_LOCK;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FLOW_BOOT_FSM_MASK;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FLOW_BOOT_FSM_SHIFT;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FLOW_READY_FOR_FUSES;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FLOW_STATUS;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FUSE_USER_LOCK;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FUSE_VALID_USER;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FUSE_WR_DONE;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FW_CAPABILITIES;
import static org.caliptra.util.protocol.regs.SocIfcRegs.FW_REV_ID;
import static org.caliptra.util.protocol.regs.SocIfcRegs.GENERIC_INPUT_WIRES;
import static org.caliptra.util.protocol.regs.SocIfcRegs.GENERIC_OUTPUT_WIRES;
import static org.caliptra.util.protocol.regs.SocIfcRegs.HW_CAPABILITIES;
import static org.caliptra.util.protocol.regs.SocIfcRegs.HW_CONFIG;
import static org.caliptra.util.protocol.regs.SocIfcRegs.HW_CONFIG_SUBSYSTEM_MODE;
import static org.caliptra.util.protocol.regs.SocIfcRegs.HW_ERROR_FATAL;
import static org.caliptra.util.protocol.regs.SocIfcRegs.HW_ERROR_NON_FATAL;
import static org.caliptra.util.protocol.regs.SocIfcRegs.HW_REV_ID;
import static org.caliptra.util.protocol.regs.SocIfcRegs.LAST_COMMON;
import static org.caliptra.util.protocol.regs.SocIfcRegs.MBOX_USER_LOCK;
import static org.caliptra.util.protocol.regs.SocIfcRegs.MBOX_USER_SLOTS;
import static org.caliptra.util.protocol.regs.SocIfcRegs.MBOX_VALID_USER;
import static org.caliptra.util.protocol.regs.SocIfcRegs.OWNER_PK_HASH;
import static org.caliptra.util.protocol.regs.SocIfcRegs.OWNER_PK_HASH_LOCK;
import static org.caliptra.util.protocol.regs.SocIfcRegs.RESET_REASON;
import static org.caliptra.util.protocol.regs.SocIfcRegs.SECURITY_STATE;
import static org.caliptra.util.protocol.regs.SocIfcRegs.SS_FIRST;
import static org.caliptra.util.protocol.regs.SocIfcRegs.SS_LAST;
import static org.caliptra.util.protocol.regs.SocIfcRegs.TRNG_USER_LOCK;
import static org.caliptra.util.protocol.regs.SocIfcRegs.TRNG_VALID_USER;
import static org.caliptra.util.protocol.regs.SocIfcRegs.WDT_STATUS;

import java.util.Arrays;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.FuseRegisters;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * The SoC-visible {@code soc_ifc} register file (spec/device.md §1.3–§1.5) with its access
 * semantics: RW1C hardware error bits, registers the SoC may only read, fuse registers locked once
 * CPTRA_FUSE_WR_DONE is set, sticky valid-user locks, write-only seeds. Offsets with no register
 * are bus faults. Not thread-safe: owned by the device thread.
 */
public final class SocIfc {
    private final DeviceConfig config;
    private final Generation generation;
    private final int[] regs = new int[SocIfcRegs.SIZE / 4];
    /** Per word: a fuse register / a write-only one (seeds), looked up once instead of on every access. */
    private final boolean[] fuseWord = new boolean[SocIfcRegs.SIZE / 4];
    private final boolean[] writeOnlyWord = new boolean[SocIfcRegs.SIZE / 4];
    private long droppedWrites;
    private boolean mailboxUserLocked;
    private boolean readyForFwSeen;

    public SocIfc(DeviceConfig config) {
        this.config = config;
        this.generation = config.profile().generation();
        for (int i = 0; i < fuseWord.length; i++) {
            var fuse = FuseRegisters.at(generation, i * 4);
            fuseWord[i] = fuse.isPresent();
            writeOnlyWord[i] = fuse.isPresent() && fuse.get().writeOnly();
        }
        coldReset();
    }

    /** Every register to its reset value (cold reset). */
    public void coldReset() {
        Arrays.fill(regs, 0);
        mailboxUserLocked = false;
        readyForFwSeen = false;
        for (int i = 0; i < MBOX_USER_SLOTS; i++) {
            regs[(MBOX_VALID_USER >> 2) + i] = 0xFFFF_FFFF;
        }
        regs[TRNG_VALID_USER >> 2] = 0xFFFF_FFFF;
        regs[FUSE_VALID_USER >> 2] = 0xFFFF_FFFF;
        regs[FLOW_STATUS >> 2] = FLOW_READY_FOR_FUSES | (BOOT_FSM_FUSE << FLOW_BOOT_FSM_SHIFT);
        regs[SECURITY_STATE >> 2] = config.securityState();
        regs[HW_REV_ID >> 2] = config.profile().hwRevId();
        regs[FW_REV_ID >> 2] = config.romVersion();
        regs[HW_CONFIG >> 2] = config.profile().subsystemMode() ? HW_CONFIG_SUBSYSTEM_MODE : 0;
    }

    public Generation generation() {
        return generation;
    }

    /** Writes the SoC made that the registers refused (read-only, locked, after FUSE_WR_DONE). */
    public long droppedWrites() {
        return droppedWrites;
    }

    // ---- SoC side ----------------------------------------------------------------------------

    public int socRead(int offset) {
        checkMapped(offset);
        int i = offset >> 2;
        return writeOnlyWord[i] ? 0 : regs[i];
    }

    public void socWrite(int offset, int value) {
        checkMapped(offset);
        int i = offset >> 2;
        if (offset == HW_ERROR_FATAL || offset == HW_ERROR_NON_FATAL) {
            regs[i] &= ~value; // RW1C
            return;
        }
        if (offset == FUSE_WR_DONE || offset == OWNER_PK_HASH_LOCK) {
            regs[i] |= value & 1; // RW1-S
            if (offset == FUSE_WR_DONE && (value & 1) != 0) {
                regs[FLOW_STATUS >> 2] = (regs[FLOW_STATUS >> 2] & ~FLOW_READY_FOR_FUSES
                        & ~(FLOW_BOOT_FSM_MASK << FLOW_BOOT_FSM_SHIFT)) | (BOOT_FSM_DONE << FLOW_BOOT_FSM_SHIFT);
            }
            return;
        }
        if (isMailboxUserLock(offset) || offset == TRNG_USER_LOCK || offset == FUSE_USER_LOCK) {
            regs[i] |= value & 1; // sticky lock bit
            mailboxUserLocked |= isMailboxUserLock(offset) && (value & 1) != 0;
            return;
        }
        if (offset >= MBOX_VALID_USER && offset < MBOX_VALID_USER + 4 * MBOX_USER_SLOTS) {
            writeUnlessLocked(i, value, MBOX_USER_LOCK + (offset - MBOX_VALID_USER));
            return;
        }
        if (offset == TRNG_VALID_USER) {
            writeUnlessLocked(i, value, TRNG_USER_LOCK);
            return;
        }
        if (offset == FUSE_VALID_USER) {
            writeUnlessLocked(i, value, FUSE_USER_LOCK);
            return;
        }
        if (fuseWord[i]) {
            if (fusesLocked()) {
                droppedWrites++;
            } else {
                regs[i] = value;
            }
            return;
        }
        if (generation == Generation.V2 && offset >= OWNER_PK_HASH && offset < OWNER_PK_HASH + 48) {
            writeUnlessLocked(i, value, OWNER_PK_HASH_LOCK);
            return;
        }
        if (socReadOnly(offset)) {
            droppedWrites++;
            return;
        }
        regs[i] = value;
    }

    private static boolean isMailboxUserLock(int offset) {
        return offset >= MBOX_USER_LOCK && offset < MBOX_USER_LOCK + 4 * MBOX_USER_SLOTS;
    }

    private void writeUnlessLocked(int index, int value, int lockOffset) {
        if ((regs[lockOffset >> 2] & 1) != 0) {
            droppedWrites++;
        } else {
            regs[index] = value;
        }
    }

    private static boolean socReadOnly(int offset) {
        return offset == SocIfcRegs.BOOT_STATUS || offset == FLOW_STATUS || offset == RESET_REASON || offset == SECURITY_STATE
                || offset == GENERIC_INPUT_WIRES || offset == GENERIC_INPUT_WIRES + 4 || offset == GENERIC_OUTPUT_WIRES
                || offset == GENERIC_OUTPUT_WIRES + 4 || offset == HW_REV_ID || offset == FW_REV_ID || offset == FW_REV_ID + 4
                || offset == HW_CONFIG || offset == WDT_STATUS || offset == HW_CAPABILITIES || offset == FW_CAPABILITIES
                || offset == CAP_LOCK;
    }

    private void checkMapped(int offset) {
        boolean mapped = offset >= 0 && offset <= LAST_COMMON
                || generation == Generation.V2 && (offset >= HW_CAPABILITIES && offset <= CAP_LOCK
                        || offset >= OWNER_PK_HASH && offset <= OWNER_PK_HASH_LOCK || offset >= SS_FIRST && offset <= SS_LAST)
                || offset >= 0 && offset < SocIfcRegs.SIZE && (offset & 3) == 0 && fuseWord[offset >> 2];
        if (!mapped) {
            throw new BusFaultException(String.format("no soc_ifc register at SoC address 0x%08X (offset 0x%03X)",
                    SocIfcRegs.BASE + offset, offset));
        }
    }

    // ---- Caliptra side -----------------------------------------------------------------------

    public int reg(int offset) {
        return regs[offset >> 2];
    }

    public void setReg(int offset, int value) {
        regs[offset >> 2] = value;
    }

    public void setFlowBits(int bits) {
        regs[FLOW_STATUS >> 2] |= bits;
        readyForFwSeen |= (bits & SocIfcRegs.FLOW_READY_FOR_FW) != 0;
    }

    /**
     * Whether the ROM has ever set ready_for_fw (ready_for_mb_processing on 2.x) since reset: a
     * latch, as the reference hw-model's, that stays set after the flag itself drops at FIRMWARE_LOAD.
     */
    public boolean readyForFwSeen() {
        return readyForFwSeen;
    }

    public void clearFlowBits(int bits) {
        regs[FLOW_STATUS >> 2] &= ~bits;
    }

    public void setHwNonFatal(int bits) {
        regs[HW_ERROR_NON_FATAL >> 2] |= bits;
    }

    public boolean fusesLocked() {
        return (regs[FUSE_WR_DONE >> 2] & 1) != 0;
    }

    public boolean bootFsmGo() {
        return (regs[BOOTFSM_GO >> 2] & 1) != 0;
    }

    /** A requester may use the mailbox if no valid-user lock is set, or if a locked entry names it. */
    public boolean validMailboxUser(int user) {
        if (!mailboxUserLocked) {
            return true;
        }
        boolean anyLock = false;
        for (int i = 0; i < MBOX_USER_SLOTS; i++) {
            if ((regs[(MBOX_USER_LOCK >> 2) + i] & 1) != 0) {
                anyLock = true;
                if (regs[(MBOX_VALID_USER >> 2) + i] == user) {
                    return true;
                }
            }
        }
        return !anyLock;
    }

    /** The fuses as the ROM reads them from the registers the SoC wrote. */
    public FuseSet readFuses() {
        return FuseSet.read(generation, this::reg);
    }
}
