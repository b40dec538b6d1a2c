package org.caliptra.util.protocol.core;

import static org.caliptra.util.protocol.core.CertificateCommands.GET_ATTESTED_ECC384_CSR;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_ATTESTED_MLDSA87_CSR;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V1;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V2;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CSR_V1;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CSR_V2;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_MLDSA87_CERT;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_MLDSA87_CSR;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CERT_V1;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CERT_V2;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CSR_V1;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CSR_V2;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_INFO;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_MLDSA87_CERT;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_MLDSA87_CSR;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_MLDSA87_INFO;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_LDEV_ECC384_CERT_V1;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_LDEV_ECC384_CERT_V2;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_LDEV_MLDSA87_CERT;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V1;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2;
import static org.caliptra.util.protocol.core.CertificateCommands.GET_RT_ALIAS_MLDSA87_CERT;
import static org.caliptra.util.protocol.core.CertificateCommands.POPULATE_IDEV_ECC384_CERT;
import static org.caliptra.util.protocol.core.CertificateCommands.POPULATE_IDEV_MLDSA87_CERT;
import static org.caliptra.util.protocol.codec.CodecChecks.assertMessage;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.random;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsResponse;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongRequestSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongResponseSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands.AttestedCsrRequest;
import org.caliptra.util.protocol.core.CertificateCommands.IdevEcc384CertRequest;
import org.caliptra.util.protocol.core.CertificateCommands.IdevEcc384Info;
import org.caliptra.util.protocol.core.CertificateCommands.IdevMldsa87CertRequest;
import org.caliptra.util.protocol.core.CertificateCommands.IdevMldsa87Info;
import org.caliptra.util.protocol.core.CertificateCommands.PopulateCertRequest;
import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.junit.jupiter.api.Test;

class CertificateCommandsTest {
    private static final List<CommandCodec<NoFields, SizedData>> V2_DATA_RESPONSES = List.of(GET_LDEV_ECC384_CERT_V2,
            GET_FMC_ALIAS_ECC384_CERT_V2, GET_RT_ALIAS_ECC384_CERT_V2, GET_IDEV_ECC384_CSR_V2, GET_FMC_ALIAS_ECC384_CSR_V2,
            GET_LDEV_MLDSA87_CERT, GET_FMC_ALIAS_MLDSA87_CERT, GET_RT_ALIAS_MLDSA87_CERT, GET_IDEV_MLDSA87_CSR,
            GET_FMC_ALIAS_MLDSA87_CSR);

    @Test
    void sizesFollowTheSpec() {
        // "send 104+tbs_size", tbs at most 916.
        assertSizes(GET_IDEV_ECC384_CERT_V1.request(), 104 - 4, 104 - 4 + 916);
        assertSizes(GET_IDEV_ECC384_CERT_V2.request(), 104 - 4, 104 - 4 + 916);
        // cert_size:u32, cert:u8[≤1024]; 2.x VarSize ≤ 9216.
        assertSizes(GET_IDEV_ECC384_CERT_V1.response(), 4, 4 + 1024);
        assertSizes(GET_IDEV_ECC384_CERT_V2.response(), 4, 4 + 9216);
        // "104 total".
        assertSizes(GET_IDEV_ECC384_INFO.response(), 104 - 8, 104 - 8);
        // cert_size:u32, cert:u8[≤1024] (ML-DSA ≤ 8192).
        assertSizes(POPULATE_IDEV_ECC384_CERT.request(), 4, 4 + 1024);
        assertSizes(POPULATE_IDEV_MLDSA87_CERT.request(), 4, 4 + 8192);
        assertSizes(POPULATE_IDEV_ECC384_CERT.response(), 0, 0);
        // data_size:u32, data: 1.x max 1024, 1.x CSR max 512, 2.x max 9216.
        for (var v1 : List.of(GET_LDEV_ECC384_CERT_V1, GET_FMC_ALIAS_ECC384_CERT_V1, GET_RT_ALIAS_ECC384_CERT_V1)) {
            assertSizes(v1.request(), 0, 0);
            assertSizes(v1.response(), 4, 4 + 1024);
        }
        assertSizes(GET_IDEV_ECC384_CSR_V1.response(), 4, 4 + 512);
        // The FMC alias CSR buffer grew to 768 in runtime 1.2.3 (api/src/mailbox.rs GetFmcAliasCsrResp).
        assertSizes(GET_FMC_ALIAS_ECC384_CSR_V1.response(), 4, 4 + 768);
        for (var v2 : V2_DATA_RESPONSES) {
            assertSizes(v2.request(), 0, 0);
            assertSizes(v2.response(), 4, 4 + 9216);
        }
        // tbs_size:u32, signature:u8[4628], tbs:u8[≤2820].
        assertSizes(GET_IDEV_MLDSA87_CERT.request(), 4 + 4628, 4 + 4628 + 2820);
        assertSizes(GET_IDEV_MLDSA87_CERT.response(), 4, 4 + 9216);
        // idev_pub_key:u8[2592].
        assertSizes(GET_IDEV_MLDSA87_INFO.response(), 2592, 2592);
        // key_id:u32, nonce:u8[32]; response VarSize up to MAX_ATTESTED_CSR_RESP_DATA_SIZE 12800.
        for (var attested : List.of(GET_ATTESTED_ECC384_CSR, GET_ATTESTED_MLDSA87_CSR)) {
            assertSizes(attested.request(), 4 + 32, 4 + 32);
            assertSizes(attested.response(), 4, 4 + 12800);
        }
    }

