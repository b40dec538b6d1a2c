package org.caliptra.util.emulator.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;
import org.caliptra.util.protocol.i3c.I3cTargetFrame;
import org.caliptra.util.protocol.i3c.Pec;
import org.caliptra.util.protocol.mctp.MctpMessage;
import org.caliptra.util.protocol.mctp.MctpPacket;
import org.caliptra.util.protocol.mctp.MctpPacketizer;
import org.caliptra.util.protocol.mctp.MctpReassembler;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.mctp.VdmPort;
import org.junit.jupiter.api.Test;

/** The I3C socket pipeline ({@link I3cSocketInitializer}) on an {@link EmbeddedChannel}, over a scripted VDM port. */
class I3cSocketHandlerTest {
    private static final HexFormat HEX = HexFormat.of();
    /** spec/hostlib.md §4.4: FirmwareVersion(area 0), tag 0, exactly as a client writes it. */
    private static final byte[] FIRMWARE_VERSION_WRITE = HEX.parseHex("080000000000001000" + "010008c87f0000a67f800100000000" + "35");
    private static final byte[] READ_REQUEST = HEX.parseHex("080000002000000000");
    private static final byte[] VERSION_RESPONSE = new VdmMessage.Response(0x01, 0,
            Octets.of(Arrays.copyOf("2.0.0".getBytes(), 32))).encode();

    private final List<String> log = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    private EmbeddedChannel channel(VdmPort port) {
        VdmPort recording = request -> {
            requests.add(HEX.formatHex(request));
            return port.exchangeVdm(request);
        };
        return new EmbeddedChannel(new I3cSocketInitializer(recording, Runnable::run, log::add));
    }

