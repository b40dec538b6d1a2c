package org.caliptra.util.protocol;

import java.util.function.Function;

/**
 * The SoC-side register seam: 32-bit word reads and writes at absolute SoC bus addresses.
 *
 * <p>The emulator implements it; SoC-side drivers (the register-level mailbox driver, the boot
 * flow) accept any implementation, in process or over a socket. Addresses must be word aligned.
 *
 * <p>Three optional capabilities have defaults that need nothing but {@link #read32} and
 * {@link #write32}, so a wrapper (a recorder, a fault injector, a socket client) may implement just
 * those two; an implementation that can do better overrides them:
 * <ul>
 *   <li>{@link #idle()}: what a driver does between two polls of a status register. Real hardware
 *       runs on its own; an emulated device that advances only when asked takes one step here.
 *   <li>bursts: {@link #writeFifo}/{@link #readFifo} move many words through one FIFO register (a
 *       FIXED-address AXI burst, as to MBOX_DATAIN), {@link #writeBlock}/{@link #readBlock} through
 *       consecutive addresses (an incrementing burst, as to an SRAM window). Each is exactly the
 *       word accesses it replaces.
 *   <li>{@link #exclusive}: a sequence of accesses with no other bus master in between, as boot code
 *       that owns the interconnect performs them.
 * </ul>
 */
public interface RegisterBus {
    int read32(int address);

    void write32(int address, int value);

    /** One poll interval passes for the device while a driver waits for it. */
    default void idle() {
        Thread.onSpinWait();
    }

    /**
     * Writes {@code length} bytes as {@code ceil(length / 4)} little-endian words to the FIFO
     * register at {@code address}; the last word is zero-padded.
     */
    default void writeFifo(int address, byte[] data, int offset, int length) {
        for (int at = 0; at < length; at += 4) {
            write32(address, Words.littleEndian(data, offset + at, Math.min(4, length - at)));
        }
    }

    /** Reads {@code ceil(length / 4)} words from the FIFO register at {@code address} into {@code length} bytes. */
    default void readFifo(int address, byte[] into, int offset, int length) {
        for (int at = 0; at < length; at += 4) {
            Words.putLittleEndian(read32(address), into, offset + at, Math.min(4, length - at));
        }
    }

    /** Writes {@code length} bytes as little-endian words to consecutive addresses from {@code address}. */
    default void writeBlock(int address, byte[] data, int offset, int length) {
        for (int at = 0; at < length; at += 4) {
            write32(address + at, Words.littleEndian(data, offset + at, Math.min(4, length - at)));
        }
    }

    /** Reads little-endian words from consecutive addresses from {@code address} into {@code length} bytes. */
    default void readBlock(int address, byte[] into, int offset, int length) {
        for (int at = 0; at < length; at += 4) {
            Words.putLittleEndian(read32(address + at), into, offset + at, Math.min(4, length - at));
        }
    }

    /**
     * Runs {@code sequence} with no other caller's access in between. The bus handed to the sequence
     * may be a cheaper view of this one; it is valid only inside the call. The sequence must not wait
     * for other threads.
     */
    default <T> T exclusive(Function<RegisterBus, T> sequence) {
        return sequence.apply(this);
    }
}
