package org.caliptra.util.cli.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.caliptra.util.cli.emulator.LoadContext.Expected;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.i3c.I3cCommandDescriptor;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;
import org.caliptra.util.protocol.i3c.I3cTargetFrame;
import org.caliptra.util.protocol.i3c.Pec;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.mctp.MctpMessage;
import org.caliptra.util.protocol.mctp.MctpPacket;
import org.caliptra.util.protocol.mctp.MctpPacketizer;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;

/**
 * The load test's hostile clients: while the well-behaved ones run, each adversary takes turns
 * through its endpoint's attacks — malformed headers, oversized and truncated frames, connections
 * dropped mid-frame, garbage, bad PEC and addresses, datagrams too large or too small — and checks
 * what the server documents for each (docs/protocols.md): a malformed
 * frame closes that connection, a dropped packet leaves it serving, an unmapped address is answered.
 * After a first round of every attack at once, an attack is launched each time the well-behaved
 * clients have answered another {@code pace} commands, so the attacks spread over the whole load.
 */
final class LoadAdversaries {
    /** Bound on every wait of an attack: for the server to close, or to answer. */
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The I3C target's dynamic address (docs/protocols.md). */
    private static final int TARGET = 0x08;

    private LoadAdversaries() {}

    /** What all adversaries did: attacks by name, and any answer the server owed and did not give. */
    static final class Record {
        final Map<String, AtomicLong> attacks = new ConcurrentSkipListMap<>();
        final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());

        void ran(String attack) {
            attacks.computeIfAbsent(attack, a -> new AtomicLong()).incrementAndGet();
        }

