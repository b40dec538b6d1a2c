package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoFamily;
import org.caliptra.util.host.commands.deviceinfo.GetDeviceId;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.junit.jupiter.api.Test;

/** Built-in families without a class-path scan; plugins through ServiceLoader on top of them. */
class CommandCatalogTest {
    /** A plugin family registered in this module's test resources, as a third-party jar would. */
    public static final class EchoPluginFamily implements CommandFamily {
        static final int ID = 0x7E01;

        @Override
        public String name() {
            return "echo-plugin";
        }

        @Override
        public List<MailboxCommandMapping> mailboxMappings() {
            return List.of(new Mapping(ID, "PLUGIN_ECHO"));
        }
    }

    record Mapping(int commandId, String name) implements MailboxCommandMapping {
        @Override
        public int externalCommand() {
            return 0x4543484F;
        }

        @Override
        public byte[] toExternalRequest(byte[] internalRequest) {
            return internalRequest;
        }

        @Override
        public byte[] toInternalResponse(MailboxFrame.Response response) {
            return new byte[0];
        }
    }

    @Test
    void builtInCatalogueHasTheShippedFamiliesAndNoPlugin() {
        var catalog = CommandCatalog.builtIn();
        assertEquals(List.of(DeviceInfoFamily.class), catalog.families().stream().map(Object::getClass).toList());
        assertEquals(0x4D44_4944, catalog.mailboxTable().lookup(GetDeviceId.ID.value()).orElseThrow().externalCommand());
        assertFalse(catalog.mailboxTable().lookup(EchoPluginFamily.ID).isPresent());
    }

    @Test
    void standardCatalogueAddsPluginsFoundOnTheClassPathOnce() {
        var catalog = CommandCatalog.standard();
        assertEquals(List.of(DeviceInfoFamily.class, EchoPluginFamily.class),
                catalog.families().stream().map(Object::getClass).toList());
        assertEquals("PLUGIN_ECHO", catalog.mailboxTable().lookup(EchoPluginFamily.ID).orElseThrow().name());
        assertEquals(2, catalog.mailboxTable().size());
    }

    @Test
    void aPluginThatTakesABuiltInIdIsRefusedNamingBothCommands() {
        CommandFamily clash = new CommandFamily() {
            @Override
            public String name() {
                return "clash";
            }

            @Override
            public List<MailboxCommandMapping> mailboxMappings() {
                return List.of(new Mapping(GetDeviceId.ID.value(), "PLUGIN_CLASH"));
            }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> CommandCatalog.of(List.of(new DeviceInfoFamily(), clash)));
        assertTrue(e.getMessage().contains("0x0003") && e.getMessage().contains("MC_DEVICE_ID")
                && e.getMessage().contains("PLUGIN_CLASH"), e.getMessage());
    }
}
