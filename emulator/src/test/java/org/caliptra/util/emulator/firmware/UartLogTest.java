package org.caliptra.util.emulator.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UartLogTest {
    @Test
    void linesAreAppendedWithNewlinesAndReadFromAnOffset() {
        var log = new UartLog(1024);
        log.println("[rom] boot status 0x181");
        int first = log.length();
        log.println("[rt] ready for commands");
        assertEquals("[rom] boot status 0x181\n[rt] ready for commands\n", log.text());
        assertEquals(24, first);
        assertArrayEquals("[rt] ready for commands\n".getBytes(StandardCharsets.US_ASCII), log.bytesFrom(first));
        assertEquals(0, log.bytesFrom(log.length()).length);
    }

    @Test
    void charactersOutsidePrintableAsciiBecomeQuestionMarks() {
        var log = new UartLog(1024);
        log.println("a\u00e9b\nc\u0000d\te");
        assertEquals("a?b?c?d\te\n", log.text());
    }

    @Test
    void aFullLogSaysSoOnceKeepsWhatItHadAndCountsWhatItDrops() {
        var log = new UartLog(100);
        log.println("0123456789012345678901234567890123456789"); // 41 bytes
        String before = log.text();
        log.println("0123456789012345678901234567890123456789"); // 82 + the 38-byte notice would not fit
        log.println("x");
        assertEquals(before + "[uart] log full: later output dropped\n", log.text());
        assertTrue(log.length() <= 100, "bounded: " + log.length());
        assertEquals(2, log.droppedLines());
        assertTrue(log.text().startsWith(before), "bytes once written never change");
    }

    @Test
    void anOffsetOutsideTheLogIsRefusedByName() {
        var log = new UartLog(64);
        log.println("abc");
        var e = assertThrows(IllegalArgumentException.class, () -> log.bytesFrom(5));
        assertEquals("offset 5 is outside the log's 4 bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> log.bytesFrom(-1));
        assertThrows(IllegalArgumentException.class, () -> new UartLog(10));
    }
}
