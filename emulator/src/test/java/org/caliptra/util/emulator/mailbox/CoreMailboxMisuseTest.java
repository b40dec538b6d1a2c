package org.caliptra.util.emulator.mailbox;

import org.caliptra.util.protocol.regs.MboxCsr;

import org.caliptra.util.protocol.regs.SocIfcRegs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mailbox misuse behaves as spec/device.md §2 says and never throws; random sequences leave it usable. */
class CoreMailboxMisuseTest {
    static final int MBOX = 0x3002_0000;
    static final int SOC = 0x3003_0000;
    static final int VERSION = 0x4650_5652;
    CaliptraDevice d;

    @BeforeEach
    void bootRom() {
        d = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_0).build());
        d.setRequesterUser(1);
        d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 1);
        d.write32(SOC + SocIfcRegs.BOOTFSM_GO, 1);
        assertTrue(d.stepUntil(x -> (x.read32(SOC + SocIfcRegs.FLOW_STATUS) & SocIfcRegs.FLOW_READY_FOR_FW) != 0, 100));
    }

    @AfterEach
    void close() {
        d.close();
    }

    int hwNonFatal() {
        return d.read32(SOC + SocIfcRegs.HW_ERROR_NON_FATAL);
    }

    int fsm() {
        return (d.read32(MBOX + MboxCsr.STATUS) >> 6) & 7;
    }

    void clearHwErrors() {
        d.write32(SOC + SocIfcRegs.HW_ERROR_NON_FATAL, 3); // RW1C
        assertEquals(0, hwNonFatal());
    }

    MailboxReply version() {
        return d.coreMailbox().execute(VERSION, MailboxChecksum.seal(VERSION, new byte[0]));
    }

    @Test
    void executeWithoutLockIsANoLockViolation() {
        d.write32(MBOX + MboxCsr.EXECUTE, 1);
        assertEquals(SocIfcRegs.HW_ERR_MBOX_PROT_NO_LOCK, hwNonFatal());
        assertEquals(0, fsm(), "still idle");
        clearHwErrors();
        assertInstanceOf(MailboxReply.Data.class, version());
    }

    @Test
    void orderIsStrict() {
        assertEquals(0, d.read32(MBOX + MboxCsr.LOCK));
        d.write32(MBOX + MboxCsr.DLEN, 8); // DLEN before CMD
        assertEquals(SocIfcRegs.HW_ERR_MBOX_PROT_OOO, hwNonFatal());
        assertEquals(1, fsm(), "RDY_FOR_CMD");
        d.write32(MBOX + MboxCsr.CMD, VERSION);
        assertEquals(3, fsm(), "RDY_FOR_DLEN");
        d.write32(MBOX + MboxCsr.DLEN, 4);
        assertEquals(2, fsm(), "RDY_FOR_DATA");
        d.write32(MBOX + MboxCsr.DATAIN, MailboxChecksum.compute(VERSION, new byte[0]));
        d.write32(MBOX + MboxCsr.EXECUTE, 1);
        assertEquals(6, fsm(), "EXECUTE_UC");
        clearHwErrors();
        d.write32(MBOX + MboxCsr.DATAIN, 0xDEAD); // a write after EXECUTE
        assertEquals(SocIfcRegs.HW_ERR_MBOX_PROT_OOO, hwNonFatal());
        d.step();
        assertEquals(4, fsm(), "EXECUTE_SOC after the firmware answered");
        assertEquals(1, d.read32(MBOX + MboxCsr.STATUS) & 0xF, "DATA_READY");
        int dlen = d.read32(MBOX + MboxCsr.DLEN);
        assertEquals(36, dlen);
        for (int i = 0; i < 9; i++) {
            d.read32(MBOX + MboxCsr.DATAOUT);
        }
        assertEquals(0, d.read32(MBOX + MboxCsr.DATAOUT), "DATAOUT past DLEN reads 0");
        assertEquals(10, (d.read32(MBOX + MboxCsr.STATUS) >>> 10) & 0xFFFF, "read pointer counts the words read");
        d.write32(MBOX + MboxCsr.EXECUTE, 0);
        assertEquals(0, d.read32(MBOX + MboxCsr.STATUS), "released: status and fsm reset");
    }

    @Test
    void dlenBeyondTheMailboxIsClamped() {
        d.read32(MBOX + MboxCsr.LOCK);
        d.write32(MBOX + MboxCsr.CMD, VERSION);
        d.write32(MBOX + MboxCsr.DLEN, 0xFFFF_FFF0);
        assertEquals(256 * 1024, d.read32(MBOX + MboxCsr.DLEN));
        d.write32(MBOX + MboxCsr.EXECUTE, 0);
    }

    @Test
    void aNonValidRequesterDoesNotGetTheLock() {
        d.write32(SOC + SocIfcRegs.MBOX_VALID_USER, 7);
        d.write32(SOC + SocIfcRegs.MBOX_USER_LOCK, 1);
        d.write32(SOC + SocIfcRegs.MBOX_USER_LOCK, 0);
        assertEquals(1, d.read32(SOC + SocIfcRegs.MBOX_USER_LOCK), "the lock is sticky");
        d.setRequesterUser(8);
        assertEquals(0, d.read32(MBOX + MboxCsr.LOCK), "the PAUSER filter answers 0");
        assertEquals(0, d.read32(MBOX + MboxCsr.LOCK), "and still does: nothing was acquired");
        d.setRequesterUser(7);
        assertEquals(0, d.read32(MBOX + MboxCsr.USER), "nobody holds it");
        assertInstanceOf(MailboxReply.Data.class, version(), "the valid requester is served");
    }

    @Test
    void theUcsOwnRequesterIdIsRefusedByTheRomAndTheRuntime() {
        d.setRequesterUser(0xFFFF_FFFF);
        var rom = assertInstanceOf(MailboxReply.Failure.class, version());
        assertEquals(0x0102_0009, rom.errorCode(), "FW_PROC_MAILBOX_RESERVED_PAUSER");
        assertTrue(d.fatal(), "a ROM mailbox error stops the ROM");
        assertEquals(0x0102_0009, d.read32(SOC + SocIfcRegs.FW_ERROR_FATAL));

        d.close();
        d = org.caliptra.util.emulator.TestFirmware.bootedDevice();
        d.setRequesterUser(0xFFFF_FFFF);
        var runtime = assertInstanceOf(MailboxReply.Failure.class, version());
        assertEquals(0x000E_004F, runtime.errorCode(), "RUNTIME_CMD_RESERVED_PAUSER");
        d.setRequesterUser(1);
        assertInstanceOf(MailboxReply.Data.class, version(), "the runtime keeps serving");
    }

    @Test
    void anotherRequesterCannotEndSomeoneElsesTransaction() {
        d.setRequesterUser(1);
        assertEquals(0, d.read32(MBOX + MboxCsr.LOCK));
        d.setRequesterUser(2);
        d.write32(MBOX + MboxCsr.EXECUTE, 0);
        assertEquals(SocIfcRegs.HW_ERR_MBOX_PROT_NO_LOCK, hwNonFatal());
        d.setRequesterUser(1);
        assertEquals(1, d.read32(MBOX + MboxCsr.USER));
        d.write32(MBOX + MboxCsr.EXECUTE, 0);
    }

    @Test
    void fusesLockAfterFuseWriteDone() {
        d.write32(SOC + 0x260, 0x1234_5678); // FUSE_VENDOR_PK_HASH[0] after FUSE_WR_DONE
        assertEquals(0, d.read32(SOC + 0x260));
        d.write32(SOC + SocIfcRegs.FUSE_WR_DONE, 0);
        assertEquals(1, d.read32(SOC + SocIfcRegs.FUSE_WR_DONE), "RW1-S: cannot be cleared");
        d.write32(SOC + SocIfcRegs.BOOT_STATUS, 0x55);
        assertEquals(70, d.read32(SOC + SocIfcRegs.BOOT_STATUS), "read-only to the SoC");
    }

    @Test
    void seededRandomRegisterSequencesNeverThrowAndLeaveTheMailboxUsable() {
        d.close();
        d = org.caliptra.util.emulator.TestFirmware.bootedDevice(); // runtime: command errors are not fatal
        var r = new Random(0xCA11);
        int[] mbox = {MboxCsr.LOCK, MboxCsr.USER, MboxCsr.CMD, MboxCsr.DLEN, MboxCsr.DATAIN, MboxCsr.DATAOUT,
            MboxCsr.EXECUTE, MboxCsr.STATUS, MboxCsr.UNLOCK}; // no TAP_MODE on 1.x
        int[] soc = {SocIfcRegs.HW_ERROR_NON_FATAL, SocIfcRegs.FW_ERROR_NON_FATAL, SocIfcRegs.BOOT_STATUS, SocIfcRegs.FLOW_STATUS,
            SocIfcRegs.DBG_MANUF_SERVICE_REG, SocIfcRegs.FUSE_WR_DONE, SocIfcRegs.BOOTFSM_GO, 0x250, 0x340};
        for (int round = 0; round < 5_000; round++) {
            int user = r.nextInt(4) == 0 ? 2 : 1;
            d.setRequesterUser(user);
            try {
                int kind = r.nextInt(10);
                if (kind < 7) {
                    int reg = MBOX + mbox[r.nextInt(mbox.length)];
                    if (r.nextBoolean()) {
                        d.read32(reg);
                    } else {
                        int value = reg == MBOX + MboxCsr.CMD ? (r.nextBoolean() ? VERSION : r.nextInt())
                                : reg == MBOX + MboxCsr.DLEN ? r.nextInt(64) : r.nextInt(3) == 0 ? 1 : r.nextInt();
                        d.write32(reg, value);
                    }
                } else if (kind < 9) {
                    int reg = SOC + soc[r.nextInt(soc.length)];
                    if (r.nextBoolean()) {
                        d.read32(reg);
                    } else {
                        d.write32(reg, r.nextInt());
                    }
                } else {
                    d.step();
                }
            } catch (BusFaultException e) {
                fail("round " + round + ": mapped register reported unmapped: " + e.getMessage());
            } catch (RuntimeException e) {
                fail("round " + round + " threw " + e, e);
            }
        }
        // Tidy up as a SoC would: the holder clears EXECUTE; the firmware recovers the error state.
        for (int user = 1; user <= 2; user++) {
            d.setRequesterUser(user);
            if (d.read32(MBOX + MboxCsr.USER) == user) {
                d.write32(MBOX + MboxCsr.EXECUTE, 0);
            }
        }
        d.step();
        d.setRequesterUser(1);
        if (d.fatal()) {
            fail("random register traffic made the runtime fatal");
        }
        assertInstanceOf(MailboxReply.Data.class, version(), "the next valid command is served");
    }
}
