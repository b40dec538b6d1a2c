package org.caliptra.util.emulator.soc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.Consumer;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
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
        viaBurst.mailbox.socWriteDataBurst(ByteBuffer.wrap(words), requester);
        var le = ByteBuffer.wrap(words).order(ByteOrder.LITTLE_ENDIAN);
        while (le.hasRemaining()) {
            viaWords.mailbox.socWrite(CoreMailbox.DATAIN, le.getInt(), requester);
        }
        assertEquals(viaWords.soc.reg(SocIfc.HW_ERROR_NON_FATAL), viaBurst.soc.reg(SocIfc.HW_ERROR_NON_FATAL), "HW error bits");
        assertEquals(viaWords.mailbox.fsm(), viaBurst.mailbox.fsm());
        // Finish both transactions the same way and compare what the uC receives.
        viaBurst.mailbox.socWrite(CoreMailbox.EXECUTE, 1, OWNER);
        viaWords.mailbox.socWrite(CoreMailbox.EXECUTE, 1, OWNER);
        assertEquals(viaWords.mailbox.hasPendingCommand(), viaBurst.mailbox.hasPendingCommand());
        if (viaWords.mailbox.hasPendingCommand()) {
            assertArrayEquals(viaWords.mailbox.takeCommand().payload(), viaBurst.mailbox.takeCommand().payload());
        }
    }

    private record Pair(SocIfc soc, CoreMailbox mailbox) {}

    private static Pair mailbox() {
        var soc = new SocIfc(DeviceConfig.builder().profile(Profile.CALIPTRA_2_0).build());
        return new Pair(soc, new CoreMailbox(soc, CAPACITY, true));
    }

    private static Consumer<CoreMailbox> lockedWithDlen(int dlen, int wordsAlready) {
        return m -> {
            m.socRead(CoreMailbox.LOCK, OWNER);
            m.socWrite(CoreMailbox.CMD, 0x1234_5678, OWNER);
            m.socWrite(CoreMailbox.DLEN, dlen, OWNER);
            for (int i = 0; i < wordsAlready; i++) {
                m.socWrite(CoreMailbox.DATAIN, 0x0101_0101 * (i + 1), OWNER);
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
            m.socRead(CoreMailbox.LOCK, OWNER);
            m.socWrite(CoreMailbox.CMD, 1, OWNER);
        }, random(16, 7), OWNER); // before DLEN
    }

    @Test
    void aBurstIsWholeWords() {
        var m = mailbox().mailbox;
        var e = assertThrows(IllegalArgumentException.class, () -> m.socWriteDataBurst(ByteBuffer.wrap(new byte[6]), OWNER));
        assertEquals("a DATAIN burst is whole words, not 6 bytes", e.getMessage());
    }
}
