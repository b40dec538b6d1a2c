package org.caliptra.util.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mcu.McCommand;
import org.junit.jupiter.api.Test;

/** The UDP mailbox datagrams of spec/hostlib.md §3.2, with §3.1's checksum examples. */
class UdpMailboxDatagramTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void requestsAreTheCommandCodeThenTheSramOfTheSpecsExamples() {
        assertEquals(0x4D43_4150, McCommand.MC_DEVICE_CAPABILITIES.code());
        // MCAP: cmd 50 41 43 4D, SRAM DF FE FF FF.
        assertArrayEquals(HEX.parseHex("5041434d" + "dffeffff"), UdpMailboxDatagram.request(0x4D43_4150, new byte[0]).encode());
        // MFWV index 0 and 1.
        assertArrayEquals(HEX.parseHex("5657464d" + "c0feffff00000000"),
                UdpMailboxDatagram.request(McCommand.MC_FIRMWARE_VERSION.code(), new byte[4]).encode());
        assertArrayEquals(HEX.parseHex("5657464d" + "bffeffff01000000"),
                UdpMailboxDatagram.request(McCommand.MC_FIRMWARE_VERSION.code(), new byte[] {1, 0, 0, 0}).encode());
        // DOT status: cmd 0x11, SRAM B7 FE FF FF 54 53 44 4D.
        assertArrayEquals(HEX.parseHex("11000000" + "b7feffff5453444d"), UdpMailboxDatagram.request(0x11, HEX.parseHex("5453444d")).encode());
    }

    @Test
    void decodeSplitsTheCommandAndKeepsTheSramAsSent() {
        var d = UdpMailboxDatagram.decode(HEX.parseHex("5657464d" + "c0feffff00000000"));
        assertEquals(0x4D46_5756, d.command());
        assertEquals(Octets.fromHex("c0feffff00000000"), d.sram());
        // A bad checksum is the device's to refuse, not the framing's.
        assertEquals(Octets.fromHex("00"), UdpMailboxDatagram.decode(HEX.parseHex("0000000000")).sram());
        // The command code alone is a request with empty SRAM.
        assertEquals(0, UdpMailboxDatagram.decode(new byte[4]).sram().length());
    }

    @Test
    void sizesOutsideTheBoundsAreRefusedNamingThem() {
        assertEquals(16_388, UdpMailboxDatagram.MAX_REQUEST_SIZE);
        assertEquals("UDP mailbox request: 3 bytes, shorter than the 4-byte command code",
                assertThrows(ProtocolException.class, () -> UdpMailboxDatagram.decode(new byte[3])).getMessage());
        assertEquals("UDP mailbox request: 16389 bytes or more, over the 16388-byte bound (command code and 16384 bytes of mailbox SRAM)",
                assertThrows(ProtocolException.class, () -> UdpMailboxDatagram.checkRequestSize(16_389)).getMessage());
        assertEquals(16_384, UdpMailboxDatagram.decode(new byte[16_388]).sram().length());
        // The largest MC_* request, DOT rotate, fits.
        UdpMailboxDatagram.checkRequestSize(7_572);
        assertThrows(IllegalArgumentException.class, () -> new UdpMailboxDatagram(0, Octets.zeros(16_385)));
    }

    @Test
    void repliesVerifyByTheirResponseChecksum() {
        // MFWV response "2.0.0", fips 0 (§3.1).
        byte[] mfwv = HEX.parseHex("0dffffff00000000050000" + "00322e302e30");
        assertTrue(UdpMailboxDatagram.replyVerifies(mfwv, mfwv.length));
        // MCAP response with fips 1 and caps whose byte sum makes 508 with it.
        byte[] caps = new byte[36];
        caps[0] = (byte) 0xFF;
        caps[1] = (byte) 0xFC;
        byte[] mcap = new byte[44];
        mcap[4] = 1;
        System.arraycopy(caps, 0, mcap, 8, 36);
        System.arraycopy(HEX.parseHex("04feffff"), 0, mcap, 0, 4);
        assertTrue(UdpMailboxDatagram.replyVerifies(mcap, mcap.length));
        mfwv[mfwv.length - 1] ^= 1;
        assertFalse(UdpMailboxDatagram.replyVerifies(mfwv, mfwv.length));
        // The empty failure reply, the reference mock's FF, a header cut short and a length past the buffer never verify.
        assertFalse(UdpMailboxDatagram.replyVerifies(new byte[0], 0));
        assertFalse(UdpMailboxDatagram.replyVerifies(new byte[] {(byte) 0xFF}, 1));
        assertFalse(UdpMailboxDatagram.replyVerifies(HEX.parseHex("00000000000000"), 7));
        assertFalse(UdpMailboxDatagram.replyVerifies(new byte[8], 9));
        // Only the first length bytes count: a verified reply in a larger buffer.
        byte[] buffer = new byte[100];
        System.arraycopy(HEX.parseHex("ffffffff01000000"), 0, buffer, 0, 8);
        assertTrue(UdpMailboxDatagram.replyVerifies(buffer, 8));
    }

    @Test
    void repliesAreResponsesFailuresOrNeither() {
        byte[] mfwv = HEX.parseHex("0dffffff00000000050000" + "00322e302e30");
        var ok = assertInstanceOf(UdpMailboxDatagram.Reply.Response.class, UdpMailboxDatagram.classifyReply(mfwv, mfwv.length));
        assertEquals(Octets.of(mfwv), ok.frame());
        // This endpoint's failure reply: FF then the error code LE.
        byte[] failure = UdpMailboxDatagram.failureReply(0x0006_0002);
        assertArrayEquals(HEX.parseHex("ff02000600"), failure);
        assertEquals(new UdpMailboxDatagram.Reply.Failure(0x0006_0002), UdpMailboxDatagram.classifyReply(failure, 5));
        // The reference servers' replies: empty (hw-model responder), FF (mock server).
        assertEquals(new UdpMailboxDatagram.Reply.Failure(0), UdpMailboxDatagram.classifyReply(new byte[0], 0));
        assertEquals(new UdpMailboxDatagram.Reply.Failure(0), UdpMailboxDatagram.classifyReply(new byte[] {(byte) 0xFF}, 1));
        assertEquals("7 bytes: shorter than the 8-byte response header and not a failure reply",
                assertInstanceOf(UdpMailboxDatagram.Reply.Invalid.class, UdpMailboxDatagram.classifyReply(new byte[7], 7)).reason());
        mfwv[16] ^= 1;
        assertEquals("checksum 0xFFFFFF0D at offset 0 does not match the response (expected 0xFFFFFF0C)",
                assertInstanceOf(UdpMailboxDatagram.Reply.Invalid.class, UdpMailboxDatagram.classifyReply(mfwv, mfwv.length)).reason());
        assertInstanceOf(UdpMailboxDatagram.Reply.Invalid.class, UdpMailboxDatagram.classifyReply(new byte[65_508], 65_508));
        assertThrows(IllegalArgumentException.class, () -> UdpMailboxDatagram.classifyReply(new byte[4], 5));
    }
}
