package org.caliptra.util.cli.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * TOML reading for configuration files: parse errors with line and column, typed values with
 * errors that name the file and key, and "did you mean" for misspelled keys.
 */
public final class TomlFile {
    private final Path file;
    private final TomlParseResult root;

    private TomlFile(Path file, TomlParseResult root) {
        this.file = file;
        this.root = root;
    }

    public static TomlFile read(Path file) {
        byte[] bytes = InputFiles.read(file);
        TomlParseResult result;
        try {
            result = Toml.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new UsageException(file + ": not TOML: " + e.getMessage());
        }
        if (result.hasErrors()) {
            var first = result.errors().get(0);
            TomlPosition pos = first.position();
            throw new UsageException(file + (pos != null ? ":" + pos.line() + ":" + pos.column() : "") + ": " + first.getMessage());
        }
        return new TomlFile(file, result);
    }

    public Path file() {
        return file;
    }

    public TomlTable root() {
        return root;
    }

    /** The table at {@code key}, if present; a non-table value there is an error. */
    public Optional<TomlTable> table(TomlTable parent, String key, String where) {
        if (!parent.contains(key)) {
            return Optional.empty();
        }
        Object v = parent.get(key);
        if (!(v instanceof TomlTable t)) {
            throw error(where, key, "must be a table");
        }
        return Optional.of(t);
    }

    /** Unknown keys are errors, with the nearest known key as a hint. */
    public void rejectUnknownKeys(TomlTable table, String where, Collection<String> known) {
        for (String key : table.keySet()) {
            if (!known.contains(key)) {
                throw new UsageException(file + ": unknown key '" + key + "' in " + where + hint(key, known));
            }
        }
    }

    /** "(did you mean 'x'?)" when a known key is within edit distance 2, else "". */
    public static String hint(String key, Collection<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> distance(k, key)))
                .filter(k -> distance(k, key) <= 2)
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private <T> Optional<T> typed(TomlTable t, String key, String where, Class<T> type, String expected) {
        if (!t.contains(key)) {
            return Optional.empty();
        }
        Object v = t.get(key);
        if (type.isInstance(v)) {
            return Optional.of(type.cast(v));
        }
        throw error(where, key, "must be " + expected + ", found " + describe(v));
    }

    public Optional<Long> integer(TomlTable t, String key, String where) {
        return typed(t, key, where, Long.class, "an integer");
    }

    public Optional<Integer> u32(TomlTable t, String key, String where) {
        return integer(t, key, where).map(v -> {
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw error(where, key, "must fit in 32 bits (0..0xFFFFFFFF), found " + v);
            }
            return (int) (long) v;
        });
    }

    public Optional<Boolean> bool(TomlTable t, String key, String where) {
        return typed(t, key, where, Boolean.class, "true or false");
    }

    public Optional<String> string(TomlTable t, String key, String where) {
        return typed(t, key, where, String.class, "a string");
    }

    public UsageException error(String where, String key, String problem) {
        return new UsageException(locate(where, key) + " " + problem);
    }

    /** "FILE:LINE: key 'KEY' in WHERE", the line where the key is set (omitted when the path cannot be expressed). */
    public String locate(String where, String key) {
        TomlPosition pos = null;
        try {
            pos = root.inputPositionOf(where.equals("the top level") ? key : stripBrackets(where) + "." + key);
        } catch (IllegalArgumentException ignored) {
            // key path not expressible; no position then
        }
        return file + (pos != null ? ":" + pos.line() : "") + ": key '" + key + "' in " + where;
    }

    private static String stripBrackets(String where) {
        return where.replace("[", "").replace("]", "");
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

}
