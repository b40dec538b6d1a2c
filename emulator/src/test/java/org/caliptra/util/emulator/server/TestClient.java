package org.caliptra.util.emulator.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.FrameHeader;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.caliptra.util.protocol.socket.SocketCodec;
import org.caliptra.util.protocol.socket.SocketMessage;

/**
 * A minimal blocking client for the tests, over TCP or a Unix socket. Its reads block; the tests
 * bound them by running clients as futures with a timeout (an interrupted or abandoned read ends
 * when the channel closes).
 */
final class TestClient implements AutoCloseable {
    private final SocketChannel channel;

    private TestClient(SocketChannel channel) {
        this.channel = channel;
    }

    static TestClient connect(EmulatorServer.Endpoint endpoint) {
        try {
            SocketChannel ch = endpoint.address() instanceof UnixDomainSocketAddress
                    ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
            ch.connect(endpoint.address());
            return new TestClient(ch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(byte[] bytes) {
        try {
            var b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] read(int n) {
        var b = ByteBuffer.allocate(n);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) {
                    throw new EOFException("the server closed the connection after " + b.position() + " of " + n + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.array();
    }

    /** Whether the server closed the connection: the next read ends the stream (or is reset). */
    boolean closedByServer() {
        try {
            return channel.read(ByteBuffer.allocate(1)) < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    <M extends SocketMessage> M exchange(SocketMessage request, SocketCodec<M> replies) {
        send(request.encode());
        byte[] head = read(FrameHeader.SIZE);
        FrameHeader header = FrameHeader.decode(head, 0);
        replies.checkHeader(header);
        return replies.decodePayload(header, read((int) header.payloadLength()));
    }

    MboxMessage.Response execute(int command, byte[] sram) {
        return exchange(MboxMessage.Execute.of(command, sram), MboxMessage.RESPONSES);
    }

    /** This connection as a register bus: one CPTR exchange per access. */
    RegisterBus bus() {
        return new RegisterBus() {
            @Override
            public int read32(int address) {
                return ((CptrMessage.ApbReadData) exchange(new CptrMessage.ApbRead(address), CptrMessage.REPLIES)).data();
            }

            @Override
            public void write32(int address, int value) {
                exchange(new CptrMessage.ApbWrite(address, value), CptrMessage.REPLIES);
            }
        };
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do in a test
        }
    }
}
