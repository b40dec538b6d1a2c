package org.caliptra.util.host.commands.deviceinfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.session.SessionException;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.junit.jupiter.api.Test;

/**
 * The command against a scripted mailbox port built from the protocol codec, so the host side is
 * tested without the emulator (the two meet only at the protocol seam).
 */
class GetDeviceIdTest {
    private static final DeviceIdentity IDS = new DeviceIdentity(0x8086, 0x1234, 0x1AF4, 0x0001);

    private static CaliptraSession sessionOver(MailboxPort port) {
        var session = new CaliptraSession(new MailboxTransport(new InProcessMailboxDriver(port),
                CommandCatalog.standard().mailboxTable()));
        session.connect();
        return session;
    }

    @Test
    void internalLayoutIsFipsThenFourLittleEndianU16s() {
        var r = new GetDeviceId.Response(0, IDS);
        assertArrayEquals(HexFormat.of().parseHex("00000000" + "8680" + "3412" + "F41A" + "0100"), r.encode());
        assertEquals(r, GetDeviceId.Response.decode(r.encode()));
        assertThrows(ProtocolException.class, () -> GetDeviceId.Response.decode(new byte[11]));
    }

    @Test
    void sendsMdidWithItsChecksumAndDecodesTheAnswer() {
        var session = sessionOver((cmd, req) -> {
            assertEquals(0x4D44_4944, cmd);
            assertArrayEquals(HexFormat.of().parseHex("E2FEFFFF"), req);
            return new MailboxReply.Data(MailboxFrame.sealResponse(0, McDeviceInfoCommands.MC_DEVICE_ID.encodeResponse(IDS)));
        });
        assertEquals(new GetDeviceId.Response(0, IDS), DeviceInfo.getDeviceId(session));
        assertEquals(1, session.statistics().commandsSucceeded());
    }

    @Test
    void aTruncatedAnswerIsReportedWithSizes() {
        var session = sessionOver((cmd, req) -> new MailboxReply.Data(
                org.caliptra.util.protocol.mailbox.MailboxChecksum.seal(0, new byte[10])));
        var e = assertThrows(TransportException.class, () -> DeviceInfo.getDeviceId(session));
        assertEquals(TransportException.Kind.INVALID_MESSAGE, e.kind());
        assertEquals("GetDeviceId (0x0003): MC_DEVICE_ID response: 6 bytes, expected exactly 8; field 'subsystem_id' at offset 6 needs 2 bytes, only 0 remain",
                e.getMessage());
        assertEquals(1, session.statistics().commandsFailed());
    }

    @Test
    void notConnectedIsASessionError() {
        var session = new CaliptraSession(new MailboxTransport(new InProcessMailboxDriver((c, r) -> {
            throw new AssertionError("must not reach the device");
        }), CommandCatalog.standard().mailboxTable()));
        var e = assertThrows(SessionException.class, () -> DeviceInfo.getDeviceId(session));
        assertTrue(e.getMessage().contains("needs a connected session"));
    }

    @Test
    void standardCatalogueHasTheDeviceInfoFamily() {
        var catalog = CommandCatalog.standard();
        assertTrue(catalog.families().stream().anyMatch(f -> f instanceof DeviceInfoFamily));
        assertEquals(0x4D44_4944, catalog.mailboxTable().lookup(0x0003).orElseThrow().externalCommand());
    }
}
