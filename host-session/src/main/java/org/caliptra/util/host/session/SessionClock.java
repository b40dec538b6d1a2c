package org.caliptra.util.host.session;

import java.time.Duration;

/**
 * The session's sense of time for what it schedules itself: the idle time before a keepalive, the
 * wait between retries, and the timer that runs keepalive checks. Injectable so tests advance time
 * by hand instead of sleeping. (Command and connect timeouts are waits on the transport's worker
 * thread and always use real time.)
 *
 * <p>A session owns its clock: {@link CaliptraSession#close()} closes it.
 */
public interface SessionClock extends AutoCloseable {
    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code duration} before a retry. */
    void sleep(Duration duration) throws InterruptedException;

    /** Runs {@code task} once, {@code delay} from now, on a thread of the clock's own. */
    Scheduled schedule(Duration delay, Runnable task);

    /** Stops every scheduled task and releases the clock's threads. */
    @Override
    void close();

    /** A task that has been scheduled. */
    interface Scheduled {
        /** Stops the task if it has not started; a running task completes. */
        void cancel();
    }

    /** Real time; scheduled tasks run on one daemon thread named {@code threadName}, started on first use. */
    static SessionClock system(String threadName) {
        return new SystemSessionClock(threadName);
    }
}
