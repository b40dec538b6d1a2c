package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.fails;
import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the device commands: exit 2 and one line naming the option or file, before anything
 * is sent; the device's refusals exit 1 naming the Caliptra error; key bytes never in the output.
 */
class DeviceBadInputsTest {
    @TempDir
    Path dir;

    @Test
    void missingFilesAreNamed() {
        Path missing = dir.resolve("nope.bin");
        assertTrue(fails(2, "sha", missing.toString()).contains(missing + ": no such file"));
        assertTrue(fails(2, "hmac", "--key-hex", "0b".repeat(48), missing.toString()).contains(missing.toString()));
        assertTrue(fails(2, "delete", "--cmk", missing.toString()).contains(missing.toString()));
        assertTrue(fails(2, "ecdsa-verify", "--key-hex", "00".repeat(48), missing.toString(), "--signature", missing.toString())
                .contains(missing.toString()));
        assertTrue(fails(2, "sha", dir.toString()).contains("is a directory"));
        assertTrue(fails(2, "fuse-read", "--partition", "6", "--auth-ecc-key", missing.toString(), "--auth-mldsa-key",
                missing.toString()).contains(missing.toString()));
    }

    @Test
    void badHexAndSizesNameTheOption() throws Exception {
        Path msg = Files.writeString(dir.resolve("m"), "m");
        assertTrue(fails(2, "hmac", "--key-hex", "0g", msg.toString()).contains("--key-hex: character 2 is not a hex digit"));
        assertTrue(fails(2, "hmac", "--key-hex", "0", msg.toString()).contains("--key-hex: 1 hex digits, an odd number"));
        assertTrue(fails(2, "hmac", "--key-hex", "00".repeat(65), msg.toString()).contains("--key-hex: 65 bytes; a raw key is at most 64"));
        assertTrue(fails(2, "get-attestation", "--nonce", "00", "--out", dir.resolve("e").toString())
                .contains("--nonce: 2 hex digits; the nonce is 32 bytes (64 hex digits)"));
        assertTrue(fails(2, "aes-decrypt", "--mode", "cbc", "--key-hex", "00".repeat(32), "--iv", "00", msg.toString(), "--out",
                dir.resolve("o").toString()).contains("--iv: 2 hex digits; an AES IV is 16 bytes"));
        Path shortCmk = Files.write(dir.resolve("short.cmk"), new byte[100]);
        assertTrue(fails(2, "hmac", "--cmk", shortCmk.toString(), msg.toString()).contains("a CMK is exactly 128 bytes"));
        Path big = Files.write(dir.resolve("big"), new byte[4097]);
        assertTrue(fails(2, "ecdsa-sign", "--key-hex", "00".repeat(48), big.toString()).contains("4096"));
        assertTrue(fails(2, "provision-vendor-pk-hash", "--slot", "1", "--hash", "ab")
                .contains("--hash: 2 hex digits; a SHA-384 hash is 48 bytes (96 hex digits)"));
    }

    @Test
    void optionsThatContradictOrAreMissingAreUsageErrors() throws Exception {
        Path msg = Files.writeString(dir.resolve("m"), "m");
        fails(2, "hmac", "--key-hex", "00", "--key-file", msg.toString(), msg.toString());
        fails(2, "hmac", msg.toString());
        assertTrue(fails(2, "get-firmware-version", "--index", "rom").contains("--index 'rom': expected core, mcu, soc or a number"));
        assertTrue(fails(2, "sha", "--alg", "md5", msg.toString()).contains("expected sha384 or sha512"));
        assertTrue(fails(2, "get-capabilities", "--timeout", "0").contains("--timeout 0: a timeout is a positive number"));
        assertTrue(fails(2, "get-capabilities", "--retries", "-1").contains("--retries -1"));
        assertTrue(fails(2, "debug-unlock", "--level", "9", "--request-only").contains("--level 9: production debug levels are 1..8"));
        assertTrue(fails(2, "debug-unlock", "--level", "1").contains("--ecc-key and --mldsa-key"));
        assertTrue(fails(2, "dot", "lock", "--cak", "00".repeat(48)).contains("the LAK: give --lak-ecc-key and --lak-mldsa-key, or --lak-hash"));
        assertTrue(fails(2, "dot").contains("a dot subcommand is required"));
        Path device = Files.writeString(dir.resolve("d.toml"), "profile = \"caliptra-2.1\"\n[mcu]\ncolour = \"red\"\n");
        assertTrue(fails(2, "get-device-id", "--device", device.toString()).contains("colour"));
        Path passive = Files.writeString(dir.resolve("p.toml"), "profile = \"caliptra-1.2\"\nfuse_store = \"otp.bin\"\n");
        assertTrue(fails(2, "get-capabilities", "--device", passive.toString()).contains("fuse_store"));
    }

    @Test
    void keyMaterialIsNeverEchoed() throws Exception {
        String key = "c0ffee".repeat(16);
        Path msg = Files.writeString(dir.resolve("m"), "m");
        var r = DeviceCli.ok("hmac", "--key-hex", key, msg.toString());
        assertFalse(r.out().contains(key));
        String err = fails(2, "hmac", "--key-hex", key, "--cmk", msg.toString(), msg.toString());
        assertFalse(err.contains("c0ffee"), "picocli's exclusivity error names options, not values: " + err);
        String cak = "5a".repeat(47) + "zz";
        String dot = fails(2, "dot", "lock", "--cak", cak, "--lak-hash", "00".repeat(48));
        assertFalse(dot.contains("5a5a"), dot);
    }

    @Test
    void aCommandNoTargetCarriesFailsWithTheLibrarysReason() {
        var caps = json("get-capabilities", "--target", "emulator?transport=mctp");
        assertEquals(36 * 2, caps.get("caps").asText().length());
        String err = fails(1, "get-auth-challenge", "--target", "emulator?profile=caliptra-2.0");
        assertTrue(err.contains("GetAuthCmdChallenge (0x8010) is not carried by a Caliptra 2.x core mailbox; it travels over an MCU (MCI) "
                + "mailbox"), err);
    }
}
