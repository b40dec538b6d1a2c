package org.caliptra.util.emulator.firmware;

import java.util.Arrays;

/**
 * What the emulated firmware prints on its debug UART: one ASCII line per boot milestone, mailbox
 * command and fatal error, as the reference ROM's and runtime's {@code cprintln} lines tell a
 * developer what the device did.
 *
 * <p>Append-only and bounded: once {@code capacity} bytes are written, one final line says so and
 * later lines are counted but dropped. Bytes once written never change, so a reader that remembers
 * how far it read (as a C caller of {@code caliptra_model_output_peek} or a console forwarder
 * does) only ever has to fetch what is new. Not thread-safe: owned by the device thread.
 */
public final class UartLog {
    /** Room for a few thousand commands' lines; a long-running device stops logging there. */
    public static final int DEFAULT_CAPACITY = 1 << 20;
    private static final byte[] FULL = "[uart] log full: later output dropped\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int capacity;
    private byte[] bytes = new byte[4096];
    private int length;
    private boolean full;
    private long droppedLines;

    public UartLog(int capacity) {
        if (capacity < FULL.length) {
            throw new IllegalArgumentException("a UART log needs at least " + FULL.length + " bytes, got " + capacity);
        }
        this.capacity = capacity;
    }

    public UartLog() {
        this(DEFAULT_CAPACITY);
    }

    /** Appends {@code text} and a newline; characters outside printable ASCII become {@code ?}. */
    public void println(String text) {
        if (full) {
            droppedLines++;
            return;
        }
        int need = text.length() + 1;
        if (length + need > capacity - FULL.length) {
            append(FULL, FULL.length);
            full = true;
            droppedLines++;
            return;
        }
        ensure(length + need);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes[length++] = (byte) (c >= 0x20 && c < 0x7F || c == '\t' ? c : '?');
        }
        bytes[length++] = '\n';
    }

    /** Bytes written so far. */
    public int length() {
        return length;
    }

    /** The bytes from {@code offset} (0 ≤ offset ≤ {@link #length()}) to the end, copied. */
    public byte[] bytesFrom(int offset) {
        if (offset < 0 || offset > length) {
            throw new IllegalArgumentException("offset " + offset + " is outside the log's " + length + " bytes");
        }
        return Arrays.copyOfRange(bytes, offset, length);
    }

    /** The whole log as text. */
    public String text() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Lines not recorded because the log was full. */
    public long droppedLines() {
        return droppedLines;
    }

    public int capacity() {
        return capacity;
    }

    private void append(byte[] data, int n) {
        ensure(length + n);
        System.arraycopy(data, 0, bytes, length, n);
        length += n;
    }

    private void ensure(int size) {
        if (size > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(capacity, Math.max(size, bytes.length * 2)));
        }
    }
}
