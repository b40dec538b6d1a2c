package org.caliptra.util.cli.booted;

import static org.caliptra.util.cli.booted.BootedTestSupport.certificate;
import static org.caliptra.util.cli.booted.BootedTestSupport.certificates;
import static org.caliptra.util.cli.booted.BootedTestSupport.fw;
import static org.caliptra.util.cli.booted.BootedTestSupport.ok;
import static org.caliptra.util.cli.booted.BootedTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booted-device commands against a caliptra-1.2 device booted from the AST2700 bundle with the
 * fuses of ../shared/testdata/ast2700/README.md.
 */
class BootedCommandsV1Test {
    static final String VENDOR = "428d18b0b49192c0163b4e0b2e231d20eef3ae37f8046c09a31911e3f6875a9a287342c58c7f8d68b69fafe1dd27b2dc";
    static final String OWNER = "124f40b2b2035f15e48782037342d795afc8b36d065d2fea9afaee724b8b9d53433ec6c1b4dbb9dc2c6f9f71e5f218b6";

    @TempDir
    Path dir;

    static List<String> boot() {
        return List.of("--fw", fw().toString(), "--vendor-pk-hash", VENDOR, "--owner-pk-hash", OWNER, "--lms-verify");
    }

    /** What `image verify` says the runtime's and FMC's digests are. */
    static com.fasterxml.jackson.databind.JsonNode verified() {
        var r = Cli.run("image", "verify", fw().toString(), "--vendor-pk-hash", VENDOR, "--owner-pk-hash", OWNER, "--lms-verify",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        return r.json();
    }

    @Test
    void theChainIsLdevidFmcAliasRtAliasAndValidatesFromTheIdevidKey() throws Exception {
        var pem = ok("get-cert-chain", boot()).out();
        var chain = certificates(pem);
        assertEquals(3, chain.size());
        assertTrue(chain.get(0).getSubjectX500Principal().getName().contains("CN=Caliptra 1.0 LDevID"), chain.get(0).toString());
        assertTrue(chain.get(1).getSubjectX500Principal().getName().contains("CN=Caliptra 1.0 FMC Alias"));
        assertTrue(chain.get(2).getSubjectX500Principal().getName().contains("CN=Caliptra 1.0 Rt Alias"));
        var idev = BootedTestSupport.idevEccKey(boot(), (ECPublicKey) chain.get(0).getPublicKey());
        var result = BootedTestSupport.validate(chain, idev);
        assertEquals(chain.get(2).getPublicKey(), result.getPublicKey());
        // Each single-certificate command prints the same certificate as the chain holds.
        assertEquals(chain.get(0), certificates(ok("get-ldevid-cert", boot()).out()).get(0));
        assertEquals(chain.get(1), certificates(ok("get-fmc-alias-cert", boot()).out()).get(0));
        assertEquals(chain.get(2), certificates(ok("get-rt-alias-cert", boot()).out()).get(0));
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n") && pem.lines().allMatch(l -> l.length() <= 64), pem);
    }

    @Test
    void theRtAliasTcbInfoFwidIsTheRuntimeDigest() throws Exception {
        var rt = certificates(ok("get-rt-alias-cert", boot()).out()).get(0);
        String runtimeDigest = verified().get("runtime").get("digest").asText();
        assertEquals(runtimeDigest, HexFormat.of().formatHex(BootedTestSupport.tcbInfoFwid(rt)));
    }

    @Test
    void derGoesToTheOutFileAndTheChainToOneFilePerCertificate() throws Exception {
        Path out = dir.resolve("rt.der");
        Files.writeString(out, "old");
        var r = ok("get-rt-alias-cert", boot(), "--der", "--out", out.toString());
        assertEquals("", r.out());
        var rt = certificate(Files.readAllBytes(out));
        assertTrue(rt.getSubjectX500Principal().getName().contains("Rt Alias"));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));

