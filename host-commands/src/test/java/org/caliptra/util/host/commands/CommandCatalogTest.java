package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoFamily;
import org.caliptra.util.host.commands.deviceinfo.GetDeviceId;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.Test;

/** The catalogue: every id defined once, the per-route tables, reasons, listing, plugins on the class path. */
class CommandCatalogTest {
    /** A plugin family registered in this module's test resources, as a third-party jar would. */
    public static final class EchoPluginFamily implements CommandFamily {
        static final int ID = 0x7E01;
        static final CommandType<Echo, Integer> TYPE = CommandType.custom(ID, "PluginEcho", Echo.class, true, "echoes a word",
                Codec.fixed(4, (v, out) -> out.u32(v.word()), in -> new Echo(in.u32("word"))),
                Codec.fixed(4, (v, out) -> out.u32(v), in -> in.u32("word")), () -> new Echo(7));

        record Echo(int word) implements CatalogCommand<Integer> {
            @Override
            public CommandType<Echo, Integer> type() {
                return TYPE;
            }
        }

        @Override
        public String name() {
            return "echo-plugin";
        }

        @Override
        public List<CommandType<?, ?>> commands() {
            return List.of(TYPE);
        }

        @Override
        public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
            return kind == DeviceKind.MCU ? List.of(new Mapping(ID, "PLUGIN_ECHO")) : List.of();
        }
    }

    record Mapping(int commandId, String name) implements MailboxCommandMapping {
        @Override
        public int externalCommand() {
            return 0x4543_484F;
        }

        @Override
        public byte[] toExternalRequest(byte[] internalRequest) {
            return internalRequest;
        }

        @Override
        public byte[] toInternalResponse(MailboxFrame.Response response) {
            return response.fields();
        }
    }

    /** spec/hostlib.md §2.1, mailbox column, plus this catalogue's additions; code as the MCI CMD value. */
    private static final Map<Integer, Integer> MCU_CODES = new TreeMap<>(Map.ofEntries(
            Map.entry(0x0001, 0x4D46_5756), Map.entry(0x0002, 0x4D43_4150), Map.entry(0x0003, 0x4D44_4944),
            Map.entry(0x0004, 0x4D44_494E), Map.entry(0x1005, 0x4D45_4143), Map.entry(0x1007, 0x4D47_4154),
            Map.entry(0x2001, 0x4D43_5349), Map.entry(0x2002, 0x4D43_5355), Map.entry(0x2003, 0x4D43_5346),
            Map.entry(0x2013, 0x4D43_484D), Map.entry(0x2014, 0x4D43_4B43), Map.entry(0x2015, 0x4D43_494D),
            Map.entry(0x2016, 0x4D43_444C), Map.entry(0x2030, 0x4D43_5247), Map.entry(0x2031, 0x4D43_5253),
            Map.entry(0x2032, 0x4D43_5354), Map.entry(0x3001, 0x4D43_4349), Map.entry(0x3002, 0x4D43_4355),
            Map.entry(0x3003, 0x4D43_414A), Map.entry(0x3004, 0x4D43_4155), Map.entry(0x3010, 0x4D43_4749),
            Map.entry(0x3011, 0x4D43_4755), Map.entry(0x3012, 0x4D43_4746), Map.entry(0x3013, 0x4D43_4449),
            Map.entry(0x3014, 0x4D43_4455), Map.entry(0x3015, 0x4D43_4446), Map.entry(0x4001, 0x4D43_4553),
            Map.entry(0x4002, 0x4D43_4556), Map.entry(0x4003, 0x4D43_4547), Map.entry(0x4004, 0x4D43_4550),
            Map.entry(0x4005, 0x4D43_4546), Map.entry(0x4012, 0x4D4C_4D56), Map.entry(0x4020, 0x4D4D_4C50),
            Map.entry(0x4021, 0x4D4D_4C53), Map.entry(0x4022, 0x4D4D_4C56), Map.entry(0x7005, 0x4D47_4C47),
            Map.entry(0x7008, 0x4D43_4C47), Map.entry(0x7010, 0x4D50_5552), Map.entry(0x7011, 0x4D50_5554),
            Map.entry(0x8001, 0x4946_5052), Map.entry(0x8002, 0x4946_5057), Map.entry(0x8003, 0x4946_504B),
            Map.entry(0x8010, 0x4D41_4343), Map.entry(0x8011, 0x4D43_4650), Map.entry(0x8012, 0x5056_504B),
            Map.entry(0x8013, 0x4D43_4D53), Map.entry(0x8014, 0x4D52_564B), Map.entry(0x8015, 0x5256_4B48),
            Map.entry(0x8016, 0x4946_504B), Map.entry(0x8017, 0x504F_504B), Map.entry(0x8020, 0x11), Map.entry(0x8021, 0x11),
            Map.entry(0x8022, 0x11), Map.entry(0x8023, 0x11), Map.entry(0x8024, 0x11), Map.entry(0x8025, 0x11),
            Map.entry(0x8026, 0x11), Map.entry(0x8027, 0x11), Map.entry(0x8028, 0x11), Map.entry(0x8029, 0x11)));

    /** Caliptra 2.x core runtime codes (spec/device.md §4.1, §4.4). */
    private static final Map<Integer, Integer> CORE_CODES = new TreeMap<>(Map.ofEntries(
            Map.entry(0x0001, 0x4650_5652), Map.entry(0x0002, 0x4341_5053), Map.entry(0x1001, 0x4944_4543),
            Map.entry(0x1002, 0x4C44_4556), Map.entry(0x1003, 0x4345_5246), Map.entry(0x1004, 0x4345_5252),
            Map.entry(0x1005, 0x4145_4352), Map.entry(0x1006, 0x4944_4352), Map.entry(0x2001, 0x434D_5349),
            Map.entry(0x2002, 0x434D_5355), Map.entry(0x2003, 0x434D_5346), Map.entry(0x2013, 0x434D_484D),
            Map.entry(0x2014, 0x434D_4B43), Map.entry(0x2015, 0x434D_494D), Map.entry(0x2016, 0x434D_444C),
            Map.entry(0x2030, 0x434D_5247), Map.entry(0x2031, 0x434D_5253), Map.entry(0x2032, 0x434D_5354),
            Map.entry(0x3001, 0x434D_4149), Map.entry(0x3002, 0x434D_4155), Map.entry(0x3003, 0x434D_414A),
            Map.entry(0x3004, 0x434D_4156), Map.entry(0x3010, 0x434D_4749), Map.entry(0x3011, 0x434D_4755),
            Map.entry(0x3012, 0x434D_4746), Map.entry(0x3013, 0x434D_4449), Map.entry(0x3014, 0x434D_4455),
            Map.entry(0x3015, 0x434D_4446), Map.entry(0x4001, 0x434D_4553), Map.entry(0x4002, 0x434D_4556),
            Map.entry(0x4003, 0x434D_4547), Map.entry(0x4004, 0x434D_4550), Map.entry(0x4005, 0x434D_4546),
            Map.entry(0x4012, 0x4C4D_5632), Map.entry(0x4020, 0x434D_4D50), Map.entry(0x4021, 0x434D_4D53),
            Map.entry(0x4022, 0x434D_4D56), Map.entry(0x7010, 0x5044_5552), Map.entry(0x7011, 0x5044_5554)));

    /**
     * Caliptra 1.x core runtime codes (spec/device.md §4.1, the 1.x column): VERSION ("FIPS_VERSION"),
     * CAPABILITIES, GET_IDEV_CERT, GET_LDEV_CERT, GET_FMC_ALIAS_CERT, GET_RT_ALIAS_CERT, GET_IDEV_CSR.
     */
    private static final Map<Integer, Integer> CORE_1X_CODES = new TreeMap<>(Map.ofEntries(
            Map.entry(0x0001, 0x4650_5652), Map.entry(0x0002, 0x4341_5053), Map.entry(0x1001, 0x4944_4543),
            Map.entry(0x1002, 0x4C44_4556), Map.entry(0x1003, 0x4345_5246), Map.entry(0x1004, 0x4345_5252),
            Map.entry(0x1006, 0x4944_4352)));

    /** spec/hostlib.md §2.1, MCTP VDM column. */
    private static final Map<Integer, Integer> VDM_CODES = Map.of(0x0001, 0x01, 0x0002, 0x02, 0x7005, 0x03, 0x7008, 0x04);

    private static Map<Integer, Integer> codes(CommandCatalog catalog, DeviceKind kind) {
        return codes(catalog.mailboxTable(kind), catalog);
    }

    private static Map<Integer, Integer> codes(org.caliptra.util.host.transport.mailbox.MailboxCommandTable table, CommandCatalog catalog) {
        var codes = new TreeMap<Integer, Integer>();
        for (CommandType<?, ?> t : catalog.commands()) {
            table.lookup(t.id()).ifPresent(m -> codes.put(t.id(), m.externalCommand()));
        }
        return codes;
    }

    @Test
    void everyInternalIdIsDefinedOnceUnderItsReferenceName() {
        var catalog = CommandCatalog.builtIn();
        assertEquals(Arrays.stream(CommandId.values()).map(CommandId::value).collect(Collectors.toSet()),
                catalog.commands().stream().map(CommandType::id).collect(Collectors.toSet()));
        for (CommandId id : CommandId.values()) {
            CommandType<?, ?> type = catalog.command(id.value()).orElseThrow();
            assertEquals(id.commandName(), type.name());
            assertEquals(id.commandName(), type.example().name());
            assertEquals(id.value(), type.example().commandId());
        }
        assertEquals(80, CommandId.values().length);
        // This library's extensions, and only they, sit in 0x2030..0x203F.
        assertEquals(Set.of(CommandId.RANDOM_GENERATE, CommandId.RANDOM_STIR, CommandId.CM_STATUS),
                Arrays.stream(CommandId.values()).filter(CommandId::extension).collect(Collectors.toSet()));
    }

    @Test
    void eachRouteCarriesExactlyTheExpectedIdsAsTheExpectedCodes() {
        var catalog = CommandCatalog.builtIn();
        assertEquals(MCU_CODES, codes(catalog, DeviceKind.MCU));
        assertEquals(CORE_CODES, codes(catalog, DeviceKind.CALIPTRA_CORE));
        assertEquals(CORE_CODES, codes(catalog.mailboxTable(DeviceKind.CALIPTRA_CORE, Generation.V2), catalog), "2.x is the default");
        assertEquals(CORE_1X_CODES, codes(catalog.mailboxTable(DeviceKind.CALIPTRA_CORE, Generation.V1), catalog));
        assertEquals(MCU_CODES, codes(catalog.mailboxTable(DeviceKind.MCU, Generation.V2), catalog));
        var noMcu = assertThrows(IllegalArgumentException.class, () -> catalog.mailboxTable(DeviceKind.MCU, Generation.V1));
        assertTrue(noMcu.getMessage().contains("no MCU mailbox"), noMcu.getMessage());
        var vdm = new TreeMap<Integer, Integer>();
        for (CommandType<?, ?> t : catalog.commands()) {
            catalog.vdmTable().lookup(t.id()).ifPresent(m -> vdm.put(t.id(), m.vdmCommand()));
        }
        assertEquals(new TreeMap<>(VDM_CODES), vdm);
        assertEquals(MCU_CODES.size(), catalog.mailboxTable().size());
    }

    @Test
    void eachCoreRouteSendsOnlyWhatItsGenerationsRuntimeServesAndLeavesOutOnlyWhatItLacks() {
        var catalog = CommandCatalog.builtIn();
        for (Generation g : Generation.values()) {
            var table = catalog.mailboxTable(DeviceKind.CALIPTRA_CORE, g);
            for (CommandType<?, ?> t : catalog.commands()) {
                table.lookup(t.id()).ifPresent(m -> {
                    var command = CaliptraCommand.fromCode(m.externalCommand())
                            .orElseThrow(() -> new AssertionError(t + ": " + m.name() + " is no Caliptra core command"));
                    assertTrue(command.acceptedBy(g, CaliptraCommand.Stage.RUNTIME), t + " on a " + g.label() + " core is "
                            + command.nameIn(g) + ", which its runtime does not accept (spec/device.md §4)");
                });
            }
        }
        // What the 1.x route leaves out of the 2.x one, a 1.x runtime does not have under the 2.x code; LmsVerify's
        // 1.x form (LMS_VERIFY, "LMSV") exists but takes its digest from the SHA accelerator, out of a mailbox's reach.
        var v2 = catalog.mailboxTable(DeviceKind.CALIPTRA_CORE, Generation.V2);
        var v1 = catalog.mailboxTable(DeviceKind.CALIPTRA_CORE, Generation.V1);
        var left = new java.util.TreeSet<Integer>();
        for (CommandType<?, ?> t : catalog.commands()) {
            if (v2.lookup(t.id()).isPresent() && v1.lookup(t.id()).isEmpty()) {
                left.add(t.id());
                var command = CaliptraCommand.fromCode(v2.lookup(t.id()).orElseThrow().externalCommand()).orElseThrow();
                assertFalse(command.acceptedBy(Generation.V1, CaliptraCommand.Stage.RUNTIME), t + " as " + command);
            }
        }
        assertTrue(CaliptraCommand.LMS_VERIFY.acceptedBy(Generation.V1, CaliptraCommand.Stage.RUNTIME));
        assertEquals(CORE_CODES.size() - CORE_1X_CODES.size(), left.size());
        assertTrue(left.contains(0x4012) && left.contains(0x1005) && left.contains(0x7010) && left.contains(0x2030), left.toString());
    }

    @Test
    void everyIdARouteDoesNotCarryHasAReasonNamingWhereItTravels() {
        var catalog = CommandCatalog.builtIn();
        for (CommandType<?, ?> t : catalog.commands()) {
            for (Route route : EnumSet.of(Route.MCU_MAILBOX, Route.CORE_MAILBOX, Route.CORE_MAILBOX_1X)) {
                var table = catalog.mailboxTable(route);
                assertTrue(table.lookup(t.id()).isPresent() != table.unsupportedReason(t.id()).isPresent(), t + " on " + route);
            }
            assertTrue(catalog.vdmTable().lookup(t.id()).isPresent() != catalog.vdmTable().unsupportedReason(t.id()).isPresent(),
                    t + " over VDM");
        }
        assertEquals("DebugGetLog (0x7005) is not carried by a Caliptra 2.x core mailbox; it travels over an MCU (MCI) mailbox or "
                + "MCTP-VDM (the MCU's vendor-defined message responder)",
                catalog.mailboxTable(DeviceKind.CALIPTRA_CORE).unsupportedReason(0x7005).orElseThrow());
        assertEquals("GetIdevidCert (0x1001) is not carried by an MCU (MCI) mailbox; it travels over a Caliptra 2.x core mailbox or "
                + "a Caliptra 1.x core mailbox", catalog.mailboxTable(DeviceKind.MCU).unsupportedReason(0x1001).orElseThrow());
        assertTrue(catalog.vdmTable().unsupportedReason(0x2001).orElseThrow().contains("it travels over an MCU (MCI) mailbox or "
                + "a Caliptra 2.x core mailbox"));
        // On a 1.x core: what a 2.x core would carry says so; what only the MCU carries names the MCU.
        var v1 = catalog.mailboxTable(DeviceKind.CALIPTRA_CORE, Generation.V1);
        assertEquals("RandomGenerate (0x2030) is not carried by a Caliptra 1.x core mailbox: it needs a Caliptra 2.x core or the MCU "
                + "mailbox; it travels over an MCU (MCI) mailbox or a Caliptra 2.x core mailbox", v1.unsupportedReason(0x2030).orElseThrow());
        assertEquals("DotStatus (0x8026) is not carried by a Caliptra 1.x core mailbox; it travels over an MCU (MCI) mailbox",
                v1.unsupportedReason(0x8026).orElseThrow());
        assertEquals("CmStatus (0x2032) is not carried by MCTP-VDM (the MCU's vendor-defined message responder); it travels over an "
                + "MCU (MCI) mailbox or a Caliptra 2.x core mailbox", catalog.vdmTable().unsupportedReason(0x2032).orElseThrow());
        assertEquals("no Caliptra target carries LmsKeygen (0x4010): no MCU mailbox, Caliptra core mailbox or MCTP-VDM command "
                + "implements it", catalog.mailboxTable(DeviceKind.MCU).unsupportedReason(0x4010).orElseThrow());
        assertFalse(catalog.mailboxTable(DeviceKind.MCU).unsupportedReason(0x7E01).isPresent());
    }

    @Test
    void listCommandsGivesEveryCommandWithItsCarriersInIdOrder() {
        var list = CommandCatalog.builtIn().listCommands();
        assertEquals(CommandId.values().length, list.size());
        assertEquals(list.stream().map(CommandInfo::id).sorted().toList(), list.stream().map(CommandInfo::id).toList());
        var byId = CommandCatalog.builtIn().commandInfo();
        CommandInfo version = byId.get(0x0001);
        assertEquals("GetFirmwareVersion", version.name());
        assertEquals("device-info", version.family());
        assertTrue(version.idempotent());
        assertEquals(EnumSet.allOf(Route.class), version.carriers().keySet());
        assertEquals("MC_FIRMWARE_VERSION 0x4D465756 (MFWV)", version.carriers().get(Route.MCU_MAILBOX));
        assertEquals("VERSION 0x46505652 (FPVR)", version.carriers().get(Route.CORE_MAILBOX));
        assertEquals("VERSION 0x46505652 (FPVR)", version.carriers().get(Route.CORE_MAILBOX_1X));
        var random = byId.get(0x2030);
        assertFalse(random.idempotent());
        assertEquals(Map.of(Route.MCU_MAILBOX, "MC_RANDOM_GENERATE 0x4D435247 (MCRG)", Route.CORE_MAILBOX, "CM_RANDOM_GENERATE 0x434D5247 (CMRG)"),
                random.carriers());
        assertTrue(byId.get(0x2032).idempotent());
        assertEquals("VDM_FIRMWARE_VERSION (VDM 0x01)", version.carriers().get(Route.MCTP_VDM));
        assertEquals("MC_DEVICE_OWNERSHIP_TRANSFER/MDST 0x00000011 (....)", byId.get(0x8026).carriers().get(Route.MCU_MAILBOX));
        assertEquals(Map.of(), byId.get(0x4011).carriers());
        assertFalse(byId.get(0x4011).idempotent());
        for (CommandInfo info : list) {
            assertFalse(info.description().isBlank(), info.describe());
        }
    }

    @Test
    void builtInCatalogueHasTheShippedFamiliesAndNoPlugin() {
        var catalog = CommandCatalog.builtIn();
        assertEquals(13, catalog.families().size());
        assertEquals(0x4D44_4944, catalog.mailboxTable().lookup(GetDeviceId.ID.value()).orElseThrow().externalCommand());
        assertFalse(catalog.command(EchoPluginFamily.ID).isPresent());
    }

    @Test
    void standardCatalogueAddsPluginsFoundOnTheClassPathOnce() {
        var catalog = CommandCatalog.standard();
        assertEquals(14, catalog.families().size());
        assertEquals(EchoPluginFamily.class, catalog.families().get(13).getClass());
        assertEquals("PLUGIN_ECHO", catalog.mailboxTable().lookup(EchoPluginFamily.ID).orElseThrow().name());
        assertEquals("PluginEcho", catalog.commandInfo().get(EchoPluginFamily.ID).name());
        assertEquals(Set.of(Route.MCU_MAILBOX), catalog.commandInfo().get(EchoPluginFamily.ID).carriers().keySet());
        var port = new Harness(s -> Harness.data(0, s.fields()));
        assertEquals(7, port.session(catalog, DeviceKind.MCU).execute(EchoPluginFamily.TYPE.example()));
    }

    private static CommandFamily family(String name, List<CommandType<?, ?>> commands, List<MailboxCommandMapping> mcu) {
        return new CommandFamily() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<CommandType<?, ?>> commands() {
                return commands;
            }

            @Override
            public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
                return kind == DeviceKind.MCU ? mcu : List.of();
            }
        };
    }

    @Test
    void aPluginThatTakesABuiltInIdIsRefusedNamingBothCommands() {
        var clashing = CommandType.custom(0x0003, "PluginClash", EchoPluginFamily.Echo.class, true, "clash",
                EchoPluginFamily.TYPE.request(), EchoPluginFamily.TYPE.response(), () -> new EchoPluginFamily.Echo(1));
        var e = assertThrows(IllegalArgumentException.class, () -> CommandCatalog.of(List.of(new DeviceInfoFamily(),
                family("clash", List.of(clashing), List.of()))));
        assertEquals("command id 0x0003 is defined twice: GetDeviceId by family 'device-info' and PluginClash by family 'clash'",
                e.getMessage());
    }

    @Test
    void aPluginThatMapsABuiltInIdTwiceIsRefusedNamingBothMappings() {
        var e = assertThrows(IllegalArgumentException.class, () -> CommandCatalog.of(List.of(new DeviceInfoFamily(),
                family("remap", List.of(), List.of(new Mapping(0x0003, "PLUGIN_CLASH"))))));
        assertEquals("command id 0x0003 (GetDeviceId) is mapped twice over MCU (MCI) mailbox: MC_DEVICE_ID by family "
                + "'device-info' and PLUGIN_CLASH by family 'remap'", e.getMessage());
    }

    @Test
    void aMappingOfAnIdNoFamilyDefinesIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> CommandCatalog.of(List.of(
                family("stray", List.of(), List.of(new Mapping(0x7E02, "STRAY"))))));
        assertEquals("family 'stray' maps command id 0x7E02 (STRAY over MCU (MCI) mailbox), which no family of the catalogue defines",
                e.getMessage());
    }

    @Test
    void commandsRunThroughTheBridgeOfTheSession() {
        Command<Integer> echo = EchoPluginFamily.TYPE.example();
        assertEquals(0x7E01, echo.commandId());
        assertTrue(echo.idempotent());
    }
}
