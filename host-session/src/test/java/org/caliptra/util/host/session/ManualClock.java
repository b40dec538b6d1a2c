package org.caliptra.util.host.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link SessionClock} whose time moves only when the test says: {@link #advance} runs the
 * scheduled tasks that fall due, in order, on the test's thread; {@link #sleep} records the wait
 * and moves time on without running anything.
 */
final class ManualClock implements SessionClock {
    private record Task(long due, long seq, Runnable action) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final List<Duration> sleeps = new ArrayList<>();
    private long now;
    private long seq;
    private boolean closed;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now += duration.toNanos();
    }

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        if (closed) {
            return () -> { };
        }
        Task t = new Task(now + delay.toNanos(), seq++, task);
        tasks.add(t);
        return () -> {
            synchronized (this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves time on by {@code duration}, running each task that falls due at its due time. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = Math.max(now, target);
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.due);
            }
            next.action.run();
        }
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized int scheduled() {
        return tasks.size();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }
}
