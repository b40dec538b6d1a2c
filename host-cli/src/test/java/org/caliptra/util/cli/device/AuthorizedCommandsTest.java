package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.fails;
import static org.caliptra.util.cli.device.DeviceCli.hex;
import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.caliptra.util.cli.device.DeviceCli.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.caliptra.util.image.keys.KeyFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorized fuse commands and device ownership transfer on an embedded caliptra-2.1 whose fuses
 * live in a fuse store, so that one run's writes are read back by the next: each command takes a
 * challenge, signs it with the authorization keys (the reference's test pair, whose hash a default
 * device holds, or a pair image keygen made and a device file names).
 */
class AuthorizedCommandsTest {
    /** SW_MANUF (partition 6, at 0x0D0): the stepping id at 0x148, word 0x52. */
    private static final int STEPPING_WORD = 0x148 / 4;
    /** VENDOR_NON_SECRET_PROD's dot_initialized, one bit written three times. */
    private static final int DOT_INITIALIZED_WORD = 0xA78 / 4;

    @TempDir
    Path dir;
    private Path device;
    private String[] auth;

    @BeforeEach
    void part() throws Exception {
        device = dir.resolve("device.toml");
        Files.writeString(device, """
                profile = "caliptra-2.1"
                lifecycle = "unprovisioned"
                fuse_store = "otp.bin"
                """);
        Path[] keys = DeviceCli.referenceAuthKeys(dir);
        auth = new String[] {"--auth-ecc-key", keys[0].toString(), "--auth-mldsa-key", keys[1].toString()};
    }

    private String[] with(String... args) {
        var all = new java.util.ArrayList<>(Arrays.asList(args));
        all.add("--device");
        all.add(device.toString());
        return all.toArray(String[]::new);
    }

    private String[] authorized(String... args) {
        var all = new java.util.ArrayList<>(Arrays.asList(with(args)));
        all.addAll(Arrays.asList(auth));
        return all.toArray(String[]::new);
    }

    private byte[] read(int partition, int entry) {
        JsonNode r = json(authorized("fuse-read", "--partition", Integer.toString(partition), "--entry", "0x" + Integer.toHexString(entry)));
        return hex(r.get("data"));
    }

    @Test
    void aFuseWriteIsReadBackByALaterRunAndNoBitIsEverCleared() {
        assertArrayEquals(new byte[4], Arrays.copyOf(read(6, 0x78), 4), "a new part's stepping id");
        ok(authorized("fuse-write", "--addr", "0x" + Integer.toHexString(STEPPING_WORD), "--data", "0xA0"));
        ok(authorized("fuse-write", "--addr", Integer.toString(STEPPING_WORD), "--data", "0x0F", "--mask", "0x0F"));
        assertArrayEquals(new byte[] {(byte) 0xAF, 0, 0, 0}, Arrays.copyOf(read(6, 0x78), 4), "ORed in, word little-endian");
        assertTrue(Files.exists(dir.resolve("otp.bin")), "the fuse store, relative to the device file");

        String clear = fails(1, authorized("fuse-write", "--addr", Integer.toString(STEPPING_WORD), "--data", "0", "--mask", "0x80"));
        assertTrue(clear.contains("FuseWrite failed on the device: MCU_MBOX_INVALID_PARAMS (0x06020004)"), clear);
        assertArrayEquals(new byte[] {(byte) 0xAF, 0, 0, 0}, Arrays.copyOf(read(6, 0x78), 4));

        String bare = fails(1, with("fuse-read", "--partition", "6"));
        assertTrue(bare.contains("FuseRead failed on the device: MCU_MBOX_UNAUTHORIZED_COMMAND (0x06020006)"), bare);
        String secret = fails(1, authorized("fuse-read", "--partition", "1"));
        assertTrue(secret.contains("MCU_MBOX_INVALID_PARAMS"), "SECRET_MANUF is not readable: " + secret);
        assertTrue(fails(2, with("fuse-write", "--addr", "1", "--data", "1", "--auth-ecc-key", auth[1]))
                .contains("--auth-ecc-key needs --auth-mldsa-key"));
    }

