package org.caliptra.util.protocol.mailbox;

import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked examples from spec/hostlib.md §3.1 and spec/device.md §2.7. */
class MailboxChecksumTest {
    @Test
    void unitVectorFromBothSpecs() {
        assertEquals(0xFFFF_FBE0, MailboxChecksum.compute(0xE8DC_3994, hex("83 E7 25")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, command, body after checksum, expected checksum
        "FW_INFO, 494E464F, '', FFFFFED4",
        "CAPABILITIES, 43415053, '', FFFFFED9",
        "VERSION, 46505652, '', FFFFFEC2",
        "GET_LDEV_CERT, 4C444556, '', FFFFFED5",
        "SELF_TEST_START, 46504C54, '', FFFFFECA",
        "SHUTDOWN, 46505344, '', FFFFFED3",
        "GET_IDEV_INFO, 49444549, '', FFFFFEE5",
        "MC_DEVICE_CAPABILITIES, 4D434150, '', FFFFFEDF",
    })
    void headerOnlyRequests(String name, String command, String body, String expected) {
        assertEquals(Integer.parseUnsignedInt(expected, 16),
                MailboxChecksum.compute(Integer.parseUnsignedInt(command, 16), hex(body)), name);
    }

    @Test
    void stashMeasurementRequestWithMetadata() {
        byte[] body = new byte[104];
        body[0] = 1; body[1] = 2; body[2] = 3; body[3] = 4;
        assertEquals(0xFFFF_FED0, MailboxChecksum.compute(0x4D45_4153, body));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MFWV index 0, 4D465756, 00000000, C0FEFFFF00000000",
        "MFWV index 1, 4D465756, 01000000, BFFEFFFF01000000",
        "DOT status, 00000011, 5453444D, B7FEFFFF5453444D",
        "MCAP, 4D434150, '', DFFEFFFF",
    })
    void sealedRequestsMatchTheWireBytes(String name, String command, String body, String wire) {
        assertArrayEquals(hex(wire), MailboxChecksum.seal(Integer.parseUnsignedInt(command, 16), hex(body)), name);
    }

    @Test
    void responsesUseCommandZero() {
        String caps = "00000000000000 01 00000000 00000001 00000000 000000FF 000200EF 00000009 00000000";
        byte[] mcap = MailboxChecksum.seal(0, hex("01000000" + caps));
        assertArrayEquals(hex("04FEFFFF 01000000" + caps), mcap);
        assertEquals(44, mcap.length);

        byte[] mfwv = MailboxChecksum.seal(0, hex("00000000 05000000 322E302E30"));
        assertArrayEquals(hex("0DFFFFFF 00000000 05000000 322E302E30"), mfwv);

        byte[] rtCaps = new byte[20];
        rtCaps[4 + 7] = 1;
        assertEquals(0xFFFF_FFFF, MailboxChecksum.compute(0, rtCaps));
        assertEquals(0, MailboxChecksum.compute(0, new byte[64]));
    }

    @Test
    void validityIsTheIntegerSumIdentity() {
        byte[] sealed = MailboxChecksum.seal(0x4D44_4944, hex("0102030405"));
        assertTrue(MailboxChecksum.isValid(0x4D44_4944, sealed));
        assertFalse(MailboxChecksum.isValid(0x4D44_4945, sealed), "other command");
        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x01;
            assertFalse(MailboxChecksum.isValid(0x4D44_4944, flipped), "flip at " + i);
        }
        assertFalse(MailboxChecksum.isValid(0, new byte[3]));
    }

    @Test
    void openNamesTheMessageAndBothValues() {
        byte[] sealed = MailboxChecksum.seal(0, hex("00000000"));
        sealed[4] = 1;
        var e = assertThrows(ProtocolException.class, () -> MailboxChecksum.open(0, sealed, "X response"));
        assertEquals("X response: checksum mismatch at offset 0: found 0x00000000, expected 0xFFFFFFFF", e.getMessage());
        var shortFrame = assertThrows(ProtocolException.class, () -> MailboxChecksum.open(0, new byte[2], "Y"));
        assertTrue(shortFrame.getMessage().startsWith("Y: 2 bytes"), shortFrame.getMessage());
        assertArrayEquals(hex("0102"), MailboxChecksum.open(7, MailboxChecksum.seal(7, hex("0102")), "Z"));
    }
}
