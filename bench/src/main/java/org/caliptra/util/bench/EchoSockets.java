package org.caliptra.util.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * The baselines of the socket benchmarks: plain JDK echo servers and clients over the same socket
 * types as the emulator's endpoints (TCP, Unix stream, UDP), doing nothing but moving the bytes
 * back. A served command's round trip divided by the echo's of the same size is the cost the
 * emulator adds on top of the kernel.
 */
final class EchoSockets implements AutoCloseable {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** A TCP echo server on loopback; its address. */
    InetSocketAddress tcp() throws IOException {
        var server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        open.add(server);
        acceptLoop(server, "tcp");
        return (InetSocketAddress) server.getLocalAddress();
    }

    /** A Unix stream echo server on a socket file in {@code directory}; its address. */
    UnixDomainSocketAddress unix(Path directory) throws IOException {
        var address = UnixDomainSocketAddress.of(directory.resolve("echo.sock"));
        Files.deleteIfExists(address.getPath());
        var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(address);
        open.add(server);
        acceptLoop(server, "unix");
        return address;
    }

    /** A UDP echo server on loopback; its address. */
    InetSocketAddress udp() throws IOException {
        var channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        open.add(channel);
        start("udp-echo", () -> {
            var buffer = ByteBuffer.allocateDirect(65536);
            while (channel.isOpen()) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                channel.send(buffer, from);
            }
        });
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void acceptLoop(ServerSocketChannel server, String kind) {
        start(kind + "-echo-accept", () -> {
            while (server.isOpen()) {
                SocketChannel connection = server.accept();
                open.add(connection);
                start(kind + "-echo", () -> {
                    var buffer = ByteBuffer.allocateDirect(65536);
                    while (connection.read(buffer) >= 0) {
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            connection.write(buffer);
                        }
                        buffer.clear();
                    }
                });
            }
        });
    }

    private interface Loop {
        void run() throws IOException;
    }

    private void start(String name, Loop loop) {
        var thread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException closed) {
                // the benchmark is over: the channel was closed under the loop
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** A client of a stream echo server: writes a message and reads as many bytes back. */
    static final class StreamClient implements AutoCloseable {
        private final SocketChannel channel;
        private final ByteBuffer out;
        private final ByteBuffer in;

        StreamClient(SocketAddress server, int messageBytes) {
            try {
                channel = server instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
                channel.connect(server);
                if (!(server instanceof UnixDomainSocketAddress)) {
                    channel.socket().setTcpNoDelay(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = ByteBuffer.allocateDirect(messageBytes);
            in = ByteBuffer.allocateDirect(messageBytes);
        }

        int roundTrip() throws IOException {
            out.clear();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            in.clear();
            while (in.hasRemaining()) {
                if (channel.read(in) < 0) {
                    throw new IOException("echo server closed the connection");
                }
            }
            return in.get(0);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** A client of the UDP echo server: one datagram out, one back. */
    static final class DatagramClient implements AutoCloseable {
        private final DatagramChannel channel;
        private final ByteBuffer out;
        private final ByteBuffer in = ByteBuffer.allocateDirect(65536);

        DatagramClient(InetSocketAddress server, int messageBytes) {
            try {
                channel = DatagramChannel.open();
                channel.connect(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = ByteBuffer.allocateDirect(messageBytes);
        }

        int roundTrip() throws IOException {
            out.clear();
            channel.write(out);
            in.clear();
            return channel.read(in);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable channel : open) {
            channel.close();
        }
        for (Thread thread : threads) {
            thread.join(2_000);
        }
    }
}
