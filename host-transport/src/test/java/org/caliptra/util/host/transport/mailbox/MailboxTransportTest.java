package org.caliptra.util.host.transport.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.Test;

class MailboxTransportTest {
    private static final int ID = 0x0002;
    private static final int MCAP = 0x4D43_4150;

    /** Mirrors the reference fixed-size rule: the internal response (fips_status ‖ fields) is exactly 40 bytes. */
    private static final MailboxCommandMapping CAPS = new MailboxCommandMapping() {
        public int commandId() { return ID; }
        public int externalCommand() { return MCAP; }
        public String name() { return "MC_DEVICE_CAPABILITIES"; }
        public byte[] toExternalRequest(byte[] r) { return r; }
        public byte[] toInternalResponse(MailboxFrame.Response r) {
            byte[] fields = r.fields();
            if (fields.length != 36) {
                throw new ProtocolException("MC_DEVICE_CAPABILITIES response: " + fields.length + " bytes, expected 36");
            }
            return ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).putInt(r.fipsStatus()).put(fields).array();
        }
    };

    private final List<byte[]> sent = new ArrayList<>();
    private final AtomicReference<MailboxReply> reply = new AtomicReference<>();
    private final MailboxTransport transport = new MailboxTransport(new InProcessMailboxDriver((cmd, req) -> {
        assertEquals(MCAP, cmd);
        sent.add(req);
        return reply.get();
    }), MailboxCommandTable.of(List.of(CAPS)));

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void sendsTheSpecRequestBytesAndReturnsTheInternalResponse() {
        String caps = "00000000000000 01 00000000 00000001 00000000 000000FF 000200EF 00000009 00000000";
        reply.set(new MailboxReply.Data(hex("04FEFFFF 01000000" + caps)));
        transport.connect();
        transport.send(ID, new byte[0]);
        assertArrayEquals(hex("DFFEFFFF"), sent.get(0), "spec/hostlib.md §3.1 MCAP request");
        assertArrayEquals(hex("01000000" + caps), transport.receive());
        var e = assertThrows(TransportException.class, transport::receive);
        assertEquals(Kind.RECEIVE_FAILED, e.kind(), "a response is handed out once");
    }

    @Test
    void badResponseChecksumIsAnInvalidMessage() {
        reply.set(new MailboxReply.Data(hex("05FEFFFF 01000000" + "00".repeat(36))));
        transport.connect();
        var e = assertThrows(TransportException.class, () -> transport.send(ID, new byte[0]));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertTrue(e.getMessage().startsWith("MC_DEVICE_CAPABILITIES response: checksum mismatch"), e.getMessage());
    }

    @Test
    void wrongSizeAndShortFramesAreInvalidMessages() {
        transport.connect();
        reply.set(new MailboxReply.Data(MailboxChecksum.seal(0, new byte[39])));
        assertEquals(Kind.INVALID_MESSAGE, assertThrows(TransportException.class, () -> transport.send(ID, new byte[0])).kind());
        reply.set(new MailboxReply.Complete());
        assertEquals(Kind.INVALID_MESSAGE, assertThrows(TransportException.class, () -> transport.send(ID, new byte[0])).kind());
    }

    @Test
    void deviceErrorsKeepTheirCaliptraCode() {
        transport.connect();
        reply.set(new MailboxReply.Failure(0x000E_0002));
        var e = assertThrows(TransportException.class, () -> transport.send(ID, new byte[0]));
        assertEquals(Kind.DEVICE_ERROR, e.kind());
        assertEquals(0x000E_0002, e.deviceErrorCode().orElseThrow());
        assertEquals("MC_DEVICE_CAPABILITIES failed on the device: RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", e.getMessage());
        assertTrue(e.mayHaveExecuted(), "the device ran it and refused");
        assertTrue(e.vdmCompletionCode().isEmpty(), "a Caliptra code is not a VDM completion code");
        reply.set(new MailboxReply.Busy());
        var busy = assertThrows(TransportException.class, () -> transport.send(ID, new byte[0]));
        assertEquals(Kind.BUSY, busy.kind());
        assertFalse(busy.mayHaveExecuted(), "a held lock means nothing was sent");
        reply.set(new MailboxReply.Timeout(400_000));
        var timeout = assertThrows(TransportException.class, () -> transport.send(ID, new byte[0]));
        assertEquals(Kind.TIMEOUT, timeout.kind());
        assertTrue(timeout.mayHaveExecuted(), "the command was handed over before the polls ran out");
        assertEquals("MC_DEVICE_CAPABILITIES: the device did not answer within 400000 polls of its status", timeout.getMessage());
    }

    @Test
    void unmappedIdsAndDisconnectedUseAreRefused() {
        assertEquals(Kind.DISCONNECTED, assertThrows(TransportException.class, () -> transport.send(ID, new byte[0])).kind());
        assertFalse(transport.isConnected());
        transport.connect();
        assertTrue(transport.isConnected());
        var e = assertThrows(TransportException.class, () -> transport.send(0x7777, new byte[0]));
        assertEquals(Kind.NOT_SUPPORTED, e.kind());
        assertFalse(e.mayHaveExecuted());
        assertEquals("mailbox/in-process: command id 0x7777 has no mailbox mapping", e.getMessage());
        transport.disconnect();
        assertEquals(Kind.DISCONNECTED, assertThrows(TransportException.class, transport::receive).kind());
        assertTrue(sent.isEmpty(), "nothing reached the device");
    }

    @Test
    void anUnsupportedIdCarriesTheCataloguesReason() {
        var table = MailboxCommandTable.of(List.of(CAPS))
                .withUnsupported(java.util.Map.of(0x7005, "GetDebugLog travels over an MCU mailbox or MCTP-VDM, not a Caliptra core mailbox"));
        var t = new MailboxTransport(new InProcessMailboxDriver((c, r) -> {
            throw new AssertionError("nothing may be sent");
        }), table);
        t.connect();
        var e = assertThrows(TransportException.class, () -> t.send(0x7005, new byte[0]));
        assertEquals(Kind.NOT_SUPPORTED, e.kind());
        assertEquals("mailbox/in-process: command id 0x7005 is not supported: GetDebugLog travels over an MCU mailbox or MCTP-VDM,"
                + " not a Caliptra core mailbox", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table.withUnsupported(java.util.Map.of(ID, "mapped already")));
    }

    @Test
    void aDriverThatLostTheLinkRefusesBeforeSending() {
        var driver = new InProcessMailboxDriver((c, r) -> {
            throw new AssertionError("nothing may be sent");
        });
        var t = new MailboxTransport(driver, MailboxCommandTable.of(List.of(CAPS)));
        t.connect();
        driver.disconnect(); // the driver dropped underneath a transport that still thinks it is connected
        var e = assertThrows(TransportException.class, () -> t.send(ID, new byte[0]));
        assertEquals(Kind.CONNECTION_FAILED, e.kind());
        assertFalse(e.mayHaveExecuted());
    }

    @Test
    void tableRejectsDuplicateIds() {
        var e = assertThrows(IllegalArgumentException.class, () -> MailboxCommandTable.of(List.of(CAPS, CAPS)));
        assertTrue(e.getMessage().contains("0x0002"));
    }
}
