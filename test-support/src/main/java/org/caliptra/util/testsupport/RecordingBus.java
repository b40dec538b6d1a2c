package org.caliptra.util.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.caliptra.util.protocol.RegisterBus;

/**
 * A {@link RegisterBus} in front of another that records every access, so a test can check the
 * order a driver uses the registers in. It implements only the two word accesses and
 * {@link #idle()}: bursts and exclusive sequences fall back to the interface's word-by-word
 * defaults, as they would on a bus that has no better way.
 */
public final class RecordingBus implements RegisterBus {
    /** One access: a read (with the value it returned), a write, or an idle between polls. */
    public record Access(Kind kind, int address, int value) {
        public enum Kind { READ, WRITE, IDLE }

        @Override
        public String toString() {
            return kind == Kind.IDLE ? "idle" : String.format("%s 0x%08X %s 0x%08X", kind, address, kind == Kind.READ ? "->" : "<-", value);
        }
    }

    private final RegisterBus target;
    private final List<Access> accesses = new ArrayList<>();

    public RecordingBus(RegisterBus target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public synchronized int read32(int address) {
        int value = target.read32(address);
        accesses.add(new Access(Access.Kind.READ, address, value));
        return value;
    }

    @Override
    public synchronized void write32(int address, int value) {
        target.write32(address, value);
        accesses.add(new Access(Access.Kind.WRITE, address, value));
    }

    @Override
    public synchronized void idle() {
        target.idle();
        accesses.add(new Access(Access.Kind.IDLE, 0, 0));
    }

    public synchronized List<Access> accesses() {
        return List.copyOf(accesses);
    }

    /** Index of the first write of {@code value} to {@code address}, or -1. */
    public synchronized int firstWrite(int address, int value) {
        for (int i = 0; i < accesses.size(); i++) {
            var a = accesses.get(i);
            if (a.kind() == Access.Kind.WRITE && a.address() == address && a.value() == value) {
                return i;
            }
        }
        return -1;
    }

    public synchronized long count(Access.Kind kind, int address) {
        return accesses.stream().filter(a -> a.kind() == kind && a.address() == address).count();
    }
}
