package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.LastResult;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.PeriodicEnable;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.PeriodicStatus;
import org.junit.jupiter.api.Test;

class McSelfTestCommandsTest {
    @Test
    void sizes() {
        assertSizes(McSelfTestCommands.MC_FIPS_SELF_TEST_START.request(), 0, 0);
        assertSizes(McSelfTestCommands.MC_FIPS_SELF_TEST_START.response(), 0, 0);
        assertSizes(McSelfTestCommands.MC_FIPS_SELF_TEST_GET_RESULTS.request(), 0, 0);
        assertSizes(McSelfTestCommands.MC_FIPS_SELF_TEST_GET_RESULTS.response(), 0, 0);
        assertSizes(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE.request(), 4, 4); // enable
        assertSizes(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE.response(), 0, 0);
        assertSizes(McSelfTestCommands.MC_FIPS_PERIODIC_STATUS.request(), 0, 0);
        assertSizes(McSelfTestCommands.MC_FIPS_PERIODIC_STATUS.response(), 3 * 4, 12); // enabled, iterations, last_result
    }

    @Test
    void selfTestCommandsRelayToTheirCoreTwins() {
        assertEquals(CaliptraCommand.SELF_TEST_START.code(),
                McSelfTestCommands.coreTwin(McCommand.MC_FIPS_SELF_TEST_START).orElseThrow().code());
        assertEquals(CaliptraCommand.SELF_TEST_GET_RESULTS.code(),
                McSelfTestCommands.coreTwin(McCommand.MC_FIPS_SELF_TEST_GET_RESULTS).orElseThrow().code());
        assertEquals(Optional.empty(), McSelfTestCommands.coreTwin(McCommand.MC_FIPS_PERIODIC_STATUS));
        // MFST 0x4D+0x46+0x53+0x54 = 0x13A; the relayed core frame is SELF_TEST_START's 0xFFFFFECA.
        assertArrayEquals(hex("C6FEFFFF"), MailboxFrame.sealRequest(McCommand.MC_FIPS_SELF_TEST_START.code(),
                McSelfTestCommands.MC_FIPS_SELF_TEST_START.encodeRequest(NoFields.INSTANCE)));
        assertArrayEquals(hex("CAFEFFFF"), MailboxFrame.sealRequest(CaliptraCommand.SELF_TEST_START.code(), new byte[0]));
    }

    @Test
    void periodicEnableAndStatusVectors() {
        assertArrayEquals(hex("01000000"), McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE.encodeRequest(PeriodicEnable.of(true)));
        assertFalse(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE.decodeRequest(hex("00000000")).enabled());
        assertTrue(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE.decodeRequest(hex("02000000")).enabled());

        byte[] fields = hex("01000000 10000000 02000000");
        PeriodicStatus status = McSelfTestCommands.MC_FIPS_PERIODIC_STATUS.decodeResponse(fields);
        assertEquals(PeriodicStatus.of(true, 16, LastResult.FAIL), status);
        assertTrue(status.isEnabled());
        assertEquals(Optional.of(LastResult.FAIL), status.result());
        assertArrayEquals(fields, McSelfTestCommands.MC_FIPS_PERIODIC_STATUS.encodeResponse(status));
        assertEquals(Optional.empty(), new PeriodicStatus(0, 0, 3).result());
        assertEquals(Optional.of(LastResult.NOT_RUN), new PeriodicStatus(0, 0, 0).result());
    }

    @Test
    void fixedLayoutsSurviveRandomBytes() {
        randomBytesSurvive(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE.request(), 4, 41);
        randomBytesSurvive(McSelfTestCommands.MC_FIPS_PERIODIC_STATUS.response(), 12, 42);
    }

    @Test
    void refusesWrongSizes() {
        assertProtocolError(() -> McSelfTestCommands.MC_FIPS_PERIODIC_STATUS.decodeResponse(new byte[11]),
                "MC_FIPS_PERIODIC_STATUS response: 11 bytes, expected exactly 12");
        assertProtocolError(() -> McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE.decodeRequest(new byte[5]),
                "MC_FIPS_PERIODIC_ENABLE request: 5 bytes, expected exactly 4");
        assertProtocolError(() -> McSelfTestCommands.MC_FIPS_SELF_TEST_GET_RESULTS.decodeResponse(new byte[4]),
                "MC_FIPS_SELF_TEST_GET_RESULTS response: 4 bytes, expected exactly 0");
    }
}