    @Test
    void generationSelectors() {
        assertSame(GET_IDEV_ECC384_CERT_V1, CertificateCommands.getIdevEcc384Cert(Generation.V1));
        assertSame(GET_IDEV_ECC384_CERT_V2, CertificateCommands.getIdevEcc384Cert(Generation.V2));
        assertSame(GET_LDEV_ECC384_CERT_V1, CertificateCommands.getLdevEcc384Cert(Generation.V1));
        assertSame(GET_LDEV_ECC384_CERT_V2, CertificateCommands.getLdevEcc384Cert(Generation.V2));
        assertSame(GET_FMC_ALIAS_ECC384_CERT_V1, CertificateCommands.getFmcAliasEcc384Cert(Generation.V1));
        assertSame(GET_FMC_ALIAS_ECC384_CERT_V2, CertificateCommands.getFmcAliasEcc384Cert(Generation.V2));
        assertSame(GET_RT_ALIAS_ECC384_CERT_V1, CertificateCommands.getRtAliasEcc384Cert(Generation.V1));
        assertSame(GET_RT_ALIAS_ECC384_CERT_V2, CertificateCommands.getRtAliasEcc384Cert(Generation.V2));
        assertSame(GET_IDEV_ECC384_CSR_V1, CertificateCommands.getIdevEcc384Csr(Generation.V1));
        assertSame(GET_IDEV_ECC384_CSR_V2, CertificateCommands.getIdevEcc384Csr(Generation.V2));
        assertSame(GET_FMC_ALIAS_ECC384_CSR_V1, CertificateCommands.getFmcAliasEcc384Csr(Generation.V1));
        assertSame(GET_FMC_ALIAS_ECC384_CSR_V2, CertificateCommands.getFmcAliasEcc384Csr(Generation.V2));
        assertEquals(0x4944_4543, GET_IDEV_ECC384_CERT_V1.code());
        assertEquals(0x4145_4352, GET_ATTESTED_ECC384_CSR.code());
    }

    @Test
    void idevEcc384CertRequestHandVector() {
        var request = new IdevEcc384CertRequest(fill(0x11, 48), fill(0x22, 48), Octets.fromHex("3003020105"));
        // tbs_size first (code and libcaliptra; the README lists it after the signature), then r, s, the used tbs.
        byte[] expected = new Wire().hex("05000000").fill(0x11, 48).fill(0x22, 48).hex("3003020105").bytes();
        assertArrayEquals(expected, GET_IDEV_ECC384_CERT_V2.encodeRequest(request));
        assertEquals(request, GET_IDEV_ECC384_CERT_V2.decodeRequest(expected));
    }

    @Test
    void idevEcc384CertRequestAsLibcaliptraSendsIt() {
        // libcaliptra sends the whole struct: the 916-byte tbs buffer, used or not.
        byte[] whole = new Wire().hex("03000000").fill(0x11, 48).fill(0x22, 48).hex("AABBCC").fill(0xEE, 913).bytes();
        assertEquals(1016, whole.length);
        var request = GET_IDEV_ECC384_CERT_V1.decodeRequest(whole);
        assertEquals(Octets.fromHex("AABBCC"), request.tbs());
        assertArrayEquals(Arrays.copyOf(whole, 103), GET_IDEV_ECC384_CERT_V1.encodeRequest(request));
    }

    @Test
    void idevEcc384CertRequestRejectsShortAndOversizedTbs() {
        byte[] shortTbs = new Wire().le32(10).fill(0x11, 96).fill(0x33, 5).bytes();
        assertMessage(rejectsRequest(GET_IDEV_ECC384_CERT_V2, shortTbs),
                "GET_IDEV_ECC384_CERT request: field 'tbs' at offset 100 needs 10 bytes, only 5 remain");
        byte[] tooBig = new Wire().le32(917).fill(0, 96 + 916).bytes();
        assertMessage(rejectsRequest(GET_IDEV_ECC384_CERT_V2, tooBig),
                "GET_IDEV_ECC384_CERT request: field 'tbs_size' at offset 0 is 917, at most 916");
        assertMessage(rejectsRequest(GET_IDEV_ECC384_CERT_V2, new byte[99]),
                "GET_IDEV_ECC384_CERT request: 99 bytes, expected 100 to 1016; field 'signature_s' at offset 52 needs 48 bytes, only 47 remain");
        rejectsRequest(GET_IDEV_ECC384_CERT_V2, new byte[1017]);
        assertThrows(IllegalArgumentException.class, () -> new IdevEcc384CertRequest(fill(0, 48), fill(0, 48), fill(0, 917)));
        var e = assertThrows(IllegalArgumentException.class, () -> new IdevEcc384CertRequest(fill(0, 47), fill(0, 48), fill(0, 1)));
        assertTrue(e.getMessage().startsWith("signature_r"), e.getMessage());
    }

