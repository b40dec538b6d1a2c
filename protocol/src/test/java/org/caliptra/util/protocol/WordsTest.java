package org.caliptra.util.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The RegisterBus burst defaults are exactly the word accesses they stand for. */
class WordsTest {
    /** Records word accesses; FIFO reads answer 0x11223344, 0x55667788, …; memory is a map. */
    static final class Bus implements RegisterBus {
        final List<String> log = new ArrayList<>();
        final TreeMap<Integer, Integer> memory = new TreeMap<>();
        int fifo = 0x1122_3344;

        @Override
        public int read32(int address) {
            log.add(String.format("R%08X", address));
            if (address == 0x100) {
                int v = fifo;
                fifo += 0x4444_4444;
                return v;
            }
            return memory.getOrDefault(address, 0);
        }

        @Override
        public void write32(int address, int value) {
            log.add(String.format("W%08X=%08X", address, value));
            memory.put(address, value);
        }
    }

    @Test
    void aFifoWriteIsOneWordPerFourBytesWithTheLastPadded() {
        var bus = new Bus();
        bus.writeFifo(0x100, new byte[] {1, 2, 3, 4, 5, 6}, 0, 6);
        assertEquals(List.of("W00000100=04030201", "W00000100=00000605"), bus.log);
    }

    @Test
    void aFifoReadFillsOnlyTheBytesAsked() {
        var bus = new Bus();
        byte[] out = new byte[7];
        bus.readFifo(0x100, out, 0, 6);
        assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11, (byte) 0x88, 0x77, 0}, out);
        assertEquals(2, bus.log.size());
    }

    @Test
    void blocksWalkConsecutiveAddresses() {
        var bus = new Bus();
        bus.writeBlock(0x200, new byte[] {9, 8, 7, 6, 5}, 0, 5);
        assertEquals(List.of("W00000200=06070809", "W00000204=00000005"), bus.log);
        byte[] back = new byte[5];
        bus.readBlock(0x200, back, 0, 5);
        assertArrayEquals(new byte[] {9, 8, 7, 6, 5}, back);
        assertEquals(0, bus.<Integer>exclusive(b -> b.read32(0x300)), "the default exclusive runs the sequence on this bus");
        assertEquals(2, Words.count(5));
    }
}
