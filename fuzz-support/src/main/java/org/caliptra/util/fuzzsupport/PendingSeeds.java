package org.caliptra.util.fuzzsupport;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Seeds that reproduce known, not yet fixed defects live beside a fuzz test's regular seeds, in
 * {@code <TestClass>Inputs/pending-fix/<method>/}, where Jazzer's regression run does not look
 * (it reads {@code <TestClass>Inputs/<method>/} and the files directly in {@code <TestClass>Inputs/}).
 * This runs them on demand, one dynamic test per seed, so whoever fixes a defect can see its
 * seeds pass before moving them into {@code <method>/} (docs/fuzzing.md, "Pending seeds").
 */
public final class PendingSeeds {
    public static final String DIRECTORY = "pending-fix";
    /** Set to true to run the pending seeds: {@code -Dcaliptra.fuzz.pending=true}. */
    public static final String PROPERTY = "caliptra.fuzz.pending";

    private PendingSeeds() {}

    /**
     * Every pending seed on the class path entry (a module's test classes) that holds {@code anchor},
     * as a test that fails while its defect remains: files in {@code pending-fix/<method>/} are
     * inputs of that method, files directly in {@code pending-fix/} of every {@code byte[]} method.
     */
    public static Stream<DynamicTest> under(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        var classes = new ArrayList<Class<?>>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path dir : all.filter(p -> p.getFileName().toString().equals(DIRECTORY) && Files.isDirectory(p)).sorted().toList()) {
                String inputs = root.relativize(dir.getParent()).toString();
                if (inputs.endsWith("Inputs")) {
                    classes.add(Class.forName(inputs.substring(0, inputs.length() - "Inputs".length()).replace('/', '.')));
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return of(classes);
    }

    private static Stream<DynamicTest> of(List<Class<?>> fuzzTests) {
        var tests = new ArrayList<DynamicTest>();
        for (Class<?> c : fuzzTests) {
            URL root = c.getResource(c.getSimpleName() + "Inputs/" + DIRECTORY);
            if (root == null) {
                continue;
            }
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!isFuzzTest(m) || m.getParameterCount() != 1 || m.getParameterTypes()[0] != byte[].class) {
                    continue;
                }
                var seeds = new ArrayList<>(list(dir, 1));
                if (Files.isDirectory(dir.resolve(m.getName()))) {
                    seeds.addAll(list(dir.resolve(m.getName()), Integer.MAX_VALUE));
                }
                for (Path seed : seeds) {
                    String name = c.getSimpleName() + "." + m.getName() + " " + dir.relativize(seed);
                    tests.add(DynamicTest.dynamicTest(name, () -> run(name, c, m, Files.readAllBytes(seed))));
                }
            }
        }
        return tests.stream();
    }

    /** By name, so this module needs no Jazzer: {@code com.code_intelligence.jazzer.junit.FuzzTest}. */
    private static boolean isFuzzTest(Method m) {
        return Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().getName().endsWith(".FuzzTest"));
    }

    private static List<Path> list(Path dir, int depth) {
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String name, Class<?> c, Method m, byte[] input) throws Throwable {
        m.setAccessible(true);
        var ctor = c.getDeclaredConstructor();
        ctor.setAccessible(true);
        try {
            m.invoke(ctor.newInstance(), (Object) input);
        } catch (InvocationTargetException e) {
            // Surefire's summary shows the message, not the dynamic test's name: put the seed first.
            throw new AssertionError(name + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
