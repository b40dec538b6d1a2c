package org.caliptra.util.emulator.soc;

import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;

/**
 * The SoC-visible {@code soc_ifc} register file at 0x3003_0000 (spec/device.md §1.3–§1.5) with
 * its access semantics: RW1C hardware error bits, registers the SoC may only read, fuse
 * registers locked once CPTRA_FUSE_WR_DONE is set, sticky valid-user locks, write-only seeds.
 * Offsets with no register are reported as bus faults. Not thread-safe: owned by the device thread.
 */
public final class SocIfc {
    public static final int BASE = 0x3003_0000;
    public static final int SIZE = 0x1000;

    public static final int HW_ERROR_FATAL = 0x000;
    public static final int HW_ERROR_NON_FATAL = 0x004;
    public static final int FW_ERROR_FATAL = 0x008;
    public static final int FW_ERROR_NON_FATAL = 0x00C;
    public static final int BOOT_STATUS = 0x038;
    public static final int FLOW_STATUS = 0x03C;
    public static final int RESET_REASON = 0x040;
    public static final int SECURITY_STATE = 0x044;
    public static final int MBOX_VALID_USER = 0x048;
    public static final int MBOX_USER_LOCK = 0x05C;
    public static final int TRNG_VALID_USER = 0x070;
    public static final int TRNG_USER_LOCK = 0x074;
    public static final int FUSE_WR_DONE = 0x0B0;
    public static final int BOOTFSM_GO = 0x0B8;
    public static final int DBG_MANUF_SERVICE_REG = 0x0BC;
    public static final int GENERIC_INPUT_WIRES = 0x0C4;
    public static final int GENERIC_OUTPUT_WIRES = 0x0CC;
    public static final int HW_REV_ID = 0x0D4;
    public static final int FW_REV_ID = 0x0D8;
    public static final int HW_CONFIG = 0x0E0;
    public static final int WDT_STATUS = 0x104;
    public static final int FUSE_VALID_USER = 0x108;
    public static final int FUSE_USER_LOCK = 0x10C;
    public static final int HW_CAPABILITIES = 0x128;
    public static final int FW_CAPABILITIES = 0x12C;
    public static final int CAP_LOCK = 0x130;
    public static final int OWNER_PK_HASH = 0x140;
    public static final int OWNER_PK_HASH_LOCK = 0x170;

    public static final int FLOW_IDEVID_CSR_READY = 1 << 24;
    public static final int FLOW_BOOT_FSM_SHIFT = 25;
    public static final int FLOW_READY_FOR_FW = 1 << 28;
    public static final int FLOW_READY_FOR_RUNTIME = 1 << 29;
    public static final int FLOW_READY_FOR_FUSES = 1 << 30;
    public static final int FLOW_MAILBOX_FLOW_DONE = 1 << 31;
    public static final int BOOT_FSM_FUSE = 1;
    public static final int BOOT_FSM_DONE = 4;

    public static final int HW_ERR_MBOX_PROT_NO_LOCK = 1;
    public static final int HW_ERR_MBOX_PROT_OOO = 1 << 1;

    private final DeviceConfig config;
    private final Generation generation;
    private final FuseMap fuseMap;
    private final int[] regs = new int[SIZE / 4];
    private long droppedWrites;
    private boolean mailboxUserLocked;

    public SocIfc(DeviceConfig config) {
        this.config = config;
        this.generation = config.profile().generation();
        this.fuseMap = FuseMap.of(generation);
        coldReset();
    }

    /** Every register to its reset value (cold reset). */
    public void coldReset() {
        java.util.Arrays.fill(regs, 0);
        mailboxUserLocked = false;
        for (int i = 0; i < 5; i++) {
            regs[(MBOX_VALID_USER >> 2) + i] = 0xFFFF_FFFF;
        }
        regs[TRNG_VALID_USER >> 2] = 0xFFFF_FFFF;
        regs[FUSE_VALID_USER >> 2] = 0xFFFF_FFFF;
        regs[FLOW_STATUS >> 2] = FLOW_READY_FOR_FUSES | (BOOT_FSM_FUSE << FLOW_BOOT_FSM_SHIFT);
        regs[SECURITY_STATE >> 2] = config.securityState();
        regs[HW_REV_ID >> 2] = config.profile().hwRevId();
        regs[FW_REV_ID >> 2] = config.romVersion();
        regs[HW_CONFIG >> 2] = config.profile().subsystemMode() ? 1 << 5 : 0;
    }

    public FuseMap fuseMap() {
        return fuseMap;
    }

    /** Writes the SoC made that the registers refused (read-only, locked, after FUSE_WR_DONE). */
    public long droppedWrites() {
        return droppedWrites;
    }

    // ---- SoC side ----------------------------------------------------------------------------

