package org.caliptra.util.host.transport.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;
import org.caliptra.util.host.transport.plugin.CommandTables;
import org.caliptra.util.host.transport.plugin.TransportConfigurationException;
import org.caliptra.util.host.transport.plugin.TransportInfo;
import org.caliptra.util.host.transport.plugin.TransportRegistry;
import org.caliptra.util.host.transport.plugin.TransportSpec;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four built-in socket schemes: found on the class path, links configured from target URIs, transports carrying the caller's table. */
class SocketTransportProviderTest {
    @TempDir
    Path dir;

    /** One command, internal id 0x0042 ↔ external 0x4D465756 (MFWV), fields passed through; the table records who asked for which kind. */
    private static final class Tables implements CommandTables {
        final List<DeviceKind> asked = new ArrayList<>();

        @Override
        public MailboxCommandTable mailboxTable(DeviceKind kind) {
            asked.add(kind);
            return MailboxCommandTable.of(List.of(new MailboxCommandMapping() {
                public int commandId() { return 0x0042; }
                public int externalCommand() { return 0x4D46_5756; }
                public String name() { return "MC_FIRMWARE_VERSION"; }
                public byte[] toExternalRequest(byte[] internal) { return internal; }
                public byte[] toInternalResponse(MailboxFrame.Response response) { return response.fields(); }
            }));
        }

        @Override
        public VdmCommandTable vdmTable() {
            throw new AssertionError("no socket transport here speaks MCTP-VDM");
        }
    }

    private static TransportRegistry registry() {
        return TransportRegistry.load(SocketTransportProviderTest.class.getClassLoader(), List.of());
    }

    @Test
    void theFourSchemesAreOnTheClassPath() {
        try (var registry = registry()) {
            var names = registry.listTransports().stream().map(TransportInfo::name).toList();
            assertTrue(names.containsAll(List.of("apb", "apb+unix", "mbox", "mbox+unix")), names.toString());
            var apb = registry.listTransports().stream().filter(i -> i.name().equals("apb+unix")).findFirst().orElseThrow();
            assertTrue(apb.description().startsWith("the mailbox through CPTR register accesses over a Unix socket"), apb.description());
        }
    }

    @Test
    void theMailboxParameterPicksTheTableAndTheKind() {
        try (var registry = registry()) {
            var cases = List.of(
                    new Object[] {"apb://127.0.0.1:40001", DeviceKind.CALIPTRA_CORE, "mailbox/apb 127.0.0.1:40001 registers:mbox_csr"},
                    new Object[] {"apb+unix:/run/c.sock?mailbox=mcu", DeviceKind.MCU, "mailbox/apb unix:/run/c.sock registers:MCI mailbox 0"},
                    new Object[] {"mbox://127.0.0.1:40002", DeviceKind.MCU, "mailbox/mbox 127.0.0.1:40002"},
                    new Object[] {"mbox+unix:/run/m.sock?mailbox=core&timeout=500", DeviceKind.CALIPTRA_CORE, "mailbox/mbox unix:/run/m.sock"});
            for (Object[] c : cases) {
                var spec = TransportSpec.parse((String) c[0]);
                assertEquals(Optional.of(c[1]), registry.link(spec).orElseThrow().deviceKind(), (String) c[0]);
                var tables = new Tables();
                var transport = assertInstanceOf(MailboxTransport.class, registry.create(spec, tables));
                assertEquals(List.of(c[1]), tables.asked, (String) c[0]);
                assertEquals(c[2], transport.name());
            }
        }
    }

