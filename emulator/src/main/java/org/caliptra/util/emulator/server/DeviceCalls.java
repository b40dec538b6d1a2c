package org.caliptra.util.emulator.server;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.caliptra.util.emulator.DeviceClosedException;
import org.slf4j.Logger;

/**
 * How a handler hands a request to its device and gets the answer back to its event loop.
 *
 * <p>The call runs on the device's call executor ({@link
 * org.caliptra.util.emulator.CaliptraDevice#executor()}); everything else — encoding, writing,
 * the connection's state — runs on the channel's event loop, outside the device. Two cases:
 *
 * <ul>
 *   <li>A device with a thread of its own: the call runs there, so a request that keeps the device
 *       busy never stalls the other connections an event loop serves, and the answer is handed
 *       back to the event loop. A stream connection is not read while one of its requests waits,
 *       so a client cannot queue more than one read's worth of requests; answers stay in order
 *       (the device runs one call at a time, in submission order, and hands answers back in the
 *       same order).
 *   <li>A device on its callers' threads: the executor runs the call on the event loop itself,
 *       under the device's lock, before it returns; the answer is then written after the lock is
 *       released. Socket writes never happen inside the device, so event loops serving other
 *       connections wait for the device only as long as it computes, and reading is never paused
 *       for a call that is already over.
 * </ul>
 */
final class DeviceCalls {
    private final Executor executor;
    private int waiting;

    DeviceCalls(Executor executor) {
        this.executor = executor;
    }

    /**
     * Reading resumes when the connection is writable again and no request of it waits: a client
     * that sends requests without reading the answers stops being read once they fill the
     * outbound buffer, so it cannot make the server queue answers without bound. Call on the
     * event loop.
     */
    void writabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable() && waiting == 0);
    }

    /**
     * Runs {@code call} on the device and writes its answer on {@code ctx}; a call that fails
     * unexpectedly, or a device that is gone, closes the connection with one log line. Call on the
     * event loop.
     */
    void submit(ChannelHandlerContext ctx, Supplier<Object> call, Logger log, String kind) {
        try {
            run(ctx, call, true, (answer, failure) -> {
                if (failure == null) {
                    ctx.writeAndFlush(answer);
                } else if (failure instanceof DeviceClosedException) {
                    log.info("{}: the device is closed; closing the connection", ConnectionGuard.describe(kind, ctx));
                    ctx.close();
                } else {
                    log.error("{}: closing it after an unexpected error: {}", ConnectionGuard.describe(kind, ctx), failure.toString(),
                            failure);
                    ctx.close();
                }
            });
        } catch (RejectedExecutionException | DeviceClosedException e) {
            log.info("{}: the server is shutting down; closing the connection", ConnectionGuard.describe(kind, ctx));
            ctx.close();
        }
    }

    /**
     * Runs {@code call} on the device, then {@code then} on ctx's event loop with its result, or
     * with the exception it threw. Call on the event loop.
     *
     * @param pauseReading whether the connection stops being read while the call waits for a
     *     device thread (stream connections; not a datagram channel all peers share)
     * @throws RejectedExecutionException or {@link DeviceClosedException} when the device takes no
     *     more calls ({@code then} is not called)
     */
    <T> void run(ChannelHandlerContext ctx, Supplier<T> call, boolean pauseReading, BiConsumer<T, RuntimeException> then) {
        var pending = new Pending<T>(Thread.currentThread());
        pending.submitting = true;
        try {
            executor.execute(() -> {
                pending.complete(call);
                if (!pending.inline) {
                    ctx.executor().execute(() -> {
                        if (pauseReading && --waiting == 0 && ctx.channel().isWritable()) {
                            ctx.channel().config().setAutoRead(true);
                        }
                        then.accept(pending.value, pending.failure);
                    });
                }
            });
        } finally {
            pending.submitting = false;
        }
        if (pending.inline) {
            then.accept(pending.value, pending.failure);
        } else if (pauseReading && waiting++ == 0) {
            // Still on a device thread: the hand-back above runs on this event loop, after this.
            ctx.channel().config().setAutoRead(false);
        }
    }

    /**
     * One call's outcome, and whether it ran inline: on the submitting thread, inside {@code
     * execute} (the device's lock, not its thread). A call an executor runs later on the same
     * thread is not inline: its answer is handed back like a device thread's.
     */
    private static final class Pending<T> {
        private final Thread submitter;
        /** Written and read only by {@link #submitter}. */
        boolean submitting;
        /** Written and read only by {@link #submitter}. */
        boolean inline;
        T value;
        RuntimeException failure;

        Pending(Thread submitter) {
            this.submitter = submitter;
        }

        void complete(Supplier<T> call) {
            try {
                value = call.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            if (Thread.currentThread() == submitter && submitting) {
                inline = true;
            }
        }
    }
}
