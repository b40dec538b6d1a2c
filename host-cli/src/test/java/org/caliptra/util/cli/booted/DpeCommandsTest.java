package org.caliptra.util.cli.booted;

import static org.caliptra.util.cli.booted.BootedTestSupport.certificate;
import static org.caliptra.util.cli.booted.BootedTestSupport.certificates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caliptra-util dpe …} on a caliptra-1.2 device (the AST2700 bundle) and a caliptra-2.1 one
 * (a 2.x bundle built here): the profile, certified keys that are the same across runs for the
 * same measurements, signatures that verify with them (JCA and openssl), the chain, exported CDIs,
 * and the exit codes and messages of bad input and DPE refusals.
 */
class DpeCommandsTest {
    static final String M1 = "11".repeat(48);
    static final String M2 = "22".repeat(48);
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @TempDir
    static Path shared;
    static List<String> v2;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildA2xBundle() throws Exception {
        v2 = BootedTestSupport.bootV2(shared);
    }

    static List<String> v1() {
        return BootedCommandsV1Test.boot();
    }

    static Cli.Result dpe(String command, List<String> boot, String... extra) {
        var args = new ArrayList<>(List.of("dpe", command));
        args.addAll(boot);
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    static Cli.Result ok(String command, List<String> boot, String... extra) {
        var r = dpe(command, boot, extra);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        return r;
    }

    /** Exit 2 before anything boots, one line on stderr holding each of {@code expected}. */
    static void assertUsage(Cli.Result r, String... expected) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "missing '" + e + "' in: " + r.err());
        }
    }

    static X509Certificate certified(List<String> boot, String... extra) throws Exception {
        return certificates(ok("certify-key", boot, extra).out()).get(0);
    }

    @Test
    void getProfileGivesEachGenerationsProfile() {
        var p12 = ok("get-profile", v1(), "--format", "json").json();
        assertEquals(0, p12.get("major_version").asInt());
        assertEquals(12, p12.get("minor_version").asInt());
        assertEquals(24, p12.get("max_tci_nodes").asInt());
        assertEquals(0xEE6C_0000L, p12.get("flags").asLong());
        assertEquals("CTRA", p12.get("vendor").asText());
        assertEquals(0x4354_5241L, p12.get("vendor_id").asLong());
        assertEquals("CTRA", p12.get("sku").asText());
        var text = ok("get-profile", v1()).out();
        assertTrue(text.contains("flags:") && text.contains("0xEE6C0000"), text);
        assertTrue(text.contains("vendor_id:") && text.contains("0x43545241"), text);

        var p21 = ok("get-profile", v2, "--format", "json").json();
        assertEquals(13, p21.get("minor_version").asInt());
        assertEquals(64, p21.get("max_tci_nodes").asInt());
        assertEquals(0xEE6C_0000L, p21.get("flags").asLong());
        assertEquals("CTRA", p21.get("vendor").asText());
    }

    @Test
    void certifyKeyIssuesUnderTheRtAliasAsPemDerOrCsr() throws Exception {
        var chain = certificates(ok("cert-chain", v1()).out());
        var leaf = certified(v1(), "--measurement", M1);
        leaf.verify(chain.get(2).getPublicKey());
        assertEquals(chain.get(2).getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(-1, leaf.getBasicConstraints(), "a leaf");

        Path der = dir.resolve("leaf.der");
        ok("certify-key", v1(), "--measurement", M1, "--der", "--out", der.toString());
        assertArrayEquals(leaf.getEncoded(), Files.readAllBytes(der), "the same certificate, as DER");

        String pem = ok("certify-key", v1(), "--measurement", M1, "--csr").out();
        assertTrue(pem.startsWith("-----BEGIN CMS-----\n"), pem);
        Path csrFile = dir.resolve("csr.der");
        ok("certify-key", v1(), "--measurement", M1, "--csr", "--der", "--out", csrFile.toString());
        var cms = new CMSSignedData(Files.readAllBytes(csrFile));
        var signer = cms.getSignerInfos().getSigners().iterator().next();
        assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(chain.get(2).getPublicKey())),
                "the RT alias key signed the CMS");
        var csr = new PKCS10CertificationRequest((byte[]) cms.getSignedContent().getContent());
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(csr.getSubjectPublicKeyInfo())));
        assertArrayEquals(leaf.getPublicKey().getEncoded(), csr.getSubjectPublicKeyInfo().getEncoded(), "the CSR's key is the certified one");
    }

    @Test
    void theSameMeasurementsGiveTheSameKeyInEveryRunAndOthersAnother() throws Exception {
        for (var boot : List.of(v1(), v2)) {
            PublicKey key = certified(boot, "--measurement", M1, "--measurement", "0x41414141:" + M2).getPublicKey();
            assertEquals(key, certified(boot, "--measurement", M1, "--measurement", "1094795585:" + M2).getPublicKey(),
                    "the same measurements (the type decimal this time): the same key");
            assertNotEquals(key, certified(boot, "--measurement", M1, "--measurement", "0x41414141:" + M1).getPublicKey(),
                    "another measurement");
            assertNotEquals(key, certified(boot, "--measurement", M1, "--measurement", M2).getPublicKey(), "another TCI type");
            assertNotEquals(key, certified(boot, "--measurement", M1, "--measurement", "0x41414141:" + M2, "--label", "ab".repeat(48))
                    .getPublicKey(), "another label");
            assertNotEquals(key, certified(boot).getPublicKey(), "no measurements");
        }
    }

    @Test
    void aSignatureOverDataVerifiesWithTheCertifiedKeyInJcaAndOpenssl() throws Exception {
        for (var boot : List.of(v1(), v2)) {
            var leaf = certified(boot, "--measurement", M1, "--label", "cd".repeat(48));
            Path data = Files.writeString(dir.resolve("data.txt"), "an SPDM transcript, say");
            Path sig = dir.resolve("sig.der");
            ok("sign", boot, "--measurement", M1, "--label", "cd".repeat(48), "--data-file", data.toString(), "--out", sig.toString());
            var v = Signature.getInstance("SHA384withECDSA");
            v.initVerify(leaf.getPublicKey());
            v.update(Files.readAllBytes(data));
            assertTrue(v.verify(Files.readAllBytes(sig)), "SHA384withECDSA with the certificate's key");

            // The digest given as is: the same signature check, over the digest itself.
            Path digest = Files.write(dir.resolve("digest.bin"), MessageDigest.getInstance("SHA-384").digest(Files.readAllBytes(data)));
            Path sig2 = dir.resolve("sig2.der");
            ok("sign", boot, "--measurement", M1, "--label", "cd".repeat(48), "--digest-file", digest.toString(), "--out", sig2.toString());
            var raw = Signature.getInstance("NONEwithECDSA");
            raw.initVerify(leaf.getPublicKey());
            raw.update(Files.readAllBytes(digest));
            assertTrue(raw.verify(Files.readAllBytes(sig2)), "the digest signed as given");

            Path other = dir.resolve("other.der");
            ok("sign", boot, "--measurement", M2, "--label", "cd".repeat(48), "--data-file", data.toString(), "--out", other.toString());
            v.initVerify(leaf.getPublicKey());
            v.update(Files.readAllBytes(data));
            assertFalse(v.verify(Files.readAllBytes(other)), "another measurement signs with another key");

            Prerequisites.require(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (apt-get install openssl)");
            Path pub = Files.writeString(dir.resolve("pub.pem"), DerOutput.pem("PUBLIC KEY", leaf.getPublicKey().getEncoded()));
            assertEquals("Verified OK", openssl("dgst", "-sha384", "-verify", pub.toString(), "-signature", sig.toString(), data.toString()));
            assertEquals("Signature Verified Successfully", openssl("pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-in",
                    digest.toString(), "-sigfile", sig2.toString()));
            // The leaf chains to DPE's chain as docs/cli.md shows (1.2's DICE extensions are critical).
            Path leafPem = Files.writeString(dir.resolve("leaf.pem"), DerOutput.pem("CERTIFICATE", leaf.getEncoded()));
            Path chainPem = Files.writeString(dir.resolve("chain.pem"), ok("cert-chain", boot).out());
            assertEquals(leafPem + ": OK", openssl("verify", "-partial_chain", "-ignore_critical", "-CAfile", chainPem.toString(),
                    leafPem.toString()));
        }
    }

    static String openssl(String... args) throws Exception {
        var command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl finished");
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void theChainIsLdevidFmcAliasRtAliasEachUnderTheNext() throws Exception {
        for (var boot : List.of(v1(), v2)) {
            String pem = ok("cert-chain", boot).out();
            var chain = certificates(pem);
            assertEquals(3, chain.size());
            chain.get(1).verify(chain.get(0).getPublicKey());
            chain.get(2).verify(chain.get(1).getPublicKey());
            assertEquals(certificates(BootedTestSupport.ok("get-cert-chain", boot).out()), chain, "the chain the runtime serves too");
            Path der = dir.resolve("chain.der");
            ok("cert-chain", boot, "--der", "--out", der.toString());
            var all = new ByteArrayOutputStream();
            for (var c : chain) {
                all.writeBytes(c.getEncoded());
            }
            assertArrayEquals(all.toByteArray(), Files.readAllBytes(der), "the DER certificates one after the other");
        }
    }

    @Test
    void deriveContextPrintsTheHandlesAndAnExportedCdisCaCertificate() throws Exception {
        for (var boot : List.of(v1(), v2)) {
            var derived = ok("derive-context", boot, "--measurement", M1, "--data", M2, "--retain-parent", "--change-locality", "5",
                    "--format", "json").json();
            assertEquals(32, derived.get("handle").asText().length());
            assertNotEquals("00".repeat(16), derived.get("handle").asText(), "a non-default context gets a handle");
            assertEquals("00".repeat(16), derived.get("parent_handle").asText(), "a retained default parent keeps the default handle");

            Path cert = dir.resolve("exported.pem");
            var exported = ok("derive-context", boot, "--measurement", M1, "--data", M2, "--export-cdi", "--out", cert.toString(),
                    "--format", "json").json();
            assertEquals(64, exported.get("exported_cdi_handle").asText().length(), exported.toString());
            var ca = certificates(Files.readString(cert)).get(0);
            assertTrue(ca.getBasicConstraints() >= 0, "an exported CDI's certificate is a CA");
            ca.verify(certificates(ok("cert-chain", boot).out()).get(2).getPublicKey());

            Path der = dir.resolve("exported.der");
            ok("derive-context", boot, "--measurement", M1, "--data", M2, "--export-cdi", "--der", "--out", der.toString());
            assertEquals(ca, certificate(Files.readAllBytes(der)), "deterministic: the same certificate again");
        }
        var text = ok("derive-context", v2, "--data", M2, "--svn", "7", "--allow-export", "--make-default", "--allow-x509").out();
        assertTrue(text.startsWith("handle:") && text.contains("parent_handle:"), text);
    }

    @Test
    void aDpeRefusalIsExit1NamingTheCommandAndTheStatus() {
        var r = dpe("derive-context", v1(), "--data", M2, "--recursive", "--retain-parent");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("caliptra-util dpe derive-context: DERIVE_CONTEXT: DPE answered INVALID_ARGUMENT (0x3)", r.err().strip());
        var many = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            many.addAll(List.of("--measurement", M1));
        }
        var m = dpe("certify-key", v1(), many.toArray(String[]::new));
        assertEquals(1, m.exitCode(), m.err());
        assertEquals("caliptra-util dpe certify-key: --measurement #16: INVOKE_DPE_ECC384: the device failed the command with "
                + "RUNTIME_PL0_USED_DPE_CONTEXT_THRESHOLD_REACHED (0x000E0037)", m.err().strip(), "each measurement holds a context");
    }

    @Test
    void badInputIsExit2WithAMessageNamingIt() throws Exception {
        Path short47 = Files.write(dir.resolve("short.bin"), new byte[47]);
        Path sig = dir.resolve("sig.der");
        assertUsage(dpe("sign", v1(), "--digest-file", short47.toString(), "--out", sig.toString()),
                "--digest-file " + short47 + ": 47 bytes; a SHA-384 digest is exactly 48 bytes");
        Path long49 = Files.write(dir.resolve("long.bin"), new byte[49]);
        assertUsage(dpe("sign", v1(), "--digest-file", long49.toString(), "--out", sig.toString()), long49.toString(), "too large (49 bytes)");
        assertFalse(Files.exists(sig), "nothing written");
        assertUsage(dpe("sign", v1(), "--digest-file", short47.toString(), "--data-file", short47.toString(), "--out", sig.toString()),
                "mutually exclusive");
        assertUsage(dpe("certify-key", v1(), "--label", "zz" + "00".repeat(47)), "--label: character 1 is not a hex digit");
        assertUsage(dpe("certify-key", v1(), "--label", "00".repeat(47)), "--label: 94 hex digits; a label is 48 bytes (96 hex digits)");
        assertUsage(dpe("certify-key", v1(), "--measurement", "00".repeat(48), "--measurement", "x:" + "00".repeat(48)),
                "--measurement #2: TCI type 'x' is not a number");
        assertUsage(dpe("certify-key", v1(), "--measurement", "00".repeat(49)), "--measurement: 98 hex digits");
        assertUsage(dpe("certify-key", v1(), "--frobnicate"), "Unknown option: '--frobnicate'");
        assertUsage(dpe("certify-key", v1(), "--der"), "--der writes binary DER");
        assertUsage(dpe("derive-context", v1(), "--data", M1, "--svn", "1"), "--svn: a Caliptra 2.x option", "caliptra-1.2");
        assertUsage(dpe("derive-context", v2, "--data", M1, "--allow-ca"), "--allow-ca: a Caliptra 1.x option");
        assertUsage(dpe("derive-context", v1(), "--data", M1, "--export-cdi"), "--export-cdi writes the exported CDI's certificate");
        assertUsage(dpe("derive-context", v1(), "--data", M1, "--out", sig.toString()), "they need --export-cdi");
        assertUsage(dpe("derive-context", v1()), "Missing required option: '--data=HEX'");
        assertUsage(dpe("sign", v1(), "--out", sig.toString()), "--digest-file", "--data-file");
    }
}
