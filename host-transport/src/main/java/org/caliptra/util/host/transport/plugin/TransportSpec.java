package org.caliptra.util.host.transport.plugin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which transport to create and with what: a provider name and string parameters. Written as a
 * target URI it is {@code name}, {@code name:path}, or {@code name://host[:port][/path]}, each with
 * an optional {@code ?key=value&…} query; {@link #parse} turns those into the parameters
 * {@code host}, {@code port}, {@code path} and the query's keys.
 */
public record TransportSpec(String name, Map<String, String> parameters) {
    public TransportSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new TransportConfigurationException("a transport spec needs a transport name");
        }
        parameters = Map.copyOf(parameters);
    }

    public static TransportSpec of(String name) {
        return new TransportSpec(name, Map.of());
    }

    /**
     * Reads a target such as {@code emulator}, {@code udp://127.0.0.1:62222},
     * {@code mctp-i3c://localhost:63333?addr=8} or {@code apb+unix:/run/caliptra.sock}.
     *
     * @throws TransportConfigurationException when the text has no name or a malformed port or query
     */
    public static TransportSpec parse(String target) {
        Objects.requireNonNull(target, "target");
        var params = new LinkedHashMap<String, String>();
        String rest = target.strip();
        int q = rest.indexOf('?');
        if (q >= 0) {
            parseQuery(target, rest.substring(q + 1), params);
            rest = rest.substring(0, q);
        }
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return new TransportSpec(rest, params);
        }
        String name = rest.substring(0, colon);
        String after = rest.substring(colon + 1);
        if (after.startsWith("//")) {
            String authority = after.substring(2);
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                putNonEmpty(params, "path", authority.substring(slash));
                authority = authority.substring(0, slash);
            }
            parseAuthority(target, authority, params);
        } else {
            putNonEmpty(params, "path", after);
        }
        return new TransportSpec(name, params);
    }

    private static void parseAuthority(String target, String authority, Map<String, String> params) {
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new TransportConfigurationException("target '" + target + "': unclosed '[' in the host");
            }
            host = authority.substring(1, close);
            String tail = authority.substring(close + 1);
            if (tail.startsWith(":")) {
                port = tail.substring(1);
            } else if (!tail.isEmpty()) {
                throw new TransportConfigurationException("target '" + target + "': unexpected '" + tail + "' after the host");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
        }
        putNonEmpty(params, "host", host);
        if (port != null) {
            try {
                int value = Integer.parseInt(port);
                if (value < 0 || value > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new TransportConfigurationException("target '" + target + "': port '" + port + "' is not a number from 0 to 65535");
            }
            params.put("port", port);
        }
    }

    private static void parseQuery(String target, String query, Map<String, String> params) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new TransportConfigurationException("target '" + target + "': query part '" + pair + "' is not key=value");
            }
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
    }

    private static void putNonEmpty(Map<String, String> params, String key, String value) {
        if (!value.isEmpty()) {
            params.put(key, value);
        }
    }

    public Optional<String> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    /** @throws TransportConfigurationException naming the transport and the parameter when it is absent */
    public String require(String key) {
        return parameter(key).orElseThrow(() -> new TransportConfigurationException(
                "transport '" + name + "' needs the parameter '" + key + "'"));
    }

    /** @throws TransportConfigurationException when present but not a decimal or 0x-hex int */
    public int intParameter(String key, int defaultValue) {
        String text = parameters.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Integer.parseUnsignedInt(text.substring(2), 16) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TransportConfigurationException("transport '" + name + "': parameter '" + key + "' = '" + text + "' is not an integer");
        }
    }
}