        long total() {
            return attacks.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /** One attack: null when the server did what it documents, else what it did instead. */
    @FunctionalInterface
    interface Attack {
        String run() throws IOException, InterruptedException;
    }

    record Named(String name, Attack attack) {}

    static final class Adversary implements Runnable {
        final String name;
        private final LoadContext load;
        private final Record record;
        private final List<Named> attacks;
        private final long pace;
        private final long offset;
        volatile boolean finished;

        Adversary(String name, LoadContext load, Record record, List<Named> attacks, long pace, long offset) {
            this.name = name;
            this.load = load;
            this.record = record;
            this.attacks = attacks;
            this.pace = pace;
            this.offset = offset;
        }

        @Override
        public void run() {
            try {
                for (long k = 0; ; k++) {
                    // The first round goes at once, so every attack is made whatever the pace; the rest keep pace.
                    long mark = k < attacks.size() ? 0 : offset + (k - attacks.size()) * pace;
                    if (!load.progress.awaitAtLeast(mark, load.deadlineNanos)) {
                        break;
                    }
                    Named a = attacks.get((int) (k % attacks.size()));
                    String violation;
                    try {
                        violation = a.attack().run();
                    } catch (IOException e) {
                        violation = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    record.ran(name + ": " + a.name());
                    if (violation != null) {
                        record.violations.add(name + ": " + a.name() + ": " + violation);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                record.violations.add(name + ": the adversary itself failed: " + e);
            } finally {
                finished = true;
            }
        }
    }

    static byte[] header(int magic, int version, int command, long payloadLength) {
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(magic).putShort((short) version)
                .putShort((short) command).putInt((int) payloadLength).array();
    }

    static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Sends {@code bytes} on a new connection and expects the server to close it. */
    static String closes(SocketAddress address, byte[] bytes, String what) throws IOException {
        try (var s = RawStream.open(address, WAIT)) {
            try {
                s.write(bytes, WAIT);
            } catch (IOException closedWhileWriting) {
                return null;
            }
            return s.closedByServer(WAIT) ? null : "the connection stayed open " + WAIT.toSeconds() + " s after " + what;
        }
    }

    /** Sends {@code bytes} on a new connection and disconnects. */
    static String sendsAndLeaves(SocketAddress address, byte[] bytes) throws IOException {
        try (var s = RawStream.open(address, WAIT)) {
            s.write(bytes, WAIT);
        }
        return null;
    }

    /** Sends {@code bytes} and holds the connection until the load has moved on a while, then drops it. */
    static String holds(LoadContext load, SocketAddress address, byte[] bytes, long pace) throws IOException, InterruptedException {
        try (var s = RawStream.open(address, WAIT)) {
            s.write(bytes, WAIT);
            load.progress.awaitAtLeast(load.progress.count() + pace, Math.min(load.deadlineNanos, System.nanoTime() + WAIT.toNanos()));
        }
        return null;
    }

    static byte[] prefix(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * The attacks on a CPTR or MBOX endpoint.
     *
     * @param request a valid request, and {@code reply} its answer
     * @param replyCommand the framing's answer command, which a server must not accept as a request
     * @param badLength a payload_len the framing refuses for {@code requestCommand}
     */
    static List<Named> framingAttacks(LoadContext load, SocketAddress address, SplittableRandom random, int magic, int requestCommand,
            int replyCommand, byte[] request, byte[] reply, long badLength, long pace) {
        byte[] payload = Arrays.copyOfRange(request, 12, request.length);
        var list = new ArrayList<Named>();
        list.add(new Named("wrong magic", () -> closes(address, concat(header(magic ^ 0x0101_0101, 1, requestCommand, payload.length),
                payload), "a wrong magic")));
        list.add(new Named("wrong version", () -> closes(address, concat(header(magic, 2, requestCommand, payload.length), payload),
                "version 2")));
        list.add(new Named("wrong command", () -> closes(address, concat(header(magic, 1, replyCommand, payload.length), payload),
                "a reply's command")));
        list.add(new Named("payload_len 0xFFFFFFFF", () -> closes(address, header(magic, 1, requestCommand, 0xFFFF_FFFFL),
                "payload_len 0xFFFFFFFF")));
        list.add(new Named("payload_len wrong for the command", () -> closes(address,
                concat(header(magic, 1, requestCommand, badLength), new byte[(int) badLength]), "payload_len " + badLength)));
        list.add(new Named("garbage", () -> {
            byte[] garbage = new byte[12 + random.nextInt(200)];
            random.nextBytes(garbage);
            garbage[0] = (byte) ~magic; // never the magic's first byte, so the header is refused
            return closes(address, garbage, "garbage");
        }));
        list.add(new Named("truncated header, disconnect", () -> sendsAndLeaves(address, prefix(request, 1 + random.nextInt(11)))));
        list.add(new Named("truncated payload, disconnect", () -> sendsAndLeaves(address,
                prefix(request, 12 + random.nextInt(request.length - 12)))));
        list.add(new Named("truncated frame held open, dropped later", () -> holds(load, address,
                prefix(request, 1 + random.nextInt(request.length - 1)), pace)));
        list.add(new Named("request, disconnect before the answer", () -> sendsAndLeaves(address, request)));
        list.add(new Named("256 requests at once, answers never read, dropped later", () -> holds(load, address,
                concat(java.util.Collections.nCopies(256, request).toArray(byte[][]::new)), pace)));
        list.add(new Named("three requests at once, dropped inside the fourth", () -> {
            try (var s = RawStream.open(address, WAIT)) {
                s.write(concat(request, request, request, prefix(request, request.length / 2)), WAIT);
                for (int i = 0; i < 3; i++) {
                    byte[] got = s.read(reply.length, WAIT);
                    if (!Arrays.equals(got, reply)) {
                        return "answer " + (i + 1) + " was " + LoadClients.Client.hex(got);
                    }
                }
            }
            return null;
        }));
        return list;
    }

    static List<Named> cptrAttacks(LoadContext load, SocketAddress address, SplittableRandom random, long pace) {
        Expected e = load.expected;
        byte[] request = new CptrMessage.ApbRead(e.registerAddresses()[0]).encode();
        byte[] reply = new CptrMessage.ApbReadData(e.registerValues()[0]).encode();
        var list = framingAttacks(load, address, random, CptrMessage.MAGIC, CptrMessage.APB_READ, CptrMessage.APB_RDATA, request, reply,
                8, pace);
        list.add(new Named("unmapped address", () -> {
            try (var s = RawStream.open(address, WAIT)) {
                s.write(concat(new CptrMessage.ApbRead(e.unmappedAddress()).encode(),
                        new CptrMessage.ApbWrite(e.unmappedAddress(), 0x1234_5678).encode(), request), WAIT);
                byte[] zero = s.read(16, WAIT);
                byte[] ack = s.read(12, WAIT);
                byte[] known = s.read(reply.length, WAIT);
                if (!Arrays.equals(zero, new CptrMessage.ApbReadData(0).encode())
                        || !Arrays.equals(ack, new CptrMessage.ApbWriteAck().encode()) || !Arrays.equals(known, reply)) {
                    return "answered " + LoadClients.Client.hex(concat(zero, ack, known));
                }
            }
            return null;
        }));
        return list;
    }

    static List<Named> mboxAttacks(LoadContext load, SocketAddress address, SplittableRandom random, long pace) {
        Expected e = load.expected;
        int code = McDeviceInfoCommands.MC_FIRMWARE_VERSION.code();
        byte[] request = MboxMessage.Execute.of(code, Expected.mcFirmwareVersionRequest(1)).encode();
        byte[] reply = new MboxMessage.Response(MailboxStatus.CMD_COMPLETE, Octets.of(e.mcFirmwareVersion1())).encode();
        var list = framingAttacks(load, address, random, MboxMessage.MAGIC, MboxMessage.MBOX_EXECUTE, MboxMessage.MBOX_RESPONSE,
                request, reply, 4, pace);
        list.add(new Named("dlen beyond the mailbox", () -> closes(address, concat(header(MboxMessage.MAGIC, 1, MboxMessage.MBOX_EXECUTE, 16),
                ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(code).putInt(0x7FFF_FFFF).array()), "dlen 0x7FFFFFFF")));
        list.add(new Named("dlen not matching payload_len", () -> closes(address, concat(header(MboxMessage.MAGIC, 1,
                MboxMessage.MBOX_EXECUTE, 16), ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(code).putInt(100).array()),
                "dlen 100 in a 16-byte payload")));
        return list;
    }

    static List<Named> i3cAttacks(LoadContext load, SplittableRandom random, long pace) {
        InetSocketAddress address = load.endpoints.i3c();
        Expected e = load.expected;
        byte[] good = i3cRequest(e.vdmRequests()[1], 1);
        var list = new ArrayList<Named>();
        list.add(new Named("wrong address", () -> closes(address, I3cCommandFrame.mctpWrite(TARGET + 1, packet(e.vdmRequests()[1], 0))
                .encode(), "a frame to 0x09")));
        list.add(new Named("data_length over 255", () -> {
            byte[] h = new byte[I3cCommandFrame.HEADER_SIZE];
            h[0] = TARGET;
            I3cCommandDescriptor.privateWrite(256 + random.nextInt(0xFFFF - 255)).encode(h, 1);
            return closes(address, h, "data_length over 255");
        }));
        list.add(new Named("cmd_attr not regular", () -> {
            byte[] frame = good.clone();
            frame[1] |= 1; // cmd_attr 1: an immediate transfer
            return closes(address, frame, "cmd_attr 1");
        }));
        list.add(new Named("garbage", () -> {
            byte[] garbage = new byte[I3cCommandFrame.HEADER_SIZE + random.nextInt(100)];
            random.nextBytes(garbage);
            garbage[0] = (byte) (TARGET + 1 + random.nextInt(0xF0)); // never the target: refused whatever follows
            return closes(address, garbage, "garbage");
        }));
        list.add(new Named("bad PEC dropped, then a good request answered", () -> {
            byte[] bad = i3cRequest(e.vdmRequests()[1], 0);
            bad[bad.length - 1] ^= (byte) 0xFF;
            return dropsThenAnswers(address, bad, e);
        }));
        list.add(new Named("malformed MCTP packet dropped, then a good request answered", () -> {
            byte[] packet = packet(e.vdmRequests()[1], 0);
            packet[0] = 0x0F; // header version 15
            return dropsThenAnswers(address, I3cCommandFrame.mctpWrite(TARGET, packet).encode(), e);
        }));
        list.add(new Named("truncated frame, disconnect", () -> sendsAndLeaves(address, prefix(good, 1 + random.nextInt(good.length - 1)))));
        list.add(new Named("truncated frame held open, dropped later", () -> holds(load, address,
                prefix(good, 1 + random.nextInt(good.length - 1)), pace)));
        list.add(new Named("request, disconnect before the answer", () -> sendsAndLeaves(address, good)));
        list.add(new Named("20 requests at once, never read, dropped later", () -> {
            var frames = new ArrayList<byte[]>();
            for (int i = 0; i < 20; i++) {
                frames.add(i3cRequest(e.vdmRequests()[1], i & 7));
            }
            return holds(load, address, concat(frames.toArray(byte[][]::new)), pace);
        }));
        list.add(new Named("private read with nothing queued", () -> {
            try (var s = RawStream.open(address, WAIT)) {
                s.write(I3cCommandFrame.privateRead(TARGET, 0).encode(), WAIT);
                byte[] got = s.read(I3cTargetFrame.HEADER_SIZE, WAIT);
                byte[] empty = I3cTargetFrame.readData(TARGET, new byte[0]).encode();
                return Arrays.equals(got, empty) ? null : "answered " + LoadClients.Client.hex(got);
            }
        }));
        return list;
    }

    private static byte[] packet(byte[] vdmRequest, int tag) {
        var packets = MctpPacketizer.packetize(0, 8, true, tag, MctpMessage.vdmBody(vdmRequest));
        return packets.get(0).encode();
    }

    private static byte[] i3cRequest(byte[] vdmRequest, int tag) {
        return I3cCommandFrame.mctpWrite(TARGET, packet(vdmRequest, tag)).encode();
    }

    /** A write the target must drop, then FirmwareVersion(1) with tag 1, which it must still answer. */
    private static String dropsThenAnswers(InetSocketAddress address, byte[] dropped, Expected e) throws IOException {
        try (var s = RawStream.open(address, WAIT)) {
            s.write(concat(dropped, i3cRequest(e.vdmRequests()[1], 1)), WAIT);
            while (true) {
                byte[] h = s.read(I3cTargetFrame.HEADER_SIZE, WAIT);
                var header = I3cTargetFrame.decodeHeader(h, 0);
                byte[] data = s.read(header.descriptor().dataLength(), WAIT);
                if (header.ibi() != 0) {
                    s.write(I3cCommandFrame.privateRead(TARGET, 0).encode(), WAIT);
                    continue;
                }
                MctpPacket packet = MctpPacket.decode(Pec.openRead(TARGET, data));
                byte[] body = packet.payload().toByteArray();
                byte[] vdm = Arrays.copyOfRange(body, 1, body.length);
                if (packet.header().messageTag() != 1 || packet.header().tagOwner() || !packet.header().som() || !packet.header().eom()
                        || !Arrays.equals(vdm, e.vdmAnswers()[1])) {
                    return "answered " + LoadClients.Client.hex(Pec.openRead(TARGET, data));
                }
                return null;
            }
        }
    }

    static List<Named> udpAttacks(LoadContext load, SplittableRandom random) {
        InetSocketAddress server = load.endpoints.udp();
        byte[] good = UdpMailboxDatagram.request(McDeviceInfoCommands.MC_FIRMWARE_VERSION.code(),
                McDeviceInfoCommands.MC_FIRMWARE_VERSION.encodeRequest(new McDeviceInfoCommands.FirmwareVersionRequest(1))).encode();
        var list = new ArrayList<Named>();
        list.add(new Named("oversized datagram", () -> {
            byte[] big = new byte[UdpMailboxDatagram.MAX_REQUEST_SIZE + 1
                    + random.nextInt(UdpMailboxDatagram.MAX_REPLY_SIZE - UdpMailboxDatagram.MAX_REQUEST_SIZE)];
            random.nextBytes(big);
            return udp(server, big, Reply.NONE);
        }));
        list.add(new Named("short datagram", () -> udp(server, prefix(good, random.nextInt(4)), Reply.NONE)));
        list.add(new Named("bad checksum, refused", () -> {
            byte[] bad = good.clone();
            bad[4] ^= 0x01;
            return udp(server, bad, Reply.FAILURE);
        }));
        list.add(new Named("truncated request, refused", () -> udp(server, prefix(good, 4 + random.nextInt(good.length - 4)),
                Reply.FAILURE)));
        list.add(new Named("garbage", () -> {
            byte[] garbage = new byte[4 + random.nextInt(300)];
            random.nextBytes(garbage);
            return udp(server, garbage, Reply.ANY);
        }));
        return list;
    }

    /** What the server sends back to a datagram: nothing (it is dropped), a failure reply, or whatever the device says. */
    private enum Reply { NONE, FAILURE, ANY }

    /** A datagram that should be answered and is not within this is sent again (UDP may lose either). */
    private static final Duration UDP_RESEND = Duration.ofMillis(500);
    private static final int UDP_SENDS = 10;

    /**
     * Sends one datagram from a fresh port and, unless the server drops it, keeps the port until the
     * reply arrives, sending it again (the server answers a retransmission once) while none comes:
     * a port given up earlier could be handed to a well-behaved client's fresh socket, which would
     * take the late reply for its own. No reply at all is not a violation: UDP may lose every copy.
     */
    private static String udp(InetSocketAddress server, byte[] datagram, Reply expected) throws IOException {
        try (var channel = DatagramChannel.open(); var selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.bind(new InetSocketAddress(server.getAddress(), 0));
            channel.register(selector, SelectionKey.OP_READ);
            var buffer = ByteBuffer.allocate(UdpMailboxDatagram.MAX_REPLY_SIZE + 1);
            for (int send = 0; send < (expected == Reply.NONE ? 1 : UDP_SENDS); send++) {
                channel.send(ByteBuffer.wrap(datagram), server);
                if (expected == Reply.NONE) {
                    return null;
                }
                long deadline = System.nanoTime() + UDP_RESEND.toNanos();
                while (System.nanoTime() - deadline < 0) {
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    selector.selectedKeys().clear();
                    if (channel.receive(buffer.clear()) != null) {
                        var reply = UdpMailboxDatagram.classifyReply(buffer.array(), buffer.position());
                        return expected == Reply.ANY || reply instanceof UdpMailboxDatagram.Reply.Failure ? null : "answered " + reply;
                    }
                }
            }
            return null;
        }
    }
}
