package org.caliptra.util.emulator.mailbox;

import org.caliptra.util.protocol.regs.MciRegs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.junit.jupiter.api.Test;

class McuMailboxTest {
    private final McuMailbox mbox = new McuMailbox(64);

    private void open(int user, int cmd, int... words) {
        assertEquals(0, mbox.readCsr(MciRegs.MBOX_LOCK, user));
        mbox.writeCsr(MciRegs.MBOX_CMD, cmd, user);
        mbox.writeCsr(MciRegs.MBOX_DLEN, words.length * 4, user);
        for (int i = 0; i < words.length; i++) {
            mbox.writeSram(i * 4, words[i], user);
        }
    }

    @Test
    void firmwareSeesExactlyDlenBytes() {
        open(3, 0xAABBCCDD, 0x04030201, 0x08070605);
        mbox.writeCsr(MciRegs.MBOX_DLEN, 6, 3);
        assertFalse(mbox.hasPendingCommand());
        mbox.writeCsr(MciRegs.MBOX_EXECUTE, 1, 3);
        assertTrue(mbox.hasPendingCommand());
        var req = mbox.takeCommand();
        assertEquals(0xAABBCCDD, req.command());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, req.payload());
        assertFalse(mbox.hasPendingCommand(), "taken once");
    }

    @Test
    void writesAfterExecuteAreViolationsAndDropped() {
        open(3, 1, 0x11111111);
        mbox.writeCsr(MciRegs.MBOX_EXECUTE, 1, 3);
        mbox.writeSram(0, 0x22222222, 3);
        mbox.writeCsr(MciRegs.MBOX_CMD, 9, 3);
        assertEquals(2, mbox.protocolViolations());
        var req = mbox.takeCommand();
        assertEquals(1, req.command());
        assertArrayEquals(new byte[] {0x11, 0x11, 0x11, 0x11}, req.payload());
    }

    @Test
    void releaseZeroesTheSramSoTheNextOwnerSeesNothing() {
        open(3, 1, 0xDEADBEEF, 0xCAFEF00D);
        mbox.writeCsr(MciRegs.MBOX_EXECUTE, 1, 3);
        mbox.takeCommand();
        mbox.respond(MailboxStatus.DATA_READY, new byte[] {9, 9, 9, 9});
        assertEquals(4, mbox.readCsr(MciRegs.MBOX_DLEN, 3));
        assertEquals(0, mbox.readSram(4, 3), "stale request word cleared behind the response");
        mbox.writeCsr(MciRegs.MBOX_EXECUTE, 0, 3);
        assertEquals(0, mbox.readCsr(MciRegs.MBOX_LOCK, 4));
        assertEquals(0, mbox.readSram(0, 4));
        assertEquals(MailboxStatus.CMD_BUSY.value(), mbox.readCsr(MciRegs.MBOX_CMD_STATUS, 4));
    }

    @Test
    void dlenIsClampedToTheSram() {
        open(1, 1);
        mbox.writeCsr(MciRegs.MBOX_DLEN, 0xFFFF_FFFF, 1);
        assertEquals(64, mbox.readCsr(MciRegs.MBOX_DLEN, 1));
    }

    @Test
    void readOnlyRegistersIgnoreSocWrites() {
        mbox.writeCsr(MciRegs.MBOX_CMD_STATUS, 2, 1);
        mbox.writeCsr(MciRegs.MBOX_LOCK, 1, 1);
        assertEquals(2, mbox.protocolViolations());
        assertEquals(0, mbox.readCsr(MciRegs.MBOX_CMD_STATUS, 1));
        assertEquals(0, mbox.readCsr(MciRegs.MBOX_LOCK, 1), "write did not lock it");
    }

    @Test
    void sramBoundsAreChecked() {
        assertThrows(BusFaultException.class, () -> mbox.readSram(64, 1));
        assertThrows(IllegalStateException.class, mbox::takeCommand);
        assertThrows(IllegalArgumentException.class, () -> new McuMailbox(6));
    }

    @Test
    void blockBurstsAreTheWordAccessesTheyReplace() {
        var words = new McuMailbox(64);
        var burst = new McuMailbox(64);
        byte[] data = {1, 2, 3, 4, 5, 6, 7};
        for (var m : new McuMailbox[] {words, burst}) {
            assertEquals(0, m.readCsr(MciRegs.MBOX_LOCK, 3));
            m.writeCsr(MciRegs.MBOX_CMD, 0x1234, 3);
            m.writeCsr(MciRegs.MBOX_DLEN, 7, 3);
        }
        words.writeSram(0, 0x0403_0201, 3);
        words.writeSram(4, 0x0007_0605, 3);
        burst.writeSramBlock(0, data, 0, 7, 3);
        for (var m : new McuMailbox[] {words, burst}) {
            m.writeCsr(MciRegs.MBOX_EXECUTE, 1, 3);
        }
        assertArrayEquals(words.takeCommand().payload(), burst.takeCommand().payload());
        // A stranger's burst is refused word for word: two words, two violations, as two writes would be.
        burst.writeSramBlock(0, data, 0, 7, 9);
        words.writeSram(0, 1, 9);
        words.writeSram(4, 1, 9);
        assertEquals(words.protocolViolations(), burst.protocolViolations());
        byte[] read = new byte[7];
        burst.readSramBlock(0, read, 0, 7, 9);
        assertArrayEquals(new byte[7], read, "a stranger reads zeros");
    }
}
