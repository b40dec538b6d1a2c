package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.junit.jupiter.api.Test;

/** Outlined families are built when first used, and every built-in outline says what the family really does. */
class LazyCatalogTest {
    @Test
    void everyBuiltInOutlineAgreesWithItsCommandsAndMappings() {
        for (CommandFamily family : CommandCatalog.builtIn().families()) {
            var outline = family.outline().orElseThrow(() -> new AssertionError(family.name() + " has no outline"));
            assertEquals(outline.commands(), family.commands().stream().map(CommandType::id).collect(Collectors.toSet()), family.name());
            for (Route route : Route.values()) {
                if (route.deviceKind().isPresent()) {
                    assertEquals(outline.carried(route), family.mailboxMappings(route.deviceKind().get(), route.generation()).stream()
                            .map(MailboxCommandMapping::commandId).collect(Collectors.toSet()), family.name() + " over " + route);
                }
            }
            for (DeviceKind kind : DeviceKind.values()) {
                assertEquals(family.mailboxMappings(kind, org.caliptra.util.protocol.Generation.V2).stream()
                        .map(MailboxCommandMapping::commandId).toList(), family.mailboxMappings(kind).stream()
                        .map(MailboxCommandMapping::commandId).toList(), family.name() + ": without a generation, 2.x");
            }
            assertEquals(outline.carried(Route.MCTP_VDM), family.vdmMappings().stream().map(m -> m.commandId()).collect(Collectors.toSet()),
                    family.name() + " over VDM");
        }
    }

    /** The device-info family, counting how often its mappings are built. */
    static class CountingFamily implements CommandFamily {
        final AtomicInteger built = new AtomicInteger();
        private final CommandFamily inner = new org.caliptra.util.host.commands.deviceinfo.DeviceInfoFamily();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public List<CommandType<?, ?>> commands() {
            return inner.commands();
        }

        @Override
        public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
            built.incrementAndGet();
            return inner.mailboxMappings(kind);
        }

        @Override
        public List<org.caliptra.util.host.transport.mctp.VdmCommandMapping> vdmMappings() {
            return inner.vdmMappings();
        }

        @Override
        public Optional<Outline> outline() {
            return inner.outline();
        }
    }

    @Test
    void anOutlinedFamilyIsBuiltOnlyWhenOneOfItsCommandsIsSent() {
        var family = new CountingFamily();
        var catalog = CommandCatalog.of(List.of(family));
        var table = catalog.mailboxTable(DeviceKind.MCU);
        assertEquals(4, table.size());
        assertTrue(catalog.mailboxTable(DeviceKind.CALIPTRA_CORE).unsupportedReason(0x0003).orElseThrow()
                .startsWith("GetDeviceId (0x0003) is not carried by a Caliptra 2.x core mailbox"));
        assertEquals(0, family.built.get());
        var ids = new DeviceIdentity(1, 2, 3, 4);
        var port = Harness.answering(McDeviceInfoCommands.MC_DEVICE_ID.encodeResponse(ids));
        var session = port.session(catalog, DeviceKind.MCU);
        assertEquals(ids, DeviceInfo.getDeviceId(session).identity());
        assertEquals(ids, DeviceInfo.getDeviceId(session).identity());
        assertEquals(1, family.built.get());
        assertEquals(Map.of(Route.MCU_MAILBOX, "MC_DEVICE_ID 0x4D444944 (MDID)"), catalog.commandInfo().get(0x0003).carriers());
        assertEquals(Set.of(0x0001, 0x0002, 0x0003, 0x0004), catalog.commandInfo().keySet());
    }

    @Test
    void anOutlineThatPromisesAMappingTheFamilyLacksFailsWhenTheCommandIsSent() {
        var liar = new CountingFamily() {
            @Override
            public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
                return List.of();
            }
        };
        var port = Harness.answering(new byte[8]);
        var session = port.session(CommandCatalog.of(List.of(liar)), DeviceKind.MCU);
        // The session reports a transport's defect as SEND_FAILED, with the defect as its cause.
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.caliptra.util.host.transport.TransportException.class,
                () -> DeviceInfo.getDeviceId(session));
        var defect = org.junit.jupiter.api.Assertions.assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("family 'counting' outlines command id 0x0003 over MCU (MCI) mailbox but does not map it", defect.getMessage());
        assertEquals(List.of(), port.sent());
    }
}
