package org.caliptra.util.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PKCS#11 signing through SunPKCS11 against a real SoftHSM2 token created in a temporary
 * directory. SoftHSM reads SOFTHSM2_CONF from its process environment, so the token work runs in
 * child JVMs. Skipped, with the reason, where SoftHSM2 is not installed (.ci/run installs it).
 */
class Pkcs11SigningTest {
    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

    @TempDir
    Path dir;

    Path ast;
    Path keys;
    Path prebuilt;
    Map<String, String> env;

    record Run(int code, String out) {}

    @BeforeEach
    void softHsm() throws Exception {
        boolean tool = Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "softhsm2-util")));
        Prerequisites.require(tool && Files.exists(LIBRARY), "SoftHSM2 (softhsm2-util, " + LIBRARY + ") is not installed; apt-get install softhsm2");
        ast = Cli.testdata();
        keys = ast.resolve("key/ast2700-default");
        Files.createDirectories(dir.resolve("tokens"));
        Path conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + dir.resolve("tokens") + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        env = Map.of("SOFTHSM2_CONF", conf.toString());

        prebuilt = dir.resolve("prebuilt");
        Files.createDirectories(prebuilt);
        Cli.copyPrebuilt(prebuilt);
        byte[] mcu = new byte[4096];
        new Random(3).nextBytes(mcu);
        Files.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
    }

    Run run(Map<String, String> env, List<String> command) throws Exception {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile(dir, "child", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    List<String> java(String mainClass, String... args) {
        var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Initialises a token in the first free slot and returns the slot id SoftHSM2 gives it. */
    long initToken(String label, String pin) throws Exception {
        var init = run(env, List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", "5678"));
        assertEquals(0, init.code(), init.out());
        var m = REASSIGNED.matcher(init.out());
        assertTrue(m.find(), init.out());
        return Long.parseLong(m.group(1));
    }

    void importOwnerKey(String pin, long slot) throws Exception {
        var imported = run(env, java(Pkcs11Import.class.getName(), LIBRARY.toString(), keys.resolve("own-fw-ecc-prvk.pem").toString(),
                "own-fw", pin, Long.toString(slot)));
        assertEquals(0, imported.code(), imported.out());
    }

    Path cfg() {
        return ast.resolve("config/ast2700-default-ecc-manifest.toml");
    }

    /** create-auth-man in a child JVM (SOFTHSM2_CONF) with the owner key replaced by {@code uri}. */
    Run createAuthMan(String uri, Path out, Map<String, String> extraEnv) throws Exception {
        Path tokenCfg = Files.createTempFile(dir, "token", ".toml");
        String original = Files.readString(cfg());
        String replaced = original.replaceFirst("ecc_priv_key = \"own-fw-ecc-prvk.pem\"",
                java.util.regex.Matcher.quoteReplacement("ecc_priv_key = \"" + uri + "\""));
        assertNotEquals(original, replaced);
        Files.writeString(tokenCfg, replaced);
        var args = new ArrayList<>(List.of("image", "create-auth-man", "--cfg", tokenCfg.toString(), "--man", out.toString()));
        args.addAll(List.of(common()));
        var childEnv = new HashMap<>(env);
        childEnv.putAll(extraEnv);
        return run(childEnv, java(org.caliptra.util.cli.CaliptraUtil.class.getName(), args.toArray(String[]::new)));
    }

    String[] common() {
        return new String[] {"--key-dir", keys.toString(), "--prebuilt-dir", prebuilt.toString(), "--vendor-sig-dir", ast.toString()};
    }

    /** The token-signed manifest equals the file-signed one but for the two fields the token signed, and verifies. */
    void assertSignedByTheOwnerKey(Path tokenSigned) throws Exception {
        Path fileSigned = dir.resolve("file.bin");
        var fileArgs = new ArrayList<>(List.of("image", "create-auth-man", "--cfg", cfg().toString(), "--man", fileSigned.toString()));
        fileArgs.addAll(List.of(common()));
        assertEquals(0, Cli.run(fileArgs.toArray(String[]::new)).exitCode());

        byte[] a = Files.readAllBytes(fileSigned);
        byte[] b = Files.readAllBytes(tokenSigned);
        assertEquals(a.length, b.length);
        // The token picks its own ECDSA nonce, so only the two fields it signed (owner endorsement at 0x7E8 and the
        // SVN signature at 0xE9C, 96 bytes each) differ; everything else is identical.
        for (int i = 0; i < a.length; i++) {
            boolean tokenField = (i >= 0x7E8 && i < 0x848) || (i >= 0xE9C && i < 0xEFC);
            if (!tokenField) {
                assertEquals(a[i], b[i], "byte " + i);
            }
        }
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 0x7E8, 0x848), new byte[96]));

        Path flash = dir.resolve("flash.bin");
        var flashArgs = new ArrayList<>(List.of("image", "create-auth-flash", "--cfg", cfg().toString(), "--man", tokenSigned.toString(),
                "--flash", flash.toString()));
        flashArgs.addAll(List.of(common()));
        assertEquals(0, Cli.run(flashArgs.toArray(String[]::new)).exitCode());
        var verify = Cli.run("image", "verify", flash.toString(), "--vendor-pk-hash", ImageCommandsTest.VENDOR, "--owner-pk-hash",
                ImageCommandsTest.OWNER, "--format", "json");
        assertEquals(0, verify.exitCode(), verify.out());
    }

    static void assertNoSecret(String output, String... secrets) {
        for (String s : secrets) {
            assertFalse(output.contains(s), "output shows '" + s + "':\n" + output);
        }
    }

    @Test
    void manifestSignedByATokenVerifiesAndDiffersOnlyInTheTokenSignatures() throws Exception {
        long slot = initToken("caliptra", "1234");
        importOwnerKey("1234", slot);
        Path tokenSigned = dir.resolve("token.bin");
        var built = createAuthMan("pkcs11:object=own-fw?module-path=" + LIBRARY + "&pin-value=1234", tokenSigned, Map.of());
        assertEquals(0, built.code(), built.out());
        assertSignedByTheOwnerKey(tokenSigned);
    }

    @Test
    void slotIdIsTheSlotIdSoftHsmAssignedAndThePinMayHoldPlusAndEscapes() throws Exception {
        // The key lives on the second token, so neither the first slot nor a list index can find it.
        initToken("other", "0000");
        String pin = "12+3%4&5";
        long slot = initToken("caliptra", pin);
        assertTrue(slot > 1, "SoftHSM2 slot ids are not list positions: " + slot);
        importOwnerKey(pin, slot);

        Path tokenSigned = dir.resolve("token.bin");
        String uri = "pkcs11:slot-id=" + slot + ";object=own-fw?module-path=" + LIBRARY + "&pin-value=12+3%254%265";
        var built = createAuthMan(uri, tokenSigned, Map.of());
        assertEquals(0, built.code(), built.out());
        assertSignedByTheOwnerKey(tokenSigned);

        // "+" is a plus sign, not a space: decoding it as a form would give the wrong PIN.
        var formDecoded = createAuthMan("pkcs11:slot-id=" + slot + ";object=own-fw?module-path=" + LIBRARY
                + "&pin-value=12%203%254%265", dir.resolve("space.bin"), Map.of());
        assertEquals(2, formDecoded.code(), formDecoded.out());
        assertTrue(formDecoded.out().contains("CKR_PIN_INCORRECT (wrong PIN)"), formDecoded.out());
    }

    @Test
    void tokenLabelIdAndPinSourceSelectTheKey() throws Exception {
        initToken("other", "0000");
        initToken("caliptra", "4321");
        long slot = initToken("caliptra-2", "9999");
        importOwnerKey("9999", slot);
        Path pinFile = dir.resolve("pin");
        Files.writeString(pinFile, "9999\n");

        // SunPKCS11 stores a KeyStore entry with CKA_ID = its alias.
        Path tokenSigned = dir.resolve("token.bin");
        var built = createAuthMan("pkcs11:token=caliptra-2;id=%6F%77%6E-fw;type=private?module-path=" + LIBRARY
                + "&pin-source=" + pinFile, tokenSigned, Map.of());
        assertEquals(0, built.code(), built.out());
        assertSignedByTheOwnerKey(tokenSigned);

        var noToken = createAuthMan("pkcs11:token=absent;object=own-fw?module-path=" + LIBRARY + "&pin-source=" + pinFile,
                dir.resolve("x.bin"), Map.of());
        assertEquals(2, noToken.code(), noToken.out());
        assertTrue(noToken.out().contains("no token labelled 'absent' (tokens: "), noToken.out());
        assertTrue(noToken.out().contains("'other' (slot ") && noToken.out().contains("'caliptra-2' (slot " + slot + ")"),
                noToken.out());
        assertFalse(noToken.out().contains("''"), "an uninitialised token is listed: " + noToken.out());

        var ambiguous = createAuthMan("pkcs11:object=own-fw?module-path=" + LIBRARY + "&pin-source=" + pinFile,
                dir.resolve("z.bin"), Map.of());
        assertEquals(2, ambiguous.code(), ambiguous.out());
        assertTrue(ambiguous.out().contains(": 3 tokens ('") && ambiguous.out().contains("); add token= or slot-id= to the URI"),
                ambiguous.out());

        var noId = createAuthMan("pkcs11:token=caliptra-2;id=%00?module-path=" + LIBRARY + "&pin-source=" + pinFile,
                dir.resolve("y.bin"), Map.of());
        assertEquals(2, noId.code(), noId.out());
        assertTrue(noId.out().contains("no key pairs with id=00 (keys: own-fw)"), noId.out());
    }

    @Test
    void aWrongPinIsRefusedWithoutShowingAnyPin() throws Exception {
        String pin = "right+Pin%1";
        long slot = initToken("caliptra", pin);
        importOwnerKey(pin, slot);
        String wrong = "wrong+Guess";
        // With CALIPTRA_UTIL_DEBUG the CLI prints the whole exception chain: that must not show it either.
        var failed = createAuthMan("pkcs11:slot-id=" + slot + ";object=own-fw?module-path=" + LIBRARY + "&pin-value=" + wrong,
                dir.resolve("token.bin"), Map.of("CALIPTRA_UTIL_DEBUG", "1"));
        assertEquals(2, failed.code(), failed.out());
        assertTrue(failed.out().contains("PKCS#11 token in slot " + slot + " of " + LIBRARY + ": login failed: CKR_PIN_INCORRECT (wrong PIN)"),
                failed.out());
        assertNoSecret(failed.out(), wrong, "Guess", pin, "right");
        assertFalse(Files.exists(dir.resolve("token.bin")));

        // the same through CALIPTRA_PKCS11_PIN
        var fromEnv = createAuthMan("pkcs11:slot-id=" + slot + ";object=own-fw?module-path=" + LIBRARY,
                dir.resolve("token.bin"), Map.of("CALIPTRA_PKCS11_PIN", wrong, "CALIPTRA_UTIL_DEBUG", "1"));
        assertEquals(2, fromEnv.code(), fromEnv.out());
        assertTrue(fromEnv.out().contains("CKR_PIN_INCORRECT"), fromEnv.out());
        assertNoSecret(fromEnv.out(), wrong, "Guess", pin, "right");
    }

    @Test
    void aMalformedEscapeIsRefusedNamingTheAttribute() throws Exception {
        long slot = initToken("caliptra", "1234");
        var bad = createAuthMan("pkcs11:slot-id=" + slot + ";object=own-fw?module-path=" + LIBRARY + "&pin-value=12%G4secret",
                dir.resolve("token.bin"), Map.of("CALIPTRA_UTIL_DEBUG", "1"));
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.out().contains("image create-auth-man: PKCS#11 URI: attribute 'pin-value' has a malformed percent-escape "
                + "(expected % and two hex digits)"), bad.out());
        assertNoSecret(bad.out(), "secret", "%G4");

        var badObject = createAuthMan("pkcs11:slot-id=" + slot + ";object=own%2?module-path=" + LIBRARY + "&pin-value=1234",
                dir.resolve("token.bin"), Map.of());
        assertEquals(2, badObject.code(), badObject.out());
        assertTrue(badObject.out().contains("PKCS#11 URI: attribute 'object' has a malformed percent-escape at position 4"),
                badObject.out());
        assertNoSecret(badObject.out(), "1234");
    }
}
