package org.caliptra.util.image.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.Octets;

/**
 * ECC P-384 signing with a key that never leaves a PKCS#11 token, through the JDK's SunPKCS11
 * provider. The token computes ECDSA over the 48-byte digest (CKM_ECDSA, "NONEwithECDSA"); tokens
 * choose their own nonce, so signatures are not RFC 6979 deterministic unless the token is.
 *
 * <p>SunPKCS11 exposes a private key only together with a certificate that shares its CKA_ID (its
 * KeyStore alias is that certificate's CKA_LABEL); the certificate also supplies the public key.
 * So {@code object} and {@code id} of the URI select the key pair through its certificate.
 *
 * <p>The PIN never reaches a message: provider and KeyStore failures are reported by their
 * PKCS#11 return code (CKR_…) and exception class only, and the original exceptions are kept as
 * causes with their stack traces but without their messages.
 */
public final class Pkcs11EccSigner implements EccSigner {
    private static final Pattern CKR = Pattern.compile("CKR_[A-Z0-9_]+");

    private final Provider provider;
    private final PrivateKey key;
    private final EccPublicKey publicKey;
    private final String description;

    private Pkcs11EccSigner(Provider provider, PrivateKey key, EccPublicKey publicKey, String description) {
        this.provider = provider;
        this.key = key;
        this.publicKey = publicKey;
        this.description = description;
    }

    /**
     * Opens the key {@code uri} names. {@code fallbackPin} is used when the URI has neither
     * pin-value nor pin-source (may be null); this method clears the PIN copies it makes.
     */
    public static Pkcs11EccSigner open(Pkcs11Uri uri, char[] fallbackPin) {
        Path library = uri.modulePath();
        if (!Files.isRegularFile(library) || !Files.isReadable(library)) {
            throw new SigningException("PKCS#11 library " + library + " (module-path) not found or not readable");
        }
        long slot = slot(uri);
        char[] pin = uri.pin().orElse(null);
        if (pin == null && fallbackPin != null) {
            pin = fallbackPin.clone();
        }
        if (pin == null) {
            throw new SigningException(uri + ": no PIN (give pin-value or pin-source in the URI, or set CALIPTRA_PKCS11_PIN)");
        }
        String where = "PKCS#11 token in slot " + slot + " of " + library;
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new SigningException("this JDK has no SunPKCS11 provider");
            }
            Provider provider;
            try {
                provider = base.configure(config(library, slot));
            } catch (RuntimeException e) {
                throw failure(where + ": SunPKCS11 cannot use it", e);
            }
            KeyStore store;
            try {
                store = KeyStore.getInstance("PKCS11", provider);
                store.load(null, pin);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw failure(where + ": login failed", e);
            }
            String alias = alias(uri, store, slot, where);
            PrivateKey priv;
            Certificate cert;
            try {
                priv = (PrivateKey) store.getKey(alias, null);
                cert = store.getCertificate(alias);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw failure(where + ": key '" + alias + "' cannot be opened", e);
            }
            if (priv == null) {
                throw new SigningException(where + ": '" + alias + "' is not a private key");
            }
            if (cert == null || !(cert.getPublicKey() instanceof ECPublicKey pub)
                    || pub.getParams().getCurve().getField().getFieldSize() != 384) {
                throw new SigningException(where + ": key '" + alias + "' has no EC P-384 certificate to take its public key from");
            }
            var w = pub.getW();
            var publicKey = new EccPublicKey(Octets.of(fixed(w.getAffineX())), Octets.of(fixed(w.getAffineY())));
            return new Pkcs11EccSigner(provider, priv, publicKey, where + ", key '" + alias + "'");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * The CK_SLOT_ID to configure: slot-id as given; the one slot whose token has the label
     * {@code token}; or, when the URI names neither, the one slot holding an initialised token.
     * Never a list position: SunPKCS11's slotListIndex would pick whatever the module lists first.
     */
    private static long slot(Pkcs11Uri uri) {
        long slot;
        if (uri.token().isEmpty() && uri.slotId().isPresent()) {
            slot = uri.slotId().getAsLong();
        } else {
            List<Cryptoki.Slot> all;
            try (var cryptoki = Cryptoki.open(uri.modulePath())) {
                all = cryptoki.slotsWithTokens();
            }
            String label = uri.token().orElse(null);
            List<Cryptoki.Slot> matches = all.stream().filter(s -> label == null || s.label().equals(label))
                    .filter(s -> uri.slotId().isEmpty() || uri.slotId().getAsLong() == s.id()).toList();
            String tokens = all.isEmpty() ? "none" : String.join(", ",
                    all.stream().map(s -> "'" + s.label() + "' (slot " + Long.toUnsignedString(s.id()) + ")").toList());
            if (matches.isEmpty()) {
                throw new SigningException("PKCS#11 library " + uri.modulePath() + ": "
                        + (label == null ? "no initialised token" : "no token labelled '" + label + "'"
                        + (uri.slotId().isPresent() ? " in slot " + Long.toUnsignedString(uri.slotId().getAsLong()) : ""))
                        + " (tokens: " + tokens + ")");
            }
            if (matches.size() > 1) {
                throw new SigningException("PKCS#11 library " + uri.modulePath() + ": " + matches.size() + " tokens"
                        + (label == null ? "" : " are labelled '" + label + "'") + " (" + tokens + "); add "
                        + (label == null ? "token= or " : "") + "slot-id= to the URI");
            }
            slot = matches.get(0).id();
        }
        if (slot < 0 || slot > Integer.MAX_VALUE) {
            // SunPKCS11 reads "slot" as a Java int.
            throw new SigningException("PKCS#11 slot-id " + Long.toUnsignedString(slot) + " is beyond what SunPKCS11 can address (at most "
                    + Integer.MAX_VALUE + ")");
        }
        return slot;
    }

