package org.caliptra.util.host.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.TransportException;
import org.junit.jupiter.api.Test;

class CaliptraSessionTest {
    /** Echoes the request reversed; counts concurrent sends to prove commands never overlap. */
    static final class EchoTransport implements Transport {
        boolean connected;
        boolean failConnect;
        RuntimeException failSend;
        byte[] pending;
        final AtomicInteger inside = new AtomicInteger();
        int maxInside;

        public String name() { return "echo"; }
        public void connect() {
            if (failConnect) {
                throw new TransportException(TransportException.Kind.CONNECTION_FAILED, "echo: refused");
            }
            connected = true;
        }
        public void disconnect() { connected = false; }
        public boolean isConnected() { return connected; }
        public void send(int id, byte[] req) {
            int now = inside.incrementAndGet();
            maxInside = Math.max(maxInside, now);
            try {
                if (failSend != null) {
                    throw failSend;
                }
                pending = new byte[req.length];
                for (int i = 0; i < req.length; i++) {
                    pending[i] = req[req.length - 1 - i];
                }
                Thread.onSpinWait();
            } finally {
                inside.decrementAndGet();
            }
        }
        public byte[] receive() { return pending; }
    }

    private final EchoTransport transport = new EchoTransport();
    private final CaliptraSession session = new CaliptraSession(transport);

    @Test
    void lifecycle() {
        assertEquals(SessionState.DISCONNECTED, session.state());
        assertFalse(session.isReady());
        session.connect();
        assertEquals(SessionState.CONNECTED, session.state());
        assertTrue(session.isReady());
        var again = assertThrows(SessionException.class, session::connect);
        assertEquals("session is already connected", again.getMessage());
        session.disconnect();
        session.disconnect();
        assertEquals(SessionState.DISCONNECTED, session.state());
        assertFalse(transport.connected);
    }

    @Test
    void failedConnectLeavesErrorAndCanBeRetried() {
        transport.failConnect = true;
        assertThrows(TransportException.class, session::connect);
        assertEquals(SessionState.ERROR, session.state());
        transport.failConnect = false;
        session.connect();
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void executeNeedsAConnectedSession() {
        var e = assertThrows(SessionException.class, () -> session.execute(3, new byte[0], 0));
        assertEquals("command 0x0003 needs a connected session; it is disconnected", e.getMessage());
        assertEquals(new SessionStatistics(0, 0, 0, 0, 0), session.statistics());
    }

    @Test
    void countsSuccessesFailuresAndBytes() {
        session.connect();
        assertArrayEquals(new byte[] {3, 2, 1}, session.execute(1, new byte[] {1, 2, 3}, 3));
        var wrongSize = assertThrows(SessionException.class, () -> session.execute(1, new byte[] {1, 2}, 3));
        assertEquals("command 0x0001: response of 2 bytes, expected 3", wrongSize.getMessage());
        var boom = new TransportException(TransportException.Kind.TIMEOUT, "echo: timed out");
        transport.failSend = boom;
        assertSame(boom, assertThrows(TransportException.class, () -> session.execute(1, new byte[4], -1)));
        assertEquals(new SessionStatistics(3, 1, 2, 9, 5), session.statistics());
    }

    @Test
    void oneCommandInFlightAtATime() throws Exception {
        session.connect();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<byte[]>>();
            for (int i = 0; i < 400; i++) {
                byte b = (byte) i;
                tasks.add(() -> session.execute(9, new byte[] {b, 0}, 2));
            }
            int i = 0;
            for (var f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
                assertArrayEquals(new byte[] {0, (byte) i++}, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, transport.maxInside);
        assertEquals(400, session.statistics().commandsSucceeded());
    }
}
