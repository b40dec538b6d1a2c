package org.caliptra.util.host.transport;

/**
 * A synchronous, transport-agnostic channel to a Caliptra device: internal command id plus
 * internal request bytes in, internal response bytes out (spec/hostlib.md §1.2).
 *
 * <p>{@link #send} performs the whole round trip and buffers the response; {@link #receive}
 * hands it out once. Implementations are not required to be thread-safe: the session above runs
 * one command at a time. Its calls may come from different threads over the transport's life,
 * though: when a call outlives the session's timeout, the session abandons that thread and calls
 * {@link #disconnect()} from another while the first may still be inside, so a transport should let
 * disconnect abort an exchange in progress (close its socket, say).
 *
 * <p>Failures are {@link TransportException}s whose {@linkplain TransportException#phase() phase}
 * says whether the request may have reached the device: the session retries on that basis.
 */
public interface Transport extends AutoCloseable {
    /** A short name for messages and statistics, e.g. "mailbox/in-process". */
    String name();

    void connect();

    void disconnect();

    boolean isConnected();

    /** Sends one command and waits for its response, which {@link #receive} then returns. */
    void send(int commandId, byte[] internalRequest);

    /**
     * The response to the last {@link #send}, exactly once.
     *
     * @throws TransportException of kind {@code RECEIVE_FAILED} when nothing is buffered
     */
    byte[] receive();

    /**
     * Whether every call returns or fails within a bound of the transport's own (an embedded
     * device gives up after a fixed number of status polls), so that a session may run calls on
     * the caller's thread: none can hang, so there is nothing for a command timeout to cut short,
     * and the hand-off to a watchdog thread (the larger part of an in-process round trip) is
     * spared. False unless the transport knows it: sockets and foreign drivers can hang.
     */
    default boolean callsAreSelfBounded() {
        return false;
    }

    /** Disconnects and releases whatever the transport owns. */
    @Override
    default void close() {
        disconnect();
    }
}
