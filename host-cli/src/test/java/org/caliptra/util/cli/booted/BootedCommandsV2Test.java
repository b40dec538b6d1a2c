package org.caliptra.util.cli.booted;

import static org.caliptra.util.cli.booted.BootedTestSupport.certificates;
import static org.caliptra.util.cli.booted.BootedTestSupport.ok;
import static org.caliptra.util.cli.booted.BootedTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booted-device commands against a caliptra-2.1 device booted from a 2.x bundle this test
 * builds (ECC + ML-DSA-87 keys, PL0 requester 1): both DICE chains, the CSR envelope, the ML-DSA quote.
 */
class BootedCommandsV2Test {
    @TempDir
    static Path dir;
    static List<String> boot;
    static com.fasterxml.jackson.databind.JsonNode verified;

    @BeforeAll
    static void buildA2xBundle() throws Exception {
        boot = BootedTestSupport.bootV2(dir);
        var v = Cli.run("image", "verify", boot.get(1), "--vendor-pk-hash", boot.get(3), "--owner-pk-hash", boot.get(5),
                "--pqc-key-type", "mldsa", "--format", "json");
        assertEquals(0, v.exitCode(), v.out() + v.err());
        verified = v.json();
    }

    @Test
    void theEccChainValidatesFromTheIdevidKeyAndTheRtAliasMeasuresTheRuntime() throws Exception {
        var chain = certificates(ok("get-cert-chain", boot).out());
        assertEquals(3, chain.size());
        assertTrue(chain.get(0).getSubjectX500Principal().getName().contains("CN=Caliptra 2.1 Ecc384 LDevID"),
                chain.get(0).getSubjectX500Principal().getName());
        assertTrue(chain.get(2).getSubjectX500Principal().getName().contains("CN=Caliptra 2.1 Ecc384 Rt Alias"));
        var idev = BootedTestSupport.idevEccKey(boot, (ECPublicKey) chain.get(0).getPublicKey());
        BootedTestSupport.validate(chain, idev);
        assertEquals(verified.get("runtime").get("digest").asText(), HexFormat.of().formatHex(BootedTestSupport.tcbInfoFwid(chain.get(2))));
    }

    @Test
    void theMldsaChainSignsLayerByLayer() throws Exception {
        var pem = ok("get-cert-chain", boot, "--mldsa").out();
        var holders = new ArrayList<X509CertificateHolder>();
        for (var c : certificates(pem)) {
            holders.add(new X509CertificateHolder(c.getEncoded()));
        }
        assertEquals(3, holders.size());
        var verifiers = new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider());
        assertTrue(holders.get(1).isSignatureValid(verifiers.build(holders.get(0).getSubjectPublicKeyInfo())), "FMC alias under LDevID");
        assertTrue(holders.get(2).isSignatureValid(verifiers.build(holders.get(1).getSubjectPublicKeyInfo())), "RT alias under FMC alias");
        assertEquals("2.16.840.1.101.3.4.3.19", holders.get(2).getSignatureAlgorithm().getAlgorithm().getId(), "ML-DSA-87");
        assertArrayEquals(holders.get(2).getEncoded(),
                certificates(ok("get-rt-alias-cert", boot, "--mldsa").out()).get(0).getEncoded());
        assertArrayEquals(holders.get(0).getEncoded(),
                certificates(ok("get-ldevid-cert", boot, "--mldsa").out()).get(0).getEncoded());
        assertArrayEquals(holders.get(1).getEncoded(),
                certificates(ok("get-fmc-alias-cert", boot, "--mldsa").out()).get(0).getEncoded());
        ok("get-cert-chain", boot, "--mldsa", "--der", "--out-dir", dir.toString());
        assertArrayEquals(holders.get(2).getEncoded(), Files.readAllBytes(dir.resolve("rt-alias-mldsa87.der")));
    }

    @Test
    void theManufacturingCsrsComeFromTheEnvelope() throws Exception {
        Path envelopeFile = dir.resolve("envelope.bin");
        ok("get-idevid-csr", boot, "--manufacturing-csr", "--envelope", "--out", envelopeFile.toString());
        byte[] envelope = Files.readAllBytes(envelopeFile);
        assertEquals(8784, envelope.length);
        var b = ByteBuffer.wrap(envelope).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x0043_5352, b.getInt(0), "marker");
        Path ecc = dir.resolve("ecc.der");
        Path mldsa = dir.resolve("mldsa.der");
        ok("get-idevid-csr", boot, "--manufacturing-csr", "--der", "--out", ecc.toString());
        ok("get-idevid-csr", boot, "--manufacturing-csr", "--mldsa", "--der", "--out", mldsa.toString());
        assertArrayEquals(Arrays.copyOfRange(envelope, 12, 12 + b.getInt(8)), Files.readAllBytes(ecc));
        assertArrayEquals(Arrays.copyOfRange(envelope, 528, 528 + b.getInt(524)), Files.readAllBytes(mldsa));
        var verifiers = new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider());
        var mldsaCsr = new PKCS10CertificationRequest(Files.readAllBytes(mldsa));
        assertTrue(mldsaCsr.isSignatureValid(verifiers.build(mldsaCsr.getSubjectPublicKeyInfo())));
        assertTrue(mldsaCsr.getSubject().toString().contains("CN=Caliptra 2.1 MlDsa87 IDevID"), mldsaCsr.getSubject().toString());

        var runtime = run("get-idevid-csr", boot, "--mldsa");
        assertEquals(1, runtime.exitCode());
        assertTrue(runtime.err().contains("GET_IDEV_MLDSA87_CSR: the device failed the command with RUNTIME_GET_IDEV_ID_UNPROVISIONED "
                + "(0x000E0051)"), runtime.err());
        assertEquals(2, run("get-idevid-csr", boot, "--envelope", "--out", envelopeFile.toString()).exitCode(),
                "--envelope needs --manufacturing-csr");
    }

    @Test
    void fwInfoHasThe2xFieldsAndTheQuotesBothAlgorithms() {
        var info = ok("fw-info", boot, "--format", "json").json();
        assertEquals(22, info.size(), info.toString());
        assertEquals(1, info.get("pl0_pauser").asLong());
        assertEquals(3, info.get("fw_svn").asInt());
        assertEquals(verified.get("runtime").get("digest").asText(), info.get("runtime_sha384_digest").asText());
        assertTrue(info.has("vendor_pub_key_hash") && info.has("owner_auth_manifest_min_svn"), info.toString());

        String nonce = "01".repeat(32);
        var mldsa = ok("quote-pcrs", boot, "--mldsa", "--nonce", nonce, "--stash", "cd".repeat(48), "--format", "json").json();
        assertEquals(nonce, mldsa.get("nonce").asText());
        assertEquals(2 * 4627, mldsa.get("signature").asText().length(), "an ML-DSA-87 signature");
        assertEquals(128, mldsa.get("digest").asText().length(), "SHA-512");
        var ecc = ok("quote-pcrs", boot, "--nonce", nonce, "--stash", "cd".repeat(48), "--format", "json").json();
        assertEquals(mldsa.get("pcrs"), ecc.get("pcrs"), "the same PCRs, signed twice");
        assertTrue(ecc.has("signature_r") && ecc.has("signature_s"));
        assertTrue(ok("capabilities", boot, "--format", "json").json().get("set").toString().contains("RT_BASE"));
        assertEquals("2.1.3", ok("fips-version", boot, "--format", "json").json().get("rom_version").asText());
    }
}
