package org.caliptra.util.emulator.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's socket server: any number of TCP, Unix-domain and UDP endpoints on one Netty
 * event loop group (epoll where its native library loads, NIO otherwise).
 *
 * <p>An endpoint is registered with a kind (its name in the ready lines and logs, e.g. "apb") and
 * a supplier of the handler that serves it: for a stream endpoint, one handler per accepted
 * connection (normally a {@link ChannelInitializer} that builds the connection's pipeline); for a
 * UDP endpoint, the one handler of its channel. This class knows no framing: the CPTR and MBOX
 * endpoints of a device come from {@link DeviceEndpoints}, and other endpoints plug in the same way.
 *
 * <p>Every stream connection gets an idle timeout first in its pipeline (closed after that long
 * without a byte either way; {@link Duration#ZERO} for none) and a guard last, which logs and closes
 * the connection on an error its own handlers did not handle. A connection's failures never reach
 * another connection.
 *
 * <p>{@link #start()} binds everything (port 0 picks a free port) and returns what was bound;
 * {@link #close()} closes every channel, waits a bounded time for the event loops, and removes the
 * Unix socket files it created.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    /** The default idle timeout: long enough for any interactive pause, short enough to reclaim dead peers. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);
    private static final long BIND_TIMEOUT_SECONDS = 30;
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    /** Which event loop the server runs. */
    public enum IoMode {
        /** epoll when its native library is available, else NIO. */
        AUTO,
        NIO,
        /** epoll; starting fails when it is not available. */
        EPOLL
    }

    private enum Kind { TCP, UNIX, UDP }

    private record Registration(Kind kind, String name, SocketAddress address, Path path, Supplier<ChannelHandler> handler) {}

    /**
     * One bound endpoint.
     *
     * @param kind the name it was registered under, e.g. "apb"
     * @param address the bound address: an {@link InetSocketAddress} with the real port, or a {@link UnixDomainSocketAddress}
     */
    public record Endpoint(String kind, SocketAddress address) {
        /** "127.0.0.1:40001", "[::1]:40001" or "unix:/run/c.sock". */
        public String printableAddress() {
            if (address instanceof UnixDomainSocketAddress unix) {
                return "unix:" + unix.getPath();
            }
            var inet = (InetSocketAddress) address;
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }

        /** The TCP or UDP port. */
        public int port() {
            return ((InetSocketAddress) address).getPort();
        }

        /** The socket file of a Unix endpoint. */
        public Path path() {
            return ((UnixDomainSocketAddress) address).getPath();
        }

        /** The ready line: "apb 127.0.0.1:40001". */
        @Override
        public String toString() {
            return kind + " " + printableAddress();
        }
    }

    private final List<Registration> registrations;
    private final Duration idleTimeout;
    private final IoMode ioMode;
    private final int threads;
    private final List<Channel> channels = new ArrayList<>();
    private final List<Path> socketFiles = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private EventLoopGroup group;
    private boolean epoll;
    private boolean started;
    private boolean closed;

    private EmulatorServer(Builder b) {
        this.registrations = List.copyOf(b.registrations);
        this.idleTimeout = b.idleTimeout;
        this.ioMode = b.ioMode;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers endpoints and settings; {@link #build()} makes the (not yet started) server. */
    public static final class Builder {
        private final List<Registration> registrations = new ArrayList<>();
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private IoMode ioMode = IoMode.AUTO;
        private int threads;

        private Builder() {}

        /** A TCP listener; {@code perConnection} supplies a new handler for each accepted connection. */
        public Builder tcp(String kind, InetSocketAddress address, Supplier<ChannelHandler> perConnection) {
            registrations.add(new Registration(Kind.TCP, checkKind(kind), Objects.requireNonNull(address, "address"), null,
                    Objects.requireNonNull(perConnection, "perConnection")));
            return this;
        }

        /** A Unix-domain stream listener at {@code path}; {@code perConnection} as for {@link #tcp}. */
        public Builder unix(String kind, Path path, Supplier<ChannelHandler> perConnection) {
            Objects.requireNonNull(path, "path");
            registrations.add(new Registration(Kind.UNIX, checkKind(kind), UnixDomainSocketAddress.of(path), path,
                    Objects.requireNonNull(perConnection, "perConnection")));
            return this;
        }

        /** A UDP socket; {@code handler} supplies the one handler of its channel (called once, at start). */
        public Builder udp(String kind, InetSocketAddress address, Supplier<ChannelHandler> handler) {
            registrations.add(new Registration(Kind.UDP, checkKind(kind), Objects.requireNonNull(address, "address"), null,
                    Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /** How long a stream connection may stay silent both ways before it is closed; zero for never. */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("idle timeout must not be negative: " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        public Builder ioMode(IoMode mode) {
            this.ioMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Event loop threads; 0 (the default) lets Netty choose (twice the processors). */
        public Builder threads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must not be negative: " + threads);
            }
            this.threads = threads;
            return this;
        }

        public EmulatorServer build() {
            return new EmulatorServer(this);
        }

        private static String checkKind(String kind) {
            if (kind == null || kind.isBlank() || kind.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("an endpoint kind is one word: '" + kind + "'");
            }
            return kind;
        }
    }

    /** The loopback address with {@code port}: where endpoints bind unless told otherwise. */
    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port);
    }

    /** Whether this server runs on epoll (else NIO); known after {@link #start()}. */
    public synchronized boolean usesEpoll() {
        return epoll;
    }

    /**
     * Binds every registered endpoint, in registration order.
     *
     * @return the bound endpoints, with the ports the system picked for port 0
     * @throws UncheckedIOException naming the endpoint that could not bind (everything bound so far is closed again)
     */
    public synchronized List<Endpoint> start() {
        if (started) {
            throw new IllegalStateException("the server was started already");
        }
        started = true;
        epoll = switch (ioMode) {
            case AUTO -> Epoll.isAvailable();
            case NIO -> false;
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("epoll is not available: " + Epoll.unavailabilityCause());
                }
                yield true;
            }
        };
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(threads, factory);
        try {
            for (Registration r : registrations) {
                bind(r);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.debug("serving {} endpoints on {}", endpoints.size(), epoll ? "epoll" : "NIO");
        return List.copyOf(endpoints);
    }

    /** What {@link #start()} bound. */
    public synchronized List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    private void bind(Registration r) {
        ChannelFuture future;
        SocketAddress bindTo = r.address();
        switch (r.kind()) {
            case TCP, UNIX -> {
                if (r.kind() == Kind.UNIX) {
                    clearStaleSocket(r);
                    if (epoll) {
                        bindTo = new DomainSocketAddress(r.path().toString());
                    }
                }
                Class<? extends ServerChannel> type = r.kind() == Kind.TCP
                        ? (epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                        : (epoll ? EpollServerDomainSocketChannel.class : NioServerDomainSocketChannel.class);
                future = new ServerBootstrap().group(group).channel(type).childHandler(connection(r)).bind(bindTo);
            }
            case UDP -> future = new Bootstrap().group(group).channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                    .handler(r.handler().get()).bind(bindTo);
            default -> throw new IllegalStateException(r.kind().toString());
        }
        if (!future.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            future.channel().close();
            throw failure(r.name() + " " + describe(r) + ": binding took more than "
                    + BIND_TIMEOUT_SECONDS + " s");
        }
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            throw failure(r.name() + " " + describe(r) + ": cannot bind: " + cause.getMessage(), cause);
        }
        Channel channel = future.channel();
        channels.add(channel);
        if (r.kind() == Kind.UNIX) {
            socketFiles.add(r.path());
            endpoints.add(new Endpoint(r.name(), r.address()));
        } else {
            endpoints.add(new Endpoint(r.name(), channel.localAddress()));
        }
    }

    private ChannelInitializer<Channel> connection(Registration r) {
        long idleMillis = idleTimeout.toMillis();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                // Answers written while one read is handled go out in one send when it ends: an I3C
                // IBI and the packet the client's early read takes, or a burst of pipelined replies.
                ch.pipeline().addLast("flush",
                        new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
                if (idleMillis > 0) {
                    ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
                }
                ch.pipeline().addLast("endpoint", r.handler().get());
                ch.pipeline().addLast("guard", new ConnectionGuard(r.name()));
            }
        };
    }

    /**
     * A socket file left by a server that is gone (it crashed, or was killed) is removed; a path that
     * is something else, or a socket some server still answers on, is an error.
     */
    private static void clearStaleSocket(Registration r) {
        Path path = r.path();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean socket;
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            socket = (mode & 0xF000) == 0xC000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            socket = false;
        }
        if (!socket) {
            throw failure(r.name() + " " + describe(r) + ": the path exists and is not a socket");
        }
        try (var probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(r.address());
            throw failure(r.name() + " " + describe(r) + ": another server is listening there");
        } catch (IOException refused) {
            try {
                Files.deleteIfExists(path);
                LOG.info("{} {}: removed the stale socket file of a server that is gone", r.name(), describe(r));
            } catch (IOException e) {
                throw failure(r.name() + " " + describe(r) + ": cannot remove the stale socket file: "
                        + e.getMessage(), e);
            }
        }
    }

    private static String describe(Registration r) {
        return r.kind() == Kind.UNIX ? "unix:" + r.path() : new Endpoint(r.name(), r.address()).printableAddress();
    }

    /** A bind failure whose message is the sentence itself (an UncheckedIOException would prefix the class name). */
    private static UncheckedIOException failure(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    private static UncheckedIOException failure(String message, Throwable cause) {
        return new UncheckedIOException(message, cause instanceof IOException io ? io : new IOException(message, cause));
    }

    /** Closes every endpoint and connection, stops the event loops (waiting a bounded time) and removes the socket files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        if (group != null) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        }
        for (Path file : socketFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot remove socket file {}: {}", file, e.getMessage());
            }
        }
    }
}
