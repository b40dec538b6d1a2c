package org.caliptra.util.emulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** {@link DeviceCalls} on an {@link EmbeddedChannel}: where the answer is handled, and when reading pauses. */
class DeviceCallsTest {
    private final List<String> answers = new ArrayList<>();

    private static ChannelHandlerContext context(EmbeddedChannel channel) {
        channel.pipeline().addLast("probe", new ChannelInboundHandlerAdapter());
        return channel.pipeline().context("probe");
    }

    @Test
    void aCallRunInsideExecuteIsAnsweredAfterTheDeviceIsLeftAndReadingNeverPauses() {
        var channel = new EmbeddedChannel();
        var ctx = context(channel);
        boolean[] inDevice = {false};
        // A device on its callers' threads: execute runs the task itself, under the device's lock.
        Executor underLock = task -> {
            inDevice[0] = true;
            try {
                task.run();
            } finally {
                inDevice[0] = false;
            }
        };
        var calls = new DeviceCalls(underLock);
        calls.run(ctx, () -> {
            assertTrue(inDevice[0]);
            return "version";
        }, true, (answer, failure) -> {
            assertFalse(inDevice[0], "the answer is handled inside the device");
            assertTrue(channel.config().isAutoRead(), "reading paused for a call that was already over");
            answers.add(answer);
            assertNull(failure);
        });
        assertEquals(List.of("version"), answers, "answered before run returns, with no hand-back task");
        assertTrue(channel.config().isAutoRead());
        assertFalse(channel.hasPendingTasks());
    }

    @Test
    void aCallOnADeviceThreadPausesReadingUntilItsAnswerIsBackOnTheEventLoop() {
        var channel = new EmbeddedChannel();
        var ctx = context(channel);
        var device = new ArrayDeque<Runnable>();
        var calls = new DeviceCalls(device::add);
        calls.run(ctx, () -> "first", true, (answer, failure) -> answers.add(answer));
        assertFalse(channel.config().isAutoRead(), "the connection is read while its request waits for the device");
        assertEquals(List.of(), answers);

        // The device runs the call on another thread; the answer comes back as an event-loop task.
        Thread deviceThread = new Thread(() -> device.poll().run());
        deviceThread.start();
        joinBounded(deviceThread);
        assertEquals(List.of(), answers, "answered off the event loop");
        channel.runPendingTasks();
        assertEquals(List.of("first"), answers);
        assertTrue(channel.config().isAutoRead());
    }

    @Test
    void aCallAnExecutorRunsLaterOnTheSameThreadIsHandedBackOnceNotTakenForInline() {
        var channel = new EmbeddedChannel();
        var ctx = context(channel);
        var later = new ArrayDeque<Runnable>();
        var calls = new DeviceCalls(later::add);
        calls.run(ctx, () -> "late", false, (answer, failure) -> answers.add(answer));
        later.poll().run();
        assertEquals(List.of(), answers);
        channel.runPendingTasks();
        assertEquals(List.of("late"), answers);
        channel.runPendingTasks();
        assertEquals(List.of("late"), answers, "answered twice");
        assertTrue(channel.config().isAutoRead(), "a datagram channel is never paused");
    }

    @Test
    void aFailureReachesTheAnswerAndARefusalReachesTheCaller() {
        var channel = new EmbeddedChannel();
        var ctx = context(channel);
        var boom = new IllegalStateException("the device is closed");
        List<RuntimeException> failures = new ArrayList<>();
        new DeviceCalls(Runnable::run).run(ctx, () -> {
            throw boom;
        }, true, (answer, failure) -> failures.add(failure));
        assertEquals(1, failures.size());
        assertSame(boom, failures.get(0));

        Executor shutDown = task -> {
            throw new RejectedExecutionException("shutting down");
        };
        assertThrows(RejectedExecutionException.class,
                () -> new DeviceCalls(shutDown).run(ctx, () -> "never", true, (answer, failure) -> answers.add(answer)));
        assertEquals(List.of(), answers);
        assertTrue(channel.config().isAutoRead(), "a refused call leaves reading as it was");
    }

    private static void joinBounded(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse(thread.isAlive(), "the device thread did not finish within 10 s");
    }
}
