package org.caliptra.util.host.transport.socket;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving UDP mailbox server for the client's tests: it records every datagram and answers
 * each as its script says — the right bytes, other bytes, from another socket, late, or not at all.
 */
final class FakeUdpServer implements AutoCloseable {
    /** What to do with one received datagram. */
    interface Script {
        void answer(Received request, FakeUdpServer server) throws IOException;
    }

    record Received(byte[] bytes, SocketAddress from) {}

    private final DatagramSocket socket;
    private final DatagramSocket other;
    private final Thread thread;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private volatile Script script;

    FakeUdpServer(Script script) throws IOException {
        this.script = script;
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        other = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        thread = new Thread(this::serve, "fake-udp-server");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void script(Script s) {
        script = s;
    }

    List<Received> received() {
        return received;
    }

    /** The next datagram to arrive, waiting at most 10 s. */
    Received nextArrival() throws InterruptedException {
        Received r = arrivals.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no datagram reached the server within 10 s");
        }
        return r;
    }

    void reply(Received to, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, to.from()));
    }

    void replyFromOtherPort(Received to, byte[] bytes) throws IOException {
        other.send(new DatagramPacket(bytes, bytes.length, to.from()));
    }

    private void serve() {
        byte[] buffer = new byte[70_000];
        while (!socket.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                var r = new Received(Arrays.copyOf(buffer, packet.getLength()), packet.getSocketAddress());
                received.add(r);
                arrivals.add(r);
                script.answer(r, this);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        other.close();
        thread.join(10_000);
    }
}
