package org.caliptra.util.cli.emulator;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A byte-level stream client (TCP or Unix) for sending what no driver would: every wait on it is
 * bounded by the timeout it is given.
 */
final class RawStream implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    private RawStream(SocketChannel channel, Selector selector, SelectionKey key) {
        this.channel = channel;
        this.selector = selector;
        this.key = key;
    }

    static RawStream open(SocketAddress address, Duration timeout) throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open();
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            SelectionKey key = channel.register(selector, 0);
            var stream = new RawStream(channel, selector, key);
            if (!channel.connect(address)) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!channel.finishConnect()) {
                    stream.await(SelectionKey.OP_CONNECT, deadline, "connecting");
                }
            }
            return stream;
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    void write(byte[] bytes, Duration timeout) throws IOException {
        var buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                await(SelectionKey.OP_WRITE, deadline, "writing");
            }
        }
    }

    /**
     * Exactly {@code length} bytes.
     *
     * @throws EOFException when the server closes first
     * @throws SocketTimeoutException when they do not arrive in time
     */
    byte[] read(int length, Duration timeout) throws IOException {
        var buffer = ByteBuffer.allocate(length);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                throw new EOFException("closed by the server after " + buffer.position() + " of " + length + " bytes");
            }
            if (n == 0) {
                await(SelectionKey.OP_READ, deadline, "reading");
            }
        }
        return buffer.array();
    }

    /**
     * Whether the server closes the connection (end of stream, or a reset) within {@code timeout};
     * whatever it sends before is discarded.
     */
    boolean closedByServer(Duration timeout) throws IOException {
        var buffer = ByteBuffer.allocate(4096);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                int n = channel.read(buffer.clear());
                if (n < 0) {
                    return true;
                }
                if (n == 0) {
                    await(SelectionKey.OP_READ, deadline, "waiting for the server to close");
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private void await(int op, long deadline, String what) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("timed out " + what);
        }
        key.interestOps(op);
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
        key.interestOps(0);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // releasing only
        }
        try {
            selector.close();
        } catch (IOException e) {
            // releasing only
        }
    }
}
