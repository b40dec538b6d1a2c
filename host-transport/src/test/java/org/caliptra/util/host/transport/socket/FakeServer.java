package org.caliptra.util.host.transport.socket;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.caliptra.util.protocol.socket.FrameHeader;

/**
 * A scripted server for the client tests, on a Unix socket or loopback TCP: each accepted
 * connection runs {@link Conversation} on a thread of its own; what it received is kept. Closing
 * the server closes every connection, which ends the conversations.
 */
final class FakeServer implements AutoCloseable {
    interface Conversation {
        void talk(Connection connection) throws IOException;
    }

    /** One accepted connection, with blocking helpers. */
    static final class Connection {
        private final SocketChannel channel;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        byte[] read(int n) throws IOException {
            var b = ByteBuffer.allocate(n);
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) {
                    throw new EOFException();
                }
            }
            return b.array();
        }

        /** One whole frame: header and payload. */
        byte[] readFrame() throws IOException {
            byte[] head = read(FrameHeader.SIZE);
            byte[] payload = read((int) FrameHeader.decode(head, 0).payloadLength());
            byte[] frame = new byte[head.length + payload.length];
            System.arraycopy(head, 0, frame, 0, head.length);
            System.arraycopy(payload, 0, frame, head.length, payload.length);
            return frame;
        }

        void write(byte[] bytes) throws IOException {
            var b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        void close() throws IOException {
            channel.close();
        }
    }

    private final ServerSocketChannel server;
    private final SocketAddress address;
    private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FakeServer(ServerSocketChannel server, SocketAddress address, Conversation conversation) {
        this.server = server;
        this.address = address;
        this.acceptor = new Thread(() -> {
            while (server.isOpen()) {
                SocketChannel ch;
                try {
                    ch = server.accept();
                } catch (IOException closed) {
                    return;
                }
                accepted.add(ch);
                var t = new Thread(() -> {
                    try {
                        conversation.talk(new Connection(ch));
                    } catch (EOFException | java.nio.channels.ClosedChannelException done) {
                        // the client or the test closed the connection
                    } catch (IOException | RuntimeException | AssertionError e) {
                        failures.add(e);
                    }
                }, "fake-server-connection");
                t.setDaemon(true);
                t.start();
            }
        }, "fake-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FakeServer unix(Path path, Conversation conversation) {
        try {
            var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            var address = UnixDomainSocketAddress.of(path);
            server.bind(address);
            return new FakeServer(server, address, conversation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeServer tcp(Conversation conversation) {
        try {
            var server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            return new FakeServer(server, server.getLocalAddress(), conversation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SocketAddress address() {
        return address;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel ch : accepted) {
            ch.close();
        }
        if (address instanceof UnixDomainSocketAddress u) {
            java.nio.file.Files.deleteIfExists(u.getPath());
        }
    }
}
