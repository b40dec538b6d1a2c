package org.caliptra.util.host.transport.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link UdpMailboxDriver} against a scripted server that loses, delays, corrupts and misroutes replies. */
class UdpMailboxDriverTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int MFWV = 0x4D46_5756;
    /** MFWV request index 0 and the "2.0.0" response of spec/hostlib.md §3.1. */
    private static final byte[] REQUEST = HEX.parseHex("c0feffff00000000");
    private static final byte[] RESPONSE = HEX.parseHex("0dffffff00000000050000" + "00322e302e30");
    private static final Duration SHORT = Duration.ofMillis(300);

    private FakeUdpServer server;
    private UdpMailboxDriver driver;

    private UdpMailboxDriver driver(FakeUdpServer.Script script, Duration timeout, int retries) throws Exception {
        server = new FakeUdpServer(script);
        driver = new UdpMailboxDriver(server.address(), timeout, retries);
        driver.connect();
        return driver;
    }

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.disconnect();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneDatagramOutTheResponseBack() throws Exception {
        var d = driver((r, s) -> s.reply(r, RESPONSE), SHORT, 2);
        assertArrayEquals(RESPONSE, d.sendCommand(MFWV, REQUEST));
        // The wire bytes of §3.2: command LE, then the SRAM bytes.
        assertArrayEquals(HEX.parseHex("5657464d" + "c0feffff00000000"), server.received().get(0).bytes());
        assertEquals(0, d.retransmissions());
        // A clean exchange keeps its socket for a different command (MFWV index 1, §3.1)...
        d.sendCommand(MFWV, HEX.parseHex("bffeffff01000000"));
        assertEquals(server.received().get(0).from(), server.received().get(1).from());
        // ...but the same bytes again are a new command, sent from a new port, or the server would
        // take them for a retransmission and answer from its cache.
        d.sendCommand(MFWV, HEX.parseHex("bffeffff01000000"));
        assertNotEquals(server.received().get(1).from(), server.received().get(2).from());
        assertEquals(0, d.retransmissions());
        assertEquals("udp 127.0.0.1:" + server.address().getPort(), d.name());
    }

    @Test
    void noReplyIsATimeoutAfterEveryRetransmissionOfTheSameBytes() throws Exception {
        var d = driver((r, s) -> { }, SHORT, 2);
        var e = assertThrows(MailboxException.class, () -> d.sendCommand(MFWV, REQUEST));
        assertEquals(MailboxException.Kind.TIMEOUT, e.kind());
        assertEquals("no reply from " + d.name() + " within 300 ms after 3 transmissions", e.getMessage());
        assertEquals(2, d.retransmissions());
        assertEquals(3, server.received().size());
        server.received().forEach(r -> assertArrayEquals(server.received().get(0).bytes(), r.bytes()));
        assertTrue(d.isReady(), "a timeout leaves the driver usable, on a fresh socket");
        // Through the transport: a TIMEOUT that may have run.
        var t = transport(d);
        t.connect();
        var te = assertThrows(TransportException.class, () -> t.send(1, new byte[4]));
        assertEquals(Kind.TIMEOUT, te.kind());
        assertTrue(te.mayHaveExecuted());
        var once = new UdpMailboxDriver(server.address(), SHORT, 0);
        once.connect();
        assertThrows(MailboxException.class, () -> once.sendCommand(MFWV, REQUEST));
        assertEquals(0, once.retransmissions());
        once.disconnect();
    }

    @Test
    void aLostReplyIsRecoveredByRetransmissionAndItsLateTwinDoesNotAnswerTheNextCommand() throws Exception {
        var count = new AtomicInteger();
        var d = driver((r, s) -> {
            if (count.getAndIncrement() == 1) {
                // The second transmission is answered; then the first one's reply arrives, late.
                s.reply(r, RESPONSE);
                s.reply(s.received().get(0), RESPONSE);
            }
        }, SHORT, 2);
        assertArrayEquals(RESPONSE, d.sendCommand(MFWV, REQUEST));
        assertEquals(1, d.retransmissions());
        byte[] other = MailboxFrame.sealResponse(0, new byte[] {1, 2, 3, 4});
        server.script((r, s) -> s.reply(r, other));
        assertArrayEquals(other, d.sendCommand(MFWV, REQUEST), "the late duplicate was taken for the next answer");
        assertNotEquals(server.received().get(0).from(), server.received().get(2).from(), "after a retransmission the socket is new");
    }

    /**
     * The socket replaced after a retransmission keeps its port until the late duplicate can no
     * longer come: closed at once, the port could go straight to another socket of the host — found
     * under load, where a driver's fresh socket got the port another driver had just left and took
     * that driver's late SHA digest for the answer to its own MC_FIRMWARE_VERSION.
     */
    @Test
    void aReplacedSocketKeepsItsPortSoNoOtherSocketCatchesItsLateDuplicate() throws Exception {
        var count = new AtomicInteger();
        var d = driver((r, s) -> {
            if (count.getAndIncrement() % 2 == 1) {
                s.reply(r, RESPONSE); // every command is answered on its second transmission
            }
        }, SHORT, 3);
        assertArrayEquals(RESPONSE, d.sendCommand(MFWV, REQUEST));
        int first = port(server.received().get(0));
        assertBound(first, "the port the late duplicate is addressed to");
        assertEquals(1, d.lingeringSockets());
        // Still bound across later commands (each on a port of its own)...
        assertArrayEquals(RESPONSE, d.sendCommand(MFWV, HEX.parseHex("bffeffff01000000")));
        int second = port(server.received().get(2));
        assertNotEquals(first, second);
        assertBound(first, "the first replaced port, within its linger");
        // ...until its time is up: a command that goes unanswered for 4 × 300 ms outlasts the 1 s linger,
        // and the next command closes the sockets replaced that long ago.
        server.script((r, s) -> { });
        assertEquals(MailboxException.Kind.TIMEOUT, assertThrows(MailboxException.class, () -> d.sendCommand(MFWV, REQUEST)).kind());
        server.script((r, s) -> s.reply(r, RESPONSE));
        assertArrayEquals(RESPONSE, d.sendCommand(MFWV, HEX.parseHex("bffeffff01000000")));
        assertFree(first);
        assertFree(second);
        // disconnect() releases whatever still lingers.
        server.script((r, s) -> {
            if (count.getAndIncrement() % 2 == 1) {
                s.reply(r, RESPONSE);
            }
        });
        count.set(0);
        int before = server.received().size();
        assertArrayEquals(RESPONSE, d.sendCommand(MFWV, REQUEST));
        int third = port(server.received().get(before));
        assertBound(third, "the port just replaced");
        d.disconnect();
        assertEquals(0, d.lingeringSockets());
        assertFree(third);
    }

    @Test
    void aSocketReplacedAfterACleanExchangeIsClosedAtOnce() throws Exception {
        var d = driver((r, s) -> s.reply(r, RESPONSE), SHORT, 2);
        d.sendCommand(MFWV, REQUEST);
        d.sendCommand(MFWV, REQUEST); // the same bytes: a new port, and nothing late is on its way to the old one
        assertNotEquals(server.received().get(0).from(), server.received().get(1).from());
        assertEquals(0, d.lingeringSockets());
        assertFree(port(server.received().get(0)));
    }

    private static int port(FakeUdpServer.Received r) {
        return ((java.net.InetSocketAddress) r.from()).getPort();
    }

    private static void assertBound(int port, String what) throws Exception {
        try (var other = java.nio.channels.DatagramChannel.open()) {
            assertThrows(java.net.BindException.class, () -> other.bind(new java.net.InetSocketAddress("127.0.0.1", port)), what);
        }
    }

    private static void assertFree(int port) throws Exception {
        try (var other = java.nio.channels.DatagramChannel.open()) {
            other.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void repliesFromElsewhereOrThatDoNotVerifyAreIgnored() throws Exception {
        byte[] corrupt = RESPONSE.clone();
        corrupt[corrupt.length - 1] ^= 1;
        var d = driver((r, s) -> {
            s.replyFromOtherPort(r, RESPONSE);
            s.reply(r, corrupt);
            s.reply(r, java.util.Arrays.copyOf(RESPONSE, 6));
            s.reply(r, RESPONSE);
        }, Duration.ofSeconds(10), 0);
        assertArrayEquals(RESPONSE, d.sendCommand(MFWV, REQUEST));
        assertEquals(3, d.ignoredReplies());
        // Only wrong replies: a timeout, not one of them.
        server.script((r, s) -> {
            s.replyFromOtherPort(r, RESPONSE);
            s.reply(r, corrupt);
        });
        var quick = new UdpMailboxDriver(server.address(), SHORT, 1);
        quick.connect();
        assertEquals(MailboxException.Kind.TIMEOUT, assertThrows(MailboxException.class, () -> quick.sendCommand(MFWV, REQUEST)).kind());
        assertEquals(4, quick.ignoredReplies());
        quick.disconnect();
    }

    @Test
    void failureRepliesAreTheDevicesRefusal() throws Exception {
        var reply = new java.util.concurrent.atomic.AtomicReference<byte[]>(UdpMailboxDatagram.failureReply(0x0006_0002));
        var d = driver((r, s) -> s.reply(r, reply.get()), SHORT, 2);
        var coded = assertThrows(MailboxException.class, () -> d.sendCommand(MFWV, REQUEST));
        assertEquals(MailboxException.Kind.DEVICE_ERROR, coded.kind());
        assertEquals(0x0006_0002, coded.deviceErrorCode());
        var t = transport(d);
        t.connect();
        var te = assertThrows(TransportException.class, () -> t.send(1, new byte[4]));
        assertEquals(Kind.DEVICE_ERROR, te.kind());
        assertEquals(0x0006_0002, te.deviceErrorCode().orElseThrow());
        // The reference servers' replies: empty (hw-model responder) and FF (mock server), no code.
        for (byte[] uncoded : List.of(new byte[0], new byte[] {(byte) 0xFF})) {
            reply.set(uncoded);
            var e = assertThrows(MailboxException.class, () -> d.sendCommand(MFWV, REQUEST));
            assertEquals(MailboxException.Kind.INVALID_COMMAND, e.kind());
            assertEquals("the server answered with a failure reply that carries no error code", e.getMessage());
        }
        assertEquals(0, d.retransmissions(), "a failure reply is an answer");
    }

    @Test
    void oversizedRequestsAndUnconnectedDriversSendNothing() throws Exception {
        var d = driver((r, s) -> s.reply(r, RESPONSE), SHORT, 0);
        var big = assertThrows(MailboxException.class, () -> d.sendCommand(MFWV, new byte[UdpMailboxDatagram.MAX_SRAM + 1]));
        assertEquals(MailboxException.Kind.BUFFER_OVERFLOW, big.kind());
        assertEquals("request of 16385 bytes exceeds the 16384 bytes of mailbox SRAM a UDP datagram carries", big.getMessage());
        d.disconnect();
        assertFalse(d.isReady());
        assertEquals(MailboxException.Kind.NOT_READY, assertThrows(MailboxException.class, () -> d.sendCommand(MFWV, REQUEST)).kind());
        assertEquals(List.of(), server.received());
        var t = transport(d);
        assertEquals(Kind.BUFFER_ERROR, assertThrows(TransportException.class, () -> {
            t.connect();
            t.send(1, new byte[UdpMailboxDatagram.MAX_SRAM]);
        }).kind());
    }

    @Test
    void disconnectAbortsAWaitInProgress() throws Exception {
        var d = driver((r, s) -> { }, Duration.ofSeconds(60), 0);
        var call = CompletableFuture.supplyAsync(() -> d.sendCommand(MFWV, REQUEST));
        server.nextArrival();
        d.disconnect();
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
        var cause = (MailboxException) e.getCause();
        assertEquals(MailboxException.Kind.COMMUNICATION_ERROR, cause.kind());
        assertTrue(cause.getMessage().startsWith(d.name() + ": receiving failed after transmission 1"), cause.getMessage());
    }

    private static MailboxTransport transport(UdpMailboxDriver d) {
        MailboxCommandMapping m = new MailboxCommandMapping() {
            public int commandId() { return 1; }
            public int externalCommand() { return MFWV; }
            public String name() { return "MC_FIRMWARE_VERSION"; }
            public byte[] toExternalRequest(byte[] r) { return r; }
            public byte[] toInternalResponse(MailboxFrame.Response r) {
                return ByteBuffer.allocate(4 + r.fields().length).order(ByteOrder.LITTLE_ENDIAN).putInt(r.fipsStatus()).put(r.fields()).array();
            }
        };
        return new MailboxTransport(d, MailboxCommandTable.of(List.of(m)));
    }
}
