package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.fails;
import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.caliptra.util.cli.device.DeviceCli.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.protocol.MailboxPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transport plugin jar adds a target scheme: compiled here against the public API, jarred with
 * its service file and given by --plugin-dir, it is listed by transports and runs device commands.
 */
class TransportPluginTest {
    private static final String SOURCE = """
            package example.transport;

            import org.caliptra.util.emulator.CaliptraDevice;
            import org.caliptra.util.emulator.DeviceConfig;
            import org.caliptra.util.host.commands.CommandCatalog;
            import org.caliptra.util.host.transport.Transport;
            import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
            import org.caliptra.util.host.transport.mailbox.MailboxTransport;
            import org.caliptra.util.host.transport.plugin.TransportProvider;
            import org.caliptra.util.host.transport.plugin.TransportSpec;
            import org.caliptra.util.protocol.mcu.DeviceIdentity;

            public final class EmuPlugin implements TransportProvider {
                public String name() { return "emu-plugin"; }
                public String description() { return "an emulated MCU mailbox from a plugin (vendor parameter)"; }
                public Transport create(TransportSpec spec) {
                    int vendor = spec.intParameter("vendor", 0x1234);
                    var device = CaliptraDevice.create(DeviceConfig.builder().identity(new DeviceIdentity(vendor, 2, 3, 4)).build());
                    var inner = new MailboxTransport(new InProcessMailboxDriver(device), CommandCatalog.builtIn().mailboxTable());
                    return new Transport() {
                        public String name() { return "emu-plugin/" + inner.name(); }
                        public void connect() { inner.connect(); }
                        public void disconnect() { inner.disconnect(); }
                        public boolean isConnected() { return inner.isConnected(); }
                        public void send(int id, byte[] request) { inner.send(id, request); }
                        public byte[] receive() { return inner.receive(); }
                        public void close() { inner.close(); device.close(); }
                    };
                }
            }
            """;

    @TempDir
    Path dir;
    private Path plugins;

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @BeforeEach
    void jar() throws Exception {
        Path src = dir.resolve("src/example/transport/EmuPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classPath = Stream.of(CaliptraDevice.class, CommandCatalog.class, Transport.class, MailboxPort.class).map(c -> {
            try {
                return location(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct().collect(Collectors.joining(File.pathSeparator));
        var compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK with javac");
        var errors = new java.io.ByteArrayOutputStream();
        int rc = compiler.run(null, null, errors, "--release", "17", "-classpath", classPath, "-d", classes.toString(), src.toString());
        assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8));
        plugins = Files.createDirectories(dir.resolve("plugins"));
        try (var out = new JarOutputStream(Files.newOutputStream(plugins.resolve("emu-plugin.jar"))); var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.caliptra.util.host.transport.plugin.TransportProvider"));
            out.write("example.transport.EmuPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    @Test
    void aPluginSchemeIsListedAndCarriesDeviceCommands() {
        var listed = json("transports", "--plugin-dir", plugins.toString()).get("transports");
        var names = new java.util.ArrayList<String>();
        listed.forEach(t -> names.add(t.get("name").asText()));
        assertEquals(java.util.List.of("apb", "apb+unix", "emu-plugin", "mbox", "mbox+unix", "mctp-i3c", "udp"), names,
                "the plugin and the built-in socket schemes");
        assertTrue(listed.get(2).get("origin").asText().endsWith("emu-plugin.jar"));

        var ids = json("get-device-id", "--target", "emu-plugin?vendor=0x1AB4", "--plugin-dir", plugins.toString());
        assertEquals(0x1AB4, ids.get("vendor_id").asInt(), "the URI's query reaches the plugin");
        assertEquals(4, ids.get("subsystem_id").asInt());

        var commands = json("commands", "--target", "emu-plugin", "--plugin-dir", plugins.toString());
        assertTrue(commands.get("target_description").asText().contains("emu-plugin transport plugin"));
        assertTrue(commands.get("commands").get(0).get("carried").isNull(), "a plugin's tables decide");

        String unknown = fails(2, "get-device-id", "--target", "emu-plugin");
        assertTrue(unknown.contains("unknown target 'emu-plugin': supported targets are emulator"), "no plugin dir: " + unknown);
        assertTrue(fails(2, "get-device-id", "--target", "emu-plugin", "--plugin-dir", plugins.toString(), "--fw", "fw.bin")
                .contains("--device, --fw and --flash describe an embedded emulated device"));
        assertEquals(7, ok("transports").out().lines().count(), "without the plugin path the emulator and the six built-in socket schemes");
    }
}
