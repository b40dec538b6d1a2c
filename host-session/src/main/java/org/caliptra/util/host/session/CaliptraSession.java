package org.caliptra.util.host.session;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.caliptra.util.host.transport.Transport;

/**
 * A conversation with one Caliptra device over one {@link Transport}.
 *
 * <p>States: DISCONNECTED → (connect) CONNECTING → CONNECTED → (disconnect) DISCONNECTED; a
 * failed connect leaves ERROR, from which connect may be tried again. Commands run one at a time:
 * callers on other threads wait their turn. Statistics count every command, including the ones
 * that fail.
 */
public final class CaliptraSession implements AutoCloseable {
    private final Transport transport;
    private final ReentrantLock inFlight = new ReentrantLock();
    private volatile SessionState state = SessionState.DISCONNECTED;
    private long commandsSent;
    private long commandsSucceeded;
    private long commandsFailed;
    private long bytesSent;
    private long bytesReceived;

    public CaliptraSession(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    public SessionState state() {
        return state;
    }

    public String transportName() {
        return transport.name();
    }

    public boolean isReady() {
        return state == SessionState.CONNECTED && transport.isConnected();
    }

    public void connect() {
        inFlight.lock();
        try {
            if (state == SessionState.CONNECTED || state == SessionState.CONNECTING) {
                throw new SessionException(SessionException.Reason.INVALID_STATE, "session is already " + state.name().toLowerCase());
            }
            state = SessionState.CONNECTING;
            try {
                transport.connect();
            } catch (RuntimeException e) {
                state = SessionState.ERROR;
                throw e;
            }
            state = SessionState.CONNECTED;
        } finally {
            inFlight.unlock();
        }
    }

    /** Disconnects; harmless when already disconnected. */
    public void disconnect() {
        inFlight.lock();
        try {
            if (state != SessionState.DISCONNECTED) {
                state = SessionState.DISCONNECTED;
                transport.disconnect();
            }
        } finally {
            inFlight.unlock();
        }
    }

    /**
     * Runs one command: internal request bytes out, internal response bytes back.
     *
     * @param expectedResponseSize the exact internal response size, or -1 for variable-size
     *     responses that the caller checks
     */
    public byte[] execute(int commandId, byte[] internalRequest, int expectedResponseSize) {
        inFlight.lock();
        try {
            if (state != SessionState.CONNECTED) {
                throw new SessionException(SessionException.Reason.INVALID_STATE, String.format(
                        "command 0x%04X needs a connected session; it is %s", commandId, state.name().toLowerCase()));
            }
            commandsSent++;
            bytesSent += internalRequest.length;
            try {
                transport.send(commandId, internalRequest);
                byte[] response = transport.receive();
                bytesReceived += response.length;
                if (expectedResponseSize >= 0 && response.length != expectedResponseSize) {
                    throw new SessionException(SessionException.Reason.RESPONSE_SIZE, String.format("command 0x%04X: response of %d bytes, expected %d",
                            commandId, response.length, expectedResponseSize));
                }
                commandsSucceeded++;
                return response;
            } catch (RuntimeException e) {
                commandsFailed++;
                throw e;
            }
        } finally {
            inFlight.unlock();
        }
    }

    /**
     * Runs one typed command: encodes its internal request, runs it like {@link #execute(int, byte[], int)}
     * and decodes the internal response. (A minimal bridge for the command catalogue; the session
     * rework replaces it with retries and idempotence handling.)
     */
    public <R> R execute(Command<R> command) {
        byte[] response = execute(command.commandId(), command.encodeRequest(), -1);
        return command.decodeResponse(response);
    }

    public SessionStatistics statistics() {
        inFlight.lock();
        try {
            return new SessionStatistics(commandsSent, commandsSucceeded, commandsFailed, bytesSent, bytesReceived);
        } finally {
            inFlight.unlock();
        }
    }

    /** Disconnects and closes the transport. */
    @Override
    public void close() {
        inFlight.lock();
        try {
            state = SessionState.DISCONNECTED;
            transport.close();
        } finally {
            inFlight.unlock();
        }
    }
}
