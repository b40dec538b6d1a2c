package org.caliptra.util.emulator.mailbox;

import org.caliptra.util.protocol.regs.MboxCsr;

import org.caliptra.util.protocol.regs.SocIfcRegs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.Consumer;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.regs.SocIfc;
import org.junit.jupiter.api.Test;

/** A DATAIN burst is indistinguishable from the same words written one at a time. */
class DataBurstTest {
    private static final int CAPACITY = 64;
    private static final int OWNER = 5;

    /** Two identical mailboxes: one gets the burst, the other the words one by one. */
    private static void assertSameAsWordByWord(Consumer<CoreMailbox> before, byte[] words, int requester) {
        var viaBurst = mailbox();
        var viaWords = mailbox();
        before.accept(viaBurst.mailbox);
        before.accept(viaWords.mailbox);
        viaBurst.mailbox.socWriteDataBurst(words, 0, words.length, requester);
        // Word by word, the last partial word zero-padded, as spec/device.md §2.1 step 4 says.
        var le = ByteBuffer.wrap(java.util.Arrays.copyOf(words, (words.length + 3) & ~3)).order(ByteOrder.LITTLE_ENDIAN);
        while (le.hasRemaining()) {
            viaWords.mailbox.socWrite(MboxCsr.DATAIN, le.getInt(), requester);
        }
        assertEquals(viaWords.soc.reg(SocIfcRegs.HW_ERROR_NON_FATAL), viaBurst.soc.reg(SocIfcRegs.HW_ERROR_NON_FATAL), "HW error bits");
        assertEquals(viaWords.mailbox.fsm(), viaBurst.mailbox.fsm());
        // Finish both transactions the same way and compare what the uC receives.
        viaBurst.mailbox.socWrite(MboxCsr.EXECUTE, 1, OWNER);
        viaWords.mailbox.socWrite(MboxCsr.EXECUTE, 1, OWNER);
        assertEquals(viaWords.mailbox.hasPendingCommand(), viaBurst.mailbox.hasPendingCommand());
        if (viaWords.mailbox.hasPendingCommand()) {
            assertArrayEquals(viaWords.mailbox.takeCommand().payload(), viaBurst.mailbox.takeCommand().payload());
        }
    }

    private record Pair(SocIfc soc, CoreMailbox mailbox) {}

    private static Pair mailbox() {
        var soc = new SocIfc(DeviceConfig.builder().profile(Profile.CALIPTRA_2_0).build());
        return new Pair(soc, new CoreMailbox(soc, CAPACITY, org.caliptra.util.protocol.Generation.V2));
    }

    private static Consumer<CoreMailbox> lockedWithDlen(int dlen, int wordsAlready) {
        return m -> {
            m.socRead(MboxCsr.LOCK, OWNER);
            m.socWrite(MboxCsr.CMD, 0x1234_5678, OWNER);
            m.socWrite(MboxCsr.DLEN, dlen, OWNER);
            for (int i = 0; i < wordsAlready; i++) {
                m.socWrite(MboxCsr.DATAIN, 0x0101_0101 * (i + 1), OWNER);
            }
        };
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void inOrderBurstsMatchWordWrites() {
        assertSameAsWordByWord(lockedWithDlen(40, 0), random(40, 1), OWNER);
        assertSameAsWordByWord(lockedWithDlen(40, 3), random(28, 2), OWNER);
        assertSameAsWordByWord(lockedWithDlen(40, 0), new byte[0], OWNER);
    }

    @Test
    void wordsPastTheSramAreDroppedTheSameWay() {
        assertSameAsWordByWord(lockedWithDlen(CAPACITY, 0), random(CAPACITY + 24, 3), OWNER);
        assertSameAsWordByWord(lockedWithDlen(CAPACITY, 15), random(12, 4), OWNER);
    }

    @Test
    void misusedBurstsRaiseTheSameViolations() {
        assertSameAsWordByWord(m -> { }, random(16, 5), OWNER); // no lock
        assertSameAsWordByWord(lockedWithDlen(40, 0), random(16, 6), OWNER + 1); // not the owner
        assertSameAsWordByWord(m -> {
            m.socRead(MboxCsr.LOCK, OWNER);
            m.socWrite(MboxCsr.CMD, 1, OWNER);
        }, random(16, 7), OWNER); // before DLEN
    }

    @Test
    void aPartialLastWordIsZeroPadded() {
        assertSameAsWordByWord(lockedWithDlen(10, 0), random(10, 8), OWNER);
        assertSameAsWordByWord(lockedWithDlen(40, 2), random(3, 9), OWNER);
        assertSameAsWordByWord(m -> { }, random(7, 10), OWNER); // padded and refused alike without the lock
    }

    @Test
    void aBurstReadIsTheDataoutReadsItReplaces() {
        var viaBurst = mailbox();
        var viaWords = mailbox();
        byte[] response = random(23, 11);
        for (var p : new Pair[] {viaBurst, viaWords}) {
            lockedWithDlen(4, 1).accept(p.mailbox);
            p.mailbox.socWrite(MboxCsr.EXECUTE, 1, OWNER);
            p.mailbox.takeCommand();
            p.mailbox.respond(org.caliptra.util.protocol.mailbox.MailboxStatus.DATA_READY, response);
        }
        byte[] burst = new byte[23];
        viaBurst.mailbox.socReadDataBurst(burst, 0, burst.length, OWNER);
        assertArrayEquals(response, burst);
        var words = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            words.putInt(viaWords.mailbox.socRead(MboxCsr.DATAOUT, OWNER));
        }
        assertArrayEquals(response, java.util.Arrays.copyOf(words.array(), 23));
        assertEquals(viaWords.mailbox.socRead(MboxCsr.STATUS, OWNER), viaBurst.mailbox.socRead(MboxCsr.STATUS, OWNER),
                "the read pointer advanced by six words either way");
    }
}
