package org.caliptra.util.cli.target;

import java.util.LinkedHashMap;
import java.util.Map;

/** A target URI split into scheme, authority and query parameters. */
record TargetUri(String text, String scheme, String authority, Map<String, String> query) {
    static TargetUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TargetException("empty target; use e.g. --target " + Targets.DEFAULT);
        }
        String rest = text.trim();
        String queryPart = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            queryPart = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String scheme = rest;
        String authority = "";
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            scheme = rest.substring(0, sep);
            authority = rest.substring(sep + 3);
        }
        var query = new LinkedHashMap<String, String>();
        if (!queryPart.isEmpty()) {
            for (String pair : queryPart.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new TargetException("target '" + text + "': parameter '" + pair + "' is not name=value");
                }
                if (query.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                    throw new TargetException("target '" + text + "': parameter '" + pair.substring(0, eq) + "' given twice");
                }
            }
        }
        return new TargetUri(text, scheme.toLowerCase(java.util.Locale.ROOT), authority, Map.copyOf(query));
    }
}
