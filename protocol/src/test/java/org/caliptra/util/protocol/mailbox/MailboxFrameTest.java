package org.caliptra.util.protocol.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The framing layer with the worked examples of spec/device.md §2.7. */
class MailboxFrameTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void requestsCarryTheChecksumOfCodeAndFields() {
        assertArrayEquals(hex("D4FEFFFF"), MailboxFrame.sealRequest(0x494E_464F, new byte[0]), "FW_INFO request");
        assertArrayEquals(hex("C2FEFFFF"), MailboxFrame.sealRequest(0x4650_5652, new byte[0]), "VERSION request");
        byte[] stash = new byte[104];
        stash[0] = 1;
        stash[1] = 2;
        stash[2] = 3;
        stash[3] = 4;
        assertArrayEquals(hex("D0FEFFFF"), java.util.Arrays.copyOf(MailboxFrame.sealRequest(0x4D45_4153, stash), 4),
                "STASH_MEASUREMENT with metadata 01 02 03 04");
        assertArrayEquals(new byte[0], MailboxFrame.openRequest(0x494E_464F, hex("D4FEFFFF"), "FW_INFO request"));
    }

    @Test
    void responsesCarryFipsStatusInTheHeader() {
        // RT CAPABILITIES: fips 0, RT_BASE = byte 7 of the u128 → sum 1 → checksum 0xFFFFFFFF.
        byte[] caps = new byte[16];
        caps[7] = 1;
        byte[] frame = MailboxFrame.sealResponse(MailboxFrame.FIPS_APPROVED, caps);
        assertArrayEquals(hex("FFFFFFFF 00000000 00000000000000010000000000000000"), frame);
        var opened = MailboxFrame.openResponse(frame, "CAPABILITIES response");
        assertEquals(0, opened.fipsStatus());
        assertArrayEquals(caps, opened.fields());
        var usrd = MailboxFrame.openResponse(MailboxFrame.sealResponse(0x5553_5244, new byte[0]), "R");
        assertEquals(MailboxFrame.FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST, usrd.fipsStatus());
    }

    @Test
    void brokenFramesSayWhichWay() {
        var shortOne = assertThrows(MailboxFrame.FrameException.class, () -> MailboxFrame.openResponse(new byte[7], "X response"));
        assertEquals(MailboxFrame.Violation.TOO_SHORT, shortOne.violation());
        assertEquals("X response: 7 bytes is shorter than the 8-byte header (checksum and fips_status)", shortOne.getMessage());
        var bad = assertThrows(MailboxFrame.FrameException.class, () -> MailboxFrame.openRequest(0x494E_464F, hex("D5FEFFFF"), "FW_INFO request"));
        assertEquals(MailboxFrame.Violation.BAD_CHECKSUM, bad.violation());
        assertEquals("FW_INFO request: checksum mismatch at offset 0: found 0xFFFFFED5, expected 0xFFFFFED4", bad.getMessage());
    }
}
