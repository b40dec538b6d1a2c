package org.caliptra.util.protocol.regs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.regs.FuseRegisters.Name;
import org.junit.jupiter.api.Test;

/** The register maps against spec/device.md §1.2–§1.5, written out by hand. */
class RegisterMapTest {
    @Test
    void mboxStatusPacksItsFields() {
        // status [3:0], mbox_fsm_ps [8:6], soc_has_lock [9], mbox_rdptr [24:10] (1.x) / [25:10] (2.x).
        assertEquals(1 | 4 << 6 | 1 << 9 | 5 << 10,
                MboxCsr.status(MailboxStatus.DATA_READY, MboxCsr.Fsm.EXECUTE_SOC, true, 5, Generation.V2));
        assertEquals(0x7FFF << 10, MboxCsr.status(MailboxStatus.CMD_BUSY, MboxCsr.Fsm.IDLE, false, 0xFFFF, Generation.V1),
                "the 1.x read pointer is 15 bits");
        assertEquals(MboxCsr.Fsm.EXECUTE_UC, MboxCsr.Fsm.fromStatus(6 << 6));
        assertThrows(IllegalArgumentException.class, () -> MboxCsr.Fsm.fromStatus(5 << 6), "5 is reserved");
    }

    @Test
    void socIfcOffsetsAndFlowBits() {
        assertEquals(List.of(0x00C, 0x038, 0x03C, 0x0B0, 0x0B8, 0x0BC, 0x0D4, 0x140),
                List.of(SocIfcRegs.FW_ERROR_NON_FATAL, SocIfcRegs.BOOT_STATUS, SocIfcRegs.FLOW_STATUS, SocIfcRegs.FUSE_WR_DONE,
                        SocIfcRegs.BOOTFSM_GO, SocIfcRegs.DBG_MANUF_SERVICE_REG, SocIfcRegs.HW_REV_ID, SocIfcRegs.OWNER_PK_HASH));
        assertEquals(1 << 28, SocIfcRegs.FLOW_READY_FOR_FW);
        assertEquals(1 << 30, SocIfcRegs.FLOW_READY_FOR_FUSES);
        assertEquals(4, SocIfcRegs.bootFsm(4 << 25 | 1 << 31));
        assertEquals(0b111, SocIfcRegs.securityState(Lifecycle.PRODUCTION, true));
    }

    @Test
    void fuseMapsPerGeneration() {
        assertEquals(new FuseRegisters.Fuse(Name.FUSE_UDS_SEED, 0x200, 12, true), FuseRegisters.get(Generation.V1, Name.FUSE_UDS_SEED));
        assertEquals(new FuseRegisters.Fuse(Name.FUSE_UDS_SEED, 0x200, 16, true), FuseRegisters.get(Generation.V2, Name.FUSE_UDS_SEED));
        assertEquals(0x250, FuseRegisters.get(Generation.V1, Name.FUSE_VENDOR_PK_HASH).offset());
        assertEquals(0x260, FuseRegisters.get(Generation.V2, Name.FUSE_VENDOR_PK_HASH).offset());
        assertEquals(0x344, FuseRegisters.get(Generation.V1, Name.FUSE_LMS_REVOCATION).offset());
        assertEquals(0x340, FuseRegisters.get(Generation.V2, Name.FUSE_LMS_REVOCATION).offset());
        assertEquals(0x38C, FuseRegisters.get(Generation.V2, Name.FUSE_PQC_KEY_TYPE).offset());
        assertFalse(FuseRegisters.find(Generation.V2, Name.FUSE_OWNER_PK_HASH).isPresent(), "2.x moved it to CPTRA_OWNER_PK_HASH");
        assertEquals(Name.FUSE_RUNTIME_SVN, FuseRegisters.at(Generation.V1, 0x2C4).orElseThrow().name(), "the fourth SVN word");
        assertEquals("FUSE_KEY_MANIFEST_PK_HASH", FuseRegisters.registerName(Generation.V1, Name.FUSE_VENDOR_PK_HASH));
        var e = assertThrows(IllegalArgumentException.class, () -> FuseRegisters.get(Generation.V1, Name.FUSE_HEK_SEED));
        assertEquals("Caliptra 1.x has no FUSE_HEK_SEED", e.getMessage());
        for (var g : Generation.values()) {
            var fuses = FuseRegisters.of(g);
            for (int i = 1; i < fuses.size(); i++) {
                var prev = fuses.get(i - 1);
                assertFalse(prev.offset() + 4 * prev.words() > fuses.get(i).offset(), prev + " overlaps " + fuses.get(i));
            }
        }
    }

    @Test
    void mciOffsets() {
        assertEquals(0x40_0000, MciRegs.MBOX0_OFFSET);
        assertEquals(0x20_0000, MciRegs.MBOX_CSR_OFFSET);
        assertEquals(List.of(0x0, 0x10, 0x14, 0x18, 0x20), List.of(MciRegs.MBOX_LOCK, MciRegs.MBOX_CMD, MciRegs.MBOX_DLEN,
                MciRegs.MBOX_EXECUTE, MciRegs.MBOX_CMD_STATUS));
        assertEquals(0x64, MciRegs.FW_ERROR_NON_FATAL);
    }
}
