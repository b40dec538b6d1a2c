package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.caliptra.util.cli.device.DeviceCli.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caliptra.util.host.commands.CommandId;
import org.junit.jupiter.api.Test;

/** {@code commands}: the whole catalogue, each command's routes and CLI command, and what a target carries. */
class CommandsCommandTest {
    private static Map<Integer, JsonNode> byId(JsonNode doc) {
        var m = new HashMap<Integer, JsonNode>();
        doc.get("commands").forEach(c -> m.put(c.get("id").asInt(), c));
        return m;
    }

    @Test
    void everyCatalogueIdIsListedWithItsRoutes() {
        var all = byId(json("commands"));
        var ids = new TreeSet<Integer>();
        for (CommandId id : CommandId.values()) {
            ids.add(id.value());
        }
        assertEquals(ids, new TreeSet<>(all.keySet()));
        var version = all.get(0x0001);
        assertEquals("GetFirmwareVersion", version.get("name").asText());
        assertEquals("get-firmware-version", version.get("cli").asText());
        assertTrue(version.get("carriers").get("mcu-mailbox").asText().contains("MC_FIRMWARE_VERSION"));
        assertTrue(version.get("carriers").has("mctp-vdm"));
        assertTrue(version.get("carriers").has("core-mailbox"));
        assertEquals(0, all.get(0x7001).get("carriers").size(), "DebugEcho: no target carries it");
        assertTrue(version.get("carriers").get("core-mailbox-1.x").asText().contains("VERSION"));
        var random = all.get(0x2030);
        assertEquals("random", random.get("cli").asText());
        assertEquals(Set.of("mcu-mailbox", "core-mailbox"), fieldNames(random.get("carriers")), "a 1.x core has no CM_RANDOM_GENERATE");
        assertEquals("cm-status", all.get(0x2032).get("cli").asText());
        assertFalse(all.get(0x0001).has("carried"), "no target, no verdict");
    }

    @Test
    void aTargetMarksWhatItCarriesAndWhyNot() {
        var vdm = byId(json("commands", "--target", "emulator?transport=mctp"));
        Set<Integer> carried = new TreeSet<>();
        vdm.forEach((id, c) -> {
            if (c.get("carried").asBoolean()) {
                carried.add(id);
            }
        });
        assertEquals(Set.of(0x0001, 0x0002, 0x7005, 0x7008), carried, "the four VDM commands");
        assertTrue(vdm.get(0x2001).get("reason").asText().contains("HashInit (0x2001) is not carried by MCTP-VDM"));

        var core = byId(json("commands", "--target", "emulator?profile=caliptra-1.2"));
        assertTrue(core.get(0x0002).get("carried").asBoolean());
        assertFalse(core.get(0x2030).get("carried").asBoolean());
        assertTrue(core.get(0x2030).get("reason").asText().contains("not carried by a Caliptra 1.x core mailbox: it needs a Caliptra 2.x "
                + "core or the MCU mailbox"), core.get(0x2030).get("reason").asText());
        assertTrue(byId(json("commands", "--target", "emulator?profile=caliptra-2.0")).get(0x2030).get("carried").asBoolean());
        assertFalse(core.get(0x0003).get("carried").asBoolean());
        assertTrue(core.get(0x0003).get("reason").asText().contains("it travels over an MCU (MCI) mailbox"));

        String text = ok("commands", "--target", "emulator").out();
        assertTrue(text.contains("0x0003 GetDeviceId"), text);
        assertTrue(text.contains("caliptra-util get-device-id"), text);
        assertTrue(text.contains("carried by the target"), text);
    }

    @Test
    void transportsListsTheBuiltInEmulator() {
        assertTrue(ok("transports").out().startsWith("emulator: the embedded emulated device (built in)"));
        assertTrue(json("transports").get("transports").isArray());
    }

    private static Set<String> fieldNames(JsonNode node) {
        var names = new TreeSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
