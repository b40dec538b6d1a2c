package org.caliptra.util.protocol.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FourCcTest {
    @Test
    void readsBigEndianAscii() {
        assertEquals(0x4D44_4944, FourCc.of("MDID"));
        assertEquals(0x4657_4C44, FourCc.of("FWLD"));
        assertEquals("MCAP", FourCc.toAscii(0x4D43_4150));
        assertEquals("....", FourCc.toAscii(0x11));
        assertEquals("0x4D444944 (MDID)", FourCc.describe(0x4D44_4944));
    }

    @Test
    void rejectsWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> FourCc.of("MDI"));
        assertThrows(IllegalArgumentException.class, () -> FourCc.of("MDIDX"));
    }
}
