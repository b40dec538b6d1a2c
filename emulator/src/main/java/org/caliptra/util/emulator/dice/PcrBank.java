package org.caliptra.util.emulator.dice;

import java.util.Arrays;
import java.util.List;
import org.caliptra.util.protocol.Octets;

/**
 * The PCR bank (spec/device.md §5.1): 32 SHA-384 registers, each extended as
 * {@code PCR = SHA-384(PCR ‖ data)}, with the reset counters the runtime keeps beside them. Which
 * firmware clears or extends which PCR is the firmware's business; the bank only holds values.
 */
public final class PcrBank {
    public static final int COUNT = 32;
    public static final int SIZE = 48;
    /** ROM: current (cleared on every cold and update reset) and journey measurements of the FMC. */
    public static final int FMC_CURRENT = 0;
    public static final int FMC_JOURNEY = 1;
    /** FMC: current and journey measurements of the runtime. */
    public static final int RT_CURRENT = 2;
    public static final int RT_JOURNEY = 3;
    /** STASH_MEASUREMENT and AUTHORIZE_AND_STASH. */
    public static final int STASH_MEASUREMENT = 31;

    private final byte[][] pcrs = new byte[COUNT][SIZE];
    private final int[] resetCounters = new int[COUNT];

    public void extend(int index, byte[] data) {
        pcrs[index] = Digests.sha384(pcrs[index], data);
    }

    /** A stashed measurement (STASH_MEASUREMENT, AUTHORIZE_AND_STASH, the ROM's stash): PCR31. */
    public void stash(byte[] measurement) {
        extend(STASH_MEASUREMENT, measurement);
    }

    public void erase(int index) {
        Arrays.fill(pcrs[index], (byte) 0);
    }

    public byte[] value(int index) {
        return pcrs[index].clone();
    }

    public List<Octets> values() {
        return Arrays.stream(pcrs).map(Octets::of).toList();
    }

    public int resetCounter(int index) {
        return resetCounters[index];
    }

    /** Adds one; false (and no change) if the counter is already at its maximum. */
    public boolean incrementResetCounter(int index) {
        if (resetCounters[index] == -1) {
            return false;
        }
        resetCounters[index]++;
        return true;
    }

    public List<Integer> resetCounters() {
        return Arrays.stream(resetCounters).boxed().toList();
    }
}
