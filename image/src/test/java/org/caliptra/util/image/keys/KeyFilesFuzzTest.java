package org.caliptra.util.image.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import org.caliptra.util.image.fuzz.ImageFuzz;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.fuzzsupport.Sandbox;

/**
 * Every {@link KeyFiles} reader on any file content, PEM or raw. The first input byte picks the
 * reader ({@link Kind}, modulo 6), the rest is the file. A key that reads must be well-formed
 * enough to use: its encodings have the sizes Caliptra's fields hold.
 */
class KeyFilesFuzzTest {
    private static final FuzzContract CONTRACT = ImageFuzz.contract("KeyFiles.read*", 64, 8 << 20).namingTheFile();

    /** The reader a seed is for; its ordinal is the seed's first byte. */
    enum Kind { ECC_PRIVATE, ECC_PUBLIC, LMS_PUBLIC, LMS_PRIVATE, MLDSA_PUBLIC, MLDSA_PRIVATE }

    @FuzzTest
    void read(byte[] input) {
        CONTRACT.check(input, () -> {
            Kind kind = Kind.values()[input.length == 0 ? 0 : (input[0] & 0xFF) % Kind.values().length];
            byte[] content = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
            Path file = Sandbox.file("keys", "key.pem", content);
            switch (kind) {
                case ECC_PRIVATE -> KeyFiles.readEccPrivate(file).publicKey().toHw();
                case ECC_PUBLIC -> assertEquals(96, KeyFiles.readEccPublic(file).toHw().length);
                case LMS_PUBLIC -> assertEquals(LmsPublicKey.SIZE, KeyFiles.readLmsPublic(file).toBytes().length);
                case LMS_PRIVATE -> assertEquals(LmsPrivateKey.SIZE, KeyFiles.readLmsPrivate(file).toBytes().length);
                case MLDSA_PUBLIC -> assertEquals(2592, KeyFiles.readMldsaPublic(file).bytes().length());
                case MLDSA_PRIVATE -> assertEquals(2592, KeyFiles.readMldsaPrivate(file).publicKey().bytes().length());
            }
        });
    }
}
