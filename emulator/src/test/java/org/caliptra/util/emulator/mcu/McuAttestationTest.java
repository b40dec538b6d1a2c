package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.MeasurementCommands.QuoteRequest;
import org.caliptra.util.protocol.core.SizedData;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.dpe.DpeSession;
import org.caliptra.util.protocol.mcu.McAttestationCommands;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestationRequest;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestedCsrRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * MC_EXPORT_ATTESTED_CSR and MC_GET_ATTESTATION on a booted caliptra-2.1 device, each token read
 * with an independent CBOR reader (Jackson) and each signature checked with JCA or Bouncy Castle
 * under a certificate the core hands out itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McuAttestationTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CBORMapper CBOR = new CBORMapper();
    private CaliptraDevice device;
    private McuClient mcu;
    private McuClient core;

    @BeforeAll
    void boot() {
        device = McuClient.booted();
        mcu = new McuClient(device);
        core = new McuClient(device.coreMailbox());
    }

    @AfterAll
    void close() {
        device.close();
    }

    private static Octets nonce() {
        byte[] n = new byte[32];
        RANDOM.nextBytes(n);
        return Octets.of(n);
    }

    private X509Certificate cert(CommandCodec<NoFields, SizedData> codec) throws Exception {
        return x509(core.call(codec, NoFields.INSTANCE).data().toByteArray());
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static JsonNode cbor(byte[] bytes) throws IOException {
        return CBOR.readTree(bytes);
    }

    /** ["Signature1", protected, h'', payload], written here without the emulator's encoder. */
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

    private static boolean verifyEs384(X509Certificate cert, byte[] message, byte[] rs) throws Exception {
        var v = Signature.getInstance("SHA384withECDSA");
        v.initVerify(cert.getPublicKey());
        v.update(message);
        return v.verify(EccSignature.of(new BigInteger(1, Arrays.copyOf(rs, 48)), new BigInteger(1, Arrays.copyOfRange(rs, 48, 96))).toDer());
    }

    private static byte[] ski(X509Certificate cert) {
        return SubjectKeyIdentifier.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(
                cert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets()).getKeyIdentifier();
    }

    @Test
    void attestedCsrsAreCoseSign1EatsSignedByTheRtAliasKey() throws Exception {
        var rtAlias = cert(CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2);
        X509Certificate[] named = {cert(CertificateCommands.GET_LDEV_ECC384_CERT_V2), cert(CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V2),
            rtAlias};
        for (int keyId = 1; keyId <= 3; keyId++) {
            Octets nonce = nonce();
            byte[] token = mcu.call(McAttestationCommands.MC_EXPORT_ATTESTED_CSR, new AttestedCsrRequest(keyId,
                    McAttestationCommands.ALGORITHM_ECC_P384, nonce)).data().toByteArray();
            assertEquals("d83dd2", HexFormat.of().formatHex(token, 0, 3), "CWT (61), then COSE_Sign1 (18)");
            JsonNode sign1 = cbor(token);
            assertEquals(4, sign1.size());
            byte[] protectedHeader = sign1.get(0).binaryValue();
            JsonNode header = cbor(protectedHeader);
            assertEquals(-51, header.get("1").asInt(), "ESP384");
            assertEquals(263, header.get("3").asInt(), "application/eat+cwt");
            assertArrayEquals(ski(rtAlias), header.get("4").binaryValue(), "kid: the RT alias certificate's key id");
            assertEquals(0, sign1.get(1).size(), "no unprotected header");
            byte[] payload = sign1.get(2).binaryValue();
            assertTrue(verifyEs384(rtAlias, sigStructure(protectedHeader, payload), sign1.get(3).binaryValue()), "key " + keyId);

            JsonNode claims = cbor(payload);
            assertEquals(3, claims.size());
            assertArrayEquals(nonce.toByteArray(), claims.get("10").binaryValue());
            assertArrayEquals(HexFormat.of().parseHex("2b0601040182cd1f01020" + keyId), claims.get("-70002").get(0).binaryValue(),
                    "the key's derivation attribute OID");
            var csr = new PKCS10CertificationRequest(claims.get("-70001").binaryValue());
            var expectedKey = SubjectPublicKeyInfo.getInstance(named[keyId - 1].getPublicKey().getEncoded());
            assertEquals(expectedKey, csr.getSubjectPublicKeyInfo(), "the CSR is for the named key");
            assertEquals(named[keyId - 1].getSubjectX500Principal().getName(),
                    new javax.security.auth.x500.X500Principal(csr.getSubject().getEncoded()).getName());
            if (keyId == 1) {
                assertEquals("3006020100020100", HexFormat.of().formatHex(csr.getSignature()),
                        "the runtime holds no LDevID key: an all-zero signature, as the reference");
            } else {
                assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(named[keyId - 1].getPublicKey())),
                        "self-signed by the key it names");
            }
        }
    }

    @Test
    void theMldsaAttestedCsrComesFromTheCoreButDoesNotFitTheMcusBuffer() throws Exception {
        Octets nonce = nonce();
        assertEquals(0x0601_0003, mcu.error(McAttestationCommands.MC_EXPORT_ATTESTED_CSR, new AttestedCsrRequest(3,
                McAttestationCommands.ALGORITHM_MLDSA87, nonce)), "MCU_MBOX_BUFFER_TOO_SMALL, as the reference's 4 KiB buffer");
        byte[] token = core.call(CertificateCommands.GET_ATTESTED_MLDSA87_CSR, new CertificateCommands.AttestedCsrRequest(3, nonce))
                .data().toByteArray();
        assertTrue(token.length > AttestationHandlers.MAX_ATTESTED_CSR);
        JsonNode sign1 = cbor(token);
        byte[] protectedHeader = sign1.get(0).binaryValue();
        assertEquals(-50, cbor(protectedHeader).get("1").asInt(), "ML-DSA-87");
        var rtAlias = cert(CertificateCommands.GET_RT_ALIAS_MLDSA87_CERT);
        byte[] rawKey = SubjectPublicKeyInfo.getInstance(rtAlias.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
        byte[] digest = MessageDigest.getInstance("SHA-384").digest(sigStructure(protectedHeader, sign1.get(2).binaryValue()));
        var verifier = new MLDSASigner();
        verifier.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_87, rawKey));
        verifier.update(digest, 0, digest.length);
        assertTrue(verifier.verifySignature(sign1.get(3).binaryValue()), "ML-DSA-87 over SHA-384 of the Sig_structure");
        var csr = new PKCS10CertificationRequest(cbor(sign1.get(2).binaryValue()).get("-70001").binaryValue());
        assertArrayEquals(rawKey, csr.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
    }

    @Test
    void attestedCsrRefusals() {
        assertEquals(0x000E_0009, mcu.error(McAttestationCommands.MC_EXPORT_ATTESTED_CSR, new AttestedCsrRequest(4,
                McAttestationCommands.ALGORITHM_ECC_P384, nonce())), "the core's RUNTIME_MAILBOX_INVALID_PARAMS for key id 4");
        assertEquals(0x0602_0004, mcu.error(McAttestationCommands.MC_EXPORT_ATTESTED_CSR, new AttestedCsrRequest(1, 3, nonce())),
                "MCU_MBOX_INVALID_PARAMS for algorithm 3");
    }

    @Test
    void theQueryNamesOcpEatAndPcrQuote() {
        var answer = mcu.call(McAttestationCommands.MC_GET_ATTESTATION, AttestationRequest.query());
        assertEquals(0, answer.evidenceFormat());
        assertEquals(0b110, answer.formatBitmap().orElseThrow());
    }

    @Test
    void aPcrQuoteIsTheCoresQuote() {
        Octets nonce = nonce();
        for (int algorithm : new int[] {McAttestationCommands.ALGORITHM_ECC_P384, McAttestationCommands.ALGORITHM_MLDSA87}) {
            var answer = mcu.call(McAttestationCommands.MC_GET_ATTESTATION, new AttestationRequest(AttestationRequest.FORMAT_PCR_QUOTE,
                    algorithm, AttestationRequest.SLOT_VENDOR, nonce));
            assertEquals(AttestationRequest.FORMAT_PCR_QUOTE, answer.evidenceFormat());
            var codec = algorithm == 1 ? MeasurementCommands.QUOTE_PCRS_ECC384_V2 : MeasurementCommands.QUOTE_PCRS_MLDSA87;
            byte[] direct = core.response(codec, new QuoteRequest(nonce)).fields();
            assertEquals(algorithm == 1 ? 1840 : 6388, answer.evidence().length(), "the reference's quote lengths");
            assertArrayEquals(direct, answer.evidence().toByteArray(), "the core's quote for that nonce");
            assertEquals(nonce, answer.evidence().slice(32 * 48, 32));
        }
    }

    @Test
    void anOcpEatIsSignedByTheDpeLeafKeyThatChainsToTheRtAlias() throws Exception {
        Octets nonce = nonce();
        byte[] token = mcu.call(McAttestationCommands.MC_GET_ATTESTATION, new AttestationRequest(AttestationRequest.FORMAT_OCP_EAT,
                McAttestationCommands.ALGORITHM_ECC_P384, AttestationRequest.SLOT_VENDOR, nonce)).evidence().toByteArray();
        assertEquals("d9d9f7d83dd2", HexFormat.of().formatHex(token, 0, 6), "self-described CBOR, CWT, COSE_Sign1");
        JsonNode sign1 = cbor(token);
        byte[] protectedHeader = sign1.get(0).binaryValue();
        assertEquals("a1013822", HexFormat.of().formatHex(protectedHeader), "{1: -35} ES384, as the reference's template");
        byte[] kid = sign1.get(1).get("4").binaryValue();

        byte[] label = new byte[48];
        for (int i = 0; i < 48; i++) {
            label[i] = (byte) i;
        }
        var leaf = new DpeSession(device.coreMailbox(), Generation.V2).certifyKey(new CertifyKeyRequest(ContextHandle.DEFAULT, 0,
                CertifyKeyRequest.FORMAT_X509, Octets.of(label)));
        var sha = MessageDigest.getInstance("SHA-384");
        sha.update(leaf.derivedPubkeyX().toByteArray());
        assertArrayEquals(sha.digest(leaf.derivedPubkeyY().toByteArray()), kid, "kid = SHA-384(x ‖ y) of the leaf key");
        var leafCert = x509(leaf.cert().toByteArray());
        leafCert.verify(cert(CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2).getPublicKey());
        byte[] payload = sign1.get(2).binaryValue();
        assertTrue(verifyEs384(leafCert, sigStructure(protectedHeader, payload), sign1.get(3).binaryValue()));

        JsonNode claims = cbor(payload);
        assertEquals(4, claims.size());
        assertArrayEquals(nonce.toByteArray(), claims.get("10").binaryValue());
        assertEquals(0, claims.get("263").asInt(), "debug unlocked: dbgstat 0");
        assertEquals("1.3.6.1.4.1.42623.1.3", new String(claims.get("265").binaryValue(), StandardCharsets.US_ASCII));
        JsonNode measurement = claims.get("273").get(0);
        assertEquals(10571, measurement.get(0).asInt(), "application/ce+cbor");
        JsonNode triples = cbor(measurement.get(1).binaryValue()).get("0").get("0");
        assertEquals(2, triples.size());
        var quote = core.call(MeasurementCommands.QUOTE_PCRS_ECC384_V2, new QuoteRequest(nonce));
        int svn = core.call(InfoCommands.FW_INFO_V2, NoFields.INSTANCE).fwSvn();
        String[] classes = {"CALIPTRA_FMC", "CALIPTRA_RT"};
        for (int i = 0; i < 2; i++) {
            JsonNode triple = triples.get(i);
            JsonNode classMap = triple.get(0).get("0");
            assertEquals(classes[i], new String(classMap.get("0").binaryValue(), StandardCharsets.US_ASCII));
            assertEquals("caliptra-2.1", classMap.get("2").asText());
            JsonNode mval = triple.get(1).get(0).get("1");
            assertEquals(svn, mval.get("1").asInt());
            assertEquals(7, mval.get("2").get(0).get(0).asInt(), "SHA-384");
            assertArrayEquals(quote.pcrs().get(2 * i).toByteArray(), mval.get("2").get(0).get(1).binaryValue(), "current PCR");
            assertArrayEquals(quote.pcrs().get(2 * i + 1).toByteArray(), mval.get("14").get("0").get(0).get(1).binaryValue(),
                    "journey PCR");
        }
    }

    @Test
    void evidenceRefusalsAreTheReferences() {
        Octets nonce = nonce();
        assertEquals(0x0602_0005, mcu.error(McAttestationCommands.MC_GET_ATTESTATION, new AttestationRequest(1, 2, 0, nonce)),
                "an ML-DSA-87 EAT: MCU_MBOX_UNSUPPORTED_COMMAND");
        assertEquals(0x0602_0002, mcu.error(McAttestationCommands.MC_GET_ATTESTATION, new AttestationRequest(2, 1, 1, nonce)),
                "the owner slot: MCU_MBOX_COMMON");
        assertEquals(0x0602_0004, mcu.error(McAttestationCommands.MC_GET_ATTESTATION, new AttestationRequest(3, 1, 0, nonce)));
        assertEquals(0x0602_0004, mcu.error(McAttestationCommands.MC_GET_ATTESTATION, new AttestationRequest(2, 0, 0, nonce)));
        assertEquals(0x0602_0004, mcu.error(McAttestationCommands.MC_GET_ATTESTATION, new AttestationRequest(2, 1, 2, nonce)));
    }
}
