package org.caliptra.util.cli.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.MldsaPrivateKey;

/** Running device commands in the tests: against the embedded emulator, asserting the outcome. */
final class DeviceCli {
    /**
     * The reference's authorization test key pair (caliptra-util-host apps/spdm/test-config.toml),
     * whose hash a default emulated caliptra-2.1 holds as its authorization anchor.
     */
    static final String REFERENCE_ECC_SCALAR =
            "3da9e680aff5a1cea96a3e89810286fb3b3030a9c924ad2f2031a07d294052a97cafa1fc6ea760a43db763ca9f2f7036";
    static final byte[] REFERENCE_MLDSA_SEED = "caliptra-mcu-testing-mldsa-seed-".getBytes(StandardCharsets.US_ASCII);

    private DeviceCli() {}

    /** Runs the CLI; exit 0 expected, stderr empty. */
    static Cli.Result ok(String... args) {
        var r = Cli.run(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        assertEquals("", r.err(), String.join(" ", args));
        return r;
    }

    /** Runs the CLI with {@code --format json}; exit 0 expected; the JSON document. */
    static JsonNode json(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--format");
        all.add("json");
        return ok(all.toArray(String[]::new)).json();
    }

    /** Runs the CLI expecting {@code code}; one line on stderr, nothing on stdout. */
    static String fails(int code, String... args) {
        var r = Cli.run(args);
        assertEquals(code, r.exitCode(), String.join(" ", args) + ": " + r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("caliptra-util "), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        return r.err();
    }

    static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes the reference authorization key pair as image keygen writes keys; returns {ecc, mldsa}. */
    static Path[] referenceAuthKeys(Path dir) {
        Path ecc = dir.resolve("auth-ecc.pem");
        Path mldsa = dir.resolve("auth-mldsa.pem");
        if (!ecc.toFile().exists()) {
            KeyFiles.writeEccPrivate(EccPrivateKey.fromScalar(HexFormat.of().parseHex(REFERENCE_ECC_SCALAR)), ecc);
            KeyFiles.writeMldsaPrivate(MldsaPrivateKey.fromBytes(REFERENCE_MLDSA_SEED), mldsa);
        }
        return new Path[] {ecc, mldsa};
    }
}
