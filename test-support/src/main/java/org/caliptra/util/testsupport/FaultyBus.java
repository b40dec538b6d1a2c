package org.caliptra.util.testsupport;

import java.util.Objects;
import java.util.function.IntPredicate;
import org.caliptra.util.protocol.RegisterBus;

/**
 * A {@link RegisterBus} in front of another that injects faults: writes to chosen addresses are
 * dropped, and reads of chosen addresses answer a forced value (or the real value with bits
 * flipped). Like {@link RecordingBus} it implements only word accesses and {@link #idle()}.
 */
public final class FaultyBus implements RegisterBus {
    private final RegisterBus target;
    private IntPredicate dropWritesTo = address -> false;
    private IntPredicate forceReadsOf = address -> false;
    private int forcedValue;
    private int flipAddress = -1;
    private int flipMask;
    private long flipAfterReads;

    public FaultyBus(RegisterBus target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Writes to addresses that match are lost on the way. */
    public FaultyBus dropWrites(IntPredicate addresses) {
        this.dropWritesTo = addresses;
        return this;
    }

    /** Reads of addresses that match answer {@code value} without reaching the device. */
    public FaultyBus forceReads(IntPredicate addresses, int value) {
        this.forceReadsOf = addresses;
        this.forcedValue = value;
        return this;
    }

    /** The {@code nth} read (0-based) of {@code address} comes back with {@code mask} flipped. */
    public FaultyBus flipBits(int address, int mask, long nth) {
        this.flipAddress = address;
        this.flipMask = mask;
        this.flipAfterReads = nth;
        return this;
    }

    @Override
    public int read32(int address) {
        if (forceReadsOf.test(address)) {
            return forcedValue;
        }
        int value = target.read32(address);
        if (address == flipAddress && flipAfterReads-- == 0) {
            value ^= flipMask;
        }
        return value;
    }

    @Override
    public void write32(int address, int value) {
        if (!dropWritesTo.test(address)) {
            target.write32(address, value);
        }
    }

    @Override
    public void idle() {
        target.idle();
    }
}
