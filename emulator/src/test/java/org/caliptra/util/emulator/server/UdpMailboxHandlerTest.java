package org.caliptra.util.emulator.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;
import org.junit.jupiter.api.Test;

/** {@link UdpMailboxHandler} on an {@link EmbeddedChannel}, over a scripted mailbox port. */
class UdpMailboxHandlerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40_000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 62_222);

    private final List<String> log = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();

    private EmbeddedChannel channel(Function<Integer, MailboxReply> replies, Executor executor) {
        MailboxPort port = (command, request) -> {
            calls.add(String.format("%08x:%s", command, HEX.formatHex(request)));
            return replies.apply(command);
        };
        return new EmbeddedChannel(new UdpMailboxHandler(port, executor, log::add));
    }

    private static DatagramPacket datagram(byte[] bytes) {
        return new DatagramPacket(Unpooled.wrappedBuffer(bytes), SERVER, CLIENT);
    }

    @Test
    void aRequestIsOneMailboxTransactionAnsweredToItsSender() {
        byte[] response = HEX.parseHex("0dffffff00000000050000" + "00322e302e30");
        var ch = channel(c -> new MailboxReply.Data(response), Runnable::run);
        // MFWV index 0 (spec/hostlib.md §3.1).
        ch.writeInbound(datagram(HEX.parseHex("5657464d" + "c0feffff00000000")));
        assertEquals(List.of("4d465756:c0feffff00000000"), calls);
        DatagramPacket reply = ch.readOutbound();
        assertEquals(CLIENT, reply.recipient());
        assertArrayEquals(response, ByteBufUtil.getBytes(reply.content()));
        reply.release();
        assertEquals(List.of(), log);
    }

    @Test
    void aRetransmissionIsAnsweredFromTheFirstCopysReplyWithoutRunningAgain() {
        var served = new java.util.concurrent.atomic.AtomicInteger();
        var ch = channel(c -> new MailboxReply.Data(new byte[] {(byte) served.incrementAndGet(), 0, 0, 0}), Runnable::run);
        byte[] random = HEX.parseHex("52474e4d" + "0000000020000000"); // any request: the handler does not parse it
        ch.writeInbound(datagram(random));
        ch.writeInbound(datagram(random));
        assertEquals(1, calls.size(), "the retransmission ran on the device");
        assertArrayEquals(new byte[] {1, 0, 0, 0}, ByteBufUtil.getBytes(((DatagramPacket) ch.readOutbound()).content()));
        assertArrayEquals(new byte[] {1, 0, 0, 0}, ByteBufUtil.getBytes(((DatagramPacket) ch.readOutbound()).content()),
                "the retransmission gets the first copy's reply");
        // The same bytes from another port are another client's command; after a different command
        // from this port, they are a new command of this client.
        var other = new InetSocketAddress("127.0.0.1", 40_001);
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(random), SERVER, other));
        ch.writeInbound(datagram(HEX.parseHex("5657464d" + "c0feffff00000000")));
        ch.writeInbound(datagram(random));
        assertEquals(4, calls.size());
        assertEquals(4, served.get());
        assertEquals(List.of(), log);
    }

    @Test
    void aRetransmissionWhileTheFirstCopyRunsIsNotQueuedAgain() {
        var queued = new ArrayDeque<Runnable>();
        var ch = channel(c -> new MailboxReply.Data(new byte[] {7, 0, 0, 0}), queued::add);
        byte[] request = HEX.parseHex("5657464d" + "c0feffff00000000");
        ch.writeInbound(datagram(request));
        ch.writeInbound(datagram(request));
        assertEquals(1, queued.size(), "the retransmission was queued for the device too");
        queued.poll().run();
        ch.runPendingTasks(); // the answer comes back to the event loop, as from a device thread
        assertEquals(1, calls.size());
        assertArrayEquals(new byte[] {7, 0, 0, 0}, ByteBufUtil.getBytes(((DatagramPacket) ch.readOutbound()).content()));
        assertNull(ch.readOutbound());
    }

    @Test
    void aRequestTheBusyMailboxRefusedRunsWhenRetransmitted() {
        var busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        var ch = channel(c -> busy.getAndSet(false) ? new MailboxReply.Busy() : new MailboxReply.Data(new byte[] {9, 0, 0, 0}), Runnable::run);
        byte[] request = HEX.parseHex("5657464d" + "c0feffff00000000");
        ch.writeInbound(datagram(request));
        assertNull(ch.readOutbound());
        ch.writeInbound(datagram(request));
        assertEquals(2, calls.size(), "nothing ran the first time, so the retransmission must reach the device");
        assertArrayEquals(new byte[] {9, 0, 0, 0}, ByteBufUtil.getBytes(((DatagramPacket) ch.readOutbound()).content()));
    }

    @Test
    void theReceiveBufferIsOneByteOverTheBoundSoOversizeIsSeen() {
        var ch = channel(c -> new MailboxReply.Complete(), Runnable::run);
        var allocator = assertInstanceOf(FixedRecvByteBufAllocator.class, ch.config().getRecvByteBufAllocator());
        assertEquals(UdpMailboxDatagram.MAX_REQUEST_SIZE + 1, allocator.newHandle().guess());
    }

    @Test
    void shortAndOversizedDatagramsAreDroppedWithOneLineEach() {
        var ch = channel(c -> new MailboxReply.Data(new byte[8]), Runnable::run);
        ch.writeInbound(datagram(new byte[3]));
        ch.writeInbound(datagram(new byte[UdpMailboxDatagram.MAX_REQUEST_SIZE + 1]));
        assertEquals(List.of(), calls);
        assertNull(ch.readOutbound());
        assertEquals(List.of("udp 127.0.0.1:40000: datagram dropped: UDP mailbox request: 3 bytes, shorter than the 4-byte command code",
                "udp 127.0.0.1:40000: datagram dropped: UDP mailbox request: 16389 bytes or more, over the 16388-byte bound "
                        + "(command code and 16384 bytes of mailbox SRAM)"), log);
        // The largest request is served.
        ch.writeInbound(datagram(new byte[UdpMailboxDatagram.MAX_REQUEST_SIZE]));
        assertEquals(1, calls.size());
        ((DatagramPacket) ch.readOutbound()).release();
    }

    @Test
    void withoutDataTheReplyIsAFailureReplyAndTheLogSaysWhy() {
        var replies = new ArrayDeque<MailboxReply>(List.of(new MailboxReply.Failure(0x0600_0001), new MailboxReply.Complete(),
                new MailboxReply.Timeout(1000)));
        var ch = channel(c -> replies.poll(), Runnable::run);
        // FF then the device's error code (LE), or 0 when it gave none.
        // Each from a port of its own, as the same bytes again from one port are a retransmission.
        int port = CLIENT.getPort();
        for (String expected : List.of("ff01000006", "ff00000000", "ff00000000")) {
            var client = new InetSocketAddress("127.0.0.1", port++);
            ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(HEX.parseHex("5041434d" + "dffeffff")), SERVER, client));
            DatagramPacket reply = ch.readOutbound();
            assertEquals(expected, HEX.formatHex(ByteBufUtil.getBytes(reply.content())));
            assertEquals(client, reply.recipient());
            reply.release();
        }
        assertEquals(3, log.size());
        assertTrue(log.get(0).startsWith("udp 127.0.0.1:40000: command 0x4D434150: failed on the device with "), log.get(0));
        assertTrue(log.get(0).endsWith("(0x06000001); failure reply"), log.get(0));
        assertTrue(log.get(1).contains("completed without response data; failure reply"), log.get(1));
        assertTrue(log.get(1).startsWith("udp 127.0.0.1:40001: "), log.get(1));
        assertTrue(log.get(2).contains("did not answer within 1000 status polls; failure reply"), log.get(2));
    }

    @Test
    void aDeviceThatFailsGetsAFailureReplyAndABusyMailboxNone() {
        var ch = channel(c -> {
            throw new IllegalStateException("the device is closed");
        }, Runnable::run);
        ch.writeInbound(datagram(new byte[8]));
        DatagramPacket reply = ch.readOutbound();
        assertEquals("ff00000000", HEX.formatHex(ByteBufUtil.getBytes(reply.content())));
        reply.release();
        assertEquals(List.of("udp 127.0.0.1:40000: command 0x00000000: the device failed (the device is closed); failure reply"), log);

        log.clear();
        var busy = channel(c -> new MailboxReply.Busy(), Runnable::run);
        busy.writeInbound(datagram(new byte[8]));
        assertNull(busy.readOutbound());
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("locked by another requester; no reply"), log.get(0));
    }

    @Test
    void atMostMaxInFlightDatagramsWaitForTheDevice() {
        var queued = new ArrayDeque<Runnable>();
        var ch = channel(c -> new MailboxReply.Data(new byte[8]), queued::add);
        for (int i = 0; i <= UdpMailboxHandler.MAX_IN_FLIGHT; i++) {
            ch.writeInbound(datagram(new byte[] {(byte) i, 0, 0, 0}));
        }
        assertEquals(UdpMailboxHandler.MAX_IN_FLIGHT, queued.size());
        assertEquals(List.of("udp 127.0.0.1:40000: datagram dropped: 256 requests already wait for the device"), log);
        queued.forEach(Runnable::run);
        ch.runPendingTasks();
        int replies = 0;
        for (DatagramPacket p; (p = ch.readOutbound()) != null; replies++) {
            p.release();
        }
        assertEquals(UdpMailboxHandler.MAX_IN_FLIGHT, replies);
        // Answered, so room again.
        ch.writeInbound(datagram(new byte[4]));
        assertEquals(1, queued.size() - UdpMailboxHandler.MAX_IN_FLIGHT);
    }
}
