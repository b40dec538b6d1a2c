package org.caliptra.util.cli.device;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.caliptra.util.cli.booted.HexOption;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.protocol.Octets;

/** Small helpers the device commands share: nonces and whole-file outputs. */
public final class Outputs {
    private Outputs() {}

    /** {@code hex} as exactly {@code size} bytes, or {@code size} fresh random bytes when it is null. */
    public static Octets nonce(String option, String hex, int size) {
        if (hex != null) {
            return HexOption.parse(option, hex, size, "the nonce");
        }
        byte[] b = new byte[size];
        new SecureRandom().nextBytes(b);
        return Octets.of(b);
    }

    /** Writes a public output (evidence, a CSR, a signature, ciphertext) atomically, replacing the file. */
    public static void write(Path out, Octets content) {
        AtomicFiles.write(out, content.toByteArray(), AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REPLACE);
    }

    /** Writes key material (a CMK, plaintext) atomically with mode 0600, replacing the file. */
    public static void writePrivate(Path out, Octets content) {
        AtomicFiles.write(out, content.toByteArray(), AtomicFiles.Mode.PRIVATE, AtomicFiles.Existing.REPLACE);
    }
}