        Path pem = dir.resolve("chain.pem");
        ok("get-cert-chain", boot(), "--out", pem.toString());
        var chain = certificates(Files.readString(pem));
        ok("get-cert-chain", boot(), "--der", "--out-dir", dir.toString());
        int i = 0;
        for (String name : List.of("ldevid.der", "fmc-alias.der", "rt-alias.der")) {
            assertEquals(chain.get(i++), certificate(Files.readAllBytes(dir.resolve(name))), name);
        }
        assertEquals(rt, chain.get(2));
    }

    @Test
    void theRuntimeHasNoIdevidCsrUnlessTheRomMadeOneInManufacturing() throws Exception {
        var none = run("get-idevid-csr", boot());
        assertEquals(1, none.exitCode());
        assertEquals("caliptra-util get-idevid-csr: GET_IDEV_ECC384_CSR: the device failed the command with "
                + "RUNTIME_GET_IDEV_ID_UNPROVISIONED (0x000E0051)\n", none.err());

        var pem = ok("get-idevid-csr", boot(), "--manufacturing-csr").out();
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"), pem);
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var csr = new PKCS10CertificationRequest(java.util.Base64.getDecoder().decode(b64));
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider())
                .build(csr.getSubjectPublicKeyInfo())));
        assertTrue(csr.getSubject().toString().contains("CN=Caliptra 1.0 IDevID"), csr.getSubject().toString());

        Path der = dir.resolve("csr.der");
        ok("get-idevid-csr", boot(), "--manufacturing-csr", "--der", "--out", der.toString());
        assertArrayEquals(csr.getEncoded(), Files.readAllBytes(der), "the same fuses, the same CSR");

        var production = run("get-idevid-csr", boot(), "--manufacturing-csr", "--lifecycle", "production");
        assertEquals(2, production.exitCode());
        assertTrue(production.err().contains("--manufacturing-csr boots a part in the manufacturing lifecycle"), production.err());
        var envelope = run("get-idevid-csr", boot(), "--manufacturing-csr", "--envelope", "--out", dir.resolve("e.bin").toString());
        assertEquals(2, envelope.exitCode());
        assertTrue(envelope.err().contains("a Caliptra 1.x ROM hands over a bare DER CSR"), envelope.err());
    }

    @Test
    void fwInfoNamesEveryFieldOfTheV1Response() {
        var json = ok("fw-info", boot(), "--format", "json").json();
        var names = new ArrayList<String>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("pl0_pauser", "runtime_svn", "min_runtime_svn", "fmc_manifest_svn", "attestation_disabled",
                "rom_revision", "fmc_revision", "runtime_revision", "rom_sha256_digest", "fmc_sha384_digest",
                "runtime_sha384_digest", "owner_pub_key_hash"), names);
        assertEquals(0x2121_2121L, json.get("pl0_pauser").asLong());
        var verified = verified();
        assertEquals(verified.get("runtime").get("digest").asText(), json.get("runtime_sha384_digest").asText());
        assertEquals(verified.get("fmc").get("digest").asText(), json.get("fmc_sha384_digest").asText());
        assertEquals(OWNER, json.get("owner_pub_key_hash").asText());
        var text = ok("fw-info", boot()).out();
        assertTrue(text.contains("pl0_pauser:            0x21212121\n"), text);
        assertTrue(text.contains("runtime_sha384_digest: " + verified.get("runtime").get("digest").asText() + "\n"), text);
    }

    @Test
    void capabilitiesAndFipsVersion() {
        var caps = ok("capabilities", boot(), "--format", "json").json();
        assertEquals("00000000000000010000000000000000", caps.get("capabilities").asText(), "bit 64: RT_BASE");
        assertEquals("[\"RT_BASE\"]", caps.get("set").toString());
        assertTrue(ok("capabilities", boot()).out().contains("  [ 0] RT_BASE\n"));

        var fips = ok("fips-version", boot(), "--format", "json").json();
        assertEquals(0x4649_5053L, fips.get("mode").asLong());
        assertEquals("FIPS", fips.get("mode_ascii").asText());
        assertEquals(3, fips.get("fips_rev").size());
        assertEquals("1.2.0", fips.get("rom_version").asText(), "caliptra-1.2's reference ROM");
        assertEquals("Caliptra RTM", fips.get("name").asText());
        assertTrue(ok("fips-version", boot()).out().contains("mode:        0x46495053\n"));
    }

    @Test
    void aStashedMeasurementIsExtendedIntoPcr31AndTheQuoteVerifiesUnderTheFmcAliasKey() throws Exception {
        String measurement = "ab".repeat(48);
        var stash = ok("stash-measurement", boot(), "--measurement", measurement, "--svn", "3", "--format", "json").json();
        assertEquals(0, stash.get("dpe_result").asInt());
        assertEquals("dpe_result: 0x00000000\n", ok("stash-measurement", boot(), "--measurement", measurement).out());

        String nonce = "5a".repeat(32);
        var quote = ok("quote-pcrs", boot(), "--nonce", nonce, "--stash", measurement, "--format", "json").json();
        assertEquals(nonce, quote.get("nonce").asText());
        assertEquals(32, quote.get("pcrs").size());
        assertEquals(32, quote.get("reset_ctrs").size());
        var sha = MessageDigest.getInstance("SHA-384");
        sha.update(new byte[48]);
        sha.update(HexFormat.of().parseHex(measurement));
        assertEquals(HexFormat.of().formatHex(sha.digest()), quote.get("pcrs").get(31).asText(), "PCR31 = SHA-384(0^48 || measurement)");
        // 1.x: the digest is SHA-384 over the 32 PCRs and the nonce, signed by the FMC alias key.
        sha.reset();
        for (var pcr : quote.get("pcrs")) {
            sha.update(HexFormat.of().parseHex(pcr.asText()));
        }
        sha.update(HexFormat.of().parseHex(nonce));
        byte[] digest = sha.digest();
        assertEquals(HexFormat.of().formatHex(digest), quote.get("digest").asText());
        var fmcKey = certificates(ok("get-fmc-alias-cert", boot()).out()).get(0).getPublicKey();
        var verifier = Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(fmcKey);
        verifier.update(digest);
        byte[] signature = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1Integer(new BigInteger(1, HexFormat.of().parseHex(quote.get("signature_r").asText()))),
            new ASN1Integer(new BigInteger(1, HexFormat.of().parseHex(quote.get("signature_s").asText())))}).getEncoded();
        assertTrue(verifier.verify(signature), "the quote's signature");

        var unstashed = ok("quote-pcrs", boot(), "--format", "json").json();
        assertEquals("00".repeat(48), unstashed.get("pcrs").get(31).asText(), "a fresh device: nothing stashed");
        assertFalse(unstashed.get("nonce").asText().equals("00".repeat(32)), "a random nonce");
        var text = ok("quote-pcrs", boot(), "--nonce", nonce).out();
        assertTrue(text.contains("nonce:       " + nonce + "\n"), text);
        assertTrue(text.contains("  [31] " + "00".repeat(48) + "\n"), text);
    }

    @Test
    void badInputIsExitTwoWithOneLineNamingTheOption() {
        for (String command : List.of("get-ldevid-cert", "get-fmc-alias-cert", "get-rt-alias-cert", "get-cert-chain",
                "get-idevid-csr", "quote-pcrs")) {
            var mldsa = run(command, boot(), "--mldsa");
            assertEquals(2, mldsa.exitCode(), command);
            assertEquals("caliptra-util " + command + ": --mldsa: a Caliptra 1.x part (profile caliptra-1.2) has no ML-DSA "
                    + "identity; it needs a 2.x bundle or profile\n", mldsa.err());
        }
        var missing = Cli.run("get-cert-chain", "--fw", "/nonexistent/fw.bin");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("/nonexistent/fw.bin: no such file"), missing.err());
        assertEquals(1, missing.err().lines().count());
        assertEquals(2, Cli.run("fw-info").exitCode(), "--fw or --flash is required");

        var nonce = run("quote-pcrs", boot(), "--nonce", "12zz");
        assertEquals(2, nonce.exitCode());
        assertEquals("caliptra-util quote-pcrs: --nonce: character 3 is not a hex digit; a nonce is 32 bytes (64 hex digits)\n",
                nonce.err());
        var shortMeasurement = run("stash-measurement", boot(), "--measurement", "abcd");
        assertEquals(2, shortMeasurement.exitCode());
        assertTrue(shortMeasurement.err().contains("--measurement: 4 hex digits; a measurement is 48 bytes (96 hex digits)"),
                shortMeasurement.err());
        assertEquals(2, run("stash-measurement", boot()).exitCode(), "--measurement is required");

        var der = run("get-ldevid-cert", boot(), "--der");
        assertEquals(2, der.exitCode());
        assertTrue(der.err().contains("--der writes binary DER, which goes to a file: give --out FILE"), der.err());
        var chainDer = run("get-cert-chain", boot(), "--der");
        assertEquals(2, chainDer.exitCode());
        assertTrue(chainDer.err().contains("give --out-dir DIR"), chainDer.err());
    }

    @Test
    void aDeviceThatDoesNotBootIsExitOneNamingTheStage() {
        var r = Cli.run("fw-info", "--fw", fw().toString(), "--vendor-pk-hash", "00" + VENDOR.substring(2));
        assertEquals(1, r.exitCode());
        assertEquals("caliptra-util fw-info: the device did not boot: stage firmware-load: failed with "
                + "IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH (0x000B0005) (CMD_FAILURE)\n", r.err());
    }
}
