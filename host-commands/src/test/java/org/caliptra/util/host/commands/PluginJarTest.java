package org.caliptra.util.host.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin built as a third party would build one — compiled here against this module's public
 * API, packed in a jar with its service file — is found in the jar, listed, and run end to end
 * through a mailbox transport, without this module being recompiled.
 */
class PluginJarTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            package example.plugin;

            import java.util.List;
            import org.caliptra.util.host.commands.CatalogCommand;
            import org.caliptra.util.host.commands.CodecMailboxMapping;
            import org.caliptra.util.host.commands.CommandFamily;
            import org.caliptra.util.host.commands.CommandType;
            import org.caliptra.util.host.transport.DeviceKind;
            import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
            import org.caliptra.util.protocol.codec.Codec;
            import org.caliptra.util.protocol.codec.CommandCode;
            import org.caliptra.util.protocol.codec.CommandCodec;

            /** Doubles a word on the device: command XDBL. */
            public final class DoublerFamily implements CommandFamily {
                public record Double(int word) implements CatalogCommand<Integer> {
                    @Override
                    public CommandType<Double, Integer> type() {
                        return TYPE;
                    }
                }

                static final CommandType<Double, Integer> TYPE = CommandType.custom(ID_VALUE, "PluginDouble", Double.class, true,
                        "Doubles a word", Codec.fixed(4, (v, out) -> out.u32(v.word()), in -> new Double(in.u32("word"))),
                        Codec.fixed(4, (v, out) -> out.u32(v), in -> in.u32("doubled")), () -> new Double(21));

                static final CommandCodec<Integer, Integer> XDBL = CommandCodec.of(new CommandCode() {
                    public int code() {
                        return 0x5844_424C;
                    }

                    public String name() {
                        return "XDBL";
                    }
                }, Codec.fixed(4, (v, out) -> out.u32(v), in -> in.u32("word")), Codec.fixed(4, (v, out) -> out.u32(v), in -> in.u32("doubled")));

                public String name() {
                    return "doubler";
                }

                public List<CommandType<?, ?>> commands() {
                    return List.of(TYPE);
                }

                public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
                    return kind == DeviceKind.MCU ? List.of(CodecMailboxMapping.of(TYPE, XDBL, Double::word, (fips, doubled) -> doubled))
                            : List.of();
                }
            }
            """;

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Compiles the plugin with command id {@code id} against this module and its dependencies, and jars it. */
    private Path pluginJar(int id) throws Exception {
        Path src = dir.resolve("src-" + id + "/example/plugin/DoublerFamily.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE.replace("ID_VALUE", String.format("0x%04X", id)));
        Path classes = dir.resolve("classes-" + id);
        Files.createDirectories(classes);
        String classPath = Stream.of(CommandFamily.class, Command.class, MailboxCommandMapping.class, Codec.class)
                .map(c -> {
                    try {
                        return locationOf(c).toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }).distinct().collect(Collectors.joining(java.io.File.pathSeparator));
        var compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK with javac");
        var errors = new java.io.ByteArrayOutputStream();
        int rc = compiler.run(null, null, errors, "--release", "17", "-classpath", classPath, "-d", classes.toString(), src.toString());
        assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8));
        Path jar = dir.resolve("doubler-" + id + ".jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + CommandFamily.class.getName()));
            out.write("example.plugin.DoublerFamily\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aPluginJarIsListedAndRunsEndToEnd() throws Exception {
        var catalog = CommandCatalog.withPluginJars(List.of(pluginJar(0x7F10)));
        CommandInfo info = catalog.commandInfo().get(0x7F10);
        assertEquals("PluginDouble", info.name());
        assertEquals("doubler", info.family());
        assertEquals(Set.of(Route.MCU_MAILBOX), info.carriers().keySet());
        assertEquals("XDBL 0x5844424C (XDBL)", info.carriers().get(Route.MCU_MAILBOX));
        assertTrue(catalog.mailboxTable(DeviceKind.CALIPTRA_CORE).unsupportedReason(0x7F10).orElseThrow()
                .contains("travels over an MCU (MCI) mailbox"));
        assertFalse(CommandCatalog.builtIn().command(0x7F10).isPresent());

        var port = new Harness(sent -> {
            assertEquals(0x5844_424C, sent.command());
            int word = new FieldReader("XDBL", sent.fields()).u32("word");
            return Harness.data(0, new FieldWriter().u32(2 * word).toByteArray());
        });
        Command<?> command = catalog.command(0x7F10).orElseThrow().example();
        assertEquals("example.plugin.DoublerFamily$Double", command.getClass().getName());
        assertEquals(42, port.session(catalog, DeviceKind.MCU).execute(command));
        assertEquals(1, port.sent().size());
    }

    @Test
    void aPluginJarThatTakesABuiltInIdIsRefusedNamingBoth() throws Exception {
        Path jar = pluginJar(0x2001);
        var e = assertThrows(IllegalArgumentException.class, () -> CommandCatalog.withPluginJars(List.of(jar)));
        assertEquals("command id 0x2001 is defined twice: HashInit by family 'hash' and PluginDouble by family 'doubler'", e.getMessage());
    }

    @Test
    void anEmptyJarAddsNothingToWhatTheClassPathRegisters() throws IOException {
        Path notAJar = dir.resolve("empty.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(notAJar))) {
            out.flush();
        }
        // the jars' loader delegates to this module's, so the class path's plugins are found too
        assertEquals(CommandCatalog.standard().commands(), CommandCatalog.withPluginJars(List.of(notAJar)).commands());
    }
}
