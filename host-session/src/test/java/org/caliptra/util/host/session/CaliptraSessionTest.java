package org.caliptra.util.host.session;

import static org.caliptra.util.host.session.FaultyMailboxDriver.Step.ANSWER;
import static org.caliptra.util.host.session.FaultyMailboxDriver.Step.BUSY;
import static org.caliptra.util.host.session.FaultyMailboxDriver.Step.DEVICE_ERROR;
import static org.caliptra.util.host.session.FaultyMailboxDriver.Step.DROP_AFTER_EXECUTE;
import static org.caliptra.util.host.session.FaultyMailboxDriver.Step.DROP_BEFORE_SEND;
import static org.caliptra.util.host.session.FaultyMailboxDriver.Step.HANG;
import static org.caliptra.util.host.session.FaultyMailboxDriver.Step.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.caliptra.util.host.session.FaultyMailboxDriver.ConnectStep;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CaliptraSessionTest {
    static final int ECHO_ID = 0x0042;
    static final int ECHO_CODE = 0x4543_484F; // "ECHO"

    /** The echo command travels with its fields verbatim both ways. */
    static final MailboxCommandMapping ECHO_MAPPING = new MailboxCommandMapping() {
        public int commandId() { return ECHO_ID; }
        public int externalCommand() { return ECHO_CODE; }
        public String name() { return "ECHO"; }
        public byte[] toExternalRequest(byte[] internalRequest) { return internalRequest; }
        public byte[] toInternalResponse(MailboxFrame.Response response) { return response.fields(); }
    };

    /** A command whose response is its request, so a caller can see it got its own answer. */
    static final class Echo implements Command<byte[]> {
        private final byte[] payload;
        private final boolean idempotent;

        Echo(String text, boolean idempotent) {
            this.payload = text.getBytes(StandardCharsets.US_ASCII);
            this.idempotent = idempotent;
        }

        public int commandId() { return ECHO_ID; }
        public String name() { return "Echo"; }
        public byte[] encodeRequest() { return payload.clone(); }
        public byte[] decodeResponse(byte[] internalResponse) { return internalResponse; }
        public boolean idempotent() { return idempotent; }
        int size() { return payload.length; }
    }

    private final FaultyMailboxDriver driver = new FaultyMailboxDriver();
    private final ExchangeCheckingTransport transport =
            new ExchangeCheckingTransport(new MailboxTransport(driver, MailboxCommandTable.of(List.of(ECHO_MAPPING))));
    private final ManualClock clock = new ManualClock();
    private final List<CaliptraSession> sessions = new ArrayList<>();

    /** Quick real-time bounds (never reached unless a test hangs the driver), no keepalive. */
    private SessionConfig.Builder config() {
        return SessionConfig.builder().connectTimeout(Duration.ofSeconds(20)).commandTimeout(Duration.ofSeconds(20)).noKeepalive();
    }

    private CaliptraSession session(SessionConfig config) {
        var s = new CaliptraSession(transport, config, clock);
        sessions.add(s);
        return s;
    }

    private CaliptraSession connected(SessionConfig config) {
        var s = session(config);
        s.connect();
        return s;
    }

    private static SessionStatistics stats(long sent, long succeeded, long failed, long retries, long timeouts, long reconnects,
            long keepalives, long keepaliveFailures, long bytesSent, long bytesReceived, SessionStatistics actual) {
        // lastError is checked on its own where it matters; everything else must match exactly.
        return new SessionStatistics(sent, succeeded, failed, retries, timeouts, reconnects, keepalives, keepaliveFailures, bytesSent,
                bytesReceived, actual.lastError());
    }

    @AfterEach
    void closeSessionsAndReleaseTheDriver() {
        driver.release();
        sessions.forEach(CaliptraSession::close);
        assertEquals(0, driver.violations(), "the driver saw overlapping transactions");
        assertEquals(0, transport.violations(), "a receive did not answer its own send");
    }

    @Test
    void lifecycleAndUniqueIds() {
        var s = session(config().build());
        var other = session(config().build());
        assertTrue(other.sessionId() > s.sessionId(), "ids count up, process-wide");
        assertEquals(SessionState.DISCONNECTED, s.state());
        assertFalse(s.isReady());
        s.connect();
        assertEquals(SessionState.CONNECTED, s.state());
        assertTrue(s.isReady());
        var again = assertThrows(SessionException.class, s::connect);
        assertEquals(SessionException.Reason.INVALID_STATE, again.reason());
        assertEquals("session " + s.sessionId() + " is already connected", again.getMessage());
        s.disconnect();
        s.disconnect();
        assertEquals(SessionState.DISCONNECTED, s.state());
        assertEquals(1, driver.disconnects(), "a second disconnect does not reach the transport");
        assertEquals("mailbox/faulty", s.transportName());
    }

    @Test
    void aFailedConnectLeavesErrorAndCanBeRetried() {
        driver.thenConnect(ConnectStep.REFUSE);
        var s = session(config().build());
        var e = assertThrows(TransportException.class, s::connect);
        assertEquals(Kind.CONNECTION_FAILED, e.kind());
        assertEquals("mailbox/faulty: faulty device refused the connection", e.getMessage());
        assertEquals(SessionState.ERROR, s.state());
        assertEquals(Optional.of("mailbox/faulty: faulty device refused the connection"), s.statistics().lastError());
        s.connect();
        assertEquals(SessionState.CONNECTED, s.state());
    }

    @Test
    void commandsNeedAConnectedSessionAndAreNotCountedWhenRefused() {
        var s = session(config().build());
        var e = assertThrows(SessionException.class, () -> s.execute(new Echo("x", true)));
        assertEquals(SessionException.Reason.INVALID_STATE, e.reason());
        assertEquals("Echo (0x0042) needs a connected session; session " + s.sessionId() + " is disconnected", e.getMessage());
        assertEquals(new SessionStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), s.statistics());
    }

    @Test
    void aCommandRoundTripsAndIsCounted() {
        var s = connected(config().build());
        var echo = new Echo("hello", false);
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), s.execute(echo));
        assertEquals(new SessionStatistics(1, 1, 0, 0, 0, 0, 0, 0, 5, 5, Optional.empty()), s.statistics());
        assertEquals(1, transport.matchedExchanges());
    }

    @Test
    void failuresBeforeSendingAreRetriedForAnyCommandAfterTheBackoff() {
        driver.then(BUSY, BUSY);
        var s = connected(config().build());
        var echo = new Echo("not idempotent", false);
        assertArrayEquals(echo.encodeRequest(), s.execute(echo));
        assertEquals(1, driver.executed(), "the device ran it once");
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), clock.sleeps());
        var st = s.statistics();
        assertEquals(stats(3, 1, 0, 2, 0, 0, 0, 0, 3L * echo.size(), echo.size(), st), st);
        assertEquals(Optional.of("Echo (0x0042): ECHO: the device mailbox is locked by another requester"), st.lastError(),
                "the last error is kept even though a retry recovered");
    }

    @Test
    void retriesStopAtMaxRetriesWithTheBackoffCapped() {
        driver.then(BUSY, BUSY, BUSY, BUSY, BUSY);
        var s = connected(config().retryBackoff(new RetryBackoff(Duration.ofMillis(50), 2.0, Duration.ofMillis(120))).build());
        var e = assertThrows(TransportException.class, () -> s.execute(new Echo("e", true)));
        assertEquals(Kind.BUSY, e.kind());
        assertEquals("Echo (0x0042) failed after 4 attempts: ECHO: the device mailbox is locked by another requester", e.getMessage());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(120)), clock.sleeps());
        var st = s.statistics();
        assertEquals(stats(4, 0, 1, 3, 0, 0, 0, 0, 4, 0, st), st);
        assertEquals(Optional.of(e.getMessage()), st.lastError());
        assertEquals(SessionState.CONNECTED, s.state(), "a busy mailbox does not break the transport");
    }

    @Test
    void aFailureThatMayHaveExecutedIsReplayedOnlyForIdempotentCommands() {
        driver.then(TIMEOUT);
        var s = connected(config().build());
        var read = new Echo("read", true);
        assertArrayEquals(read.encodeRequest(), s.execute(read));
        assertEquals(2, driver.executed(), "an idempotent command may run twice");
        var st = s.statistics();
        assertEquals(stats(2, 1, 0, 1, 1, 0, 0, 0, 8, 4, st), st);

        driver.then(TIMEOUT);
        var burn = new Echo("burn", false);
        var e = assertThrows(TransportException.class, () -> s.execute(burn));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.mayHaveExecuted());
        assertEquals("Echo (0x0042) is not retried: it may have run on the device and is not idempotent: "
                + "ECHO: the device did not answer within 3 polls of its status", e.getMessage());
        assertEquals(3, driver.executed(), "the non-idempotent command ran once and was not replayed");
        st = s.statistics();
        assertEquals(stats(3, 1, 1, 1, 2, 0, 0, 0, 12, 4, st), st);
    }

    @Test
    void deviceErrorsAreNotRetriedAndKeepTheirCode() {
        driver.then(DEVICE_ERROR);
        var s = connected(config().build());
        var e = assertThrows(TransportException.class, () -> s.execute(new Echo("e", true)));
        assertEquals(Kind.DEVICE_ERROR, e.kind());
        assertEquals(FaultyMailboxDriver.DEVICE_ERROR_CODE, e.deviceErrorCode().orElseThrow());
        assertEquals("Echo (0x0042): ECHO failed on the device: RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", e.getMessage());
        var st = s.statistics();
        assertEquals(stats(1, 0, 1, 0, 0, 0, 0, 0, 1, 0, st), st);
        assertEquals(SessionState.CONNECTED, s.state());
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    void aHungDriverTimesOutAndTheSessionRecovers() throws Exception {
        driver.then(HANG);
        var s = connected(config().commandTimeout(Duration.ofMillis(200)).maxRetries(0).build());
        var e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TransportException.class, () -> s.execute(new Echo("e", true))));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals("Echo (0x0042): no response from mailbox/faulty within 200 ms (the command timeout); the transport was disconnected",
                e.getMessage());
        assertEquals(SessionState.ERROR, s.state());
        assertEquals(1, driver.disconnects(), "the broken transport was disconnected");
        assertTrue(driver.awaitHangEnded(), "the hung call was abandoned");
        assertTrue(driver.hangInterrupted(), "and interrupted, not left to hang");

        var echo = new Echo("after", true);
        assertArrayEquals(echo.encodeRequest(), s.execute(echo));
        assertEquals(SessionState.CONNECTED, s.state());
        assertEquals(2, driver.connects(), "reconnected before the next command");
        var st = s.statistics();
        assertEquals(stats(2, 1, 1, 0, 1, 1, 0, 0, 6, 5, st), st);
    }

    @Test
    void anIdempotentCommandIsRetriedAcrossASessionTimeout() throws Exception {
        driver.then(HANG, ANSWER);
        var s = connected(config().commandTimeout(Duration.ofMillis(200)).build());
        var read = new Echo("read", true);
        assertArrayEquals(read.encodeRequest(), assertTimeoutPreemptively(Duration.ofSeconds(30), () -> s.execute(read)));
        assertEquals(2, driver.executed());
        assertTrue(driver.hangInterrupted());
        var st = s.statistics();
        assertEquals(stats(2, 1, 0, 1, 1, 1, 0, 0, 8, 4, st), st);
    }

    @Test
    void aConnectThatHangsTimesOut() throws Exception {
        driver.thenConnect(ConnectStep.HANG);
        var s = session(config().connectTimeout(Duration.ofMillis(200)).build());
        var e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TransportException.class, s::connect));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals("session " + s.sessionId() + ": connecting mailbox/faulty did not finish within 200 ms (the connect timeout)",
                e.getMessage());
        assertEquals(SessionState.ERROR, s.state());
        assertTrue(driver.awaitHangEnded());
        s.connect();
        assertEquals(SessionState.CONNECTED, s.state());
        var st = s.statistics();
        assertEquals(stats(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, st), st);
    }

    @Test
    void aDroppedLinkIsReconnectedAndTheCommandRetriedEvenIfNotIdempotent() {
        driver.then(DROP_BEFORE_SEND);
        var s = connected(config().build());
        var echo = new Echo("once", false);
        assertArrayEquals(echo.encodeRequest(), s.execute(echo));
        assertEquals(1, driver.executed());
        assertEquals(2, driver.connects());
        assertEquals(SessionState.CONNECTED, s.state());
        var st = s.statistics();
        assertEquals(stats(2, 1, 0, 1, 0, 1, 0, 0, 8, 4, st), st);
        assertEquals(Optional.of("Echo (0x0042): ECHO: faulty link went down"), st.lastError());
    }

    @Test
    void aTransportThatFoundItselfDisconnectedIsReconnected() {
        var s = connected(config().build());
        transport.inner().disconnect(); // the transport noticed its channel closed, behind the session's back
        var echo = new Echo("again", false);
        assertArrayEquals(echo.encodeRequest(), s.execute(echo));
        var st = s.statistics();
        assertEquals(stats(2, 1, 0, 1, 0, 1, 0, 0, 10, 5, st), st);
        assertEquals(Optional.of("Echo (0x0042): mailbox/faulty: not connected"), st.lastError());
    }

    @Test
    void aLinkThatDropsMidExchangeReplaysOnlyIdempotentCommands() {
        driver.then(DROP_AFTER_EXECUTE);
        var s = connected(config().build());
        var e = assertThrows(TransportException.class, () -> s.execute(new Echo("fuse", false)));
        assertEquals(Kind.CONNECTION_FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("Echo (0x0042) is not retried: it may have run on the device"), e.getMessage());
        assertEquals(SessionState.ERROR, s.state());
        assertEquals(1, driver.executed());

        driver.then(DROP_AFTER_EXECUTE);
        var read = new Echo("read", true);
        assertArrayEquals(read.encodeRequest(), s.execute(read));
        assertEquals(3, driver.executed());
        assertEquals(SessionState.CONNECTED, s.state());
        var st = s.statistics();
        // fuse: 1 attempt, failed; read: reconnect + attempt (drop), reconnect + attempt (answer).
        assertEquals(stats(3, 1, 1, 1, 0, 2, 0, 0, 12, 4, st), st);
    }

    @Test
    void aFailedReconnectIsRetriedForAnyCommand() {
        driver.then(DROP_BEFORE_SEND).thenConnect(ConnectStep.OK, ConnectStep.REFUSE);
        var s = connected(config().build());
        var echo = new Echo("x", false);
        assertArrayEquals(echo.encodeRequest(), s.execute(echo));
        assertEquals(3, driver.connects());
        var st = s.statistics();
        // attempt 1 dropped; attempt 2 failed to reconnect and was never handed over; attempt 3 answered.
        assertEquals(stats(2, 1, 0, 2, 0, 1, 0, 0, 2, 1, st), st);
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), clock.sleeps());
    }

    @Test
    void withoutAutoReconnectABrokenTransportWaitsForConnect() {
        driver.then(DROP_BEFORE_SEND);
        var s = connected(config().autoReconnect(false).build());
        var e = assertThrows(TransportException.class, () -> s.execute(new Echo("x", true)));
        assertEquals("Echo (0x0042) is not retried: the transport broke and auto-reconnect is off: ECHO: faulty link went down", e.getMessage());
        assertEquals(SessionState.ERROR, s.state());
        var refused = assertThrows(SessionException.class, () -> s.execute(new Echo("y", true)));
        assertEquals(SessionException.Reason.INVALID_STATE, refused.reason());
        assertTrue(refused.getMessage().endsWith("auto-reconnect is off: connect() it again"), refused.getMessage());
        s.connect();
        assertArrayEquals("z".getBytes(StandardCharsets.US_ASCII), s.execute(new Echo("z", true)));
        var st = s.statistics();
        assertEquals(stats(2, 1, 1, 0, 0, 0, 0, 0, 2, 1, st), st);
    }

    @Test
    void keepaliveRunsOnlyWhenIdle() {
        var s = connected(config().keepalive(Duration.ofSeconds(30), () -> new Echo("ka", true)).build());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, driver.executed());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, driver.executed(), "idle for 30 s: one keepalive");
        clock.advance(Duration.ofSeconds(10));
        s.execute(new Echo("user", false)); // t = 40 s: the next keepalive is due at 70 s, not 60 s
        clock.advance(Duration.ofSeconds(29));
        assertEquals(2, driver.executed());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(3, driver.executed());
        var st = s.statistics();
        assertEquals(stats(3, 3, 0, 0, 0, 0, 2, 0, 8, 8, st), st);

        s.disconnect();
        assertEquals(0, clock.scheduled(), "a disconnected session schedules no keepalive");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(3, driver.executed());
    }

    @Test
    void aFailedKeepaliveIsCountedAndReconnectsAtOnce() {
        driver.then(DROP_BEFORE_SEND);
        var s = connected(config().maxRetries(0).keepalive(Duration.ofSeconds(30), () -> new Echo("ka", true)).build());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(SessionState.CONNECTED, s.state(), "reconnected without waiting for a command");
        assertEquals(2, driver.connects());
        var st = s.statistics();
        assertEquals(stats(1, 0, 1, 0, 0, 1, 1, 1, 2, 0, st), st);
        assertTrue(st.lastError().orElseThrow().contains("faulty link went down"), st.lastError().toString());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, driver.executed(), "the next keepalive ran and was answered");
    }

    @Test
    void sixteenThreadsSharingASessionNeverInterleave() throws Exception {
        // Every other transaction at the start finds the mailbox busy, so retries run concurrently too.
        for (int i = 0; i < 20; i++) {
            driver.then(BUSY, ANSWER);
        }
        var s = connected(config().build());
        int threads = 16;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long bytes = 0;
        try {
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    var echo = new Echo("thread " + t + " command " + i, (i % 2) == 0);
                    bytes += echo.size();
                    tasks.add(() -> java.util.Arrays.equals(echo.encodeRequest(), s.execute(echo)));
                }
            }
            for (Future<Boolean> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                assertTrue(f.get(), "each caller got its own answer");
            }
        } finally {
            pool.shutdownNow();
        }
        int commands = threads * perThread;
        assertEquals(commands, transport.matchedExchanges());
        var st = s.statistics();
        long busyBytes = st.bytesSent() - bytes;
        assertEquals(stats(commands + 20, commands, 0, 20, 0, 0, 0, 0, bytes + busyBytes, bytes, st), st);
        assertTrue(busyBytes > 0);
    }

    @Test
    void aResponseThatDoesNotDecodeNamesTheCommand() {
        var s = connected(config().build());
        var picky = new Command<String>() {
            public int commandId() { return ECHO_ID; }
            public String name() { return "Picky"; }
            public byte[] encodeRequest() { return new byte[3]; }
            public String decodeResponse(byte[] r) { throw new ProtocolException("Picky response: 3 bytes, expected 40"); }
            public boolean idempotent() { return true; }
        };
        var e = assertThrows(SessionException.class, () -> s.execute(picky));
        assertEquals(SessionException.Reason.DECODE_FAILED, e.reason());
        assertEquals("Picky (0x0042): the response does not decode: Picky response: 3 bytes, expected 40", e.getMessage());
        var st = s.statistics();
        assertEquals(stats(1, 0, 1, 0, 0, 0, 0, 0, 3, 3, st), st);
        assertEquals(Optional.of(e.getMessage()), st.lastError());
    }

    @Test
    void anInterruptedCallerIsToldSoAndTheSessionRecovers() throws Exception {
        driver.then(HANG);
        var s = connected(config().build());
        var outcome = new AtomicReference<Throwable>();
        var interruptedAfter = new AtomicReference<Boolean>();
        Thread caller = new Thread(() -> {
            try {
                s.execute(new Echo("slow", true));
            } catch (Throwable t) {
                outcome.set(t);
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertTrue(driver.awaitHanging());
        caller.interrupt();
        caller.join(30_000);
        assertFalse(caller.isAlive());
        var e = (SessionException) outcome.get();
        assertEquals(SessionException.Reason.INTERRUPTED, e.reason());
        assertEquals("Echo (0x0042): interrupted while waiting for mailbox/faulty; the transport was disconnected", e.getMessage());
        assertTrue(interruptedAfter.get(), "the interrupt flag is set again");
        assertEquals(SessionState.ERROR, s.state());
        assertTrue(driver.awaitHangEnded());
        assertArrayEquals("next".getBytes(StandardCharsets.US_ASCII), s.execute(new Echo("next", false)));
        var st = s.statistics();
        assertEquals(stats(2, 1, 1, 0, 0, 1, 0, 0, 8, 4, st), st);
    }

    @Test
    void closeReleasesTheWorkerAndTheScheduler() throws Exception {
        var s = new CaliptraSession(transport, config().keepalive(Duration.ofHours(1), () -> new Echo("ka", true)).build());
        s.connect();
        s.execute(new Echo("x", true));
        String prefix = "caliptra-session-" + s.sessionId() + "-";
        List<Thread> mine = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList();
        assertEquals(List.of(prefix + "keepalive", prefix + "transport"), mine.stream().map(Thread::getName).sorted().toList());
        s.close();
        for (Thread t : mine) {
            t.join(30_000);
            assertFalse(t.isAlive(), t.getName() + " still runs after close");
        }
        assertEquals(SessionState.DISCONNECTED, s.state());
        var e = assertThrows(SessionException.class, () -> s.execute(new Echo("y", true)));
        assertEquals("Echo (0x0042): session " + s.sessionId() + " is closed", e.getMessage());
        assertThrows(SessionException.class, s::connect);
        s.close();
        assertFalse(transport.isConnected());
    }

    @Test
    void closingOwnsTheInjectedClock() {
        var s = connected(config().keepalive(Duration.ofSeconds(30), () -> new Echo("ka", true)).build());
        assertEquals(1, clock.scheduled());
        s.close();
        assertTrue(clock.isClosed());
        assertEquals(0, clock.scheduled());
        assertNotEquals(SessionState.CONNECTED, s.state());
    }
}
