package org.caliptra.util.host.session;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.caliptra.util.host.transport.Transport;

/**
 * A transport in front of an echoing one that checks how the session uses it: every
 * {@link #receive} must follow its own {@link #send} with no other send in between, and must return
 * exactly that send's request (the device echoes). A disconnect aborts the exchange in progress, as
 * closing a socket would, so an exchange the session abandoned after a timeout is not mistaken for
 * an overlap.
 */
final class ExchangeCheckingTransport implements Transport {
    private record Outstanding(byte[] request) {}

    private final Transport inner;
    private final AtomicReference<Outstanding> outstanding = new AtomicReference<>();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger matchedExchanges = new AtomicInteger();

    ExchangeCheckingTransport(Transport inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void connect() {
        inner.connect();
    }

    @Override
    public void disconnect() {
        outstanding.set(null);
        inner.disconnect();
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public void send(int commandId, byte[] internalRequest) {
        var mine = new Outstanding(internalRequest.clone());
        if (!outstanding.compareAndSet(null, mine)) {
            violations.incrementAndGet(); // a send while another exchange is still open
            outstanding.set(mine);
        }
        try {
            inner.send(commandId, internalRequest);
        } catch (RuntimeException e) {
            outstanding.compareAndSet(mine, null);
            throw e;
        }
    }

    @Override
    public byte[] receive() {
        Outstanding expected = outstanding.getAndSet(null);
        byte[] response = inner.receive();
        if (expected == null || !Arrays.equals(expected.request(), response)) {
            violations.incrementAndGet();
        } else {
            matchedExchanges.incrementAndGet();
        }
        return response;
    }

    int violations() {
        return violations.get();
    }

    int matchedExchanges() {
        return matchedExchanges.get();
    }

    Transport inner() {
        return inner;
    }
}