    @Test
    void certificateResponseCapacityDependsOnGeneration() {
        var cert = new SizedData(fill(0x30, 1025));
        roundTrip(GET_IDEV_ECC384_CERT_V2.response(), cert);
        var e = assertThrows(IllegalArgumentException.class, () -> GET_IDEV_ECC384_CERT_V1.encodeResponse(cert));
        assertTrue(e.getMessage().startsWith("cert"), e.getMessage());
        byte[] v2Bytes = GET_IDEV_ECC384_CERT_V2.encodeResponse(cert);
        assertMessage(rejectsResponse(GET_IDEV_ECC384_CERT_V1, v2Bytes), "GET_IDEV_ECC384_CERT response: 1029 bytes, expected 4 to 1028");
        byte[] claims = new Wire().le32(1025).fill(0x30, 1024).bytes();
        assertMessage(rejectsResponse(GET_IDEV_ECC384_CERT_V1, claims),
                "GET_IDEV_ECC384_CERT response: field 'cert_size' at offset 0 is 1025, at most 1024");
    }

    @Test
    void dataResponseHandVectorSendsTheUsedPart() {
        var ldev = new SizedData(Octets.fromHex("308201"));
        byte[] expected = new Wire().hex("03000000 308201").bytes();
        for (var codec : List.of(GET_LDEV_ECC384_CERT_V1, GET_LDEV_ECC384_CERT_V2, GET_RT_ALIAS_MLDSA87_CERT)) {
            assertArrayEquals(expected, codec.encodeResponse(ldev));
            assertEquals(ldev, codec.decodeResponse(expected));
        }
        // The 1.x maintenance branch sends the whole 1024-byte buffer.
        byte[] whole = new Wire().hex("03000000 308201").fill(0, 1021).bytes();
        assertEquals(ldev, GET_LDEV_ECC384_CERT_V1.decodeResponse(whole));
        assertMessage(rejectsResponse(GET_LDEV_ECC384_CERT_V1, new Wire().hex("03000000 3082").bytes()),
                "GET_LDEV_ECC384_CERT response: field 'data' at offset 4 needs 3 bytes, only 2 remain");
        rejectsResponse(GET_LDEV_ECC384_CERT_V1, new byte[3]);
        rejectsResponse(GET_LDEV_ECC384_CERT_V1, new byte[1029]);
    }

    @Test
    void v1CsrResponsesSendTheWholeBuffer() {
        var csr = new SizedData(Octets.fromHex("3081"));
        byte[] idev = GET_IDEV_ECC384_CSR_V1.encodeResponse(csr);
        assertArrayEquals(new Wire().hex("02000000 3081").fill(0, 510).bytes(), idev);
        assertEquals(csr, GET_IDEV_ECC384_CSR_V1.decodeResponse(idev));
        assertEquals(4 + 768, GET_FMC_ALIAS_ECC384_CSR_V1.encodeResponse(csr).length);
        // Runtimes up to 1.2.2 send a 512-byte FMC alias CSR buffer; it still decodes.
        assertEquals(csr, GET_FMC_ALIAS_ECC384_CSR_V1.decodeResponse(Arrays.copyOf(idev, 4 + 512)));
        assertArrayEquals(new Wire().hex("02000000 3081").bytes(), GET_IDEV_ECC384_CSR_V2.encodeResponse(csr));
        assertMessage(rejectsResponse(GET_IDEV_ECC384_CSR_V1, new Wire().le32(513).fill(0, 512).bytes()),
                "GET_IDEV_ECC384_CSR response: field 'data_size' at offset 0 is 513, at most 512");
    }

