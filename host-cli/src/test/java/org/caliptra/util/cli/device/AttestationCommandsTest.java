package org.caliptra.util.cli.device;

import static org.caliptra.util.cli.device.DeviceCli.fails;
import static org.caliptra.util.cli.device.DeviceCli.hex;
import static org.caliptra.util.cli.device.DeviceCli.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsSigners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attested CSRs and evidence, read with an independent CBOR parser and checked with the JCA; the
 * device-information commands; LMS verification of a signature BouncyCastle-backed image keys made.
 */
class AttestationCommandsTest {
    private static final CBORMapper CBOR = new CBORMapper();

    @TempDir
    Path dir;

    /** ["Signature1", protected, h'', payload], written here rather than by the emulator's encoder. */
    private static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        var out = new ByteArrayOutputStream();
        out.write(0x84);
        out.write(0x6A);
        out.writeBytes("Signature1".getBytes(StandardCharsets.US_ASCII));
        bstr(out, protectedHeader);
        out.write(0x40);
        bstr(out, payload);
        return out.toByteArray();
    }

    private static void bstr(ByteArrayOutputStream out, byte[] b) {
        if (b.length < 24) {
            out.write(0x40 | b.length);
        } else if (b.length < 256) {
            out.write(0x58);
            out.write(b.length);
        } else {
            out.write(0x59);
            out.write(b.length >>> 8);
            out.write(b.length & 0xFF);
        }
        out.writeBytes(b);
    }

    @Test
    void theRtAliasAttestedCsrIsACoseSign1OverTheNonceSignedByTheKeyItsCsrNames() throws Exception {
        String nonce = "42".repeat(32);
        Path out = dir.resolve("rt.cose");
        var r = json("export-attested-csr", "--key", "rt-alias", "--alg", "ecc", "--nonce", nonce, "--out", out.toString());
        byte[] token = Files.readAllBytes(out);
        assertEquals(token.length, r.get("bytes").asInt());
        assertEquals("d83dd2", HexFormat.of().formatHex(token, 0, 3), "CWT (61), then COSE_Sign1 (18)");
        JsonNode sign1 = CBOR.readTree(token);
        byte[] protectedHeader = sign1.get(0).binaryValue();
        assertEquals(-51, CBOR.readTree(protectedHeader).get("1").asInt(), "ESP384");
        byte[] payload = sign1.get(2).binaryValue();
        JsonNode claims = CBOR.readTree(payload);
        assertEquals(nonce, HexFormat.of().formatHex(claims.get("10").binaryValue()), "the nonce given");

        var csr = new PKCS10CertificationRequest(claims.get("-70001").binaryValue());
        PublicKey rtAlias = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(csr.getSubjectPublicKeyInfo().getEncoded()));
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(rtAlias)), "the RT alias CSR is self-signed");
        byte[] rs = sign1.get(3).binaryValue();
        var verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(rtAlias);
        verifier.update(sigStructure(protectedHeader, payload));
        assertTrue(verifier.verify(EccSignature.of(new BigInteger(1, Arrays.copyOf(rs, 48)),
                new BigInteger(1, Arrays.copyOfRange(rs, 48, 96))).toDer()), "the token is signed by the RT alias key");

        for (String key : new String[] {"ldevid", "fmc-alias"}) {
            Path o = dir.resolve(key + ".cose");
            json("export-attested-csr", "--key", key, "--out", o.toString());
            new PKCS10CertificationRequest(CBOR.readTree(CBOR.readTree(Files.readAllBytes(o)).get(2).binaryValue()).get("-70001")
                    .binaryValue());
        }
        // An ML-DSA-87 token does not fit the MCU's 4 KiB buffer, as in the reference.
        String mldsa = fails(1, "export-attested-csr", "--key", "rt-alias", "--alg", "mldsa", "--out", dir.resolve("m").toString());
        assertTrue(mldsa.contains("MCU_MBOX_BUFFER_TOO_SMALL (0x06010003)"), mldsa);
    }

    @Test
    void evidenceCoversTheNonceAndTheQueryListsTheFormats() throws Exception {
        var formats = json("get-attestation", "--evidence-format", "query");
        assertEquals(6, formats.get("bitmap").asInt(), "OCP EAT (bit 1) and PCR quote (bit 2)");
        assertEquals("[\"ocp-eat\",\"pcr-quote\"]", formats.get("formats").toString());

        String nonce = "a5".repeat(32);
        Path eat = dir.resolve("eat.cbor");
        json("get-attestation", "--nonce", nonce, "--out", eat.toString());
        JsonNode sign1 = CBOR.readTree(Files.readAllBytes(eat));
        JsonNode claims = CBOR.readTree(sign1.get(2).binaryValue());
        assertEquals(nonce, HexFormat.of().formatHex(claims.get("10").binaryValue()));

        Path quote = dir.resolve("quote.bin");
        var q = json("get-attestation", "--evidence-format", "pcr-quote", "--nonce", nonce, "--out", quote.toString());
        assertEquals(1840, Files.size(quote), "QUOTE_PCRS_ECC384's fields");
        assertEquals(1840, q.get("bytes").asInt());
        assertTrue(HexFormat.of().formatHex(Files.readAllBytes(quote)).contains(nonce), "the quote holds the nonce");

        String owner = fails(1, "get-attestation", "--slot", "owner", "--out", dir.resolve("o").toString());
        assertTrue(owner.contains("MCU_MBOX_COMMON"), owner);
        assertTrue(fails(2, "get-attestation").contains("--out FILE is needed"));
    }

    @Test
    void versionsAndDeviceInformation() throws Exception {
        var mcu = json("get-firmware-version", "--index", "mcu");
        assertEquals(2, mcu.get("major").asInt());
        assertEquals("2.0.0.0", mcu.get("version").asText());
        assertEquals(1, mcu.get("index").asInt());
        assertEquals(0, json("get-firmware-version").get("index").asInt());
        String soc = fails(1, "get-firmware-version", "--index", "soc");
        assertTrue(soc.contains("GetFirmwareVersion failed on the device"), soc);

        // The unique chip id is the UEID of the part's certificate attributes: none fused by default.
        var info = json("get-device-info");
        assertEquals(17, hex(info.get("data")).length);
        Path device = dir.resolve("d.toml");
        Files.writeString(device, "profile = \"caliptra-2.1\"\nlifecycle = \"unprovisioned\"\n[mcu]\nruntime_version = \"3.4.5\"\nsoc_firmware_version = \"1.0.7\"\n");
        assertEquals("3.4.5.0", json("get-firmware-version", "--index", "mcu", "--device", device.toString()).get("version").asText());
        assertEquals("1.0.7.0", json("get-firmware-version", "--index", "2", "--device", device.toString()).get("version").asText());
    }

    @Test
    void lmsVerifyChecksASignatureOfTheFilesDigest() throws Exception {
        var key = LmsPrivateKey.generate(new java.security.SecureRandom());
        var signer = LmsSigners.zeroLeaf(key);
        Path pub = dir.resolve("lms-pub.bin");
        KeyFiles.writeLmsPublic(signer.publicKey(), pub);
        byte[] image = "an image to check".getBytes();
        Path file = dir.resolve("image.bin");
        Files.write(file, image);
        Path sig = dir.resolve("image.lms");
        Files.write(sig, signer.sign(Sha384.of(image).toByteArray()).bytes().toByteArray());

        var r = json("lms-verify", "--public-key", pub.toString(), "--signature", sig.toString(), file.toString());
        assertArrayEquals(Sha384.of(image).toByteArray(), hex(r.get("sha384")));
        Path other = dir.resolve("other.bin");
        Files.write(other, "another image".getBytes());
        String err = fails(1, "lms-verify", "--public-key", pub.toString(), "--signature", sig.toString(), other.toString());
        assertTrue(err.contains("LmsVerify failed on the device"), err);
        assertTrue(err.contains("LMS_VERIFY"), err);
    }
}
