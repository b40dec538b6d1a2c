package org.caliptra.util.protocol;

/**
 * Echoing what a user or a file supplied (TOML values and keys, file names, names stored in a
 * flash image) without letting it break the one-line contract: control characters, including the
 * Unicode line and paragraph separators, are shown as escapes.
 */
public final class Text {
    private Text() {}

    /** {@code s} with every control character escaped: {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}. */
    public static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** {@code "s"}, escaped as {@link #oneLine}, with quotes and backslashes escaped too so the value is unambiguous. */
    public static String quote(String s) {
        return "\"" + oneLine(s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04X", (int) c) : null;
        };
    }
}
