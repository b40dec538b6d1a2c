package org.caliptra.util.host.transport.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.host.transport.mailbox.MailboxCommandTable;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;
import org.caliptra.util.host.transport.mctp.VdmCommandTable;
import org.caliptra.util.host.transport.plugin.CommandTables;
import org.caliptra.util.host.transport.plugin.DeviceLink;
import org.caliptra.util.host.transport.plugin.TransportConfigurationException;
import org.caliptra.util.host.transport.plugin.TransportInfo;
import org.caliptra.util.host.transport.plugin.TransportRegistry;
import org.caliptra.util.host.transport.plugin.TransportSpec;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.Test;

/** The built-in {@code udp} and {@code mctp-i3c} schemes, as the registry finds them on the class path. */
class SocketTransportProvidersTest {
    private static final MailboxCommandTable MCU = MailboxCommandTable.of(List.of(new MailboxCommandMapping() {
        public int commandId() { return 1; }
        public int externalCommand() { return 0x4D46_5756; }
        public String name() { return "MC_FIRMWARE_VERSION"; }
        public byte[] toExternalRequest(byte[] r) { return r; }
        public byte[] toInternalResponse(MailboxFrame.Response r) { return r.fields(); }
    }));
    private static final MailboxCommandTable CORE = MailboxCommandTable.of(List.of());
    private static final VdmCommandTable VDM = VdmCommandTable.of(List.of());
    private static final CommandTables TABLES = new CommandTables() {
        public MailboxCommandTable mailboxTable(DeviceKind kind) {
            return kind == DeviceKind.MCU ? MCU : CORE;
        }

        public VdmCommandTable vdmTable() {
            return VDM;
        }
    };

    private static DeviceLink link(String uri) {
        try (var registry = TransportRegistry.load(SocketTransportProvidersTest.class.getClassLoader(), List.of())) {
            return registry.link(TransportSpec.parse(uri)).orElseThrow();
        }
    }

    private static String error(String uri) {
        return assertThrows(TransportConfigurationException.class, () -> link(uri)).getMessage();
    }

    @Test
    void bothSchemesAreOnTheClassPath() {
        try (var registry = TransportRegistry.load(getClass().getClassLoader(), List.of())) {
            var names = registry.listTransports().stream().map(TransportInfo::name).toList();
            assertTrue(names.containsAll(List.of("udp", "mctp-i3c")), names.toString());
            // A link provider's transport needs the catalogue's tables.
            var e = assertThrows(TransportConfigurationException.class, () -> registry.create("udp", Map.of()));
            assertTrue(e.getMessage().startsWith("transport 'udp' carries the command catalogue's commands"), e.getMessage());
            var t = assertInstanceOf(MailboxTransport.class, registry.create(TransportSpec.parse("udp://127.0.0.1:9"), TABLES));
            assertEquals("mailbox/udp 127.0.0.1:9", t.name());
            var v = assertInstanceOf(MctpVdmTransport.class, registry.create(TransportSpec.parse("mctp-i3c://127.0.0.1:9"), TABLES));
            assertEquals("mctp-vdm/i3c 127.0.0.1:9 target 0x08", v.name());
            // A plain provider has no link.
            assertTrue(registry.link(TransportSpec.of("loopback-test")).isEmpty());
        }
    }

