package org.caliptra.util.host.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;
import org.junit.jupiter.api.Test;

class TransportExceptionTest {
    @Test
    void onlyKindsThatStopBeforeSendingDefaultToBeforeSend() {
        for (Kind kind : Kind.values()) {
            boolean nothingSent = kind == Kind.DISCONNECTED || kind == Kind.NOT_SUPPORTED || kind == Kind.BUSY;
            assertEquals(!nothingSent, new TransportException(kind, "x").mayHaveExecuted(), kind.name());
        }
        assertFalse(new TransportException(Kind.CONNECTION_FAILED, Phase.BEFORE_SEND, "x", null).mayHaveExecuted(),
                "whoever raises it may say better");
    }

    @Test
    void contextKeepsKindPhaseAndBothCodeSpaces() {
        var mailbox = TransportException.deviceError("MC_FOO", 0x000E_0002);
        var framed = mailbox.withContext("Foo (0x0001)");
        assertEquals("Foo (0x0001): MC_FOO failed on the device: RUNTIME_UNIMPLEMENTED_COMMAND (0x000E0002)", framed.getMessage());
        assertEquals(Kind.DEVICE_ERROR, framed.kind());
        assertEquals(Phase.AFTER_SEND, framed.phase());
        assertEquals(0x000E_0002, framed.deviceErrorCode().orElseThrow());
        assertTrue(framed.vdmCompletionCode().isEmpty());
        assertSame(mailbox, framed.getCause());

        var vdm = TransportException.vdmDeviceError("FirmwareVersion", 0x0C).withContext("GetFirmwareVersion (0x0001)");
        assertEquals("GetFirmwareVersion (0x0001): FirmwareVersion failed on the device: completion code ACCESS_DENIED (0x0C)",
                vdm.getMessage());
        assertEquals(0x0C, vdm.vdmCompletionCode().orElseThrow());
        assertTrue(vdm.deviceErrorCode().isEmpty());

        var busy = new TransportException(Kind.BUSY, "locked").withContext("Foo (0x0001)");
        assertFalse(busy.mayHaveExecuted());
        assertThrows(IllegalArgumentException.class, () -> TransportException.vdmDeviceError("x", 0));
    }
}
