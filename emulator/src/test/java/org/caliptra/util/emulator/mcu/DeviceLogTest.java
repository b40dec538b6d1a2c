package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The MCU debug log's record format, paging, bound and drop notice. */
class DeviceLogTest {
    private static String text(DeviceLog.Page page) {
        return new String(page.data(), StandardCharsets.US_ASCII);
    }

    @Test
    void recordsAreNumberedLinesAndADrainTakesThem() {
        var log = new DeviceLog();
        log.append(5, DeviceLog.Category.CMD, "MC_DEVICE_ID ok");
        log.append(9, DeviceLog.Category.BOOT, "core runtime ready");
        var page = log.drain(1000);
        assertEquals("#1 @5 CMD MC_DEVICE_ID ok\n#2 @9 BOOT core runtime ready\n", text(page));
        assertFalse(page.moreData());
        assertEquals(0, log.drain(1000).data().length, "a drained record is gone");
        log.append(10, DeviceLog.Category.LOG, "x");
        assertEquals("#3 @10 LOG x\n", text(log.drain(100)), "numbering continues");
    }

    @Test
    void aPageHoldsWholeRecordsOnly() {
        var log = new DeviceLog();
        for (int i = 0; i < 10; i++) {
            log.append(i, DeviceLog.Category.CMD, "command " + i);
        }
        String first = "#1 @0 CMD command 0\n";
        var page = log.drain(first.length() * 2 - 1);
        assertEquals(first, text(page), "the second record does not fit and stays");
        assertTrue(page.moreData());
        assertEquals(9, text(log.drain(10_000)).split("\n").length);
        assertEquals(0, log.size());
    }

    @Test
    void longAndNonAsciiMessagesStayOnePrintableLine() {
        var log = new DeviceLog();
        log.append(1, DeviceLog.Category.ERR, "é\nnext" + "y".repeat(400));
        String line = text(log.drain(1000));
        assertEquals(DeviceLog.MAX_RECORD_BYTES, line.length());
        assertTrue(line.startsWith("#1 @1 ERR ??next"), line);
        assertTrue(line.endsWith("...\n"));
        assertEquals(1, line.chars().filter(c -> c == '\n').count());
    }

    @Test
    void aFullLogDropsTheOldestAndSaysHowMany() {
        var log = new DeviceLog();
        int appended = 1000;
        for (int i = 1; i <= appended; i++) {
            log.append(i, DeviceLog.Category.CMD, "record number " + i + " " + "z".repeat(60));
            assertTrue(log.size() <= DeviceLog.CAPACITY_BYTES, "bounded");
        }
        String all = text(log.drain(Integer.MAX_VALUE));
        String[] lines = all.split("\n");
        var notice = java.util.regex.Pattern.compile("#- @1000 LOG dropped (\\d+) records \\(log full, 16384 bytes\\)").matcher(lines[0]);
        assertTrue(notice.matches(), lines[0]);
        long dropped = Long.parseLong(notice.group(1));
        assertEquals(dropped, log.droppedTotal());
        assertEquals(appended, dropped + lines.length - 1, "every record is either kept or counted");
        assertTrue(lines[1].startsWith("#" + (dropped + 1) + " "), "the oldest kept follows the notice: " + lines[1]);
        assertTrue(lines[lines.length - 1].startsWith("#1000 "));
        log.append(1001, DeviceLog.Category.LOG, "after");
        assertEquals("#1001 @1001 LOG after\n", text(log.drain(1000)), "the notice went with its drain");
    }

    @Test
    void clearEmptiesTheLog() {
        var log = new DeviceLog();
        log.append(1, DeviceLog.Category.FW, "loaded");
        log.clear();
        assertEquals(0, log.size());
        var page = log.drain(100);
        assertEquals(0, page.data().length);
        assertFalse(page.moreData());
    }
}