    private static byte[] readAll(EmbeddedChannel ch) {
        ch.runPendingTasks();
        var out = new java.io.ByteArrayOutputStream();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            out.writeBytes(ByteBufUtil.getBytes(b));
            b.release();
        }
        return out.toByteArray();
    }

    private static void write(EmbeddedChannel ch, byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
        ch.runPendingTasks();
    }

    @Test
    void theWorkedRequestIsAnsweredWithAnIbiThenThePacketOnRead() {
        var ch = channel(request -> VERSION_RESPONSE);
        write(ch, FIRMWARE_VERSION_WRITE);
        // The device saw the VDM message, without the 0x7F type byte.
        assertEquals(List.of("0000a67f800100000000"), requests);
        assertArrayEquals(HEX.parseHex("ae0800000000"), readAll(ch));
        write(ch, READ_REQUEST);
        byte[] packet = HEX.parseHex("010800c07f0000a67f0001" + "00000000" + "322e302e30" + "00".repeat(27));
        byte[] expected = new byte[6 + packet.length + 1];
        System.arraycopy(HEX.parseHex("000830000000"), 0, expected, 0, 6);
        System.arraycopy(packet, 0, expected, 6, packet.length);
        expected[expected.length - 1] = (byte) Pec.ofRead(0x08, packet, 0, packet.length);
        assertArrayEquals(expected, readAll(ch));
        // Nothing is left: a further read gets no data.
        write(ch, READ_REQUEST);
        assertArrayEquals(HEX.parseHex("000800000000"), readAll(ch));
        assertTrue(ch.isActive());
        assertEquals(List.of(), log);
    }

    @Test
    void framesSplitAnywhereAreReassembled() {
        var ch = channel(request -> VERSION_RESPONSE);
        for (byte b : FIRMWARE_VERSION_WRITE) {
            write(ch, new byte[] {b});
        }
        assertEquals(1, requests.size());
        assertArrayEquals(HEX.parseHex("ae0800000000"), readAll(ch));
    }

    @Test
    void aWrongPecDropsThatPacketOnly() {
        var ch = channel(request -> VERSION_RESPONSE);
        byte[] bad = FIRMWARE_VERSION_WRITE.clone();
        bad[bad.length - 1] = 0x36;
        write(ch, bad);
        assertEquals(List.of(), requests);
        assertEquals(0, readAll(ch).length);
        assertEquals(List.of("i3c embedded: packet dropped: private write: PEC 0x36 at offset 15, expected 0x35"), log);
        assertTrue(ch.isActive());
        write(ch, FIRMWARE_VERSION_WRITE);
        assertEquals(1, requests.size());
    }

    @Test
    void packetsTheReassemblerDropsAreLoggedAndTheConnectionStays() {
        var ch = channel(request -> VERSION_RESPONSE);
        // To EID 5 instead of the device's 0.
        write(ch, I3cCommandFrame.mctpWrite(8, HEX.parseHex("010508c87f0000a67f800100000000")).encode());
        // Three bytes: shorter than a transport header.
        write(ch, I3cCommandFrame.mctpWrite(8, HEX.parseHex("010008")).encode());
        assertEquals(List.of(), requests);
        assertEquals(2, log.size());
        assertTrue(log.get(0).contains("destination EID 0x05 is not this endpoint's (0x00)"), log.get(0));
        assertEquals("i3c embedded: packet dropped: 3 bytes is shorter than the MCTP transport header", log.get(1));
        assertTrue(ch.isActive());
    }

    @Test
    void malformedFramesCloseTheConnectionWithOneLine() {
        record Case(String hex, String why) {}
        for (var c : List.of(new Case("090000000000000100", "I3C command frame addressed to 0x09; the only target is 0x08"),
                new Case("080100000000000000", "cmd_attr 1 (immediate) is not supported"),
                new Case("08000000000000ffff", "data_length 65535 exceeds 255"))) {
            log.clear();
            var ch = channel(request -> VERSION_RESPONSE);
            write(ch, HEX.parseHex(c.hex()));
            assertFalse(ch.isActive(), c.why());
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).startsWith("i3c embedded: connection closed: ") && log.get(0).contains(c.why()), log.get(0));
            assertEquals(List.of(), requests);
        }
    }

    @Test
    void aLongResponseIsAnnouncedPacketByPacket() {
        byte[] log900 = new byte[8 + 900];
        for (int i = 8; i < log900.length; i++) {
            log900[i] = (byte) i;
        }
        byte[] response = new VdmMessage.Response(0x03, 0, Octets.of(log900)).encode();
        var ch = channel(request -> response);
        // GetDebugLog, tag 5, from EID 8.
        var request = MctpPacketizer.packetize(0, 8, true, 5, MctpMessage.vdmBody(new VdmMessage.Request(0x03, Octets.zeros(0)).encode()));
        write(ch, I3cCommandFrame.mctpWrite(8, request.get(0).encode()).encode());
        var requester = new MctpReassembler(8, MctpReassembler.Role.REQUESTER, 0x7F, MctpMessage.MAX_VDM_BODY, log::add);
        requester.expectTag(5);
        Optional<MctpMessage> done = Optional.empty();
        int packets = 0;
        assertArrayEquals(HEX.parseHex("ae0800000000"), readAll(ch));
        while (done.isEmpty()) {
            write(ch, READ_REQUEST);
            byte[] out = readAll(ch);
            var frame = I3cTargetFrame.decode(Arrays.copyOf(out, 6 + (out[2] & 0xFF)));
            assertFalse(frame.isIbi());
            done = requester.accept(MctpPacket.decode(Pec.openRead(8, frame.data().toByteArray())));
            packets++;
            // The next packet is announced right behind this one.
            byte[] rest = Arrays.copyOfRange(out, 6 + frame.data().length(), out.length);
            assertArrayEquals(done.isEmpty() ? HEX.parseHex("ae0800000000") : new byte[0], rest, "after packet " + packets);
        }
        assertEquals(15, packets);
        assertArrayEquals(response, done.get().content());
        assertEquals(0, readAll(ch).length);
        assertEquals(List.of(), log);
    }

    @Test
    void aDeviceThatFailsClosesTheConnection() {
        var ch = channel(request -> {
            throw new IllegalStateException("caliptra-2.0 has no MCU");
        });
        write(ch, FIRMWARE_VERSION_WRITE);
        assertFalse(ch.isActive());
        assertEquals(List.of("i3c embedded: connection closed: the device failed the VDM exchange (caliptra-2.0 has no MCU)"), log);
    }

    @Test
    void requestsReadTogetherAreServedInOrder() {
        var ch = channel(request -> new VdmMessage.Response(request[5] & 0xFF, 0, Octets.zeros(0)).encode());
        byte[] both = new byte[0];
        for (int tag = 0; tag < 3; tag++) {
            var p = MctpPacketizer.packetize(0, 8, true, tag, MctpMessage.vdmBody(new VdmMessage.Request(0x04, Octets.zeros(0)).encode()));
            byte[] f = I3cCommandFrame.mctpWrite(8, p.get(0).encode()).encode();
            both = Arrays.copyOf(both, both.length + f.length);
            System.arraycopy(f, 0, both, both.length - f.length, f.length);
        }
        write(ch, both);
        assertEquals(3, requests.size());
        assertArrayEquals(HEX.parseHex("ae0800000000"), readAll(ch));
        for (int tag = 0; tag < 3; tag++) {
            write(ch, READ_REQUEST);
            byte[] out = readAll(ch);
            var frame = I3cTargetFrame.decode(Arrays.copyOf(out, 6 + (out[2] & 0xFF)));
            var packet = MctpPacket.decode(Pec.openRead(8, frame.data().toByteArray()));
            assertEquals(tag, packet.header().messageTag());
            assertFalse(packet.header().tagOwner());
            assertEquals(8, packet.header().destEid());
            // Another IBI follows each packet but the last.
            assertEquals(tag < 2 ? 6 + frame.data().length() + 6 : 6 + frame.data().length(), out.length);
        }
        assertNull(ch.readOutbound());
    }
}
