package org.caliptra.util.host.transport.socket;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;

/**
 * A scripted I3C socket server for the client's tests: it accepts one connection and hands it to
 * the script, which reads command frames and writes whatever bytes the test wants — right or wrong.
 */
final class FakeI3cServer implements AutoCloseable {
    /** One accepted connection, as the script sees it. */
    static final class Connection {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        /** The next command frame's bytes, header and payload. */
        byte[] readFrame() throws IOException {
            byte[] header = new byte[I3cCommandFrame.HEADER_SIZE];
            in.readFully(header);
            int length = I3cCommandFrame.decodeHeader(header, 0).payloadLength();
            byte[] frame = Arrays.copyOf(header, header.length + length);
            in.readFully(frame, header.length, length);
            return frame;
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Whether the client closed its end: the next read ends the stream. */
        boolean clientClosed() throws IOException {
            try {
                return in.read() < 0;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        void close() throws IOException {
            socket.close();
        }
    }

    interface Script {
        void run(Connection c) throws Exception;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Void> done;

    FakeI3cServer(Script script) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        done = CompletableFuture.runAsync(() -> {
            try (Socket s = listener.accept()) {
                script.run(new Connection(s));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Waits (bounded) for the script to end, rethrowing its failure. */
    void finish() throws Exception {
        done.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