    public int socRead(int offset) {
        checkMapped(offset);
        var fuse = fuseMap.find(offset);
        if (fuse != null && fuse.writeOnly()) {
            return 0;
        }
        return regs[offset >> 2];
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
                regs[FLOW_STATUS >> 2] = (regs[FLOW_STATUS >> 2] & ~FLOW_READY_FOR_FUSES & ~(7 << FLOW_BOOT_FSM_SHIFT))
                        | (BOOT_FSM_DONE << FLOW_BOOT_FSM_SHIFT);
            }
            return;
        }
        if (offset >= MBOX_USER_LOCK && offset < MBOX_USER_LOCK + 20 || offset == TRNG_USER_LOCK || offset == FUSE_USER_LOCK) {
            regs[i] |= value & 1; // sticky lock bit
            mailboxUserLocked |= offset < MBOX_USER_LOCK + 20 && offset >= MBOX_USER_LOCK && (value & 1) != 0;
            return;
        }
        if (offset >= MBOX_VALID_USER && offset < MBOX_VALID_USER + 20) {
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
        if (fuseMap.find(offset) != null) {
            if (fusesLocked()) {
                droppedWrites++;
            } else {
                regs[i] = value;
            }
            return;
        }
        if (generation == Generation.V2 && offset >= OWNER_PK_HASH && offset < OWNER_PK_HASH + 48) {
            if ((regs[OWNER_PK_HASH_LOCK >> 2] & 1) != 0) {
                droppedWrites++;
            } else {
                regs[i] = value;
            }
            return;
        }
        if (socReadOnly(offset)) {
            droppedWrites++;
            return;
        }
        regs[i] = value;
    }

    private void writeUnlessLocked(int index, int value, int lockOffset) {
        if ((regs[lockOffset >> 2] & 1) != 0) {
            droppedWrites++;
        } else {
            regs[index] = value;
        }
    }

    private static boolean socReadOnly(int offset) {
        return offset == BOOT_STATUS || offset == FLOW_STATUS || offset == RESET_REASON || offset == SECURITY_STATE
                || offset == GENERIC_INPUT_WIRES || offset == GENERIC_INPUT_WIRES + 4 || offset == GENERIC_OUTPUT_WIRES
                || offset == GENERIC_OUTPUT_WIRES + 4 || offset == HW_REV_ID || offset == FW_REV_ID || offset == FW_REV_ID + 4
                || offset == HW_CONFIG || offset == WDT_STATUS || offset == HW_CAPABILITIES || offset == FW_CAPABILITIES
                || offset == CAP_LOCK;
    }

    private void checkMapped(int offset) {
        boolean mapped = offset >= 0 && offset <= 0x124
                || generation == Generation.V2 && (offset >= 0x128 && offset <= 0x130 || offset >= OWNER_PK_HASH && offset <= OWNER_PK_HASH_LOCK
                        || offset >= 0x500 && offset <= 0x5FC)
                || fuseMap.find(offset) != null;
        if (!mapped) {
            throw new BusFaultException(String.format("no soc_ifc register at SoC address 0x%08X (offset 0x%03X)", BASE + offset, offset));
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
        for (int i = 0; i < 5; i++) {
            if ((regs[(MBOX_USER_LOCK >> 2) + i] & 1) != 0) {
                anyLock = true;
                if (regs[(MBOX_VALID_USER >> 2) + i] == user) {
                    return true;
                }
            }
        }
        return !anyLock;
    }

    /** The fuses as the ROM reads them (hash fuses are big-endian words; SVNs thermometer bitmaps). */
    public Fuses readFuses() {
        var b = Fuses.builder().lifecycle(config.lifecycle());
        boolean v1 = generation == Generation.V1;
        b.vendorPkHash(hashWords(fuseMap.byName(v1 ? "FUSE_KEY_MANIFEST_PK_HASH" : "FUSE_VENDOR_PK_HASH").offset()));
        b.ownerPkHash(hashWords(v1 ? fuseMap.byName("FUSE_OWNER_PK_HASH").offset() : OWNER_PK_HASH));
        int revocation = reg(fuseMap.byName(v1 ? "FUSE_KEY_MANIFEST_PK_HASH_MASK" : "FUSE_ECC_REVOCATION").offset());
        b.eccRevocation(revocation & 0xF);
        b.lmsRevocation(reg(fuseMap.byName("FUSE_LMS_REVOCATION").offset()));
        if (v1) {
            b.lmsVerify((reg(fuseMap.byName("FUSE_LMS_VERIFY").offset()) & 1) != 0);
        } else {
            b.mldsaRevocation(reg(fuseMap.byName("FUSE_MLDSA_REVOCATION").offset()) & 0xF);
            b.pqcKeyType(reg(fuseMap.byName("FUSE_PQC_KEY_TYPE").offset()) & 3);
        }
        int fmcSvn = reg(fuseMap.byName("FUSE_FMC_KEY_MANIFEST_SVN").offset());
        b.fmcSvn(32 - Integer.numberOfLeadingZeros(fmcSvn));
        int rtBase = fuseMap.byName("FUSE_RUNTIME_SVN").offset();
        int rtSvn = 0;
        for (int w = 3; w >= 0 && rtSvn == 0; w--) {
            int word = reg(rtBase + 4 * w);
            if (word != 0) {
                rtSvn = 32 * w + 32 - Integer.numberOfLeadingZeros(word);
            }
        }
        b.runtimeSvn(rtSvn);
        b.antiRollbackDisable((reg(fuseMap.byName("FUSE_ANTI_ROLLBACK_DISABLE").offset()) & 1) != 0);
        return b.build();
    }

    private Octets hashWords(int offset) {
        byte[] out = new byte[48];
        for (int w = 0; w < 12; w++) {
            int v = reg(offset + 4 * w);
            out[4 * w] = (byte) (v >>> 24);
            out[4 * w + 1] = (byte) (v >>> 16);
            out[4 * w + 2] = (byte) (v >>> 8);
            out[4 * w + 3] = (byte) v;
        }
        return Octets.of(out);
    }
}
