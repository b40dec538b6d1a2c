package org.caliptra.util.cli.imgtool;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.sign.EccSigner;
import org.caliptra.util.image.sign.Pkcs11EccSigner;

/**
 * Resolves a private-key reference from a configuration: a file in the key directory, or an
 * RFC 7512 PKCS#11 URI such as
 * {@code pkcs11:object=vnd-fw;slot-id=0?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-value=1234}.
 * The PIN may instead come from the environment variable CALIPTRA_PKCS11_PIN.
 */
final class KeyRefs {
    private KeyRefs() {}

    static boolean isPkcs11(String ref) {
        return ref != null && ref.startsWith("pkcs11:");
    }

    static EccSigner pkcs11Ecc(String uri) {
        String body = uri.substring("pkcs11:".length());
        String path = body;
        String query = "";
        int q = body.indexOf('?');
        if (q >= 0) {
            path = body.substring(0, q);
            query = body.substring(q + 1);
        }
        Map<String, String> attrs = split(path, ";");
        Map<String, String> params = split(query, "&");
        String module = params.get("module-path");
        if (module == null) {
            throw new UsageException(uri + ": a PKCS#11 URI needs ?module-path=/path/to/the/pkcs11/library.so");
        }
        String object = attrs.get("object");
        if (object == null) {
            throw new UsageException(uri + ": a PKCS#11 URI needs object=<key label>");
        }
        String pin = params.getOrDefault("pin-value", System.getenv("CALIPTRA_PKCS11_PIN"));
        if (pin == null) {
            throw new UsageException(uri + ": no PIN: add pin-value= or set CALIPTRA_PKCS11_PIN");
        }
        int slot = attrs.containsKey("slot-id") ? Integer.parseInt(attrs.get("slot-id")) : 0;
        return Pkcs11EccSigner.open(Path.of(module), slot, object, pin.toCharArray());
    }

    private static Map<String, String> split(String s, String sep) {
        var map = new HashMap<String, String>();
        if (s.isEmpty()) {
            return map;
        }
        for (String part : s.split(sep)) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    /** A key file named in a configuration, which must exist in the key directory. */
    static Path file(Path keyDir, String name, String what) {
        Path p = keyDir.resolve(name);
        if (!Files.exists(p)) {
            throw new UsageException(p + ": no such file (" + what + ")");
        }
        return p;
    }
}
