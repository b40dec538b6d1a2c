package org.caliptra.util.host.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * A mailbox driver that misbehaves on cue. Each transaction takes the next {@link Step} of its
 * script (ANSWER once the script is empty): the device echoes the request's fields back, or the
 * driver fails the way a real one would, before or after the request reached the device. Connects
 * follow a script of their own.
 *
 * <p>It checks the session too: a transaction that starts while another is still inside the
 * driver is a violation ({@link #violations()}), and so is a connect that cannot wait for an
 * abandoned transaction to finish.
 */
final class FaultyMailboxDriver implements MailboxDriver {
    enum Step {
        /** The device runs the command and echoes its fields. */
        ANSWER,
        /** Another requester holds the lock: nothing is sent. */
        BUSY,
        /** The request reached the device, which did not answer in time. */
        TIMEOUT,
        /** The device ran the command and refused it with RUNTIME_UNIMPLEMENTED_COMMAND. */
        DEVICE_ERROR,
        /** The link goes down just before the request would leave: nothing is sent. */
        DROP_BEFORE_SEND,
        /** The device runs the command, then the link goes down before the answer comes back. */
        DROP_AFTER_EXECUTE,
        /** The device runs the command and the driver hangs until {@link #release()} (or an interrupt). */
        HANG
    }

    enum ConnectStep { OK, REFUSE, HANG }

    static final int DEVICE_ERROR_CODE = 0x000E_0002;

    private final ConcurrentLinkedDeque<Step> script = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<ConnectStep> connectScript = new ConcurrentLinkedDeque<>();
    private final Semaphore exchange = new Semaphore(1);
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final List<byte[]> executedRequests = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch hanging = new CountDownLatch(1);
    private final CountDownLatch hangEnded = new CountDownLatch(1);
    private volatile boolean hangInterrupted;
    private volatile boolean linkUp = true;
    private volatile boolean connected;

    FaultyMailboxDriver then(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    FaultyMailboxDriver thenConnect(ConnectStep... steps) {
        connectScript.addAll(List.of(steps));
        return this;
    }

    @Override
    public String name() {
        return "faulty";
    }

    @Override
    public byte[] sendCommand(int externalCommand, byte[] payload) {
        if (!exchange.tryAcquire()) {
            violations.incrementAndGet();
            return run(externalCommand, payload);
        }
        try {
            return run(externalCommand, payload);
        } finally {
            exchange.release();
        }
    }

    private byte[] run(int externalCommand, byte[] payload) {
        if (!connected || !linkUp) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, "faulty link is down");
        }
        Step step = script.poll();
        switch (step == null ? Step.ANSWER : step) {
            case BUSY -> throw new MailboxException(MailboxException.Kind.BUSY, "the device mailbox is locked by another requester");
            case DROP_BEFORE_SEND -> {
                linkUp = false;
                throw new MailboxException(MailboxException.Kind.NOT_READY, "faulty link went down");
            }
            default -> { }
        }
        byte[] fields = MailboxFrame.openRequest(externalCommand, payload, "faulty driver request");
        synchronized (executedRequests) {
            executedRequests.add(fields);
        }
        executed.incrementAndGet();
        switch (step == null ? Step.ANSWER : step) {
            case TIMEOUT -> throw new MailboxException(MailboxException.Kind.TIMEOUT, "the device did not answer within 3 polls of its status");
            case DEVICE_ERROR -> throw MailboxException.deviceError(DEVICE_ERROR_CODE);
            case DROP_AFTER_EXECUTE -> {
                linkUp = false;
                throw new MailboxException(MailboxException.Kind.COMMUNICATION_ERROR, "faulty link went down mid-exchange");
            }
            case HANG -> hang();
            default -> { }
        }
        return MailboxFrame.sealResponse(MailboxFrame.FIPS_APPROVED, fields);
    }

    private void hang() {
        hanging.countDown();
        try {
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new MailboxException(MailboxException.Kind.COMMUNICATION_ERROR, "faulty driver: never released");
            }
        } catch (InterruptedException e) {
            hangInterrupted = true;
            throw new MailboxException(MailboxException.Kind.COMMUNICATION_ERROR, "faulty driver: interrupted while hanging");
        } finally {
            hangEnded.countDown();
        }
    }

    @Override
    public boolean isReady() {
        return linkUp;
    }

    @Override
    public void connect() {
        connects.incrementAndGet();
        ConnectStep step = connectScript.poll();
        if (step == ConnectStep.REFUSE) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, "faulty device refused the connection");
        }
        if (step == ConnectStep.HANG) {
            hang();
        }
        // Like a driver reopening its channel: an abandoned exchange must be over first.
        try {
            if (!exchange.tryAcquire(30, TimeUnit.SECONDS)) {
                violations.incrementAndGet();
                throw new MailboxException(MailboxException.Kind.NOT_READY, "faulty driver: an abandoned exchange never finished");
            }
            exchange.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxException(MailboxException.Kind.NOT_READY, "faulty driver: interrupted while connecting");
        }
        linkUp = true;
        connected = true;
    }

    @Override
    public void disconnect() {
        disconnects.incrementAndGet();
        connected = false;
    }

    void release() {
        released.countDown();
    }

    boolean awaitHanging() throws InterruptedException {
        return hanging.await(30, TimeUnit.SECONDS);
    }

    boolean awaitHangEnded() throws InterruptedException {
        return hangEnded.await(30, TimeUnit.SECONDS);
    }

    boolean hangInterrupted() {
        return hangInterrupted;
    }

    int violations() {
        return violations.get();
    }

    /** Transactions that reached the device (it ran them, whatever the host then saw). */
    int executed() {
        return executed.get();
    }

    int connects() {
        return connects.get();
    }

    int disconnects() {
        return disconnects.get();
    }

    boolean linkUp() {
        return linkUp;
    }
}
