package org.caliptra.util.host.session;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;

/**
 * A conversation with one Caliptra device over one {@link Transport}, with the reference's state
 * machine and its configuration ({@link SessionConfig}) actually honoured.
 *
 * <h2>States</h2>
 * DISCONNECTED → {@link #connect()} → CONNECTING → CONNECTED (or ERROR when the connect fails or
 * times out). A broken transport — an attempt that timed out, a link the transport reports
 * dropped, DISCONNECTED or CONNECTION_FAILED — is disconnected and leaves the session in ERROR;
 * with auto-reconnect the next attempt reconnects first (CONNECTING → CONNECTED), without it only
 * {@link #connect()} does. {@link #disconnect()} returns to DISCONNECTED from anywhere.
 *
 * <h2>Timeouts</h2>
 * Every transport call runs on the session's own worker thread while the caller waits at most the
 * connect or command timeout. When the wait runs out, the caller gets a TIMEOUT, the worker is
 * abandoned (interrupted, and replaced by a fresh thread for the next call, so a driver that never
 * returns cannot hold the session) and the transport is disconnected as broken. A driver that
 * ignores the interrupt keeps its thread until it returns; transports should let
 * {@code disconnect()} abort an exchange in progress.
 *
 * <h2>Retries</h2>
 * A failed attempt is attempted again, up to {@link SessionConfig#maxRetries()} times and after
 * {@link SessionConfig#retryBackoff()}, when its failure is <em>transient</em> — TIMEOUT,
 * CONNECTION_FAILED, DISCONNECTED, SEND_FAILED, RECEIVE_FAILED or BUSY — and it is safe to repeat:
 * <ul>
 *   <li>a failure before anything reached the device (the transport says
 *       {@link TransportException.Phase#BEFORE_SEND}: a busy mailbox lock, a link found down before
 *       sending; or the automatic reconnect itself failed) is retried for every command;
 *   <li>a failure after the request may have reached the device (TIMEOUT, a broken exchange) is
 *       retried only for a command that is {@link Command#idempotent()}: replaying a command that
 *       consumes a challenge or burns a fuse could do it twice.
 * </ul>
 * DEVICE_ERROR (the device ran the command and refused it), NOT_SUPPORTED, INVALID_MESSAGE and
 * BUFFER_ERROR are answers, not accidents, and are never retried; nor is a response that does not
 * decode, nor an exception that is not a {@link TransportException} (a transport defect). In the
 * worst case a command takes {@code (maxRetries + 1) × (connectTimeout + commandTimeout)} plus the
 * backoffs.
 *
 * <h2>Keepalive</h2>
 * With {@link SessionConfig#keepaliveEnabled()}, once connected the session runs the keepalive
 * command whenever it has been idle for the keepalive interval, on its clock's scheduler thread.
 * A keepalive is a command like any other (same retries, counted the same) and also counted in
 * {@link SessionStatistics#keepalives()}; when it fails and leaves the transport broken, the
 * session reconnects at once (with auto-reconnect) rather than at the next command.
 *
 * <h2>Threads</h2>
 * Commands run one at a time: concurrent callers wait their turn (fairly). Errors name the command
 * (name and id) and keep the transport's kind, phase and device codes.
 * {@link #close()} releases the worker thread and the clock.
 */
public final class CaliptraSession implements AutoCloseable {
    /** Failures worth another attempt: the channel's accidents, not the device's answers. */
    static final Set<Kind> TRANSIENT = EnumSet.of(Kind.TIMEOUT, Kind.CONNECTION_FAILED, Kind.DISCONNECTED, Kind.SEND_FAILED,
            Kind.RECEIVE_FAILED, Kind.BUSY);

    private static final AtomicLong SESSION_IDS = new AtomicLong();

    private final long sessionId;
    private final Transport transport;
    private final SessionConfig config;
    private final SessionClock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Counters counters = new Counters();
    private volatile SessionState state = SessionState.DISCONNECTED;
    private volatile boolean closed;
    /** Guarded by {@link #lock}. */
    private ExecutorService worker;
    /** Guarded by {@link #lock}. */
    private long lastActivityNanos;
    private volatile SessionClock.Scheduled keepaliveTimer;
    /** Whether {@link #close()} has released the transport, worker and clock; guarded by {@link #lock}. */
    private boolean released;

