package org.caliptra.util.host.commands.aes;

import org.caliptra.util.protocol.CaliptraException;

/**
 * AES-GCM decryption whose authentication tag the device did not verify: the ciphertext, AAD, IV,
 * tag or key is not the one of the encryption. No plaintext is released.
 */
public final class GcmTagMismatchException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public GcmTagMismatchException(String message) {
        super(message);
    }
}