    /** SunPKCS11 inline configuration ("--" prefix): no file to clean up, and nothing secret in it. */
    private static String config(Path library, long slot) {
        String lib = library.toAbsolutePath().toString();
        if (lib.contains("\"") || lib.contains("\\") || lib.contains("\n") || lib.contains("${")) {
            throw new SigningException("PKCS#11 library path " + library + " holds a character SunPKCS11 configuration cannot carry");
        }
        return "--name = caliptra-util\nlibrary = \"" + lib + "\"\nslot = " + slot + "\n";
    }

    /** The KeyStore alias of the key pair the URI names. */
    private static String alias(Pkcs11Uri uri, KeyStore store, long slot, String where) {
        List<String> keys = new ArrayList<>();
        try {
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keys.add(a);
                }
            }
        } catch (GeneralSecurityException e) {
            throw failure(where + ": cannot list keys", e);
        }
        String object = uri.object().orElse(null);
        if (uri.id().isPresent()) {
            List<byte[]> ders;
            try (var cryptoki = Cryptoki.open(uri.modulePath())) {
                ders = cryptoki.certificates(slot, object, uri.id().get());
            }
            Set<String> matched = new LinkedHashSet<>();
            for (String a : keys) {
                byte[] encoded = encoded(store, a, where);
                for (byte[] der : ders) {
                    if (encoded != null && MessageDigest.isEqual(der, encoded)) {
                        matched.add(a);
                    }
                }
            }
            if (matched.size() != 1) {
                throw new SigningException(where + ": " + (matched.isEmpty() ? "no" : matched.size()) + " key pairs with "
                        + "id=" + hexId(uri.id().get()) + (object != null ? " and object '" + object + "'" : "")
                        + " (keys: " + (keys.isEmpty() ? "none" : String.join(", ", keys)) + ")");
            }
            return matched.iterator().next();
        }
        if (object != null) {
            if (!keys.contains(object)) {
                throw new SigningException(where + ": no private key labelled '" + object + "' (keys: "
                        + (keys.isEmpty() ? "none" : String.join(", ", keys)) + ")");
            }
            return object;
        }
        if (keys.size() != 1) {
            throw new SigningException(where + ": the URI names no object or id and the token holds "
                    + (keys.isEmpty() ? "no keys" : keys.size() + " keys (" + String.join(", ", keys) + ")"));
        }
        return keys.get(0);
    }

    private static byte[] encoded(KeyStore store, String alias, String where) {
        try {
            Certificate c = store.getCertificate(alias);
            return c == null ? null : c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw failure(where + ": certificate of '" + alias + "' cannot be read", e);
        }
    }

    private static String hexId(byte[] id) {
        return java.util.HexFormat.of().formatHex(id);
    }

    /**
     * A SigningException that says what failed and, from the causes, only the PKCS#11 return codes:
     * provider messages can quote configuration, and nothing here may quote a PIN.
     */
    private static SigningException failure(String what, Throwable e) {
        if (e instanceof SigningException se) {
            return se;
        }
        var codes = new LinkedHashSet<String>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = CKR.matcher(t.getMessage());
                while (m.find()) {
                    codes.add(m.group());
                }
            }
        }
        String hint = codes.contains("CKR_PIN_INCORRECT") ? " (wrong PIN)"
                : codes.contains("CKR_PIN_LOCKED") ? " (the PIN is locked)"
                : codes.contains("CKR_PIN_LEN_RANGE") ? " (the PIN has a length the token does not accept)" : "";
        String detail = codes.isEmpty() ? e.getClass().getSimpleName() : String.join(", ", codes);
        return new SigningException(what + ": " + detail + hint, Redacted.of(e));
    }

    private static byte[] fixed(java.math.BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[48];
        int n = Math.min(raw.length, 48);
        System.arraycopy(raw, raw.length - n, out, 48 - n, n);
        return out;
    }

    @Override
    public EccPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public EccSignature signDigest(Sha384Digest digest) {
        try {
            var s = Signature.getInstance("NONEwithECDSA", provider);
            s.initSign(key);
            s.update(digest.toByteArray());
            return EccSignature.fromDer(s.sign());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failure(description + ": signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Pkcs11EccSigner[" + description + "]";
    }

    /** Stands in for a provider exception: its class and stack trace, not its message. */
    static final class Redacted extends Exception {
        private static final long serialVersionUID = 1L;

        private Redacted(Throwable original) {
            super(original.getClass().getName() + " (message withheld)");
            setStackTrace(original.getStackTrace());
        }

        static Redacted of(Throwable original) {
            var top = new Redacted(original);
            var at = top;
            var seen = Collections.newSetFromMap(new java.util.IdentityHashMap<Throwable, Boolean>());
            seen.add(original);
            for (Throwable t = original.getCause(); t != null && seen.add(t); t = t.getCause()) {
                var next = new Redacted(t);
                at.initCause(next);
                at = next;
            }
            return top;
        }
    }
}