    @Test
    void badTargetsAreNamed() {
        try (var registry = registry()) {
            for (String[] c : new String[][] {
                    {"apb+unix:", "transport 'apb+unix': needs a socket path: apb+unix:PATH"},
                    {"apb://127.0.0.1", "transport 'apb': needs a port from 1 to 65535: apb://HOST:PORT"},
                    {"mbox://127.0.0.1:0", "transport 'mbox': needs a port from 1 to 65535: mbox://HOST:PORT"},
                    {"mbox://127.0.0.1:4/x", "transport 'mbox': takes no path: mbox://HOST:PORT"},
                    {"apb://127.0.0.1:1?mailbox=mci", "transport 'apb': unknown mailbox 'mci' (known: mcu, core)"},
                    {"apb://127.0.0.1:1?mci=0x21000000", "transport 'apb': mci goes with mailbox=mcu: it places the MCU mailbox"},
                    {"apb://127.0.0.1:1?mailbox=mcu&mci=0x21001000", "transport 'apb': mci 0x21001000 is not 16 MiB aligned"},
                    {"mbox+unix:/x?timeout=0", "transport 'mbox+unix': timeout 0: a number of milliseconds from 1 to 3600000"},
                    {"mbox+unix:/x?mci=1", "transport 'mbox+unix': unknown parameter 'mci' (mbox+unix takes path, mailbox, generation, connect-timeout, timeout)"}}) {
                var e = assertThrows(TransportConfigurationException.class, () -> registry.create(TransportSpec.parse(c[0]), new Tables()));
                assertEquals(c[1], e.getMessage(), c[0]);
            }
            var noTables = assertThrows(TransportConfigurationException.class, () -> registry.create(TransportSpec.parse("mbox://127.0.0.1:1")));
            assertTrue(noTables.getMessage().startsWith("transport 'mbox' carries the command catalogue's commands"), noTables.getMessage());
        }
    }

    /** A whole command through the MBOX transport: framed request out, framed response back, checksums by the transport. */
    @Test
    void aCommandTravelsThroughTheMboxTransport() throws Exception {
        byte[] response = MailboxFrame.sealResponse(0, new byte[] {5, 0, 0, 0, '2', '.', '0', '.', '0'});
        var frames = new ArrayList<byte[]>();
        try (var server = FakeServer.unix(dir.resolve("m.sock"), c -> {
            while (true) {
                frames.add(c.readFrame());
                c.write(new MboxMessage.Response(org.caliptra.util.protocol.mailbox.MailboxStatus.CMD_COMPLETE,
                        org.caliptra.util.protocol.Octets.of(response)).encode());
            }
        }); var registry = registry()) {
            try (var transport = registry.create(TransportSpec.parse("mbox+unix:" + dir.resolve("m.sock")), new Tables())) {
                transport.connect();
                transport.send(0x0042, new byte[] {0, 0, 0, 0});
                assertArrayEquals(new byte[] {5, 0, 0, 0, '2', '.', '0', '.', '0'}, transport.receive());
            }
            // MC_FIRMWARE_VERSION index 0, sealed by the transport: C0 FE FF FF 00 00 00 00 (spec/hostlib.md §3.1).
            assertArrayEquals(MboxMessage.Execute.of(0x4D46_5756, java.util.HexFormat.of().parseHex("c0feffff00000000")).encode(),
                    frames.get(0));
        }
    }

    /**
     * The MBOX statuses as the session sees them: a locked mailbox is BUSY and certainly did not run
     * the command; an unanswered one is a TIMEOUT that may have; a refusal keeps its Caliptra code.
     */
    @Test
    void mboxOutcomesBecomeTransportErrorsThatSayWhetherTheCommandMayHaveRun() throws Exception {
        var replies = List.of("584f424d 0100 0200 08000000 00000000 00000000", "584f424d 0100 0200 08000000 03000000 00000000",
                "584f424d 0100 0200 0c000000 03000000 04000000 02000e00");
        try (var server = FakeServer.unix(dir.resolve("m.sock"), c -> {
            for (String reply : replies) {
                c.readFrame();
                c.write(java.util.HexFormat.of().parseHex(reply.replace(" ", "")));
            }
        }); var registry = registry(); var transport = registry.create(TransportSpec.parse("mbox+unix:" + dir.resolve("m.sock")), new Tables())) {
            transport.connect();
            var busy = assertThrows(TransportException.class, () -> transport.send(0x0042, new byte[4]));
            assertEquals(TransportException.Kind.BUSY, busy.kind());
            assertEquals(false, busy.mayHaveExecuted());
            var timeout = assertThrows(TransportException.class, () -> transport.send(0x0042, new byte[4]));
            assertEquals(TransportException.Kind.TIMEOUT, timeout.kind());
            assertEquals(true, timeout.mayHaveExecuted());
            var refused = assertThrows(TransportException.class, () -> transport.send(0x0042, new byte[4]));
            assertEquals(TransportException.Kind.DEVICE_ERROR, refused.kind());
            assertEquals(java.util.OptionalInt.of(0x000E_0002), refused.deviceErrorCode());
        }
    }
}
