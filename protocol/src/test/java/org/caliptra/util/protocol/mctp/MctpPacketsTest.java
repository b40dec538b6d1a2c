package org.caliptra.util.protocol.mctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mctp.MctpReassembler.Role;
import org.junit.jupiter.api.Test;

/** The MCTP transport header, packetization and reassembly of spec/hostlib.md §4.1 and §4.3. */
class MctpPacketsTest {
    private static final HexFormat HEX = HexFormat.of();
    private final List<String> drops = new ArrayList<>();

    @Test
    void headerBitsAreTheSpecs() {
        // Request of §4.4: version 1, to EID 0 from EID 8, SOM EOM seq 0 TO 1 tag 0 → 01 00 08 C8.
        var request = new MctpTransportHeader(1, 0x00, 0x08, true, true, 0, true, 0);
        assertArrayEquals(HEX.parseHex("010008c8"), request.encode());
        assertArrayEquals(HEX.parseHex("010008c9"), new MctpTransportHeader(1, 0, 8, true, true, 0, true, 1).encode());
        // Response: to EID 8 from EID 0, TO 0 → 01 08 00 C0.
        assertArrayEquals(HEX.parseHex("010800c0"), new MctpTransportHeader(1, 8, 0, true, true, 0, false, 0).encode());
        // Every field in its place: EOM only, seq 3, tag 7.
        var h = MctpTransportHeader.decode(HEX.parseHex("f1aabb7f"), 0);
        assertEquals(new MctpTransportHeader(1, 0xAA, 0xBB, false, true, 3, true, 7), h);
        // The reserved nibble is ignored on decode.
        assertArrayEquals(HEX.parseHex("01aabb7f"), h.encode());
        assertEquals("MCTP transport header: 3 bytes, it has 4",
                assertThrows(ProtocolException.class, () -> MctpTransportHeader.decode(new byte[3], 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MctpTransportHeader(1, 0, 0, true, true, 4, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new MctpTransportHeader(1, 0, 0, true, true, 0, true, 8));
    }

    @Test
    void theWorkedFirmwareVersionRequestIsOnePacket() {
        byte[] vdm = new VdmMessage.Request(0x01, Octets.fromHex("00000000")).encode();
        var packets = MctpPacketizer.packetize(0x00, 0x08, true, 0, MctpMessage.vdmBody(vdm));
        assertEquals(1, packets.size());
        assertArrayEquals(HEX.parseHex("010008c87f0000a67f800100000000"), packets.get(0).encode());
        assertEquals(packets.get(0), MctpPacket.decode(packets.get(0).encode()));
    }

    @Test
    void aLongMessageSplitsIn64BytePayloadsWithSequenceModFour() {
        byte[] body = new byte[919];
        body[0] = 0x7F;
        for (int i = 1; i < body.length; i++) {
            body[i] = (byte) i;
        }
        var packets = MctpPacketizer.packetize(8, 0, false, 5, Octets.of(body));
        assertEquals(15, packets.size());
        for (int i = 0; i < packets.size(); i++) {
            var h = packets.get(i).header();
            assertEquals(i == 0, h.som());
            assertEquals(i == 14, h.eom());
            assertEquals(i % 4, h.packetSequence());
            assertEquals(5, h.messageTag());
            assertFalse(h.tagOwner());
            assertEquals(i == 14 ? 919 - 14 * 64 : 64, packets.get(i).payload().length());
        }
        var r = new MctpReassembler(8, Role.REQUESTER, 0x7F, MctpMessage.MAX_VDM_BODY, drops::add);
        r.expectTag(5);
        Optional<MctpMessage> done = Optional.empty();
        for (var p : packets) {
            assertTrue(done.isEmpty(), "complete before EOM");
            done = r.accept(p);
        }
        assertArrayEquals(body, done.orElseThrow().body().toByteArray());
        assertEquals(0, done.get().srcEid());
        assertEquals(5, done.get().messageTag());
        assertEquals(0x7F, done.get().messageType());
        assertEquals(918, done.get().content().length);
        assertEquals(List.of(), drops);
        assertThrows(IllegalArgumentException.class, () -> MctpPacketizer.packetize(0, 8, true, 0, Octets.zeros(0)));
    }

    @Test
    void aResponderTakesRequestsToItsEidOnly() {
        var r = responder();
        assertTrue(r.accept(packet(1, 0, 8, true, true, 0, true, 3, "7f0000a67f8002")).isPresent());
        assertDropped(r, packet(2, 0, 8, true, true, 0, true, 3, "7f0000a67f8002"), "header version 2, expected 1");
        assertDropped(r, packet(1, 9, 8, true, true, 0, true, 3, "7f0000a67f8002"),
                "destination EID 0x09 is not this endpoint's (0x00)");
        assertDropped(r, packet(1, 0, 8, true, true, 0, false, 3, "7f0000a67f8002"), "tag owner bit 0: a request carries 1");
        assertDropped(r, packet(1, 0, 8, true, true, 0, true, 3, ""), "empty payload");
        assertDropped(r, packet(1, 0, 8, true, true, 0, true, 3, "7e00"), "message type 0x7E, only 0x7F is served");
        assertDropped(r, packet(1, 0, 8, true, true, 0, true, 3, "ff00"), "the integrity-check bit is set");
        assertDropped(r, packet(1, 0, 8, true, true, 0, true, 3, "7f" + "00".repeat(64)),
                "65-byte payload exceeds the 64-byte baseline transmission unit");
        assertDropped(r, packet(1, 0, 8, true, false, 0, true, 3, "7f" + "00".repeat(62)),
                "63-byte payload before EOM: every packet but the last carries 64");
        assertDropped(r, packet(1, 0, 8, false, true, 1, true, 3, "00"), "no SOM: no message is open");
        assertFalse(r.assembling());
    }

    @Test
    void lostAndForeignPacketsAreDroppedAndALostOneAbandonsTheMessage() {
        var r = responder();
        String full = "7f" + "11".repeat(63);
        assertTrue(r.accept(packet(1, 0, 8, true, false, 2, true, 1, full)).isEmpty());
        // Another source or tag: only that packet goes.
        assertDropped(r, packet(1, 0, 9, false, true, 3, true, 1, "22"), "it belongs to another message than the open one");
        assertDropped(r, packet(1, 0, 8, false, true, 3, true, 2, "22"), "it belongs to another message than the open one");
        assertTrue(r.assembling());
        // SOM had seq 2, so the next is 3; seq 0 means one was lost.
        assertDropped(r, packet(1, 0, 8, false, true, 0, true, 1, "22"), "sequence 0, expected 3: a packet was lost");
        assertFalse(r.assembling());
        // The sequence wraps 3 → 0.
        assertTrue(r.accept(packet(1, 0, 8, true, false, 3, true, 1, full)).isEmpty());
        var done = r.accept(packet(1, 0, 8, false, true, 0, true, 1, "22"));
        assertEquals(65, done.orElseThrow().body().length());
        assertTrue(done.get().tagOwner());
    }

    @Test
    void aNewSomAbandonsTheOpenMessageAndTheSizeBoundHolds() {
        var r = new MctpReassembler(0, Role.RESPONDER, 0x7F, 100, drops::add);
        String full = "7f" + "11".repeat(63);
        r.accept(packet(1, 0, 8, true, false, 0, true, 1, full));
        assertTrue(r.accept(packet(1, 0, 8, true, true, 0, true, 2, "7f01")).isPresent());
        assertEquals(List.of("MCTP message from EID 0x08 tag 1 abandoned after 64 bytes: a new SOM arrived"), drops);
        drops.clear();
        r.accept(packet(1, 0, 8, true, false, 0, true, 1, full));
        // 64 + 64 > 100: abandoned before the bytes are kept.
        assertDropped(r, packet(1, 0, 8, false, false, 1, true, 1, "22".repeat(64)), "the message would exceed 100 bytes");
        assertFalse(r.assembling());
        var tiny = new MctpReassembler(0, Role.RESPONDER, 0x7F, 10, drops::add);
        assertDropped(tiny, packet(1, 0, 8, true, true, 0, true, 1, "7f" + "00".repeat(10)), "the message would exceed 10 bytes");
    }

    @Test
    void aRequesterTakesOnlyResponsesWithItsTag() {
        var r = new MctpReassembler(8, Role.REQUESTER, 0x7F, MctpMessage.MAX_VDM_BODY, drops::add);
        assertDropped(r, packet(1, 8, 0, true, true, 0, false, 0, "7f00"), "no request is outstanding");
        r.expectTag(4);
        assertDropped(r, packet(1, 8, 0, true, true, 0, false, 3, "7f00"), "tag 3, the outstanding request has 4");
        assertDropped(r, packet(1, 8, 0, true, true, 0, true, 4, "7f00"), "tag owner bit 1: a response carries 0");
        assertTrue(r.accept(packet(1, 8, 0, true, true, 0, false, 4, "7f00")).isPresent());
        assertThrows(IllegalStateException.class, () -> responder().expectTag(1));
    }

    private MctpReassembler responder() {
        return new MctpReassembler(0, Role.RESPONDER, 0x7F, MctpMessage.MAX_VDM_BODY, drops::add);
    }

    private void assertDropped(MctpReassembler r, MctpPacket p, String why) {
        drops.clear();
        assertTrue(r.accept(p).isEmpty());
        assertEquals(1, drops.size(), drops.toString());
        assertTrue(drops.get(0).contains(why), drops.get(0));
    }

    private static MctpPacket packet(int version, int dest, int src, boolean som, boolean eom, int seq, boolean to, int tag, String hex) {
        return new MctpPacket(new MctpTransportHeader(version, dest, src, som, eom, seq, to, tag), Octets.fromHex(hex));
    }
}
