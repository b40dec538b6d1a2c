package org.caliptra.util.image.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;

/**
 * ECC P-384 signing with a key that never leaves a PKCS#11 token, through the JDK's SunPKCS11
 * provider. The token computes ECDSA over the 48-byte digest (CKM_ECDSA, "NONEwithECDSA"); tokens
 * choose their own nonce, so signatures are not RFC 6979 deterministic unless the token is.
 */
public final class Pkcs11EccSigner implements EccSigner {
    private final Provider provider;
    private final PrivateKey key;
    private final EccPublicKey publicKey;

    private Pkcs11EccSigner(Provider provider, PrivateKey key, EccPublicKey publicKey) {
        this.provider = provider;
        this.key = key;
        this.publicKey = publicKey;
    }

    /**
     * Opens the token of {@code library} at {@code slot} (or the first slot with a token when
     * negative) and finds the key labelled {@code label}. The PIN is never logged.
     */
    public static Pkcs11EccSigner open(Path library, int slot, String label, char[] pin) {
        if (!Files.isReadable(library)) {
            throw new SigningException("PKCS#11 library " + library + " not found");
        }
        Path config = null;
        try {
            config = Files.createTempFile("caliptra-pkcs11", ".cfg");
            String text = "name = caliptra-util\nlibrary = " + library.toAbsolutePath() + "\n"
                    + (slot >= 0 ? "slotListIndex = " + slot + "\n" : "");
            Files.writeString(config, text, StandardCharsets.UTF_8);
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new SigningException("this JDK has no SunPKCS11 provider");
            }
            Provider provider = base.configure(config.toString());
            var store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            if (!store.isKeyEntry(label)) {
                throw new SigningException("PKCS#11 token has no private key labelled '" + label + "' (keys: "
                        + String.join(", ", java.util.Collections.list(store.aliases())) + ")");
            }
            var priv = (PrivateKey) store.getKey(label, pin);
            var cert = store.getCertificate(label);
            if (cert == null || !(cert.getPublicKey() instanceof ECPublicKey pub)) {
                throw new SigningException("PKCS#11 key '" + label + "' has no EC certificate to take its public key from");
            }
            var w = pub.getW();
            var key = new EccPublicKey(Octets.of(fixed(w.getAffineX())), Octets.of(fixed(w.getAffineY())));
            return new Pkcs11EccSigner(provider, priv, key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof SigningException se) {
                throw se;
            }
            throw new SigningException("PKCS#11 token via " + library + ": " + e.getMessage(), e);
        } finally {
            if (config != null) {
                try {
                    Files.deleteIfExists(config);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
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
        } catch (GeneralSecurityException e) {
            throw new SigningException("PKCS#11 signing failed: " + e.getMessage(), e);
        }
    }
}
