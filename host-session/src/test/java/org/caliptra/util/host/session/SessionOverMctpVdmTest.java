package org.caliptra.util.host.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.mctp.InProcessMctpVdmDriver;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;
import org.caliptra.util.host.transport.mctp.VdmCommandMapping;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;
import org.junit.jupiter.api.Test;

/** A typed command through the session and the MCTP-VDM transport: the completion code survives to the caller. */
class SessionOverMctpVdmTest {
    private static final VdmCommandMapping CLEAR_LOG = new VdmCommandMapping() {
        public int commandId() { return 0x7008; }
        public int vdmCommand() { return 0x04; }
        public String name() { return "ClearDebugLog (VDM 0x04)"; }
        public byte[] toVdmPayload(byte[] internalRequest) { return internalRequest; }
        public byte[] toInternalResponse(byte[] data) { return new byte[4]; }
    };

    private static final Command<Integer> CLEAR = new Command<>() {
        public int commandId() { return 0x7008; }
        public String name() { return "DebugClearLog"; }
        public byte[] encodeRequest() { return new byte[0]; }
        public Integer decodeResponse(byte[] r) { return ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN).getInt(); }
    };

    @Test
    void aCompletionCodeReachesTheCallerWithTheCommandNamed() {
        var exchanges = new AtomicInteger();
        var transport = new MctpVdmTransport(new InProcessMctpVdmDriver(request -> {
            exchanges.incrementAndGet();
            return HexFormat.of().parseHex(exchanges.get() == 1 ? "0000A67F0004" + "00000000" : "0000A67F0004" + "0C000000");
        }), VdmCommandTable.of(List.of(CLEAR_LOG)));
        try (var session = new CaliptraSession(transport, SessionConfig.builder().noKeepalive().build(), new ManualClock())) {
            session.connect();
            assertEquals(0, session.execute(CLEAR));
            var e = assertThrows(TransportException.class, () -> session.execute(CLEAR));
            assertEquals(Kind.DEVICE_ERROR, e.kind());
            assertEquals(0x0C, e.vdmCompletionCode().orElseThrow());
            assertEquals("DebugClearLog (0x7008): ClearDebugLog (VDM 0x04) failed on the device: completion code ACCESS_DENIED (0x0C)",
                    e.getMessage());
            assertEquals(2, exchanges.get(), "a device's refusal is not retried");
        }
    }
}