    /** A session with {@link SessionConfig#defaults()}. */
    public CaliptraSession(Transport transport) {
        this(transport, SessionConfig.defaults());
    }

    public CaliptraSession(Transport transport, SessionConfig config) {
        this(transport, config, null);
    }

    /**
     * @param clock the session's clock, owned by it from now on; null for real time
     */
    public CaliptraSession(Transport transport, SessionConfig config, SessionClock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.config = Objects.requireNonNull(config, "config");
        this.sessionId = SESSION_IDS.incrementAndGet();
        this.clock = clock != null ? clock : SessionClock.system("caliptra-session-" + sessionId + "-keepalive");
    }

    /** Unique among the sessions of this process, counting from 1. */
    public long sessionId() {
        return sessionId;
    }

    public SessionState state() {
        return state;
    }

    public SessionConfig config() {
        return config;
    }

    public String transportName() {
        return transport.name();
    }

    /**
     * Whether commands run without a reconnect first. The transport is not asked: its calls belong
     * to the worker thread, and a dropped link shows at the next attempt.
     */
    public boolean isReady() {
        return state == SessionState.CONNECTED && !closed;
    }

    /**
     * Connects the transport, bounded by the connect timeout. Allowed when DISCONNECTED or ERROR.
     *
     * @throws TransportException when the transport fails or the timeout runs out (TIMEOUT); the
     *     session is then in ERROR
     * @throws SessionException INVALID_STATE when already connected or closed
     */
    public void connect() {
        lockInterruptibly("connect");
        try {
            checkOpen("connect");
            if (state == SessionState.CONNECTED || state == SessionState.CONNECTING) {
                throw new SessionException(SessionException.Reason.INVALID_STATE,
                        "session " + sessionId + " is already " + state.name().toLowerCase());
            }
            connectTransport(false);
            startKeepalive();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Disconnects; harmless when already disconnected. A transport that fails to disconnect is
     * recorded as the last error, not thrown: the session is disconnected either way.
     */
    public void disconnect() {
        lock.lock();
        try {
            stopKeepalive();
            if (state != SessionState.DISCONNECTED) {
                state = SessionState.DISCONNECTED;
                disconnectTransport();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one command: encodes it, sends it with the timeout and retry policy above, decodes the
     * response.
     *
     * @throws TransportException when the command fails for good; the message names the command,
     *     the kind, phase and device codes are the transport's
     * @throws SessionException INVALID_STATE when the session is not connected (or in ERROR
     *     without auto-reconnect) or closed; DECODE_FAILED when the response does not decode;
     *     INTERRUPTED when the caller is interrupted while waiting
     */
    public <R> R execute(Command<R> command) {
        Objects.requireNonNull(command, "command");
        lockInterruptibly(label(command));
        try {
            return run(command, false);
        } finally {
            lock.unlock();
        }
    }

    public SessionStatistics statistics() {
        return counters.snapshot();
    }

    /** Disconnects, closes the transport, and releases the worker thread and the clock. Idempotent. */
    @Override
    public void close() {
        closed = true;
        stopKeepalive();
        lock.lock();
        try {
            if (released) {
                return;
            }
            released = true;
            state = SessionState.DISCONNECTED;
            callQuietly("closing", transport::close);
            if (worker != null) {
                worker.shutdownNow();
                worker = null;
            }
            clock.close();
        } finally {
            lock.unlock();
        }
    }

    // ---- commands -------------------------------------------------------------------------

    /** Runs {@code command} with the retry policy; the caller holds the lock. */
    private <R> R run(Command<R> command, boolean keepalive) {
        String label = label(command);
        checkOpen(label);
        if (state == SessionState.DISCONNECTED || state == SessionState.CONNECTING) {
            throw new SessionException(SessionException.Reason.INVALID_STATE,
                    label + " needs a connected session; session " + sessionId + " is " + state.name().toLowerCase());
        }
        if (state == SessionState.ERROR && !config.autoReconnect()) {
            throw new SessionException(SessionException.Reason.INVALID_STATE, label + " needs a connected session; session "
                    + sessionId + " is in error (" + counters.lastError().orElse("?") + ") and auto-reconnect is off: connect() it again");
        }
        if (keepalive) {
            counters.keepalive();
        }
        try {
            byte[] request;
            try {
                request = command.encodeRequest();
            } catch (RuntimeException e) {
                counters.commandFailed(keepalive, label + ": the request does not encode: " + e.getMessage());
                throw e;
            }
            byte[] response = attemptWithRetries(command, label, request, keepalive);
            try {
                R result = command.decodeResponse(response);
                counters.commandSucceeded();
                return result;
            } catch (RuntimeException e) {
                var failure = new SessionException(SessionException.Reason.DECODE_FAILED,
                        label + ": the response does not decode: " + e.getMessage(), e);
                counters.commandFailed(keepalive, failure.getMessage());
                throw failure;
            }
        } finally {
            lastActivityNanos = clock.nanoTime();
        }
    }

    private byte[] attemptWithRetries(Command<?> command, String label, byte[] request, boolean keepalive) {
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                sleepBeforeRetry(label, attempt - 1, keepalive);
                counters.retry();
            }
            Attempt outcome;
            try {
                outcome = attemptOnce(command, label, request);
            } catch (RuntimeException | Error e) {
                counters.commandFailed(keepalive, e.getMessage());
                throw e;
            }
            if (outcome instanceof Attempt.Answered answered) {
                return answered.response();
            }
            var failed = (Attempt.Failed) outcome;
            TransportException e = failed.error();
            String refusal = retryRefusal(command, failed, attempt);
            if (refusal != null) {
                TransportException thrown = e.withContext(refusal);
                counters.commandFailed(keepalive, thrown.getMessage());
                throw thrown;
            }
        }
    }

    /** Why the failed attempt number {@code attempt} is not attempted again, or null when it is. */
    private String retryRefusal(Command<?> command, Attempt.Failed failed, int attempt) {
        String label = label(command);
        TransportException e = failed.error();
        if (!TRANSIENT.contains(e.kind())) {
            return attempt == 1 ? label : label + " failed after " + attempt + " attempts";
        }
        if (failed.mayHaveExecuted() && !command.idempotent()) {
            return label + " is not retried: it may have run on the device and is not idempotent";
        }
        if (attempt > config.maxRetries()) {
            return attempt == 1 ? label : label + " failed after " + attempt + " attempts";
        }
        if (state == SessionState.ERROR && !config.autoReconnect()) {
            return label + " is not retried: the transport broke and auto-reconnect is off";
        }
        return null;
    }

    private void sleepBeforeRetry(String label, int retry, boolean keepalive) {
        try {
            clock.sleep(config.retryBackoff().delayBefore(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            var failure = new SessionException(SessionException.Reason.INTERRUPTED, label + ": interrupted before retry " + retry, e);
            counters.commandFailed(keepalive, failure.getMessage());
            throw failure;
        }
    }

    /** How one attempt ended. */
    private sealed interface Attempt {
        record Answered(byte[] response) implements Attempt {}

        /** @param mayHaveExecuted whether the request may have reached the device */
        record Failed(TransportException error, boolean mayHaveExecuted) implements Attempt {}
    }

    /** What the worker reports from one send and receive. */
    private sealed interface Exchange {
        record Response(byte[] bytes) implements Exchange {}

        record Failure(TransportException error, boolean stillConnected) implements Exchange {}
    }

    private Attempt attemptOnce(Command<?> command, String label, byte[] request) {
        if (state == SessionState.ERROR) {
            try {
                connectTransport(true);
            } catch (TransportException e) {
                // Nothing of this command left the host, whatever phase the connect failure reports.
                return new Attempt.Failed(e.withContext(label + ": reconnecting " + transport.name()), false);
            }
        }
        counters.attempt(request.length);
        int commandId = command.commandId();
        Exchange exchange;
        try {
            exchange = onWorker(() -> {
                try {
                    transport.send(commandId, request);
                    return new Exchange.Response(transport.receive());
                } catch (TransportException e) {
                    return new Exchange.Failure(e, transport.isConnected());
                }
            }, config.commandTimeout());
        } catch (TimeoutException e) {
            counters.timeout();
            breakTransport();
            var timeout = new TransportException(Kind.TIMEOUT, Phase.AFTER_SEND, String.format(
                    "no response from %s within %s (the command timeout); the transport was disconnected", transport.name(),
                    format(config.commandTimeout())), null);
            counters.lastError(label + ": " + timeout.getMessage());
            return new Attempt.Failed(timeout, true);
        } catch (InterruptedException e) {
            breakTransport();
            Thread.currentThread().interrupt();
            throw new SessionException(SessionException.Reason.INTERRUPTED,
                    label + ": interrupted while waiting for " + transport.name() + "; the transport was disconnected", e);
        } catch (ExecutionException e) {
            breakTransport();
            throw unexpected(label + ": " + transport.name() + " failed", e.getCause());
        }
        if (exchange instanceof Exchange.Response response) {
            byte[] bytes = response.bytes();
            if (bytes == null) {
                throw new TransportException(Kind.RECEIVE_FAILED, label + ": " + transport.name() + " received nothing");
            }
            counters.received(bytes.length);
            return new Attempt.Answered(bytes);
        }
        var failure = (Exchange.Failure) exchange;
        TransportException e = failure.error();
        counters.lastError(label + ": " + e.getMessage());
        if (e.kind() == Kind.TIMEOUT) {
            counters.timeout();
        }
        if (!failure.stillConnected() || e.kind() == Kind.DISCONNECTED || e.kind() == Kind.CONNECTION_FAILED) {
            breakTransport();
        }
        return new Attempt.Failed(e, e.mayHaveExecuted());
    }

    // ---- connection -----------------------------------------------------------------------

    /** Connects the transport on the worker; the caller holds the lock. */
    private void connectTransport(boolean automatic) {
        state = SessionState.CONNECTING;
        String what = automatic ? "reconnecting" : "connecting";
        try {
            onWorker(() -> {
                transport.connect();
                return null;
            }, config.connectTimeout());
        } catch (TimeoutException e) {
            counters.timeout();
            breakTransport();
            var timeout = new TransportException(Kind.TIMEOUT, Phase.BEFORE_SEND, String.format(
                    "session %d: %s %s did not finish within %s (the connect timeout)", sessionId, what, transport.name(),
                    format(config.connectTimeout())), null);
            counters.lastError(timeout.getMessage());
            throw timeout;
        } catch (InterruptedException e) {
            breakTransport();
            Thread.currentThread().interrupt();
            throw new SessionException(SessionException.Reason.INTERRUPTED,
                    "session " + sessionId + ": interrupted while " + what + " " + transport.name(), e);
        } catch (ExecutionException e) {
            state = SessionState.ERROR;
            counters.lastError(e.getCause().getMessage());
            if (e.getCause() instanceof TransportException te) {
                throw te;
            }
            throw unexpected("session " + sessionId + ": " + what + " " + transport.name() + " failed", e.getCause());
        }
        state = SessionState.CONNECTED;
        lastActivityNanos = clock.nanoTime();
        if (automatic) {
            counters.reconnect();
        }
    }

    /**
     * The transport can no longer be trusted (an abandoned call, a dropped link): disconnect it,
     * bounded like a connect, and leave the session in ERROR.
     */
    private void breakTransport() {
        state = SessionState.ERROR;
        disconnectTransport();
    }

    private void disconnectTransport() {
        callQuietly("disconnecting", transport::disconnect);
    }

    /** Runs a transport call whose failure the user need not see, bounded by the connect timeout. */
    private void callQuietly(String what, Runnable call) {
        try {
            onWorker(() -> {
                call.run();
                return null;
            }, config.connectTimeout());
        } catch (TimeoutException e) {
            counters.lastError(String.format("session %d: %s %s did not finish within %s", sessionId, what, transport.name(),
                    format(config.connectTimeout())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            counters.lastError(String.format("session %d: %s %s failed: %s", sessionId, what, transport.name(), e.getCause()));
        }
    }

    /**
     * Runs {@code call} on the worker thread and waits at most {@code timeout}. On a timeout or an
     * interrupt the call is cancelled and the worker abandoned, so the next call gets a fresh thread
     * even if this one never returns.
     */
    private <T> T onWorker(Callable<T> call, Duration timeout) throws TimeoutException, InterruptedException, ExecutionException {
        if (transport.callsAreSelfBounded()) {
            // No call of this transport can hang (Transport#callsAreSelfBounded): run it here.
            try {
                return call.call();
            } catch (Exception e) {
                // As the worker's Future reports it, so both paths fail the same way.
                throw new ExecutionException(e);
            }
        }
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "caliptra-session-" + sessionId + "-transport");
                t.setDaemon(true);
                return t;
            });
        }
        Future<T> future = worker.submit(call);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = null;
            throw e;
        }
    }

    private static RuntimeException unexpected(String what, Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return new TransportException(Kind.SEND_FAILED, Phase.AFTER_SEND, what + " unexpectedly: " + cause, cause);
    }

    // ---- keepalive ------------------------------------------------------------------------

    private void startKeepalive() {
        if (config.keepaliveEnabled() && keepaliveTimer == null) {
            scheduleKeepalive(config.keepaliveInterval());
        }
    }

    private void stopKeepalive() {
        SessionClock.Scheduled timer = keepaliveTimer;
        keepaliveTimer = null;
        if (timer != null) {
            timer.cancel();
        }
    }

    private void scheduleKeepalive(Duration delay) {
        if (!closed) {
            keepaliveTimer = clock.schedule(delay, this::keepaliveCheck);
        }
    }

    /** Runs on the clock's thread: a keepalive if the session has been idle long enough, then the next check. */
    private void keepaliveCheck() {
        if (closed || keepaliveTimer == null) {
            return;
        }
        if (lock.isHeldByCurrentThread() || !lock.tryLock()) {
            // A command is running, so the session is not idle: look again an interval later.
            scheduleKeepalive(config.keepaliveInterval());
            return;
        }
        try {
            if (closed || keepaliveTimer == null) {
                return; // disconnected or closed while this check waited to run
            }
            long interval = config.keepaliveInterval().toNanos();
            long idle = clock.nanoTime() - lastActivityNanos;
            boolean usable = state == SessionState.CONNECTED || (state == SessionState.ERROR && config.autoReconnect());
            if (usable && idle >= interval) {
                try {
                    run(config.keepaliveCommand().get(), true);
                } catch (RuntimeException e) {
                    // Counted by run(); a keepalive that broke the transport reconnects now, not at the next command.
                    if (state == SessionState.ERROR && config.autoReconnect() && !closed) {
                        try {
                            connectTransport(true);
                        } catch (RuntimeException again) {
                            // Recorded as the last error; the next keepalive or command tries again.
                        }
                    }
                }
                idle = 0;
            }
            scheduleKeepalive(Duration.ofNanos(Math.max(interval - idle, 1)));
        } finally {
            lock.unlock();
        }
    }

    // ---- small things ---------------------------------------------------------------------

    private void lockInterruptibly(String what) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException(SessionException.Reason.INTERRUPTED, what + ": interrupted while waiting for session " + sessionId, e);
        }
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new SessionException(SessionException.Reason.INVALID_STATE, what + ": session " + sessionId + " is closed");
        }
    }

    private static String label(Command<?> command) {
        return String.format("%s (0x%04X)", command.name(), command.commandId());
    }

    /** "250 ms", "10 s", "1.5 s". */
    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0).replaceAll("0+ s$", " s");
    }

    /** Every counter, changed and read under one monitor so a snapshot always adds up. */
    private static final class Counters {
        private long commandsSent;
        private long commandsSucceeded;
        private long commandsFailed;
        private long retries;
        private long timeouts;
        private long reconnects;
        private long keepalives;
        private long keepaliveFailures;
        private long bytesSent;
        private long bytesReceived;
        private String lastError;

        synchronized void attempt(int bytes) {
            commandsSent++;
            bytesSent += bytes;
        }

        synchronized void received(int bytes) {
            bytesReceived += bytes;
        }

        synchronized void commandSucceeded() {
            commandsSucceeded++;
        }

        synchronized void commandFailed(boolean keepalive, String message) {
            commandsFailed++;
            if (keepalive) {
                keepaliveFailures++;
            }
            lastError = message;
        }

        synchronized void retry() {
            retries++;
        }

        synchronized void timeout() {
            timeouts++;
        }

        synchronized void reconnect() {
            reconnects++;
        }

        synchronized void keepalive() {
            keepalives++;
        }

        synchronized void lastError(String message) {
            lastError = message;
        }

        synchronized Optional<String> lastError() {
            return Optional.ofNullable(lastError);
        }

        synchronized SessionStatistics snapshot() {
            return new SessionStatistics(commandsSent, commandsSucceeded, commandsFailed, retries, timeouts, reconnects, keepalives,
                    keepaliveFailures, bytesSent, bytesReceived, Optional.ofNullable(lastError));
        }
    }
}
