package org.caliptra.util.cli.booted;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caliptra.util.cli.image.ImageJson;
import org.caliptra.util.protocol.Octets;

/**
 * A response's fields by name, printed as {@code name: value} lines or as one JSON object: byte
 * strings as lower-case hex, integers as integers (in text, the fields named in {@code hexInText}
 * as 0x%08X), lists one element per line in text.
 */
public final class FieldReport {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Set<String> hexInText;

    public FieldReport(Set<String> hexInText) {
        this.hexInText = hexInText;
    }

    public FieldReport() {
        this(Set.of());
    }

    /** A u32 field, unsigned. */
    public FieldReport u32(String name, int value) {
        fields.put(name, Integer.toUnsignedLong(value));
        return this;
    }

    public FieldReport put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    public void print(PrintWriter out, boolean json) {
        if (json) {
            ImageJson.print(out, fields);
            return;
        }
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        for (var e : fields.entrySet()) {
            String label = String.format("%-" + width + "s ", e.getKey() + ":");
            if (e.getValue() instanceof List<?> list) {
                out.println(label.stripTrailing());
                for (int i = 0; i < list.size(); i++) {
                    out.printf("  [%2d] %s%n", i, text(e.getKey(), list.get(i)));
                }
            } else {
                out.println(label + text(e.getKey(), e.getValue()));
            }
        }
        out.flush();
    }

    private String text(String name, Object value) {
        if (value instanceof Octets o) {
            return o.hex();
        }
        if (value instanceof Long l && hexInText.contains(name)) {
            return String.format("0x%08X", l);
        }
        if (value instanceof java.math.BigInteger b && hexInText.contains(name)) {
            return String.format("0x%016X", b);
        }
        return String.valueOf(value);
    }
}
