package org.caliptra.util.host.transport.mctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

class MctpVdmTransportTest {
    private static final int FIRMWARE_VERSION_ID = 0x0001;

    /** FirmwareVersion as the catalogue would map it: the area index goes out as is, the 32-byte version comes back. */
    private static final VdmCommandMapping FIRMWARE_VERSION = new VdmCommandMapping() {
        public int commandId() { return FIRMWARE_VERSION_ID; }
        public int vdmCommand() { return 0x01; }
        public String name() { return "FirmwareVersion (VDM 0x01)"; }
        public byte[] toVdmPayload(byte[] internalRequest) { return internalRequest; }
        public byte[] toInternalResponse(byte[] data) {
            if (data.length != 32) {
                throw new ProtocolException("FirmwareVersion response: " + data.length + " bytes of data, expected 32");
            }
            return data;
        }
    };

    private final List<byte[]> sent = new ArrayList<>();
    private final AtomicReference<byte[]> answer = new AtomicReference<>();
    private final MctpVdmTransport transport = new MctpVdmTransport(new InProcessMctpVdmDriver(request -> {
        sent.add(request);
        return answer.get();
    }), VdmCommandTable.of(List.of(FIRMWARE_VERSION)));

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static byte[] version(String text) {
        return Arrays.copyOf(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 32);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private TransportException failingWith(byte[] response) {
        answer.set(response);
        return assertThrows(TransportException.class, () -> transport.send(FIRMWARE_VERSION_ID, new byte[4]));
    }

    @Test
    void requestBytesAreTheSpecsWorkedExampleAndDataComesBack() {
        // spec/hostlib.md §4.4: FirmwareVersion(area 0) is the VDM message 00 00 A6 7F 80 01 00 00 00 00.
        answer.set(concat(hex("0000A67F 00 01 00000000"), version("2.0.0")));
        transport.connect();
        transport.send(FIRMWARE_VERSION_ID, new byte[4]);
        assertArrayEquals(hex("00 00 A6 7F 80 01 00 00 00 00"), sent.get(0));
        assertArrayEquals(version("2.0.0"), transport.receive());
        assertEquals(Kind.RECEIVE_FAILED, assertThrows(TransportException.class, transport::receive).kind());
        assertEquals("mctp-vdm/in-process", transport.name());
    }

    @Test
    void aShortResponseIsInvalid() {
        transport.connect();
        var e = failingWith(hex("0000A67F 00 01 000000"));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertEquals("FirmwareVersion (VDM 0x01): VDM response: 9 bytes, at least 10 needed", e.getMessage());
    }

    @Test
    void aResponseWithTheRequestBitSetIsInvalid() {
        transport.connect();
        var e = failingWith(concat(hex("0000A67F 80 01 00000000"), version("2.0.0")));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertTrue(e.getMessage().contains("control byte 0x80 at offset 4 has the request bit set"), e.getMessage());
    }

    @Test
    void aResponseToAnotherCommandIsInvalid() {
        transport.connect();
        var e = failingWith(concat(hex("0000A67F 00 02 00000000"), new byte[36]));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertEquals("FirmwareVersion (VDM 0x01) response: command code 0x02 echoed, 0x01 was sent", e.getMessage());
    }

    @Test
    void anotherVendorsMessageIsInvalid() {
        transport.connect();
        var e = failingWith(concat(hex("00001AB4 00 01 00000000"), version("2.0.0")));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertTrue(e.getMessage().contains("IANA enterprise id 0x00001AB4"), e.getMessage());
    }

    @Test
    void anUnknownCompletionCodeIsInvalid() {
        transport.connect();
        var e = failingWith(hex("0000A67F 00 01 10000000"));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertEquals("FirmwareVersion (VDM 0x01) response: unknown completion code 0x10", e.getMessage());
        assertTrue(e.vdmCompletionCode().isEmpty());
    }

    @Test
    void aKnownFailureCodeIsADeviceErrorThatKeepsTheCodeAndItsName() {
        transport.connect();
        var e = failingWith(hex("0000A67F 00 01 0C000000"));
        assertEquals(Kind.DEVICE_ERROR, e.kind());
        assertEquals(0x0C, e.vdmCompletionCode().orElseThrow());
        assertTrue(e.deviceErrorCode().isEmpty(), "a completion code is not a Caliptra error code");
        assertTrue(e.mayHaveExecuted());
        assertEquals("FirmwareVersion (VDM 0x01) failed on the device: completion code ACCESS_DENIED (0x0C)", e.getMessage());
        var busy = failingWith(hex("0000A67F 00 01 C0000000"));
        assertEquals(0xC0, busy.vdmCompletionCode().orElseThrow());
        assertTrue(busy.getMessage().endsWith("CALIPTRA_MAILBOX_BUSY (0xC0)"), busy.getMessage());
    }

    @Test
    void dataOfTheWrongShapeIsInvalid() {
        transport.connect();
        var e = failingWith(concat(hex("0000A67F 00 01 00000000"), new byte[5]));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertEquals("FirmwareVersion response: 5 bytes of data, expected 32", e.getMessage());
    }

    @Test
    void unsupportedAndDisconnectedUseSendNothing() {
        var e = assertThrows(TransportException.class, () -> transport.send(FIRMWARE_VERSION_ID, new byte[4]));
        assertEquals(Kind.DISCONNECTED, e.kind());
        assertFalse(e.mayHaveExecuted());
        transport.connect();
        var unmapped = assertThrows(TransportException.class, () -> transport.send(0x7777, new byte[0]));
        assertEquals(Kind.NOT_SUPPORTED, unmapped.kind());
        assertEquals("mctp-vdm/in-process: command id 0x7777 has no MCTP-VDM mapping", unmapped.getMessage());
        var reasoned = new MctpVdmTransport(new InProcessMctpVdmDriver(r -> {
            throw new AssertionError("nothing may be sent");
        }), VdmCommandTable.of(List.of(FIRMWARE_VERSION)).withUnsupported(Map.of(0x1007, "GetAttestation travels over a mailbox or SPDM")));
        reasoned.connect();
        var why = assertThrows(TransportException.class, () -> reasoned.send(0x1007, new byte[44]));
        assertEquals("mctp-vdm/in-process: command id 0x1007 is not supported: GetAttestation travels over a mailbox or SPDM",
                why.getMessage());
        assertTrue(sent.isEmpty());
    }

    @Test
    void aDroppedDriverFailsBeforeSendingAndNamesTheCommand() {
        var driver = new InProcessMctpVdmDriver(r -> {
            throw new AssertionError("nothing may be sent");
        });
        var t = new MctpVdmTransport(driver, VdmCommandTable.of(List.of(FIRMWARE_VERSION)));
        t.connect();
        driver.disconnect();
        var e = assertThrows(TransportException.class, () -> t.send(FIRMWARE_VERSION_ID, new byte[4]));
        assertEquals(Kind.DISCONNECTED, e.kind());
        assertFalse(e.mayHaveExecuted());
        assertEquals("FirmwareVersion (VDM 0x01): in-process MCTP-VDM driver is not connected", e.getMessage());
    }

    @Test
    void tableRejectsDuplicateIds() {
        var e = assertThrows(IllegalArgumentException.class, () -> VdmCommandTable.of(List.of(FIRMWARE_VERSION, FIRMWARE_VERSION)));
        assertEquals("command id 0x0001 is mapped twice in the MCTP-VDM table: FirmwareVersion (VDM 0x01) and FirmwareVersion (VDM 0x01)",
                e.getMessage());
    }
}
