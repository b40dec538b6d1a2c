package org.caliptra.util.host.transport.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.i3c.I3cTargetFrame;
import org.caliptra.util.protocol.mctp.MctpMessage;
import org.caliptra.util.protocol.mctp.MctpPacket;
import org.caliptra.util.protocol.mctp.MctpPacketizer;
import org.caliptra.util.protocol.mctp.MctpTransportHeader;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link I3cSocketMctpDriver} against a scripted server: the spec's bytes, and replies that are wrong in each way. */
class I3cSocketMctpDriverTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] IBI = HEX.parseHex("ae0800000000");
    private static final byte[] READ_REQUEST = HEX.parseHex("080000002000000000");
    private static final byte[] FIRMWARE_VERSION = HEX.parseHex("0000a67f800100000000");
    private static final byte[] CAPABILITIES = HEX.parseHex("0000a67f8002");
    private static final byte[] VERSION_RESPONSE = new VdmMessage.Response(0x01, 0, Octets.of(Arrays.copyOf("2.0.0".getBytes(), 32)))
            .encode();
    private static final Duration SHORT = Duration.ofMillis(400);

    private FakeI3cServer server;
    private I3cSocketMctpDriver driver;

    private I3cSocketMctpDriver driver(FakeI3cServer.Script script, Duration timeout) throws Exception {
        server = new FakeI3cServer(script);
        driver = new I3cSocketMctpDriver(server.address(), 0x08, timeout);
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

    /** The response to {@code tag} as the target answers it: one read-data frame per packet, PEC appended. */
    private static List<byte[]> responseFrames(int tag, byte[] vdm) {
        return MctpPacketizer.packetize(8, 0, false, tag, MctpMessage.vdmBody(vdm)).stream()
                .map(p -> I3cTargetFrame.mctpRead(8, p.encode()).encode()).toList();
    }

    /** The next request's frame, and the private read the client sends right behind it without waiting for an IBI. */
    private static byte[] request(FakeI3cServer.Connection c) throws Exception {
        byte[] request = c.readFrame();
        assertArrayEquals(READ_REQUEST, c.readFrame(), "the early private read follows the request");
        return request;
    }

    /**
     * Serves a response as the endpoint does when the device answers at once: the first packet is
     * queued and announced before the client's early read arrives, so that read takes it; each
     * further packet is announced and taken by the read the client sends for its IBI.
     */
    private static void answerAtOnce(FakeI3cServer.Connection c, List<byte[]> frames) throws Exception {
        c.write(IBI);
        c.write(frames.get(0));
        announceAndServe(c, frames.subList(1, frames.size()));
    }

    /** Each frame announced with an IBI and sent for the private read the client answers it with. */
    private static void announceAndServe(FakeI3cServer.Connection c, List<byte[]> frames) throws Exception {
        for (byte[] frame : frames) {
            c.write(IBI);
            assertArrayEquals(READ_REQUEST, c.readFrame());
            c.write(frame);
        }
    }

    @Test
    void theWorkedRequestsGoOutByteForByteWithTags0And1() throws Exception {
        byte[] capsResponse = new VdmMessage.Response(0x02, 0, Octets.zeros(36)).encode();
        var d = driver(c -> {
            assertArrayEquals(HEX.parseHex("080000000000001000" + "010008c87f0000a67f800100000000" + "35"), request(c));
            answerAtOnce(c, responseFrames(0, VERSION_RESPONSE));
            assertArrayEquals(HEX.parseHex("080000000000000c00" + "010008c97f0000a67f8002" + "20"), request(c));
            answerAtOnce(c, responseFrames(1, capsResponse));
        }, Duration.ofSeconds(10));
        assertArrayEquals(VERSION_RESPONSE, d.sendRequest(FIRMWARE_VERSION));
        assertArrayEquals(capsResponse, d.sendRequest(CAPABILITIES));
        server.finish();
        assertEquals(0, d.droppedPackets());
        assertEquals("i3c 127.0.0.1:" + server.address().getPort() + " target 0x08", d.name());
    }

    @Test
    void aLongResponseIsReassembledFromItsPackets() throws Exception {
        byte[] log = new byte[8 + 900];
        Arrays.fill(log, 8, log.length, (byte) 0x5A);
        byte[] response = new VdmMessage.Response(0x03, 0, Octets.of(log)).encode();
        var frames = responseFrames(0, response);
        assertEquals(15, frames.size());
        var d = driver(c -> {
            request(c);
            answerAtOnce(c, frames);
        }, Duration.ofSeconds(10));
        assertArrayEquals(response, d.sendRequest(HEX.parseHex("0000a67f8003")));
        server.finish();
    }

    @Test
    void aSlowTargetsEmptyReadIsFollowedByTheIbiDrivenReadAndNoReadIsLeftOver() throws Exception {
        byte[] log = new byte[8 + 100];
        byte[] twoPackets = new VdmMessage.Response(0x03, 0, Octets.of(log)).encode();
        var d = driver(c -> {
            request(c);
            c.write(HEX.parseHex("000800000000")); // the early read arrived before the device answered
            announceAndServe(c, responseFrames(0, twoPackets));
            // The next frame must be the next request and its early read, not a read left over from this one.
            request(c);
            answerAtOnce(c, responseFrames(1, VERSION_RESPONSE));
        }, Duration.ofSeconds(10));
        assertArrayEquals(twoPackets, d.sendRequest(HEX.parseHex("0000a67f8003")));
        assertArrayEquals(VERSION_RESPONSE, d.sendRequest(FIRMWARE_VERSION));
        server.finish();
        assertEquals(0, d.droppedPackets());
    }

    @Test
    void theTagCountsZeroToSevenAndWraps() throws Exception {
        var d = driver(c -> {
            for (int i = 0; i < 10; i++) {
                byte[] frame = request(c);
                var header = MctpTransportHeader.decode(frame, 9);
                assertEquals(i & 7, header.messageTag(), "request " + i);
                assertTrue(header.tagOwner() && header.som() && header.eom());
                assertEquals(0x00, header.destEid());
                assertEquals(0x08, header.srcEid());
                answerAtOnce(c, responseFrames(i & 7, VERSION_RESPONSE));
            }
        }, Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(VERSION_RESPONSE, d.sendRequest(FIRMWARE_VERSION));
        }
        server.finish();
    }

    @Test
    void wrongPecWrongTagAndStrayFramesAreDroppedAndTheRightPacketTaken() throws Exception {
        var d = driver(c -> {
            request(c);
            byte[] right = responseFrames(0, VERSION_RESPONSE).get(0);
            byte[] badPec = right.clone();
            badPec[badPec.length - 1] ^= 0x01;
            // The early read finds nothing; a packet from another address, a wrong PEC, a stale tag, then the answer.
            c.write(HEX.parseHex("000800000000"));
            c.write(I3cTargetFrame.mctpRead(0x09, MctpPacket.decode(Arrays.copyOfRange(right, 6, right.length - 1)).encode()).encode());
            announceAndServe(c, List.of(badPec, responseFrames(7, VERSION_RESPONSE).get(0), right));
        }, Duration.ofSeconds(10));
        assertArrayEquals(VERSION_RESPONSE, d.sendRequest(FIRMWARE_VERSION));
        assertEquals(2, d.droppedPackets());
        server.finish();
    }

    @Test
    void onlyWrongAnswersEndInATimeoutThatClosesTheConnection() throws Exception {
        var d = driver(c -> {
            request(c);
            byte[] right = responseFrames(0, VERSION_RESPONSE).get(0);
            byte[] badPec = right.clone();
            badPec[badPec.length - 1] ^= 0x01;
            answerAtOnce(c, List.of(badPec, responseFrames(3, VERSION_RESPONSE).get(0)));
            assertTrue(c.clientClosed(), "the client closes after its deadline");
        }, SHORT);
        var e = assertThrows(TransportException.class, () -> d.sendRequest(FIRMWARE_VERSION));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.mayHaveExecuted());
        assertEquals(d.name() + ": no complete response to tag 0 within 400 ms", e.getMessage());
        assertEquals(2, d.droppedPackets());
        assertFalse(d.isReady());
        server.finish();
        var again = assertThrows(TransportException.class, () -> d.sendRequest(FIRMWARE_VERSION));
        assertEquals(Kind.DISCONNECTED, again.kind());
        assertFalse(again.mayHaveExecuted());
    }

    @Test
    void aServerThatHangsUpOrSendsAMalformedFrameBreaksTheConnection() throws Exception {
        var d = driver(c -> {
            c.readFrame();
            c.close();
        }, Duration.ofSeconds(10));
        var closed = assertThrows(TransportException.class, () -> d.sendRequest(FIRMWARE_VERSION));
        assertEquals(Kind.RECEIVE_FAILED, closed.kind());
        assertEquals(d.name() + ": the server closed the connection", closed.getMessage());
        assertFalse(d.isReady());
        server.finish();
        server.close();

        var d2 = driver(c -> {
            c.readFrame();
            c.write(HEX.parseHex("00082c010000")); // data_length 300
        }, Duration.ofSeconds(10));
        var malformed = assertThrows(TransportException.class, () -> d2.sendRequest(FIRMWARE_VERSION));
        assertEquals(Kind.RECEIVE_FAILED, malformed.kind());
        assertEquals(d2.name() + ": the server sent a malformed frame: I3C target frame: data_length 300 exceeds 255",
                malformed.getMessage());
        assertFalse(d2.isReady());
        server.finish();
    }

    @Test
    void throughTheTransportADeviceCompletionCodeKeepsItsName() throws Exception {
        byte[] denied = new VdmMessage.Response(0x01, 0x0C, Octets.zeros(0)).encode();
        var d = driver(c -> {
            request(c);
            answerAtOnce(c, responseFrames(0, denied));
        }, Duration.ofSeconds(10));
        VdmCommandMapping version = new VdmCommandMapping() {
            public int commandId() { return 1; }
            public int vdmCommand() { return 0x01; }
            public String name() { return "FirmwareVersion (VDM 0x01)"; }
            public byte[] toVdmPayload(byte[] internal) { return internal; }
            public byte[] toInternalResponse(byte[] data) { return data; }
        };
        var t = new MctpVdmTransport(d, VdmCommandTable.of(List.of(version)));
        t.connect();
        var e = assertThrows(TransportException.class, () -> t.send(1, new byte[4]));
        assertEquals(Kind.DEVICE_ERROR, e.kind());
        assertEquals(0x0C, e.vdmCompletionCode().orElseThrow());
        server.finish();
    }

    @Test
    void noServerIsAConnectionFailureBeforeSending() throws Exception {
        var listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        var address = (java.net.InetSocketAddress) listener.getLocalSocketAddress();
        listener.close();
        var d = new I3cSocketMctpDriver(address, 8, SHORT);
        var e = assertThrows(TransportException.class, d::connect);
        assertEquals(Kind.CONNECTION_FAILED, e.kind());
        assertFalse(e.mayHaveExecuted());
        assertTrue(e.getMessage().startsWith(d.name() + ": cannot connect: "), e.getMessage());
    }
}
