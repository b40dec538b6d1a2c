package org.caliptra.util.cli.imgtool;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.image.sign.EccSigner;
import org.caliptra.util.image.sign.Pkcs11EccSigner;
import org.caliptra.util.image.sign.Pkcs11Uri;

/**
 * Resolves a private-key reference from a configuration: a file in the key directory, or an
 * RFC 7512 PKCS#11 URI such as
 * {@code pkcs11:token=caliptra;object=vnd-fw?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=/run/pin}.
 * When the URI gives neither pin-value nor pin-source, the PIN comes from the environment
 * variable CALIPTRA_PKCS11_PIN.
 */
final class KeyRefs {
    static final String PIN_VARIABLE = "CALIPTRA_PKCS11_PIN";

    private KeyRefs() {}

    static boolean isPkcs11(String ref) {
        return Pkcs11Uri.isPkcs11(ref);
    }

    static EccSigner pkcs11Ecc(String uri) {
        // Pkcs11Uri's errors never quote the URI, whose query may hold the PIN.
        var parsed = Pkcs11Uri.parse(uri);
        String env = parsed.hasPin() ? null : System.getenv(PIN_VARIABLE);
        return Pkcs11EccSigner.open(parsed, env == null ? null : env.toCharArray());
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
