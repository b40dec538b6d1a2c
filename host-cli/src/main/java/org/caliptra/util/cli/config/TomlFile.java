package org.caliptra.util.cli.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.protocol.Text;
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
        byte[] bytes = InputFiles.read(file, InputFiles.Kind.CONFIGURATION);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        requireShallow(file, text);
        TomlParseResult result;
        try {
            result = Toml.parse(text);
        } catch (RuntimeException e) {
            throw new UsageException(file + ": not TOML: " + e.getMessage());
        } catch (StackOverflowError e) {
            // Only reachable if tomlj reads nesting where requireShallow does not (it follows the TOML
            // grammar for strings and comments, so this is a safety net, not the bound). The parse owns
            // all it touched, and this command ends here, so nothing half-updated is used afterwards.
            throw new UsageException(file + ": nested too deeply to parse; at most " + MAX_NESTING
                    + " levels of arrays, inline tables and dotted keys are read");
        }
        if (result.hasErrors()) {
            var first = result.errors().get(0);
            TomlPosition pos = first.position();
            throw new UsageException(file + (pos != null ? ":" + pos.line() + ":" + pos.column() : "") + ": " + first.getMessage());
        }
        return new TomlFile(file, result);
    }

    /**
     * How deep a configuration may nest arrays, inline tables and dotted keys together. tomlj parses
     * each level recursively, so thousands of levels overflow the stack; real configurations use 2.
     */
    static final int MAX_NESTING = 64;

    /**
     * Bounds nesting before tomlj sees the text, by a pre-scan rather than by catching the stack
     * overflow: a linear pass over the text, outside strings and comments, that counts open
     * brackets and braces, plus the dots of the dotted key (or value) being read. A valid value has
     * at most one dot (a float or a time), so dots only add up in keys.
     */
    static void requireShallow(Path file, String text) {
        int depth = 0;
        int dots = 0;
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> {
                    line++;
                    dots = 0;
                }
                case '#' -> {
                    while (i + 1 < n && text.charAt(i + 1) != '\n') {
                        i++;
                    }
                }
                case '"', '\'' -> {
                    int end = stringEnd(text, i);
                    for (int j = i; j < end; j++) {
                        if (text.charAt(j) == '\n') {
                            line++;
                        }
                    }
                    i = end;
                    continue;
                }
                case '[', '{' -> {
                    depth++;
                    dots = 0;
                }
                case ']', '}' -> {
                    depth = Math.max(0, depth - 1);
                    dots = 0;
                }
                case ',', '=' -> dots = 0;
                case '.' -> dots++;
                default -> {
                    // part of a key or value: nothing to count
                }
            }
            if (depth + dots > MAX_NESTING) {
                throw new UsageException(file + ":" + line + ": nested more than " + MAX_NESTING + " levels deep (arrays, "
                        + "inline tables and dotted keys together); configurations need a few");
            }
            i++;
        }
    }

    /** The index just past the string starting at {@code start}, or past the line for an unterminated one. */
    private static int stringEnd(String text, int start) {
        char q = text.charAt(start);
        boolean basic = q == '"';
        int n = text.length();
        boolean multi = text.startsWith(String.valueOf(q).repeat(3), start);
        int i = start + (multi ? 3 : 1);
        while (i < n) {
            char c = text.charAt(i);
            if (basic && c == '\\') {
                i += 2;
                continue;
            }
            if (!multi && c == '\n') {
                return i;
            }
            if (c == q) {
                if (!multi) {
                    return i + 1;
                }
                if (text.startsWith(String.valueOf(q).repeat(3), i)) {
                    int end = i + 3;
                    // up to two more quotes close the string as content ("""a""""" is a"")
                    for (int k = 0; k < 2 && end < n && text.charAt(end) == q; k++) {
                        end++;
                    }
                    return end;
                }
            }
            i++;
        }
        return n;
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

    /** A string whose value is a secret: a value of another type is refused without being shown. */
    public Optional<String> secretString(TomlTable t, String key, String where) {
        if (!t.contains(key)) {
            return Optional.empty();
        }
        if (t.get(key) instanceof String s) {
            return Optional.of(s);
        }
        throw error(where, key, "must be a string of hex digits (the value is a secret and is not shown)");
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

    /**
     * A string naming a file: one the operating system can name at all, so that a NUL (which no
     * path may hold) is an error naming the key rather than an exception when the path is used.
     */
    public Optional<String> fileName(TomlTable t, String key, String where) {
        return string(t, key, where).map(s -> {
            requirePath(where, key, s);
            return s;
        });
    }

    /** Refuses a value that cannot be a path, naming the key. */
    public void requirePath(String where, String key, String value) {
        if (value.indexOf('\0') >= 0) {
            throw error(where, key, "is " + Text.quote(value) + ", which holds a NUL character; no file name can");
        }
        try {
            Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw error(where, key, "is " + Text.quote(value) + ", which is not a usable path: " + e.getReason());
        }
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
        return v instanceof String s ? Text.quote(s) : Text.oneLine(String.valueOf(v));
    }

}