    @Test
    void idevInfoHandVectorAndRandomBytes() {
        var info = new IdevEcc384Info(counting(0, 48), counting(0x80, 48));
        byte[] expected = new Wire().counting(0, 48).counting(0x80, 48).bytes();
        assertArrayEquals(expected, GET_IDEV_ECC384_INFO.encodeResponse(info));
        assertEquals(info, GET_IDEV_ECC384_INFO.decodeResponse(expected));
        randomBytesSurvive(GET_IDEV_ECC384_INFO.response(), 10);
        randomBytesSurvive(GET_IDEV_MLDSA87_INFO.response(), 11);
        rejectsWrongResponseSizes(GET_IDEV_ECC384_INFO, expected);
        assertMessage(rejectsResponse(GET_IDEV_MLDSA87_INFO, new byte[2591]), "GET_IDEV_MLDSA87_INFO response: 2591 bytes, expected exactly 2592; field 'idev_pub_key' at offset 0 needs 2592 bytes, only 2591 remain");
        assertThrows(IllegalArgumentException.class, () -> new IdevMldsa87Info(fill(0, 2593)));
    }

    @Test
    void populateCertHandVectorAndCapacities() {
        var cert = new PopulateCertRequest(Octets.fromHex("3082"));
        byte[] expected = new Wire().hex("02000000 3082").bytes();
        assertArrayEquals(expected, POPULATE_IDEV_ECC384_CERT.encodeRequest(cert));
        assertEquals(cert, POPULATE_IDEV_MLDSA87_CERT.decodeRequest(expected));
        // libcaliptra sends the whole 1024-byte buffer.
        assertEquals(cert, POPULATE_IDEV_ECC384_CERT.decodeRequest(Arrays.copyOf(expected, 1028)));
        var big = new PopulateCertRequest(fill(1, 2000));
        roundTrip(POPULATE_IDEV_MLDSA87_CERT.request(), big);
        assertThrows(IllegalArgumentException.class, () -> POPULATE_IDEV_ECC384_CERT.encodeRequest(big));
        assertThrows(IllegalArgumentException.class, () -> new PopulateCertRequest(fill(1, 8193)));
        assertMessage(rejectsRequest(POPULATE_IDEV_ECC384_CERT, new Wire().le32(1025).fill(0, 1024).bytes()),
                "POPULATE_IDEV_ECC384_CERT request: field 'cert_size' at offset 0 is 1025, at most 1024");
    }

    @Test
    void idevMldsa87CertRequestLayout() {
        var random = new Random(12);
        var request = new IdevMldsa87CertRequest(random(random, 4627), random(random, 100));
        byte[] bytes = roundTrip(GET_IDEV_MLDSA87_CERT.request(), request);
        assertEquals(4 + 4628 + 100, bytes.length);
        assertEquals(100, bytes[0]);
        assertEquals(0, bytes[4 + 4627], "reserved signature byte");
        assertArrayEquals(request.signature().toByteArray(), Arrays.copyOfRange(bytes, 4, 4 + 4627));
        assertArrayEquals(request.tbs().toByteArray(), Arrays.copyOfRange(bytes, 4 + 4628, bytes.length));
        // Whole libcaliptra struct.
        assertEquals(request, GET_IDEV_MLDSA87_CERT.decodeRequest(Arrays.copyOf(bytes, 4 + 4628 + 2820)));
        assertMessage(rejectsRequest(GET_IDEV_MLDSA87_CERT, Arrays.copyOf(bytes, 4 + 4628 + 50)),
                "GET_IDEV_MLDSA87_CERT request: field 'tbs' at offset 4632 needs 100 bytes, only 50 remain");
        rejectsRequest(GET_IDEV_MLDSA87_CERT, Arrays.copyOf(bytes, 4631));
    }

    @Test
    void attestedCsrHandVector() {
        var request = new AttestedCsrRequest(AttestedCsrRequest.FMC_ALIAS, counting(0xE0, 32));
        byte[] expected = new Wire().hex("02000000").counting(0xE0, 32).bytes();
        assertArrayEquals(expected, GET_ATTESTED_MLDSA87_CSR.encodeRequest(request));
        assertEquals(request, GET_ATTESTED_ECC384_CSR.decodeRequest(expected));
        randomBytesSurvive(GET_ATTESTED_ECC384_CSR.request(), 13);
        rejectsWrongRequestSizes(GET_ATTESTED_ECC384_CSR, expected);
        var eat = new SizedData(fill(0xD2, 12800));
        roundTrip(GET_ATTESTED_ECC384_CSR.response(), eat);
        assertThrows(IllegalArgumentException.class, () -> GET_ATTESTED_ECC384_CSR.encodeResponse(new SizedData(fill(0, 12801))));
    }

    @Test
    void everyV2DataResponseRoundTripsItsLargestValue() {
        var random = new Random(14);
        for (var codec : V2_DATA_RESPONSES) {
            var data = new SizedData(random(random, 9216));
            assertEquals(data, codec.decodeResponse(codec.encodeResponse(data)), codec.name());
            var e = rejectsResponse(codec, new Wire().le32(9217).bytes());
            assertTrue(e.getMessage().endsWith("field 'data_size' at offset 0 is 9217, at most 9216"), e.getMessage());
        }
    }
}
