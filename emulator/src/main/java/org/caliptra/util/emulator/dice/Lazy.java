package org.caliptra.util.emulator.dice;

import java.util.function.Supplier;

/** A value computed once, on first use, by whichever thread asks first. */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> compute;
    private T value;

    private Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    public static <T> Lazy<T> of(Supplier<T> compute) {
        return new Lazy<>(compute);
    }

    @Override
    public synchronized T get() {
        if (compute != null) {
            value = compute.get();
            compute = null;
        }
        return value;
    }
}
