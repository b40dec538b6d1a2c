package org.caliptra.util.host.transport.socket;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A stream socket (TCP or Unix-domain) with a bound on every wait, which the JDK's blocking
 * {@link SocketChannel} lacks for reads (and for Unix sockets altogether).
 *
 * <p>Reads and writes are blocking calls — one system call per reply in the common case, where a
 * non-blocking channel and a selector take three — and a watchdog thread shared by all sockets
 * closes one whose read or write has waited past its deadline; the waiting call then fails with a
 * {@link SocketTimeoutException}. Replies are read through a buffer, so a frame's header and
 * payload that arrive together are taken with one read. The connect waits on a selector, once.
 * Not thread-safe, except {@link #close()}, which another thread may call to abort a wait.
 */
final class FramedSocket implements AutoCloseable {
    /** Bytes read ahead: a whole CPTR or small MBOX reply. Larger reads go straight to their array. */
    private static final int READ_AHEAD = 8 * 1024;
    private static final long IDLE = Long.MIN_VALUE;
    private static final long EXPIRED = Long.MIN_VALUE + 1;
    private static final VarHandle DEADLINE;

    static {
        try {
            DEADLINE = MethodHandles.lookup().findVarHandle(FramedSocket.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SocketChannel channel;
    private final long readTimeoutNanos;
    private final String peer;
    private final ByteBuffer readAhead = ByteBuffer.allocateDirect(READ_AHEAD).flip();
    /** When the wait in progress expires (System.nanoTime), {@link #IDLE} between waits, {@link #EXPIRED} once the watchdog took it. */
    @SuppressWarnings("unused") // through DEADLINE
    private volatile long deadline = IDLE;

    private FramedSocket(SocketChannel channel, long readTimeoutNanos, String peer) {
        this.channel = channel;
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
        try {
            channel.configureBlocking(false);
            if (!channel.connect(address)) {
                try (Selector selector = Selector.open()) {
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    long deadline = System.nanoTime() + timeouts.connect().toNanos();
                    while (!channel.finishConnect()) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new SocketTimeoutException(peer + ": no connection within " + timeouts.connect().toMillis() + " ms");
                        }
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
                        selector.selectedKeys().clear();
                    }
                }
            }
            // Closing the selector deregistered the channel, so it may block again.
            channel.configureBlocking(true);
            if (!(address instanceof UnixDomainSocketAddress)) {
                // One small request at a time: Nagle's delay would be the whole round trip.
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            var socket = new FramedSocket(channel, timeouts.read().toNanos(), peer);
            Watchdog.watch(socket);
            return socket;
        } catch (IOException | RuntimeException e) {
            channel.close();
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
        arm();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (ClosedChannelException e) {
            throw ended(e, () -> "sending " + bytes.length + " bytes");
        } finally {
            disarm();
        }
        if (expired()) {
            throw timedOut(() -> "sending " + bytes.length + " bytes");
        }
    }

    /**
     * Reads exactly {@code length} bytes, each wait for more bounded by the read timeout.
     *
     * @param what what is being read, for messages ("the APB_READ reply header"); called only for one
     * @throws EOFException when the peer closes the connection first, saying how much had arrived
     * @throws SocketTimeoutException when the peer stops sending for longer than the read timeout
     */
    byte[] readFully(int length, Supplier<String> what) throws IOException {
        byte[] bytes = new byte[length];
        int at = 0;
        while (at < length) {
            if (readAhead.hasRemaining()) {
                int n = Math.min(readAhead.remaining(), length - at);
                readAhead.get(bytes, at, n);
                at += n;
                continue;
            }
            int n;
            arm();
            try {
                if (length - at >= READ_AHEAD) {
                    n = channel.read(ByteBuffer.wrap(bytes, at, length - at));
                    at += Math.max(n, 0);
                } else {
                    readAhead.clear();
                    n = channel.read(readAhead);
                    readAhead.flip();
                }
            } catch (ClosedChannelException e) {
                throw ended(e, () -> "waiting for " + what.get());
            } finally {
                disarm();
            }
            if (expired()) {
                throw timedOut(() -> "waiting for " + what.get());
            }
            if (n < 0) {
                throw new EOFException(String.format("%s: the server closed the connection after %d of the %d bytes of %s", peer, at,
                        length, what.get()));
            }
        }
        return bytes;
    }

    private void arm() {
        DEADLINE.setVolatile(this, System.nanoTime() + readTimeoutNanos);
    }

    /** Ends a wait; the watchdog may have taken it meanwhile, which {@link #expired()} then says. */
    private void disarm() {
        long armed = (long) DEADLINE.getVolatile(this);
        if (armed != EXPIRED) {
            DEADLINE.compareAndSet(this, armed, IDLE);
        }
    }

    private boolean expired() {
        return (long) DEADLINE.getVolatile(this) == EXPIRED;
    }

    /** Called by the watchdog: closes the socket if its wait is past {@code now}, so the waiting call returns. */
    private void expireIfLate(long now) {
        long armed = (long) DEADLINE.getVolatile(this);
        if (armed != IDLE && armed != EXPIRED && now - armed >= 0 && DEADLINE.compareAndSet(this, armed, EXPIRED)) {
            closeChannel();
        }
    }

    private SocketTimeoutException timedOut(Supplier<String> doing) {
        return new SocketTimeoutException(String.format("%s: nothing for %d ms while %s", peer,
                TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos), doing.get()));
    }

    /** The channel was closed under a blocked call: by the watchdog (a timeout), an interrupt, or {@link #close()}. */
    private IOException ended(ClosedChannelException e, Supplier<String> doing) {
        if (expired()) {
            return timedOut(doing);
        }
        if (e instanceof ClosedByInterruptException) {
            return new IOException(peer + ": interrupted while " + doing.get() + "; the connection is closed", e);
        }
        return new EOFException(peer + ": the connection was closed while " + doing.get());
    }

    /** An exception's message, or its class name when it has none (a refused connect has one; some JDK errors do not). */
    static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        Watchdog.forget(this);
        closeChannel();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing only releases the descriptor.
        }
    }

    /**
     * One daemon thread for every open socket: each tick it closes the sockets whose wait is past its
     * deadline. A timeout therefore fires up to one tick late, which a timeout of milliseconds to
     * seconds does not notice; the blocked calls themselves cost nothing extra. The thread runs only
     * while some socket is open: it ends at the first tick that finds none, and the next socket
     * opened starts another.
     */
    private static final class Watchdog {
        private static final long TICK_MILLIS = 20;
        private static final Set<FramedSocket> WATCHED = ConcurrentHashMap.newKeySet();
        /** Guarded by Watchdog.class. */
        private static Thread thread;

        static synchronized void watch(FramedSocket socket) {
            WATCHED.add(socket);
            if (thread == null) {
                thread = new Thread(Watchdog::run, "caliptra-socket-deadlines");
                thread.setDaemon(true);
                thread.start();
            }
        }

        static void forget(FramedSocket socket) {
            WATCHED.remove(socket);
        }

        /** Whether to go on watching; when not, the thread is forgotten under the same lock that starts one. */
        private static synchronized boolean anyWatched() {
            if (WATCHED.isEmpty()) {
                thread = null;
                return false;
            }
            return true;
        }

        private static void run() {
            do {
                try {
                    Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    // Nobody interrupts this thread on purpose; it keeps watching.
                }
                long now = System.nanoTime();
                for (FramedSocket socket : WATCHED) {
                    if (!socket.channel.isOpen()) {
                        WATCHED.remove(socket);
                    } else {
                        socket.expireIfLate(now);
                    }
                }
            } while (anyWatched());
        }
    }
}
