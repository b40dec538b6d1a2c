package org.caliptra.util.host.transport.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportRegistryTest {
    @TempDir
    Path temp;

    private static ClassLoader classPath() {
        return TransportRegistryTest.class.getClassLoader();
    }

    /** Source of a provider named {@code name} whose transport's name() is {@code "plugin:" + name}. */
    private static String providerSource(String pkg, String simpleName, String name) {
        return """
                package %1$s;

                import org.caliptra.util.host.transport.Transport;
                import org.caliptra.util.host.transport.plugin.TransportProvider;
                import org.caliptra.util.host.transport.plugin.TransportSpec;

                public final class %2$s implements TransportProvider {
                    public String name() { return "%3$s"; }
                    public String description() { return "built by the test"; }
                    public Transport create(TransportSpec spec) {
                        String port = spec.require("port");
                        return new Transport() {
                            public String name() { return "plugin:%3$s:" + port; }
                            public void connect() {}
                            public void disconnect() {}
                            public boolean isConnected() { return false; }
                            public void send(int id, byte[] request) {}
                            public byte[] receive() { return new byte[0]; }
                        };
                    }
                }
                """.formatted(pkg, simpleName, name);
    }

    /**
     * Compiles {@code source} against the library's classes and packs it into {@code jar} with a
     * service file listing {@code serviceEntries}.
     */
    private Path pluginJar(Path jar, String className, String source, List<String> serviceEntries) throws IOException {
        Path src = Files.createTempDirectory(temp, "src");
        Path classes = Files.createTempDirectory(temp, "classes");
        Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK's compiler");
        var diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null,
                List.of("-classpath", libraryClasses().toString(), "-d", classes.toString(), "--release", "17"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile())).call();
        assertTrue(ok, diagnostics.toString());
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            if (!serviceEntries.isEmpty()) {
                out.putNextEntry(new JarEntry(TransportRegistry.SERVICE_FILE));
                out.write(("# test plugin\n" + String.join("\n", serviceEntries) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path libraryClasses() {
        try {
            return Path.of(TransportProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path pluginDir() throws IOException {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    @Test
    void aProviderOnTheClassPathIsFoundAndCreatesTransports() {
        try (var registry = TransportRegistry.load(classPath(), List.of())) {
            var info = registry.listTransports().stream().filter(i -> i.name().equals("loopback-test")).findFirst().orElseThrow();
            assertEquals("echoes each request (test class path)", info.description());
            assertEquals(LoopbackTransportProvider.class.getName(), info.providerClass());
            var transport = registry.create("loopback-test", Map.of("label", "mine"));
            assertEquals("mine", transport.name());
            transport.connect();
            transport.send(1, new byte[] {7, 8});
            assertArrayEquals(new byte[] {7, 8}, transport.receive());
        }
    }

    @Test
    void aProviderInAPluginJarIsLoadedFromTheDirectory() throws IOException {
        Path dir = pluginDir();
        pluginJar(dir.resolve("udp-plugin.jar"), "com.example.udp.UdpProvider", providerSource("com.example.udp", "UdpProvider", "udp-test"),
                List.of("com.example.udp.UdpProvider"));
        Files.writeString(dir.resolve("README.txt"), "not a jar, ignored");
        try (var registry = TransportRegistry.load(classPath(), List.of(dir))) {
            var names = registry.listTransports().stream().map(TransportInfo::name).toList();
            assertTrue(names.containsAll(List.of("loopback-test", "udp-test")), names.toString());
            var info = registry.listTransports().stream().filter(i -> i.name().equals("udp-test")).findFirst().orElseThrow();
            assertEquals(dir.resolve("udp-plugin.jar").toString(), info.origin());
            assertEquals("plugin:udp-test:62222", registry.create(TransportSpec.parse("udp-test://127.0.0.1:62222")).name());
            var missing = assertThrows(TransportConfigurationException.class, () -> registry.create("udp-test", Map.of()));
            assertEquals("transport 'udp-test' needs the parameter 'port'", missing.getMessage());
        }
    }

    @Test
    void thePluginPathVariableIsSplitOnThePathSeparator() throws IOException {
        Path dir = pluginDir();
        Path jar = pluginJar(temp.resolve("lone.jar"), "com.example.lone.LoneProvider", providerSource("com.example.lone", "LoneProvider", "lone"),
                List.of("com.example.lone.LoneProvider"));
        var path = TransportRegistry.pluginPath(dir + File.pathSeparator + File.pathSeparator + jar);
        assertEquals(List.of(dir, jar), path, "empty entries are skipped");
        assertEquals(List.of(), TransportRegistry.pluginPath(null));
        try (var registry = TransportRegistry.load(classPath(), path)) {
            assertTrue(registry.provider("lone").isPresent(), "a jar named directly on the path is loaded too");
        }
    }

    @Test
    void twoProvidersOfOneNameAreAnErrorNamingBothJars() throws IOException {
        Path dir = pluginDir();
        pluginJar(dir.resolve("a.jar"), "com.example.a.First", providerSource("com.example.a", "First", "twin"), List.of("com.example.a.First"));
        pluginJar(dir.resolve("b.jar"), "com.example.b.Second", providerSource("com.example.b", "Second", "twin"), List.of("com.example.b.Second"));
        var e = assertThrows(TransportConfigurationException.class, () -> TransportRegistry.load(classPath(), List.of(dir)));
        assertEquals("transport name 'twin' is provided twice: by com.example.a.First from " + dir.resolve("a.jar")
                + " and by com.example.b.Second from " + dir.resolve("b.jar"), e.getMessage());
    }

    @Test
    void aPluginClashingWithTheClassPathNamesBoth() throws IOException {
        Path dir = pluginDir();
        pluginJar(dir.resolve("clash.jar"), "com.example.c.Clash", providerSource("com.example.c", "Clash", "loopback-test"),
                List.of("com.example.c.Clash"));
        var e = assertThrows(TransportConfigurationException.class, () -> TransportRegistry.load(classPath(), List.of(dir)));
        assertTrue(e.getMessage().startsWith("transport name 'loopback-test' is provided twice: by " + LoopbackTransportProvider.class.getName()
                + " from " + libraryTestClasses()), e.getMessage());
        assertTrue(e.getMessage().endsWith("and by com.example.c.Clash from " + dir.resolve("clash.jar")), e.getMessage());
    }

    private static String libraryTestClasses() {
        try {
            return Path.of(LoopbackTransportProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFileThatIsNotAJarIsAnErrorNamingIt() throws IOException {
        Path dir = pluginDir();
        Path bad = dir.resolve("broken.jar");
        try (OutputStream out = Files.newOutputStream(bad)) {
            out.write("this is not a zip archive".getBytes(StandardCharsets.US_ASCII));
        }
        var e = assertThrows(TransportConfigurationException.class, () -> TransportRegistry.load(classPath(), List.of(dir)));
        assertTrue(e.getMessage().startsWith("plugin jar " + bad + " cannot be read as a jar: "), e.getMessage());
    }

    @Test
    void aServiceEntryWithoutItsClassIsAnErrorNamingTheJar() throws IOException {
        Path dir = pluginDir();
        Path jar = pluginJar(dir.resolve("half.jar"), "com.example.h.Half", providerSource("com.example.h", "Half", "half"),
                List.of("com.example.h.Missing"));
        var e = assertThrows(TransportConfigurationException.class, () -> TransportRegistry.load(classPath(), List.of(dir)));
        assertTrue(e.getMessage().startsWith("plugin jar " + jar + " does not load: "), e.getMessage());
        assertTrue(e.getMessage().contains("com.example.h.Missing"), e.getMessage());
    }

    @Test
    void aJarWithoutATransportServiceFileIsNotATransportPlugin() throws IOException {
        Path dir = pluginDir();
        pluginJar(dir.resolve("other-kind.jar"), "com.example.o.Other", providerSource("com.example.o", "Other", "other"), List.of());
        try (var registry = TransportRegistry.load(classPath(), List.of(dir))) {
            assertTrue(registry.provider("other").isEmpty());
            assertTrue(registry.provider("loopback-test").isPresent());
        }
    }

    @Test
    void aMissingPluginPathEntryAndAnUnknownNameAreClearErrors() {
        Path nowhere = temp.resolve("does-not-exist");
        var e = assertThrows(TransportConfigurationException.class, () -> TransportRegistry.load(classPath(), List.of(nowhere)));
        assertEquals("plugin path entry " + nowhere + " is neither a directory nor a jar file", e.getMessage());
        try (var registry = TransportRegistry.load(classPath(), List.of())) {
            var unknown = assertThrows(TransportConfigurationException.class, () -> registry.create("carrier-pigeon", Map.of()));
            assertEquals("no transport named 'carrier-pigeon'; known: apb, apb+unix, loopback-test, mbox, mbox+unix, mctp-i3c, udp",
                    unknown.getMessage());
        }
    }

    @Test
    void targetsParseIntoNamesAndParameters() {
        assertEquals(new TransportSpec("emulator", Map.of()), TransportSpec.parse("emulator"));
        assertEquals(new TransportSpec("udp", Map.of("host", "127.0.0.1", "port", "62222")), TransportSpec.parse("udp://127.0.0.1:62222"));
        assertEquals(new TransportSpec("mctp-i3c", Map.of("host", "localhost", "port", "63333", "addr", "8")),
                TransportSpec.parse("mctp-i3c://localhost:63333?addr=8"));
        assertEquals(new TransportSpec("apb+unix", Map.of("path", "/run/caliptra apb.sock")), TransportSpec.parse("apb+unix:/run/caliptra apb.sock"));
        assertEquals(new TransportSpec("mbox", Map.of("host", "::1", "port", "9000")), TransportSpec.parse("mbox://[::1]:9000"));
        assertEquals(8, TransportSpec.parse("mctp-i3c://h:1?addr=0x08").intParameter("addr", 0));
        var badPort = assertThrows(TransportConfigurationException.class, () -> TransportSpec.parse("udp://h:70000"));
        assertEquals("target 'udp://h:70000': port '70000' is not a number from 0 to 65535", badPort.getMessage());
        var badQuery = assertThrows(TransportConfigurationException.class, () -> TransportSpec.parse("udp://h:1?verbose"));
        assertEquals("target 'udp://h:1?verbose': query part 'verbose' is not key=value", badQuery.getMessage());
        var badInt = assertThrows(TransportConfigurationException.class, () -> TransportSpec.parse("x:?addr=eight").intParameter("addr", 8));
        assertEquals("transport 'x': parameter 'addr' = 'eight' is not an integer", badInt.getMessage());
        assertThrows(TransportConfigurationException.class, () -> TransportSpec.parse(":path"));
    }
}
