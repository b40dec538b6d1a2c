package org.caliptra.util.host.transport.socket;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A stream socket (TCP or Unix-domain) with a bound on every wait, which the JDK's blocking
 * {@link SocketChannel} lacks for reads (and for Unix sockets altogether): the channel is
 * non-blocking and each connect, write and read waits on its own selector for at most the timeout.
 * Not thread-safe, except {@link #close()}, which another thread may call to abort a wait.
 */
final class FramedSocket implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long readTimeoutNanos;
    private final String peer;

    private FramedSocket(SocketChannel channel, Selector selector, SelectionKey key, long readTimeoutNanos, String peer) {
        this.channel = channel;
        this.selector = selector;
        this.key = key;
        this.readTimeoutNanos = readTimeoutNanos;
        this.peer = peer;
    }

    /**
     * @param peer how messages name the other end, e.g. "apb 127.0.0.1:40001"
     * @throws IOException naming {@code peer}, when the connection cannot be made in time
     */
    static FramedSocket open(SocketAddress address, String peer, SocketTimeouts timeouts) throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open();
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            SelectionKey key = channel.register(selector, 0);
            if (!channel.connect(address)) {
                long deadline = System.nanoTime() + timeouts.connect().toNanos();
                key.interestOps(SelectionKey.OP_CONNECT);
                while (!channel.finishConnect()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new SocketTimeoutException(peer + ": no connection within " + timeouts.connect().toMillis() + " ms");
                    }
                    selector.select(millis(left));
                    selector.selectedKeys().clear();
                }
                key.interestOps(0);
            }
            if (!(address instanceof UnixDomainSocketAddress)) {
                // One small request at a time: Nagle's delay would be the whole round trip.
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            return new FramedSocket(channel, selector, key, timeouts.read().toNanos(), peer);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            if (e instanceof SocketTimeoutException || !(e instanceof IOException io)) {
                throw e;
            }
            throw new IOException(peer + ": cannot connect: " + describe(io), io);
        }
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    void writeFully(byte[] bytes) throws IOException {
        var buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + readTimeoutNanos;
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                await(SelectionKey.OP_WRITE, deadline, "sending " + bytes.length + " bytes");
            }
        }
    }

    /**
     * Reads exactly {@code length} bytes, each wait for more bounded by the read timeout.
     *
     * @param what what is being read, for messages ("the APB_READ reply header")
     * @throws EOFException when the peer closes the connection first, saying how much had arrived
     * @throws SocketTimeoutException when the peer stops sending for longer than the read timeout
     */
    byte[] readFully(int length, String what) throws IOException {
        var buffer = ByteBuffer.allocate(length);
        long deadline = System.nanoTime() + readTimeoutNanos;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                throw new EOFException(String.format("%s: the server closed the connection after %d of the %d bytes of %s", peer,
                        buffer.position(), length, what));
            }
            if (n == 0) {
                await(SelectionKey.OP_READ, deadline, what);
            } else {
                deadline = System.nanoTime() + readTimeoutNanos;
            }
        }
        return buffer.array();
    }

    private void await(int op, long deadline, String what) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException(String.format("%s: nothing for %d ms while %s", peer,
                    TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos), what.startsWith("sending") ? what : "waiting for " + what));
        }
        try {
            key.interestOps(op);
            selector.select(millis(left));
            selector.selectedKeys().clear();
            key.interestOps(0);
        } catch (ClosedSelectorException | CancelledKeyException closedMeanwhile) {
            // close() from another thread (a session abandoning this call) ends the wait.
            throw new EOFException(peer + ": the connection was closed while " + what);
        }
    }

    private static long millis(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    /** An exception's message, or its class name when it has none (a refused connect has one; some JDK errors do not). */
    static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing only releases the descriptor.
        }
        selector.wakeup();
        try {
            selector.close();
        } catch (IOException e) {
            // as above
        }
    }
}
