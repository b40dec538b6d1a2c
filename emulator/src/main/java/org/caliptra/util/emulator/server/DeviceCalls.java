package org.caliptra.util.emulator.server;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.caliptra.util.emulator.DeviceClosedException;
import org.slf4j.Logger;

/**
 * How a stream handler hands a request to its device: off the event loop, on the device's call
 * executor (the device's own thread), so a request that keeps the device busy (a firmware load, a
 * long poll) never stalls the other connections an event loop serves. Requests of one connection
 * stay in order (the executor runs one call at a time, in submission order), and a connection is
 * not read while one of its requests waits, so a client cannot queue more than one read's worth of
 * requests.
 */
final class DeviceCalls {
    private final Executor executor;
    private final AtomicInteger waiting = new AtomicInteger();

    DeviceCalls(Executor executor) {
        this.executor = executor;
    }

    /**
     * Reading resumes when the connection is writable again and no request of it waits: a client
     * that sends requests without reading the answers stops being read once they fill the
     * outbound buffer, so it cannot make the server queue answers without bound.
     */
    void writabilityChanged(ChannelHandlerContext ctx) {
        boolean writable = ctx.channel().isWritable();
        ctx.channel().config().setAutoRead(writable && waiting.get() == 0);
    }

    /**
     * Runs {@code call} on the device and writes its answer on {@code ctx}; a call that fails
     * unexpectedly, or a device that is gone, closes the connection with one log line.
     */
    void submit(ChannelHandlerContext ctx, Supplier<Object> call, Logger log, String kind) {
        if (waiting.incrementAndGet() == 1) {
            ctx.channel().config().setAutoRead(false);
        }
        try {
            executor.execute(() -> {
                try {
                    ctx.writeAndFlush(call.get());
                } catch (DeviceClosedException e) {
                    log.info("{}: the device is closed; closing the connection", ConnectionGuard.describe(kind, ctx));
                    ctx.close();
                } catch (RuntimeException e) {
                    log.error("{}: closing it after an unexpected error: {}", ConnectionGuard.describe(kind, ctx), e.toString(), e);
                    ctx.close();
                } finally {
                    if (waiting.decrementAndGet() == 0 && ctx.channel().isWritable()) {
                        ctx.channel().config().setAutoRead(true);
                    }
                }
            });
        } catch (RejectedExecutionException | DeviceClosedException e) {
            waiting.decrementAndGet();
            log.info("{}: the server is shutting down; closing the connection", ConnectionGuard.describe(kind, ctx));
            ctx.close();
        }
    }
}
