package org.caliptra.util.emulator.mcu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The MCU runtime's debug log: a bounded record store that MC_GET_LOG and the MCTP-VDM GetDebugLog
 * drain page by page and MC_CLEAR_LOG / ClearDebugLog empty.
 *
 * <p>The reference stores defmt frames, which only the firmware's ELF can decode; the emulator has
 * no ELF, so each record is one line of printable ASCII ending in {@code \n}:
 * {@code #<seq> @<step> <CATEGORY> <message>}, where seq counts records from 1 since the device was
 * made (a gap shows records lost) and step is the MCU's step count when it was written. At most
 * {@value #MAX_RECORD_BYTES} bytes each (longer messages end in "..."), so every record fits one
 * VDM page. The store keeps {@value #CAPACITY_BYTES} bytes; when full it drops the oldest records
 * and keeps at its head one line {@code #- @<step> LOG dropped <n> records (log full)}, counting
 * them until that line is read. A drain takes whole records from the head, as many as fit the page;
 * what it returns is gone from the log. Not thread-safe: owned by the device thread.
 */
public final class DeviceLog {
    public static final int CAPACITY_BYTES = 16 * 1024;
    public static final int MAX_RECORD_BYTES = 256;

    /** What a record is about. */
    public enum Category {
        /** Core boot progress: boot status milestones, ready for firmware, runtime ready. */
        BOOT,
        /** Firmware the core accepted. */
        FW,
        /** An MC_* command the MCU served, and its result. */
        CMD,
        /** An MCTP-VDM command the MCU served, and its result. */
        VDM,
        /** The periodic FIPS self test. */
        SELFTEST,
        /** A core fatal error. */
        ERR,
        /** The log itself. */
        LOG
    }

    /** One drained page: whole records, and whether records remain. */
    public record Page(byte[] data, boolean moreData) {
        public Page {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    private record Entry(byte[] line, boolean dropNotice, long dropped) {}

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int bytes;
    private long sequence;
    private long droppedTotal;

    public void append(long step, Category category, String message) {
        sequence++;
        byte[] line = line("#" + sequence + " @" + step + " " + category + " ", message);
        long dropped = 0;
        if (!entries.isEmpty() && entries.peekFirst().dropNotice()) {
            dropped = take().dropped();
        }
        // Room for this record and the notice that counts what goes.
        while (!entries.isEmpty() && bytes + line.length + MAX_RECORD_BYTES > CAPACITY_BYTES) {
            take();
            dropped++;
            droppedTotal++;
        }
        if (dropped > 0) {
            byte[] notice = line("#- @" + step + " " + Category.LOG + " ", "dropped " + dropped + " records (log full, "
                    + CAPACITY_BYTES + " bytes)");
            entries.addFirst(new Entry(notice, true, dropped));
            bytes += notice.length;
        }
        entries.addLast(new Entry(line, false, 0));
        bytes += line.length;
    }

    /** Whole records from the head, at most {@code maxBytes} of them; they leave the log. */
    public Page drain(int maxBytes) {
        var out = new ByteArrayOutputStream();
        while (!entries.isEmpty() && out.size() + entries.peekFirst().line().length <= maxBytes) {
            out.writeBytes(take().line());
        }
        return new Page(out.toByteArray(), !entries.isEmpty());
    }

    public void clear() {
        entries.clear();
        bytes = 0;
    }

    /** Bytes of records held. */
    public int size() {
        return bytes;
    }

    /** Records dropped for want of room since the device was made. */
    public long droppedTotal() {
        return droppedTotal;
    }

    private Entry take() {
        Entry e = entries.removeFirst();
        bytes -= e.line().length;
        return e;
    }

    /** {@code prefix + message} as printable ASCII, cut to {@value #MAX_RECORD_BYTES} bytes with the newline. */
    private static byte[] line(String prefix, String message) {
        var text = new StringBuilder(prefix.length() + message.length());
        for (char c : (prefix + message).toCharArray()) {
            text.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (text.length() > MAX_RECORD_BYTES - 1) {
            text.setLength(MAX_RECORD_BYTES - 4);
            text.append("...");
        }
        return text.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
