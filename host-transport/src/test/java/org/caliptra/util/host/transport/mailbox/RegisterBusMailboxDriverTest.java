package org.caliptra.util.host.transport.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.mailbox.FakeRegisterMailbox.Answer;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.testsupport.RecordingBus;
import org.junit.jupiter.api.Test;

class RegisterBusMailboxDriverTest {
    private static final int MCAP = 0x4D43_4150;
    private static final int MCI_BASE = 0x2100_0000;
    private static final String CAPS = "00000000000000 01 00000000 00000001 00000000 000000FF 000200EF 00000009 00000000";

    private static final MailboxCommandMapping CAPABILITIES = new MailboxCommandMapping() {
        public int commandId() { return 0x0002; }
        public int externalCommand() { return MCAP; }
        public String name() { return "MC_DEVICE_CAPABILITIES"; }
        public byte[] toExternalRequest(byte[] r) { return r; }
        public byte[] toInternalResponse(MailboxFrame.Response r) {
            if (r.fields().length != 36) {
                throw new ProtocolException("MC_DEVICE_CAPABILITIES response: " + r.fields().length + " bytes, expected 36");
            }
            return ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).putInt(r.fipsStatus()).put(r.fields()).array();
        }
    };

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static MailboxTransport transportOver(RegisterBusMailboxDriver driver) {
        var t = new MailboxTransport(driver, MailboxCommandTable.of(List.of(CAPABILITIES)));
        t.connect();
        return t;
    }

    @Test
    void theCoreMailboxCarriesTheSpecBytesThroughItsFifo() {
        var device = new FakeRegisterMailbox(MailboxRegisters.core(Generation.V2), (cmd, req) -> Answer.data(hex("04FEFFFF 01000000" + CAPS)));
        var driver = RegisterBusMailboxDriver.core(device, Generation.V2);
        assertEquals(DeviceKind.CALIPTRA_CORE, driver.deviceKind());
        var t = transportOver(driver);
        t.send(0x0002, new byte[0]);
        assertEquals(MCAP, device.command);
        assertArrayEquals(hex("DFFEFFFF"), device.received, "spec/hostlib.md §3.1 MCAP request in SRAM");
        assertArrayEquals(hex("01000000" + CAPS), t.receive());
        assertEquals(0, device.violations);
        assertFalse(device.locked, "the mailbox is released");
        assertEquals("mailbox/registers:mbox_csr", t.name());
    }

    @Test
    void theMcuMailboxIsFoundAtItsMciBase() {
        var regs = MailboxRegisters.mcu(MCI_BASE, 16 * 1024);
        var recording = new RecordingBus(new FakeRegisterMailbox(regs, (cmd, req) -> Answer.data(hex("04FEFFFF 01000000" + CAPS))));
        var driver = RegisterBusMailboxDriver.mcu(recording, MCI_BASE, 16 * 1024);
        assertEquals(DeviceKind.MCU, driver.deviceKind());
        var t = transportOver(driver);
        t.send(0x0002, new byte[0]);
        assertArrayEquals(hex("01000000" + CAPS), t.receive());
        // spec/device.md: MCI mailbox 0 CSRs at base + 0x60_0000, its SRAM at base + 0x40_0000.
        assertTrue(recording.firstWrite(0x2160_0010, MCAP) >= 0, "CMD written at the MCI mailbox's CMD register");
        assertTrue(recording.firstWrite(0x2140_0000, 0xFFFF_FEDF) >= 0, "the checksum written into the SRAM window");
        assertTrue(recording.firstWrite(0x2160_0018, 1) < recording.firstWrite(0x2160_0018, 0), "EXECUTE set, then cleared");
    }

    @Test
    void aFailureKeepsTheDevicesErrorCodeAndName() {
        var device = new FakeRegisterMailbox(MailboxRegisters.mcu(MCI_BASE, 1024), (cmd, req) -> Answer.failure(0x000E_0002));
        var t = transportOver(RegisterBusMailboxDriver.mcu(device, MCI_BASE, 1024));
        var e = assertThrows(TransportException.class, () -> t.send(0x0002, new byte[0]));
        assertEquals(Kind.DEVICE_ERROR, e.kind());
        assertEquals(0x000E_0002, e.deviceErrorCode().orElseThrow());
        assertEquals("MC_DEVICE_CAPABILITIES failed on the device: RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", e.getMessage());
    }

    @Test
    void aHeldLockIsBusyAndNothingIsWritten() {
        var device = new FakeRegisterMailbox(MailboxRegisters.core(Generation.V1), (cmd, req) -> {
            throw new AssertionError("nothing may be executed");
        });
        device.locked = true;
        var t = transportOver(RegisterBusMailboxDriver.core(device, Generation.V1));
        var e = assertThrows(TransportException.class, () -> t.send(0x0002, new byte[0]));
        assertEquals(Kind.BUSY, e.kind());
        assertFalse(e.mayHaveExecuted());
        assertEquals(0, device.command);
        assertEquals(0, device.commands);
    }

    @Test
    void aDeviceThatNeverAnswersIsATimeoutAfterTheConfiguredPolls() {
        var regs = MailboxRegisters.core(Generation.V1);
        var recording = new RecordingBus(new FakeRegisterMailbox(regs, (cmd, req) -> Answer.neverAnswers()));
        var t = transportOver(new RegisterBusMailboxDriver(DeviceKind.CALIPTRA_CORE, recording, regs, 25));
        var e = assertThrows(TransportException.class, () -> t.send(0x0002, new byte[0]));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.mayHaveExecuted());
        assertEquals("MC_DEVICE_CAPABILITIES: the device did not answer within 25 polls of its status", e.getMessage());
        assertEquals(25, recording.count(RecordingBus.Access.Kind.READ, regs.status()));
    }

    @Test
    void aBusThatFailsMidTransactionIsACommunicationFailureThatMayHaveExecuted() {
        var device = new FakeRegisterMailbox(MailboxRegisters.core(Generation.V1), (cmd, req) -> Answer.neverAnswers());
        device.failStatusRead = new UncheckedIOException(new IOException("connection reset"));
        var t = transportOver(RegisterBusMailboxDriver.core(device, Generation.V1));
        var e = assertThrows(TransportException.class, () -> t.send(0x0002, new byte[0]));
        assertEquals(Kind.CONNECTION_FAILED, e.kind());
        assertTrue(e.mayHaveExecuted());
        assertEquals("MC_DEVICE_CAPABILITIES: mbox_csr bus failed: connection reset", e.getMessage());
    }

    @Test
    void aDeviceThatBreaksTheProtocolIsAnInvalidMessage() {
        var device = new FakeRegisterMailbox(MailboxRegisters.core(Generation.V1), (cmd, req) -> new Answer(7, new byte[0], 0));
        var t = transportOver(RegisterBusMailboxDriver.core(device, Generation.V1));
        var e = assertThrows(TransportException.class, () -> t.send(0x0002, new byte[0]));
        assertEquals(Kind.INVALID_MESSAGE, e.kind());
        assertEquals("MC_DEVICE_CAPABILITIES: mbox_csr status of command 0x4D434150 reads reserved value 7", e.getMessage());
    }

    @Test
    void aRequestLargerThanTheMailboxIsRefusedBeforeTheLock() {
        var device = new FakeRegisterMailbox(MailboxRegisters.mcu(MCI_BASE, 64), (cmd, req) -> {
            throw new AssertionError("nothing may be executed");
        });
        var driver = RegisterBusMailboxDriver.mcu(device, MCI_BASE, 64);
        driver.connect();
        var e = assertThrows(MailboxException.class, () -> driver.sendCommand(MCAP, new byte[68]));
        assertEquals(MailboxException.Kind.BUFFER_OVERFLOW, e.kind());
        assertEquals("request of 68 bytes exceeds the 64-byte MCI mailbox 0", e.getMessage());
        assertFalse(device.locked);
    }

    @Test
    void anUnconnectedDriverSendsNothing() {
        var device = new FakeRegisterMailbox(MailboxRegisters.core(Generation.V1), (cmd, req) -> {
            throw new AssertionError("nothing may be executed");
        });
        var e = assertThrows(MailboxException.class, () -> RegisterBusMailboxDriver.core(device, Generation.V1).sendCommand(MCAP, new byte[4]));
        assertEquals(MailboxException.Kind.NOT_READY, e.kind());
        assertFalse(device.locked);
    }
}
