package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.octets;
import static org.caliptra.util.protocol.codec.CodecChecks.putU32;
import static org.caliptra.util.protocol.codec.CodecChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McLogCommands.DebugLog;
import org.junit.jupiter.api.Test;

class McLogCommandsTest {
    @Test
    void sizes() {
        assertSizes(McLogCommands.MC_GET_LOG.request(), 0, 0);
        // data_len + more_data, then at most 4096 bytes of data (more_data included)
        assertSizes(McLogCommands.MC_GET_LOG.response(), 4 + 4, 4 + 4096);
        assertEquals(4096 - 4, McLogCommands.MAX_LOG_DATA_SIZE);
        assertSizes(McLogCommands.MC_CLEAR_LOG.request(), 0, 0);
        assertSizes(McLogCommands.MC_CLEAR_LOG.response(), 0, 0);
    }

    @Test
    void requestsAreTheChecksumAlone() {
        // MGLG 0x4D+0x47+0x4C+0x47 = 0x127; MCLG 0x4D+0x43+0x4C+0x47 = 0x123
        assertArrayEquals(hex("D9FEFFFF"), MailboxFrame.sealRequest(McCommand.MC_GET_LOG.code(),
                McLogCommands.MC_GET_LOG.encodeRequest(NoFields.INSTANCE)));
        assertArrayEquals(hex("DDFEFFFF"), MailboxFrame.sealRequest(McCommand.MC_CLEAR_LOG.code(),
                McLogCommands.MC_CLEAR_LOG.encodeRequest(NoFields.INSTANCE)));
    }

    @Test
    void dataLenCountsTheMoreDataWord() {
        // data_len 6 = more_data (4) + 2 log bytes; body sum 6 + 1 + 0xAB + 0xCD = 0x17F
        byte[] frame = hex("81FEFFFF 00000000 06000000 01000000 ABCD");
        var log = DebugLog.of(true, octets("ABCD"));
        assertArrayEquals(frame, MailboxFrame.sealResponse(0, McLogCommands.MC_GET_LOG.encodeResponse(log)));
        DebugLog back = McLogCommands.MC_GET_LOG.decodeResponse(MailboxFrame.openResponse(frame, "MC_GET_LOG response").fields());
        assertEquals(log, back);
        assertTrue(back.hasMoreData());
    }

    @Test
    void emptyAndFullDrainStepsRoundTrip() {
        var random = new Random(21);
        for (Octets data : new Octets[] {Octets.zeros(0), random(random, 1), random(random, 4092)}) {
            var log = new DebugLog(random.nextInt(), data);
            byte[] fields = McLogCommands.MC_GET_LOG.encodeResponse(log);
            assertEquals(8 + data.length(), fields.length);
            assertEquals(log, McLogCommands.MC_GET_LOG.decodeResponse(fields));
        }
        assertFalse(DebugLog.of(false, Octets.zeros(0)).hasMoreData());
        assertArrayEquals(hex("04000000 00000000"), McLogCommands.MC_GET_LOG.encodeResponse(DebugLog.of(false, Octets.zeros(0))));
    }

    @Test
    void refusesBadDataLen() {
        var codec = McLogCommands.MC_GET_LOG;
        assertProtocolError(() -> codec.decodeResponse(hex("03000000 000000")), "MC_GET_LOG response: 7 bytes, expected 8 to 4100");
        assertProtocolError(() -> codec.decodeResponse(hex("03000000 00000000")), "MC_GET_LOG response",
                "field 'data_len' at offset 0 is 3, expected 4..4096");
        assertProtocolError(() -> codec.decodeResponse(putU32(new byte[8], 0, 4097)), "MC_GET_LOG response",
                "field 'data_len' at offset 0 is 4097, expected 4..4096");
        // truncated: declares two log bytes, carries one
        assertProtocolError(() -> codec.decodeResponse(hex("06000000 01000000 AB")), "MC_GET_LOG response",
                "field 'data_len'", "is 6 but 5 bytes follow");
        // over-long: declares no log bytes, carries one
        assertProtocolError(() -> codec.decodeResponse(hex("04000000 01000000 AB")), "MC_GET_LOG response",
                "field 'data_len'", "is 4 but 5 bytes follow");
        assertArgumentError("log_data", () -> new DebugLog(0, Octets.zeros(4093)));
    }

    @Test
    void theOlderLogTypeRequestIsRefused() {
        // The older revision sent log_type:u32; the current MCU and this codec take no request fields.
        assertProtocolError(() -> McLogCommands.MC_GET_LOG.decodeRequest(hex("00000000")), "MC_GET_LOG request: 4 bytes, expected exactly 0");
        assertProtocolError(() -> McLogCommands.MC_CLEAR_LOG.decodeRequest(hex("01000000")), "MC_CLEAR_LOG request: 4 bytes");
        assertProtocolError(() -> McLogCommands.MC_CLEAR_LOG.decodeResponse(hex("00")), "MC_CLEAR_LOG response: 1 bytes");
    }
}
