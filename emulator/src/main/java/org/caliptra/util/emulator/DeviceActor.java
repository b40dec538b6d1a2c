package org.caliptra.util.emulator;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The one thread that owns a {@link DeviceCore}. Callers hand it work and wait for the result.
 *
 * <p>A mailbox command from the host is a short burst of calls, so both sides spin briefly before
 * they park: a call that arrives while the device thread is still spinning costs a queue hand-off
 * instead of a thread wake-up (microseconds rather than tens of microseconds). A caller waiting
 * on a long call (a firmware load verifies signatures for about a millisecond) then yields its CPU
 * for a few milliseconds before it parks, so it notices the answer without a wake-up. Idle, the
 * device thread parks and uses no CPU.
 */
final class DeviceActor implements AutoCloseable {
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** Long enough for a firmware load's signature checks, so its caller is not woken from a park. */
    private static final long YIELD_NANOS = TimeUnit.MILLISECONDS.toNanos(3);

    private final DeviceCore core;
    private final LinkedTransferQueue<Call<?>> queue = new LinkedTransferQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private static final class Call<T> {
        final Function<DeviceCore, T> action;
        final Thread caller;
        volatile boolean done;
        T value;
        RuntimeException failure;
        Error error;

        Call(Function<DeviceCore, T> action, Thread caller) {
            this.action = action;
            this.caller = caller;
        }

        void run(DeviceCore core) {
            try {
                value = action.apply(core);
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            }
            finish();
        }

        void fail(RuntimeException e) {
            failure = e;
            finish();
        }

        private void finish() {
            done = true;
            if (caller != null) {
                LockSupport.unpark(caller);
            }
        }
    }

    DeviceActor(DeviceCore core, String name) {
        this.core = core;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    <T> T call(Function<DeviceCore, T> action) {
        if (Thread.currentThread() == thread) {
            return action.apply(core);
        }
        if (closed) {
            throw new DeviceClosedException("the device is closed");
        }
        var call = new Call<>(action, Thread.currentThread());
        queue.add(call);
        if (closed) {
            drain(); // close() may have finished draining before our add
        }
        long start = System.nanoTime();
        while (!call.done) {
            long waited = System.nanoTime() - start;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (waited < YIELD_NANOS) {
                Thread.yield();
            } else {
                LockSupport.park(this);
            }
        }
        if (call.error != null) {
            throw call.error;
        }
        if (call.failure != null) {
            throw call.failure;
        }
        return call.value;
    }

    /**
     * Queues {@code task} to run on the device thread after the calls already queued, without
     * waiting for it. Its failures are its own to handle: nobody waits for its outcome.
     *
     * @throws DeviceClosedException when the device is closed
     */
    void post(Runnable task) {
        if (closed) {
            throw new DeviceClosedException("the device is closed");
        }
        queue.add(new Call<>(core -> {
            task.run();
            return null;
        }, null));
        if (closed) {
            drain();
        }
    }

    private void loop() {
        while (!closed) {
            Call<?> next = queue.poll();
            if (next == null) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (next == null && !closed && System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    next = queue.poll();
                }
            }
            if (next == null && !closed) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    continue; // close() interrupts to wake us; the loop condition decides
                }
            }
            if (next != null) {
                next.run(core);
            }
        }
        drain();
    }

    private void drain() {
        Call<?> pending;
        while ((pending = queue.poll()) != null) {
            pending.fail(new DeviceClosedException("the device is closed"));
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
