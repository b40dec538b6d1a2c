package org.caliptra.util.host.session;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link SessionClock#system}: the wall of real time and one lazily started scheduler thread. */
final class SystemSessionClock implements SessionClock {
    private final String threadName;
    private ScheduledThreadPoolExecutor scheduler;
    private boolean closed;

    SystemSessionClock(String threadName) {
        this.threadName = threadName;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        if (closed) {
            return () -> { };
        }
        if (scheduler == null) {
            scheduler = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            scheduler.setRemoveOnCancelPolicy(true);
        }
        var future = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
