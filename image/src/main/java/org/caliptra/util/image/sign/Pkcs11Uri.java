package org.caliptra.util.image.sign;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.caliptra.util.image.io.InputFileException;
import org.caliptra.util.image.io.InputLimit;
import org.caliptra.util.image.io.RegularFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A PKCS#11 URI (RFC 7512) naming an ECC private key on a token, e.g.
 * {@code pkcs11:token=caliptra;object=own-fw?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=/run/pin}.
 *
 * <p>Attribute values are percent-decoded as RFC 3986 defines it: {@code %XX} is one octet and
 * every other character stands for itself, so a {@code +} is a plus sign, not a space (this is
 * not HTML form encoding). Characters that RFC 7512 does not allow literally must be
 * percent-encoded; anything else, a malformed escape, an unknown or repeated attribute, is refused
 * with an error that names the attribute.
 *
 * <p>Understood path attributes: {@code slot-id} (the PKCS#11 CK_SLOT_ID, decimal), {@code token}
 * (token label), {@code object} (key label), {@code id} (CKA_ID octets), {@code type} (must be
 * {@code private}). Query attributes: {@code module-path} (the library file), {@code pin-value}
 * and {@code pin-source} (an absolute path or {@code file:} URI whose content is the PIN).
 *
 * <p>The PIN is secret: it never appears in {@link #toString()} nor in any message of this class,
 * not even the position or kind of a bad character in it.
 */
public final class Pkcs11Uri {
    public static final String SCHEME = "pkcs11:";

    private static final Set<String> PATH_SUPPORTED = Set.of("slot-id", "token", "object", "id", "type");
    private static final Set<String> PATH_RFC_UNSUPPORTED = Set.of("manufacturer", "serial", "model",
            "library-manufacturer", "library-version", "library-description", "slot-description", "slot-manufacturer");
    private static final Set<String> QUERY_SUPPORTED = Set.of("module-path", "pin-value", "pin-source");
    private static final Set<String> SECRET = Set.of("pin-value");
    /** RFC 7512 pk11-res-avail: reserved characters that may appear unencoded in any value. */
    private static final String RES_AVAIL = ":[]@!$'()*+,=";
    private static final String PATH_EXTRA = "&";
    private static final String QUERY_EXTRA = "/?|";

    private final OptionalLong slotId;
    private final String token;
    private final String object;
    private final byte[] id;
    private final Path modulePath;
    private final char[] pinValue;
    private final Path pinSource;

    private Pkcs11Uri(OptionalLong slotId, String token, String object, byte[] id, Path modulePath, char[] pinValue,
            Path pinSource) {
        this.slotId = slotId;
        this.token = token;
        this.object = object;
        this.id = id;
        this.modulePath = modulePath;
        this.pinValue = pinValue;
        this.pinSource = pinSource;
    }

    /** Whether {@code ref} is meant as a PKCS#11 URI (the scheme is case-insensitive). */
    public static boolean isPkcs11(String ref) {
        return ref != null && ref.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    public static Pkcs11Uri parse(String uri) {
        if (!isPkcs11(uri)) {
            throw new Pkcs11UriException("not a PKCS#11 URI: it must start with 'pkcs11:'");
        }
        String body = uri.substring(SCHEME.length());
        int q = body.indexOf('?');
        String path = q < 0 ? body : body.substring(0, q);
        String query = q < 0 ? "" : body.substring(q + 1);
        Map<String, String> pathAttrs = attributes(path, ';', "path", RES_AVAIL + PATH_EXTRA, Pkcs11Uri::checkPathName);
        Map<String, String> queryAttrs = attributes(query, '&', "query", RES_AVAIL + QUERY_EXTRA, Pkcs11Uri::checkQueryName);

        OptionalLong slotId = OptionalLong.empty();
        if (pathAttrs.containsKey("slot-id")) {
            String s = text("slot-id", pathAttrs.get("slot-id"));
            try {
                if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new NumberFormatException();
                }
                slotId = OptionalLong.of(Long.parseUnsignedLong(s));
            } catch (NumberFormatException e) {
                throw new Pkcs11UriException("attribute 'slot-id': '" + s + "' is not a decimal slot id");
            }
        }
        String token = pathAttrs.containsKey("token") ? text("token", pathAttrs.get("token")) : null;
        String object = pathAttrs.containsKey("object") ? text("object", pathAttrs.get("object")) : null;
        byte[] id = pathAttrs.containsKey("id") ? octets("id", pathAttrs.get("id")) : null;
        if (id != null && id.length == 0) {
            throw new Pkcs11UriException("attribute 'id' is empty");
        }
        if (pathAttrs.containsKey("type")) {
            String type = text("type", pathAttrs.get("type"));
            if (!type.equals("private")) {
                throw new Pkcs11UriException("attribute 'type': this tool signs with a private key, so type must be 'private', not '"
                        + type + "'");
            }
        }

        String module = queryAttrs.containsKey("module-path") ? text("module-path", queryAttrs.get("module-path")) : null;
        if (module == null || module.isEmpty()) {
            throw new Pkcs11UriException("a PKCS#11 URI needs ?module-path=<the PKCS#11 library file>");
        }
        Path modulePath = Path.of(module);
        if (!modulePath.isAbsolute()) {
            throw new Pkcs11UriException("attribute 'module-path': " + module + " is not an absolute path");
        }
        char[] pin = null;
        if (queryAttrs.containsKey("pin-value")) {
            byte[] raw = octets("pin-value", queryAttrs.get("pin-value"));
            try {
                pin = utf8("pin-value", raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
        Path pinSource = null;
        if (queryAttrs.containsKey("pin-source")) {
            if (pin != null) {
                throw new Pkcs11UriException("give either pin-value or pin-source, not both");
            }
            pinSource = pinSourcePath(text("pin-source", queryAttrs.get("pin-source")));
        }
        return new Pkcs11Uri(slotId, token, object, id, modulePath, pin, pinSource);
    }

    public OptionalLong slotId() {
        return slotId;
    }

    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    public Optional<String> object() {
        return Optional.ofNullable(object);
    }

    public Optional<byte[]> id() {
        return Optional.ofNullable(id).map(byte[]::clone);
    }

    public Path modulePath() {
        return modulePath;
    }

    public Optional<Path> pinSource() {
        return Optional.ofNullable(pinSource);
    }

    public boolean hasPin() {
        return pinValue != null || pinSource != null;
    }

    /**
     * The PIN from pin-value, or read from the pin-source file (without its final line break), or
     * empty when the URI gives neither. The caller owns, and should clear, the returned array.
     */
    public Optional<char[]> pin() {
        if (pinValue != null) {
            return Optional.of(pinValue.clone());
        }
        if (pinSource == null) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = RegularFiles.read(pinSource, PIN_LIMIT);
        } catch (InputFileException e) {
            // Its message names the file and the problem, never the content.
            throw new Pkcs11UriException("pin-source " + e.getMessage());
        }
        try {
            int end = raw.length;
            if (end > 0 && raw[end - 1] == '\n') {
                end--;
                if (end > 0 && raw[end - 1] == '\r') {
                    end--;
                }
            }
            return Optional.of(utf8("pin-source", Arrays.copyOf(raw, end)));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** PKCS#11 PINs are short (tokens take up to a few dozen characters); a PIN file is never a stream. */
    static final InputLimit PIN_LIMIT = new InputLimit("a PIN file", 4096, "a PIN is a line of text");

    /** The URI with its PIN replaced by {@code ***}, safe for messages and logs. */
    @Override
    public String toString() {
        var path = new ArrayList<String>();
        if (token != null) {
            path.add("token=" + encode(token.getBytes(StandardCharsets.UTF_8), RES_AVAIL + PATH_EXTRA));
        }
        if (slotId.isPresent()) {
            path.add("slot-id=" + Long.toUnsignedString(slotId.getAsLong()));
        }
        if (object != null) {
            path.add("object=" + encode(object.getBytes(StandardCharsets.UTF_8), RES_AVAIL + PATH_EXTRA));
        }
        if (id != null) {
            path.add("id=" + encode(id, ""));
        }
        var query = new ArrayList<String>();
        query.add("module-path=" + encode(modulePath.toString().getBytes(StandardCharsets.UTF_8), RES_AVAIL + QUERY_EXTRA));
        if (pinValue != null) {
            query.add("pin-value=***");
        }
        if (pinSource != null) {
            query.add("pin-source=" + encode(pinSource.toString().getBytes(StandardCharsets.UTF_8), RES_AVAIL + QUERY_EXTRA));
        }
        return SCHEME + String.join(";", path) + "?" + String.join("&", query);
    }

    // ---- parsing ---------------------------------------------------------------------------

    /**
     * Splits a component into name → still-encoded value, refusing empty, nameless and repeated
     * attributes. In the query, everything after a pin-value that is not a known attribute may
     * be a piece of a PIN with an unencoded '&' in it, so such errors quote nothing.
     */
    private static Map<String, String> attributes(String component, char separator, String where, String allowed,
            java.util.function.Consumer<String> checkName) {
        var map = new LinkedHashMap<String, String>();
        if (component.isEmpty()) {
            return map;
        }
        boolean afterPin = false;
        for (String part : component.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            boolean known = PATH_SUPPORTED.contains(name) || QUERY_SUPPORTED.contains(name);
            if (afterPin && !known) {
                throw new Pkcs11UriException("the query has a malformed or unknown attribute after pin-value "
                        + "(a '&' in a PIN must be written %26)");
            }
            if (part.isEmpty()) {
                throw new Pkcs11UriException("empty attribute in the " + where + " (a stray '" + separator + "')");
            }
            if (eq < 0) {
                throw new Pkcs11UriException("malformed " + where + " attribute: expected name=value");
            }
            if (!isName(name)) {
                throw new Pkcs11UriException("malformed " + where + " attribute name (names are lower-case letters, digits, '-' and '_')");
            }
            // The name first: a value is only inspected once it is known whether it may be a secret.
            checkName.accept(name);
            String value = part.substring(eq + 1);
            checkCharacters(name, value, allowed);
            if (map.put(name, value) != null) {
                throw new Pkcs11UriException(where + " attribute '" + name + "' appears more than once");
            }
            afterPin = separator == '&' && SECRET.contains(name);
        }
        return map;
    }

    private static void checkPathName(String name) {
        if (PATH_RFC_UNSUPPORTED.contains(name)) {
            throw new Pkcs11UriException("path attribute '" + name + "' is not supported by this tool (supported: "
                    + String.join(", ", sorted(PATH_SUPPORTED)) + ")");
        }
        if (!PATH_SUPPORTED.contains(name)) {
            throw new Pkcs11UriException("unknown path attribute '" + name + "' (supported: "
                    + String.join(", ", sorted(PATH_SUPPORTED)) + ")");
        }
    }

    private static void checkQueryName(String name) {
        if (name.equals("module-name")) {
            throw new Pkcs11UriException("query attribute 'module-name' is not supported: give module-path=<the library file>");
        }
        if (!QUERY_SUPPORTED.contains(name)) {
            throw new Pkcs11UriException("unknown query attribute '" + name + "' (supported: "
                    + String.join(", ", sorted(QUERY_SUPPORTED)) + ")");
        }
    }

    private static boolean isName(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    private static void checkCharacters(String name, String value, String allowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved || c == '%' || allowed.indexOf(c) >= 0) {
                continue;
            }
            if (SECRET.contains(name)) {
                throw new Pkcs11UriException("attribute '" + name + "' holds a character that must be percent-encoded (RFC 7512)");
            }
            throw new Pkcs11UriException("attribute '" + name + "': character " + describe(c) + " at position " + (i + 1)
                    + " of its value must be percent-encoded (RFC 7512)");
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7F || c > 0x7E ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    /** RFC 3986 percent-decoding to octets; only {@code %} followed by two hex digits is an escape. */
    private static byte[] octets(String name, String value) {
        var out = new java.io.ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                    || Character.digit(value.charAt(i + 2), 16) < 0) {
                if (SECRET.contains(name)) {
                    throw new Pkcs11UriException("attribute '" + name + "' has a malformed percent-escape (expected % and two hex digits)");
                }
                throw new Pkcs11UriException("attribute '" + name + "' has a malformed percent-escape at position " + (i + 1)
                        + " of its value (expected % and two hex digits)");
            }
            out.write(Character.digit(value.charAt(i + 1), 16) << 4 | Character.digit(value.charAt(i + 2), 16));
            i += 2;
        }
        return out.toByteArray();
    }

    private static String text(String name, String value) {
        byte[] raw = octets(name, value);
        return new String(utf8(name, raw));
    }

    private static char[] utf8(String name, byte[] raw) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            char[] out = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw new Pkcs11UriException("attribute '" + name + "' does not decode to UTF-8 text");
        }
    }

    private static Path pinSourcePath(String value) {
        if (value.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(new URI(value));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new Pkcs11UriException("attribute 'pin-source': " + value + " is not a usable file: URI (file:///absolute/path)");
            }
        }
        Path p = Path.of(value);
        if (!p.isAbsolute()) {
            throw new Pkcs11UriException("attribute 'pin-source': " + value + " is neither an absolute path nor a file: URI");
        }
        return p;
    }

    private static String encode(byte[] bytes, String allowed) {
        var sb = new StringBuilder();
        var hex = HexFormat.of().withUpperCase();
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved || (c < 0x80 && allowed.indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(hex.toHexDigits(b));
            }
        }
        return sb.toString();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