    @Test
    void aProvisionedVendorHashSitsInTheOtpInItsDwordReversedForm() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-384").digest("vendor keys".getBytes());
        json(authorized("provision-vendor-pk-hash", "--slot", "1", "--hash", hex(hash)));
        // VENDOR_HASHES_PROD (partition 11, at 0x438): slot 1 at 0x470.
        byte[] otp = Arrays.copyOf(read(11, 0x470 - 0x438), 48);
        for (int i = 0; i < 48; i += 4) {
            for (int b = 0; b < 4; b++) {
                assertEquals(hash[i + 3 - b], otp[i + b], "byte " + (i + b));
            }
        }
        json(authorized("provision-vendor-pk-hash", "--slot", "1", "--hash", hex(hash)));
        String other = fails(1, authorized("provision-vendor-pk-hash", "--slot", "1", "--hash", "11".repeat(48)));
        assertTrue(other.contains("MCU_MBOX_INVALID_PARAMS"), "a slot holds one hash: " + other);
        assertTrue(fails(2, with("provision-vendor-pk-hash", "--slot", "1", "--hash", hex(hash)))
                .contains("provision-vendor-pk-hash is authorized: give --auth-ecc-key and --auth-mldsa-key"));
    }

    @Test
    void theRuntimeRefusesWhatItsRulesForbidNamingTheCode() {
        String svn = fails(1, authorized("increase-min-svn", "--svn", "1"));
        assertTrue(svn.contains("FuseIncreaseCaliptraMinSvn failed on the device: MCU_MBOX_INVALID_PARAMS"), "above the running SVN: " + svn);
        String fe = fails(1, authorized("fe-prog", "--partition", "0"));
        assertTrue(fe.contains("RUNTIME_FE_PROG_ILLEGAL_LIFECYCLE_STATE"), "an unprovisioned part: " + fe);
        String revoke = fails(1, authorized("revoke-vendor-pk-hash", "--slot", "0"));
        assertTrue(revoke.contains("FuseRevokeVendorPkHash failed on the device: MCU_MBOX_"), revoke);
        String key = fails(1, authorized("revoke-vendor-pub-key", "--slot", "0", "--key-type", "ecc", "--key-index", "0"));
        assertTrue(key.contains("FuseRevokeVendorPubKey failed on the device: MCU_MBOX_"), key);
        assertTrue(fails(2, authorized("revoke-vendor-pub-key", "--slot", "0", "--key-type", "rsa", "--key-index", "0"))
                .contains("--key-type 'rsa': expected ecc, lms or mldsa"));
    }

    @Test
    void keysImageKeygenMadeAuthorizeWhereTheDeviceFileNamesTheirHash() throws Exception {
        ok("image", "keygen", "--type", "ecc", "--out", dir.resolve("own-ecc").toString());
        ok("image", "keygen", "--type", "mldsa", "--out", dir.resolve("own-mldsa").toString());
        Path ecc = dir.resolve("own-ecc-prvk.pem");
        Path mldsa = dir.resolve("own-mldsa-prvk.pem");
        var pub = KeyFiles.readEccPublic(ecc);
        var md = MessageDigest.getInstance("SHA-384");
        md.update(pub.x().toByteArray());
        md.update(pub.y().toByteArray());
        md.update(KeyFiles.readMldsaPublic(mldsa).bytes().toByteArray());
        Path own = dir.resolve("own.toml");
        Files.writeString(own, "profile = \"caliptra-2.1\"\nlifecycle = \"unprovisioned\"\n[mcu]\nauthorization_pk_hash = \""
                + HexFormat.of().formatHex(md.digest()) + "\"\n");
        json("fuse-read", "--partition", "6", "--device", own.toString(), "--auth-ecc-key", ecc.toString(), "--auth-mldsa-key",
                mldsa.toString());
        String reference = fails(1, "fuse-read", "--partition", "6", "--device", own.toString(), auth[0], auth[1], auth[2], auth[3]);
        assertTrue(reference.contains("MCU_MBOX_UNAUTHORIZED_COMMAND"), "keys the device does not anchor: " + reference);
    }

    @Test
    void ownershipLocksBacksUpUnlocksAndDisables() throws Exception {
        assertFalse(json(with("dot", "status")).get("enabled").asBoolean());
        ok(authorized("fuse-write", "--addr", Integer.toString(DOT_INITIALIZED_WORD), "--data", "7", "--mask", "7"));
        var status = json(with("dot", "status"));
        assertTrue(status.get("enabled").asBoolean());
        assertEquals(0, status.get("burned").asInt());

        ok("image", "keygen", "--type", "ecc", "--out", dir.resolve("lak-ecc").toString());
        ok("image", "keygen", "--type", "mldsa", "--out", dir.resolve("lak-mldsa").toString());
        String[] lak = {"--lak-ecc-key", dir.resolve("lak-ecc-prvk.pem").toString(), "--lak-mldsa-key",
            dir.resolve("lak-mldsa-prvk.pem").toString()};
        String[] lakPublic = {"--lak-ecc-key", dir.resolve("lak-ecc-pubk.pem").toString(), "--lak-mldsa-key",
            dir.resolve("lak-mldsa-pubk.pem").toString()};
        Path cak = dir.resolve("cak.bin");
        byte[] cakBytes = new byte[48];
        Arrays.fill(cakBytes, (byte) 0xA5);
        Files.write(cak, cakBytes);

        var locked = json(concat(authorized("dot", "lock", "--cak-file", cak.toString()), lakPublic));
        assertTrue(locked.get("reset_required").asBoolean());
        status = json(with("dot", "status"));
        assertTrue(status.get("locked").asBoolean());
        assertEquals(1, status.get("burned").asInt());

        Path blob = dir.resolve("dot.blob");
        json(authorized("dot", "backup-blob", "--out", blob.toString()));
        assertEquals(168, Files.size(blob));
        assertEquals("01000000", HexFormat.of().formatHex(Files.readAllBytes(blob), 0, 4), "blob version 1");
        assertArrayEquals(cakBytes, Arrays.copyOfRange(Files.readAllBytes(blob), 4, 52), "the CAK it locked with");

        json(concat(with("dot", "unlock"), lak));
        status = json(with("dot", "status"));
        assertFalse(status.get("locked").asBoolean());
        assertEquals(2, status.get("burned").asInt());

        // The LAK by its hash this time.
        var pubEcc = KeyFiles.readEccPublic(dir.resolve("lak-ecc-pubk.pem"));
        var md = MessageDigest.getInstance("SHA-384");
        md.update(org.caliptra.util.protocol.HwFormat.reverseEach4(pubEcc.x().toByteArray()));
        md.update(org.caliptra.util.protocol.HwFormat.reverseEach4(pubEcc.y().toByteArray()));
        md.update(KeyFiles.readMldsaPublic(dir.resolve("lak-mldsa-pubk.pem")).bytes().toByteArray());
        json(authorized("dot", "disable", "--lak-hash", HexFormat.of().formatHex(md.digest())));
        assertEquals(3, json(with("dot", "status")).get("burned").asInt());
        // A wrong LAK cannot unlock.
        ok("image", "keygen", "--type", "ecc", "--out", dir.resolve("evil-ecc").toString());
        String evil = fails(1, concat(with("dot", "unlock"), "--lak-ecc-key", dir.resolve("evil-ecc-prvk.pem").toString(),
                "--lak-mldsa-key", dir.resolve("lak-mldsa-prvk.pem").toString()));
        assertTrue(evil.contains("DotUnlock failed on the device: MCU_MBOX_COMMON"), evil);
    }

    @Test
    void productionDebugUnlockWithTheLevelsFusedKeys() throws Exception {
        // A production part must be provisioned with the vendor hash of what it boots: the development bundle's.
        Path bundle = dir.resolve("dev-fw.bin");
        Files.write(bundle, org.caliptra.util.emulator.DevelopmentFirmware.bundle(org.caliptra.util.protocol.Generation.V2).toByteArray());
        String vendorHash = json("image", "fuses", bundle.toString()).get("vendor_pk_hash").asText();
        Path production = dir.resolve("production.toml");
        Files.writeString(production, "profile = \"caliptra-2.1\"\nlifecycle = \"production\"\nfuse_store = \"prod-otp.bin\"\n"
                + "[fuses]\nvendor_pk_hash = \"" + vendorHash + "\"\n[soc]\ndebug_intent = true\ndebug_unlock_request = \"production\"\n");

        ok("image", "keygen", "--type", "ecc", "--out", dir.resolve("dbg-ecc").toString());
        ok("image", "keygen", "--type", "mldsa", "--out", dir.resolve("dbg-mldsa").toString());
        Path ecc = dir.resolve("dbg-ecc-prvk.pem");
        Path mldsa = dir.resolve("dbg-mldsa-prvk.pem");
        // Level 1's key hash fuse (SW_MANUF at 0x14C): SHA-384 of the ECC key in hardware word order and the
        // ML-DSA key, each OTP word holding four of its bytes big-endian (the dword-reversed form).
        var pub = KeyFiles.readEccPublic(ecc);
        var md = MessageDigest.getInstance("SHA-384");
        md.update(org.caliptra.util.protocol.HwFormat.reverseEach4(pub.x().toByteArray()));
        md.update(org.caliptra.util.protocol.HwFormat.reverseEach4(pub.y().toByteArray()));
        md.update(KeyFiles.readMldsaPublic(mldsa).bytes().toByteArray());
        byte[] levelHash = md.digest();
        for (int i = 0; i < 12; i++) {
            int word = java.nio.ByteBuffer.wrap(levelHash, 4 * i, 4).getInt();
            ok(concat(new String[] {"fuse-write", "--device", production.toString(), "--addr", Integer.toString(0x14C / 4 + i), "--data",
                "0x" + Integer.toHexString(word)}, auth));
        }

        var challenge = json("debug-unlock", "--level", "1", "--request-only", "--device", production.toString());
        assertEquals(48, hex(challenge.get("challenge")).length);
        var unlocked = json("debug-unlock", "--level", "1", "--ecc-key", ecc.toString(), "--mldsa-key", mldsa.toString(), "--device",
                production.toString());
        assertTrue(unlocked.get("unlocked").asBoolean());
        // Another level's keys, or these keys for another level, are refused with the core's codes.
        ok("image", "keygen", "--type", "ecc", "--out", dir.resolve("other-ecc").toString());
        String wrong = fails(1, "debug-unlock", "--level", "1", "--ecc-key", dir.resolve("other-ecc-prvk.pem").toString(),
                "--mldsa-key", mldsa.toString(), "--device", production.toString());
        assertTrue(wrong.contains("ProdDebugUnlockToken failed on the device: SS_DBG_UNLOCK_PROD_INVALID_TOKEN_WRONG_PUBLIC_KEYS"), wrong);
        String unfused = fails(1, "debug-unlock", "--level", "2", "--request-only", "--device", production.toString());
        assertTrue(unfused.contains("SS_DBG_UNLOCK_PROD_DISABLED"), unfused);
        // Without the SoC's request the device refuses to start.
        String notAsked = fails(1, with("debug-unlock", "--level", "1", "--request-only"));
        assertTrue(notAsked.contains("ProdDebugUnlockReq failed on the device: SS_DBG_UNLOCK_REQ_BIT_NOT_SET (0xA000000B)"), notAsked);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
