package org.caliptra.util.image.sign;

import org.caliptra.util.image.ImageException;

/** A PKCS#11 URI that cannot be used as written; the message names the attribute, never a PIN. */
public final class Pkcs11UriException extends ImageException {
    private static final long serialVersionUID = 1L;

    public Pkcs11UriException(String message) {
        super("PKCS#11 URI: " + message);
    }
}
