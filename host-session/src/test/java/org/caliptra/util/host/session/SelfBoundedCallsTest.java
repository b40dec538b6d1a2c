package org.caliptra.util.host.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.Test;

/**
 * A transport whose calls are bounded by the device itself runs on the caller's thread (no
 * hand-off to the watchdog worker); any other runs on the session's worker; both fail alike.
 */
class SelfBoundedCallsTest {
    private final AtomicReference<Thread> ranOn = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failWith = new AtomicReference<>();

    /** Echoes the request's fields back as response fields, recording the thread it ran on. */
    private final MailboxPort port = (command, request) -> {
        ranOn.set(Thread.currentThread());
        if (failWith.get() != null) {
            throw failWith.get();
        }
        byte[] fields = MailboxFrame.openRequest(command, request, "echo");
        return new MailboxReply.Data(MailboxFrame.sealResponse(MailboxFrame.FIPS_APPROVED, fields));
    };

    private CaliptraSession session(InProcessMailboxDriver driver) {
        var s = new CaliptraSession(new MailboxTransport(driver, MailboxCommandTable.of(List.of(CaliptraSessionTest.ECHO_MAPPING))));
        s.connect();
        return s;
    }

    @Test
    void aSelfBoundedTransportRunsOnTheCallersThread() {
        try (var s = session(InProcessMailboxDriver.selfBounded(port))) {
            assertArrayEquals("hi".getBytes(), s.execute(new CaliptraSessionTest.Echo("hi", true)));
            assertSame(Thread.currentThread(), ranOn.get());
        }
    }

    @Test
    void anyOtherTransportRunsOnTheSessionsWorker() {
        try (var s = session(new InProcessMailboxDriver(port))) {
            assertArrayEquals("hi".getBytes(), s.execute(new CaliptraSessionTest.Echo("hi", true)));
            assertNotSame(Thread.currentThread(), ranOn.get());
        }
    }

    @Test
    void aDefectInTheDeviceFailsTheSameOnBothPaths() {
        failWith.set(new IllegalStateException("device thread died"));
        String inline;
        String worker;
        try (var s = session(InProcessMailboxDriver.selfBounded(port))) {
            var e = assertThrows(TransportException.class, () -> s.execute(new CaliptraSessionTest.Echo("x", true)));
            assertEquals(TransportException.Kind.SEND_FAILED, e.kind());
            inline = e.getMessage();
        }
        try (var s = session(new InProcessMailboxDriver(port))) {
            worker = assertThrows(TransportException.class, () -> s.execute(new CaliptraSessionTest.Echo("x", true))).getMessage();
        }
        assertEquals(worker.replaceAll("session-\\d+", ""), inline.replaceAll("session-\\d+", ""));
    }
}