    @Test
    void udpTargetsNameTheirMailboxAndDefaults() {
        var mcu = assertInstanceOf(DeviceLink.Mailbox.class, link("udp://127.0.0.1:62222"));
        assertEquals(DeviceKind.MCU, mcu.kind());
        assertEquals("udp 127.0.0.1:62222", mcu.driver().name());
        assertEquals(DeviceKind.CALIPTRA_CORE, link("udp://localhost:5000?mailbox=core&timeout=250&retries=0").deviceKind().orElseThrow());
        assertEquals("udp 127.0.0.1:62222", assertInstanceOf(DeviceLink.Mailbox.class, link("udp:")).driver().name());
        // The link's kind picks the table: id 1 is mapped only in the MCU table.
        var mcuTransport = link("udp://127.0.0.1:9?timeout=50&retries=0").transport(TABLES);
        var coreTransport = link("udp://127.0.0.1:9?mailbox=core&timeout=50&retries=0").transport(TABLES);
        mcuTransport.connect();
        coreTransport.connect();
        assertEquals(Kind.TIMEOUT, assertThrows(TransportException.class, () -> mcuTransport.send(1, new byte[0])).kind());
        assertEquals(Kind.NOT_SUPPORTED, assertThrows(TransportException.class, () -> coreTransport.send(1, new byte[0])).kind());
        mcuTransport.close();
        coreTransport.close();
        assertEquals("transport 'udp': unknown mailbox 'soc' (known: mcu, core)", error("udp://127.0.0.1:1?mailbox=soc"));
        assertEquals("transport 'udp': unknown parameter 'addr' (allowed: mailbox, generation, timeout, retries)", error("udp://127.0.0.1:1?addr=8"));
        // The generation of the core behind the link: 1.x cores serve their own codes, an MCU is 2.x.
        assertEquals(org.caliptra.util.protocol.Generation.V2, mcu.generation());
        var v1 = assertInstanceOf(DeviceLink.Mailbox.class, link("udp://127.0.0.1:9?mailbox=core&generation=1.x"));
        assertEquals(org.caliptra.util.protocol.Generation.V1, v1.generation());
        var apbV1 = assertInstanceOf(DeviceLink.Mailbox.class, link("apb://127.0.0.1:9?generation=1"));
        assertEquals(List.of(DeviceKind.CALIPTRA_CORE, org.caliptra.util.protocol.Generation.V1), List.of(apbV1.kind(), apbV1.generation()));
        assertEquals("transport 'udp': generation=1 goes with mailbox=core: a Caliptra 1.x part has no MCU",
                error("udp://127.0.0.1:1?generation=1"));
        assertEquals("transport 'udp': retries=11 is not a count from 0 to 10", error("udp://127.0.0.1:1?retries=11"));
        assertEquals("transport 'udp': timeout=0 is not a number of milliseconds from 1 to 3600000", error("udp://127.0.0.1:1?timeout=0"));
        assertEquals("transport 'udp': parameter 'timeout' = '2s' is not an integer", error("udp://127.0.0.1:1?timeout=2s"));
        assertEquals("transport 'udp': port 0 names no server (1 to 65535)", error("udp://127.0.0.1:0"));
        assertTrue(error("udp:/tmp/x").startsWith("transport 'udp': takes no path ('/tmp/x')"), error("udp:/tmp/x"));
        assertEquals("transport 'udp': unknown host 'no-such-host.invalid'", error("udp://no-such-host.invalid:1"));
    }

    @Test
    void mctpI3cTargetsNameTheirDynamicAddress() {
        var link = assertInstanceOf(DeviceLink.MctpVdm.class, link("mctp-i3c://127.0.0.1:63333?addr=8"));
        assertEquals("i3c 127.0.0.1:63333 target 0x08", link.driver().name());
        assertTrue(link.deviceKind().isEmpty());
        assertEquals("i3c 127.0.0.1:63333 target 0x3F",
                assertInstanceOf(DeviceLink.MctpVdm.class, link("mctp-i3c:?addr=0x3f&timeout=100")).driver().name());
        for (String bad : List.of("7", "0x3e", "0x6e", "0x76", "200")) {
            assertTrue(error("mctp-i3c://127.0.0.1:1?addr=" + bad).startsWith("transport 'mctp-i3c': addr=" + bad
                    + " is not an I3C dynamic address"), bad);
        }
        assertEquals("transport 'mctp-i3c': unknown parameter 'mailbox' (allowed: addr, timeout)",
                error("mctp-i3c://127.0.0.1:1?mailbox=mcu"));
    }
}
