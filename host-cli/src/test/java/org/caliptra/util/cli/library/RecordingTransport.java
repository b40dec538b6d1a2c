package org.caliptra.util.cli.library;

import java.util.Set;
import java.util.TreeSet;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.TransportException;

/**
 * A transport that remembers which command ids reached the device: those whose send the wrapped
 * transport completed, or failed after the request may have left (the device answered, even with a
 * refusal). An id refused before sending (NOT_SUPPORTED, a request the mapping cannot encode) does
 * not count: it never travelled end to end.
 */
final class RecordingTransport implements Transport {
    private final Transport delegate;
    private final Set<Integer> reached = new TreeSet<>();

    RecordingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    /** The ids that reached the device. */
    synchronized Set<Integer> reached() {
        return Set.copyOf(reached);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void connect() {
        delegate.connect();
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public void send(int commandId, byte[] internalRequest) {
        try {
            delegate.send(commandId, internalRequest);
            record(commandId);
        } catch (TransportException e) {
            if (e.mayHaveExecuted()) {
                record(commandId);
            }
            throw e;
        }
    }

    private synchronized void record(int commandId) {
        reached.add(commandId);
    }

    @Override
    public byte[] receive() {
        return delegate.receive();
    }
}
