package org.caliptra.util.emulator.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;
import org.caliptra.util.protocol.i3c.I3cTargetFrame;
import org.caliptra.util.protocol.i3c.Pec;
import org.caliptra.util.protocol.mctp.MctpMessage;
import org.caliptra.util.protocol.mctp.MctpPacket;
import org.caliptra.util.protocol.mctp.MctpPacketizer;
import org.caliptra.util.protocol.mctp.MctpReassembler;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;

/**
 * Minimal clients of the two endpoints for the emulator's own socket tests, written from the
 * protocol codecs (the host library's drivers live in host-transport, which the emulator does not
 * see). Every read is bounded by {@link #TIMEOUT_MS}.
 */
final class SocketClients {
    static final int TIMEOUT_MS = 20_000;

    private SocketClients() {}

    /** One UDP mailbox client on its own socket. */
    static final class Udp implements AutoCloseable {
        private final DatagramSocket socket;
        private final InetSocketAddress server;

        Udp(InetSocketAddress server) throws IOException {
            this.server = server;
            this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            socket.setSoTimeout(TIMEOUT_MS);
        }

        byte[] exchange(byte[] datagram) throws IOException {
            send(datagram);
            return receive();
        }

        void send(byte[] datagram) throws IOException {
            socket.send(new DatagramPacket(datagram, datagram.length, server));
        }

        byte[] receive() throws IOException {
            byte[] buffer = new byte[UdpMailboxDatagram.MAX_REPLY_SIZE + 1];
            var packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return Arrays.copyOf(buffer, packet.getLength());
        }

        /** Waits {@code millis} for a datagram; true if one came. */
        boolean anythingWithin(int millis) throws IOException {
            socket.setSoTimeout(millis);
            try {
                receive();
                return true;
            } catch (java.net.SocketTimeoutException none) {
                return false;
            } finally {
                socket.setSoTimeout(TIMEOUT_MS);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** One MCTP-over-I3C client: EID 8 to the device's EID 0 at target 0x08, a tag counter of its own. */
    static final class I3c implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private int tag;

        I3c(InetSocketAddress server) throws IOException {
            socket = new Socket();
            socket.connect(server, TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        OutputStream out() {
            return out;
        }

        /** One VDM exchange: request message in (from the IANA id on), response message out. */
        byte[] exchange(byte[] vdm) throws IOException {
            int t = tag;
            tag = (tag + 1) & 7;
            for (MctpPacket p : MctpPacketizer.packetize(0, 8, true, t, MctpMessage.vdmBody(vdm))) {
                out.write(I3cCommandFrame.mctpWrite(8, p.encode()).encode());
            }
            out.flush();
            var reassembler = new MctpReassembler(8, MctpReassembler.Role.REQUESTER, 0x7F, MctpMessage.MAX_VDM_BODY, why -> {
                throw new AssertionError("client dropped a packet: " + why);
            });
            reassembler.expectTag(t);
            while (true) {
                I3cTargetFrame frame = readFrame();
                if (frame.isIbi()) {
                    out.write(I3cCommandFrame.privateRead(8, 0).encode());
                    out.flush();
                    continue;
                }
                if (frame.data().length() == 0) {
                    continue;
                }
                Optional<MctpMessage> done = reassembler.accept(MctpPacket.decode(Pec.openRead(8, frame.data().toByteArray())));
                if (done.isPresent()) {
                    return done.get().content();
                }
            }
        }

        I3cTargetFrame readFrame() throws IOException {
            byte[] header = new byte[I3cTargetFrame.HEADER_SIZE];
            in.readFully(header);
            var h = I3cTargetFrame.decodeHeader(header, 0);
            byte[] frame = Arrays.copyOf(header, header.length + h.descriptor().dataLength());
            in.readFully(frame, header.length, h.descriptor().dataLength());
            return I3cTargetFrame.decode(frame);
        }

        /** Whether the server closed the connection: the next read ends the stream (bounded by the socket timeout). */
        boolean closedByServer() throws IOException {
            try {
                return in.read() < 0;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
