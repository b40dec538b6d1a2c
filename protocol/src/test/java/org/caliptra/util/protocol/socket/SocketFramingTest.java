package org.caliptra.util.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.socket.CptrMessage.ApbRead;
import org.caliptra.util.protocol.socket.CptrMessage.ApbReadData;
import org.caliptra.util.protocol.socket.CptrMessage.ApbWrite;
import org.caliptra.util.protocol.socket.CptrMessage.ApbWriteAck;
import org.caliptra.util.protocol.socket.MboxMessage.Execute;
import org.caliptra.util.protocol.socket.MboxMessage.Response;
import org.junit.jupiter.api.Test;

/**
 * The CPTR and MBOX framings byte for byte, from the facts of issue 13: a little-endian 12-byte
 * header {u32 magic, u16 version 1, u16 command, u32 payload_len}; CPTR magic 0x43505452 with
 * APB_READ 3 / APB_RDATA 4 / APB_WRITE 5 / APB_WACK 6; MBOX magic 0x4D424F58 with MBOX_EXECUTE 1
 * {cmd, dlen, ROUND_UP(dlen,4) bytes} and MBOX_RESPONSE 2 {status, dlen, bytes}. The expected
 * bytes are written out by hand, not produced by the code under test.
 */
class SocketFramingTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static String message(Runnable r) {
        return assertThrows(ProtocolException.class, r::run).getMessage();
    }

    @Test
    void cptrMessagesAreTheWorkedBytes() {
        // magic 0x43505452 little-endian is 52 54 50 43 ("RTPC" on the wire).
        byte[] read = hex("52545043 0100 0300 04000000  00000230");
        byte[] rdata = hex("52545043 0100 0400 04000000  78563412");
        byte[] write = hex("52545043 0100 0500 08000000  b0000330 01000000");
        byte[] wack = hex("52545043 0100 0600 00000000");

        assertArrayEquals(read, new ApbRead(0x3002_0000).encode());
        assertArrayEquals(rdata, new ApbReadData(0x1234_5678).encode());
        assertArrayEquals(write, new ApbWrite(0x3003_00B0, 1).encode());
        assertArrayEquals(wack, new ApbWriteAck().encode());

        assertEquals(new ApbRead(0x3002_0000), CptrMessage.REQUESTS.decode(read));
        assertEquals(new ApbWrite(0x3003_00B0, 1), CptrMessage.REQUESTS.decode(write));
        assertEquals(new ApbReadData(0x1234_5678), CptrMessage.REPLIES.decode(rdata));
        assertEquals(new ApbWriteAck(), CptrMessage.REPLIES.decode(wack));
        // High addresses and data are unsigned words, not negative numbers.
        assertEquals(new ApbWrite(0xFFFF_FFFC, 0x8000_0000), CptrMessage.REQUESTS.decode(hex("52545043 0100 0500 08000000 fcffffff 00000080")));
    }

    @Test
    void mboxMessagesAreTheWorkedBytes() {
        // MC_FIRMWARE_VERSION ("MFWV", 0x4D465756) index 0: SRAM C0 FE FF FF 00 00 00 00 (spec/hostlib.md §3.1).
        byte[] execute = hex("584f424d 0100 0100 10000000  5657464d 08000000 c0feffff 00000000");
        var request = new Execute(0x4D46_5756, Octets.fromHex("c0feffff00000000"));
        assertArrayEquals(execute, request.encode());
        assertEquals(request, MboxMessage.REQUESTS.decode(execute));

        // Its response "2.0.0", fips 0 (spec/hostlib.md §3.1): 17 bytes, padded to 20; status 2 (complete).
        byte[] response = hex("584f424d 0100 0200 1c000000  02000000 11000000 0dffffff 00000000 05000000 322e302e 30 000000");
        var reply = new Response(MailboxStatus.CMD_COMPLETE, Octets.fromHex("0dffffff0000000005000000322e302e30"));
        assertArrayEquals(response, reply.encode());
        assertEquals(reply, MboxMessage.RESPONSES.decode(response));

        // An empty SRAM: payload_len 8.
        byte[] failure = hex("584f424d 0100 0200 08000000  03000000 00000000");
        assertArrayEquals(failure, new Response(MailboxStatus.CMD_FAILURE, Octets.zeros(0)).encode());
        assertEquals(new Response(MailboxStatus.CMD_FAILURE, Octets.zeros(0)), MboxMessage.RESPONSES.decode(failure));
    }

    @Test
    void paddingIsWrittenAsZerosAndIgnoredOnRead() {
        byte[] padded = hex("584f424d 0100 0100 0c000000  01000000 01000000 aabbccdd");
        assertEquals(new Execute(1, Octets.fromHex("aa")), MboxMessage.REQUESTS.decode(padded));
        assertArrayEquals(hex("584f424d 0100 0100 0c000000  01000000 01000000 aa000000"), new Execute(1, Octets.fromHex("aa")).encode());
    }

    @Test
    void cptrHeadersAreJudgedFieldByField() {
        assertTrue(message(() -> CptrMessage.REQUESTS.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 3, 4)))
                .contains("magic 0x4D424F58 (\"MBOX\") at offset 0, expected 0x43505452 (\"CPTR\")"));
        assertTrue(message(() -> CptrMessage.REQUESTS.checkHeader(new FrameHeader(CptrMessage.MAGIC, 2, 3, 4)))
                .contains("version 2 at offset 4, expected 1"));
        assertTrue(message(() -> CptrMessage.REQUESTS.checkHeader(FrameHeader.of(CptrMessage.MAGIC, 4, 4)))
                .contains("command 4 at offset 6, expected APB_READ (3) or APB_WRITE (5)"));
        assertTrue(message(() -> CptrMessage.REPLIES.checkHeader(FrameHeader.of(CptrMessage.MAGIC, 5, 8)))
                .contains("command 5 at offset 6, expected APB_RDATA (4) or APB_WACK (6)"));
        assertTrue(message(() -> CptrMessage.REQUESTS.checkHeader(FrameHeader.of(CptrMessage.MAGIC, 3, 8)))
                .contains("APB_READ payload_len 8 at offset 8, expected 4"));
        assertTrue(message(() -> CptrMessage.REQUESTS.checkHeader(FrameHeader.of(CptrMessage.MAGIC, 5, 0xFFFF_FFFFL)))
                .contains("APB_WRITE payload_len 4294967295 at offset 8, expected 8"));
        assertTrue(message(() -> CptrMessage.REPLIES.checkHeader(FrameHeader.of(CptrMessage.MAGIC, 6, 4)))
                .contains("APB_WACK payload_len 4 at offset 8, expected 0"));
        assertTrue(message(() -> FrameHeader.decode(hex("52545043 0100 0300 0400"), 0)).contains("10 bytes, a header needs 12"));
        assertTrue(message(() -> CptrMessage.REQUESTS.decode(hex("52545043 0100 0300 04000000 000002"))).contains(
                "frame of 15 bytes, header says 16"));
    }

    @Test
    void mboxHeadersAndLengthsAreJudgedBeforeAndAfterThePayload() {
        var codec = MboxMessage.requests(16 * 1024);
        assertEquals(16 * 1024 + 8, codec.maxPayloadLength());
        assertTrue(message(() -> codec.checkHeader(FrameHeader.of(CptrMessage.MAGIC, 1, 8))).contains("magic 0x43505452"));
        assertTrue(message(() -> codec.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 2, 8)))
                .contains("command 2 at offset 6, expected MBOX_EXECUTE (1)"));
        assertTrue(message(() -> MboxMessage.RESPONSES.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 1, 8)))
                .contains("command 1 at offset 6, expected MBOX_RESPONSE (2)"));
        assertTrue(message(() -> codec.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 1, 4)))
                .contains("payload_len 4 at offset 8 is below 8 (cmd and dlen)"));
        assertTrue(message(() -> codec.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 1, 0xFFFF_FFFFL)))
                .contains("payload_len 4294967295 at offset 8 exceeds 16392 (8 + the 16384-byte mailbox)"));
        assertTrue(message(() -> codec.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 1, 16 * 1024 + 12)))
                .contains("exceeds 16392"));
        assertTrue(message(() -> codec.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 1, 10))).contains("not a multiple of 4"));
        codec.checkHeader(FrameHeader.of(MboxMessage.MAGIC, 1, 16 * 1024 + 8));

        // dlen beyond the mailbox, even with a payload_len that fits.
        assertTrue(message(() -> codec.decode(hex("584f424d 0100 0100 08000000 01000000 01400000")))
                .contains("dlen 16385 at payload offset 4 exceeds the 16384-byte mailbox"));
        // dlen that disagrees with payload_len, both ways.
        assertTrue(message(() -> codec.decode(hex("584f424d 0100 0100 0c000000 01000000 05000000 00000000")))
                .contains("dlen 5 at payload offset 4 needs payload_len 16, the frame has 12"));
        assertTrue(message(() -> codec.decode(hex("584f424d 0100 0100 10000000 01000000 04000000 00000000 00000000")))
                .contains("dlen 4 at payload offset 4 needs payload_len 12, the frame has 16"));
        assertTrue(message(() -> MboxMessage.RESPONSES.decode(hex("584f424d 0100 0200 08000000 04000000 00000000")))
                .contains("status 4 at payload offset 0 is no CMD_STATUS"));
        // The largest mailbox bounds the default codecs.
        assertEquals(8 + 256 * 1024, MboxMessage.REQUESTS.maxPayloadLength());
    }

    @Test
    void headerFieldsAreUnsigned() {
        var header = FrameHeader.decode(hex("ffffffff ffff fffe ffffffff"), 0);
        assertEquals(new FrameHeader(0xFFFF_FFFF, 0xFFFF, 0xFEFF, 0xFFFF_FFFFL), header);
        assertArrayEquals(hex("ffffffff ffff fffe ffffffff"), header.encode());
    }
}
