package org.caliptra.util.protocol.core;

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
import static org.caliptra.util.protocol.codec.CodecChecks.zeroAt;
import static org.caliptra.util.protocol.core.DpeCommands.ADD_SUBJECT_ALT_NAME;
import static org.caliptra.util.protocol.core.DpeCommands.CERTIFY_KEY_CHUNKS;
import static org.caliptra.util.protocol.core.DpeCommands.CERTIFY_KEY_EXTENDED_ECC384_V1;
import static org.caliptra.util.protocol.core.DpeCommands.CERTIFY_KEY_EXTENDED_ECC384_V1_MAINTENANCE;
import static org.caliptra.util.protocol.core.DpeCommands.CERTIFY_KEY_EXTENDED_ECC384_V2;
import static org.caliptra.util.protocol.core.DpeCommands.CERTIFY_KEY_EXTENDED_MLDSA87;
import static org.caliptra.util.protocol.core.DpeCommands.CERTIFY_KEY_EXTENDED_MLDSA87_V1;
import static org.caliptra.util.protocol.core.DpeCommands.DISABLE_ATTESTATION;
import static org.caliptra.util.protocol.core.DpeCommands.INVOKE_DPE_ECC384_V1;
import static org.caliptra.util.protocol.core.DpeCommands.INVOKE_DPE_ECC384_V2;
import static org.caliptra.util.protocol.core.DpeCommands.INVOKE_DPE_MLDSA87;
import static org.caliptra.util.protocol.core.DpeCommands.INVOKE_DPE_MLDSA87_V1;
import static org.caliptra.util.protocol.core.DpeCommands.REALLOCATE_DPE_CONTEXT_LIMITS;
import static org.caliptra.util.protocol.core.DpeCommands.REVOKE_EXPORTED_CDI_HANDLE;
import static org.caliptra.util.protocol.core.DpeCommands.SIGN_WITH_EXPORTED_ECDSA;
import static org.caliptra.util.protocol.core.DpeCommands.SIGN_WITH_EXPORTED_MLDSA;
import static org.caliptra.util.protocol.core.DpeCommands.SIGN_WITH_EXPORTED_MLDSA_V1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.caliptra.util.protocol.core.DpeCommands.AddSubjectAltNameRequest;
import org.caliptra.util.protocol.core.DpeCommands.CertifyKeyChunk;
import org.caliptra.util.protocol.core.DpeCommands.CertifyKeyChunksRequest;
import org.caliptra.util.protocol.core.DpeCommands.CertifyKeyExtendedMldsa87Request;
import org.caliptra.util.protocol.core.DpeCommands.CertifyKeyExtendedRequest;
import org.caliptra.util.protocol.core.DpeCommands.DpeContextLimits;
import org.caliptra.util.protocol.core.DpeCommands.DpeResponse;
import org.caliptra.util.protocol.core.DpeCommands.InvokeDpeMldsa87Request;
import org.caliptra.util.protocol.core.DpeCommands.InvokeDpeRequest;
import org.caliptra.util.protocol.core.DpeCommands.ReallocateDpeContextLimitsRequest;
import org.caliptra.util.protocol.core.DpeCommands.RevokeExportedCdiHandleRequest;
import org.caliptra.util.protocol.core.DpeCommands.SignWithExportedEcdsaRequest;
import org.caliptra.util.protocol.core.DpeCommands.SignWithExportedEcdsaResponse;
import org.caliptra.util.protocol.core.DpeCommands.SignWithExportedMldsaRequest;
import org.caliptra.util.protocol.core.DpeCommands.SignWithExportedMldsaRequestV1;
import org.caliptra.util.protocol.core.DpeCommands.SignWithExportedMldsaResponse;
import org.junit.jupiter.api.Test;

class DpeCommandsTest {
    /** A DPE GetProfile command header: magic "DPEC", cmd 1, profile 4 (spec/device.md §4.3). */
    private static final Octets GET_PROFILE = Octets.fromHex("43455044" + "01000000" + "04000000");

    @Test
    void sizesFollowTheSpec() {
        // data_size:u32, data:u8[≤512] ("send 8+data_size").
        for (var invoke : List.of(INVOKE_DPE_ECC384_V1, INVOKE_DPE_ECC384_V2, INVOKE_DPE_MLDSA87_V1)) {
            assertSizes(invoke.request(), 8 - 4, 8 - 4 + 512);
        }
        // DPE response data: 1.x 6556, 2.x 25168.
        assertSizes(INVOKE_DPE_ECC384_V1.response(), 4, 4 + 6556);
        assertSizes(INVOKE_DPE_ECC384_V2.response(), 4, 4 + 25168);
        assertSizes(INVOKE_DPE_MLDSA87_V1.response(), 4, 4 + 25168);
        // flags, axi_addr_lo, axi_addr_hi, axi_max_size, data_size, data; empty when sent over AXI.
        assertSizes(INVOKE_DPE_MLDSA87.request(), 5 * 4, 5 * 4 + 512);
        assertSizes(INVOKE_DPE_MLDSA87.response(), 0, 4 + 25168);
        // flags:u32, certify_key_req:u8[72].
        for (var ckex : List.of(CERTIFY_KEY_EXTENDED_ECC384_V1, CERTIFY_KEY_EXTENDED_ECC384_V1_MAINTENANCE,
                CERTIFY_KEY_EXTENDED_ECC384_V2, CERTIFY_KEY_EXTENDED_MLDSA87_V1)) {
            assertSizes(ckex.request(), 4 + 72, 4 + 72);
        }
        // 1.2: certify_key_resp:u8[6272]; 2.x: certify_key_resp_size:u32, certify_key_resp:u8[≤25152].
        assertSizes(CERTIFY_KEY_EXTENDED_ECC384_V1.response(), 6272, 6272);
        assertSizes(CERTIFY_KEY_EXTENDED_ECC384_V2.response(), 4, 4 + 25152);
        assertSizes(CERTIFY_KEY_EXTENDED_ECC384_V1_MAINTENANCE.response(), 4, 4 + 25152);
        assertSizes(CERTIFY_KEY_EXTENDED_MLDSA87_V1.response(), 4, 4 + 25152);
        // flags, axi_addr_lo, axi_addr_hi, axi_max_size:u32, certify_key_req:u8[72].
        assertSizes(CERTIFY_KEY_EXTENDED_MLDSA87.request(), 4 * 4 + 72, 4 * 4 + 72);
        assertSizes(CERTIFY_KEY_EXTENDED_MLDSA87.response(), 0, 4 + 25152);
        // flags, reserved, max_size, offset, certify_key_req[72] / context_handle[16], chunk_len, remaining, chunk ≤ 15360.
        assertSizes(CERTIFY_KEY_CHUNKS.request(), 4 * 4 + 72, 4 * 4 + 72);
        assertSizes(CERTIFY_KEY_CHUNKS.response(), 16 + 4 + 4, 16 + 4 + 4 + 15360);
        assertSizes(DISABLE_ATTESTATION.request(), 0, 0);
        assertSizes(DISABLE_ATTESTATION.response(), 0, 0);
        // dmtf_device_info_size:u32, dmtf_device_info:u8[128].
        assertSizes(ADD_SUBJECT_ALT_NAME.request(), 4, 4 + 128);
        // exported_cdi_handle:u8[32], tbs:u8[48] / four u8[48].
        assertSizes(SIGN_WITH_EXPORTED_ECDSA.request(), 32 + 48, 32 + 48);
        assertSizes(SIGN_WITH_EXPORTED_ECDSA.response(), 4 * 48, 4 * 48);
        // exported_cdi_handle:u8[32], sign_type, tbs_size, tbs:u8[1024] (the device takes only the whole struct).
        assertSizes(SIGN_WITH_EXPORTED_MLDSA.request(), 32 + 4 + 4 + 1024, 32 + 4 + 4 + 1024);
        assertSizes(SIGN_WITH_EXPORTED_MLDSA_V1.request(), 32 + 4 + 4, 32 + 4 + 4 + 1024);
        // derived_pubkey:u8[2592], signature:u8[4627], padding:u8.
        assertSizes(SIGN_WITH_EXPORTED_MLDSA.response(), 2592 + 4627 + 1, 2592 + 4627 + 1);
        assertSizes(REVOKE_EXPORTED_CDI_HANDLE.request(), 32, 32);
        assertSizes(REVOKE_EXPORTED_CDI_HANDLE.response(), 0, 0);
        assertSizes(REALLOCATE_DPE_CONTEXT_LIMITS.request(), 4, 4);
        assertSizes(REALLOCATE_DPE_CONTEXT_LIMITS.response(), 8, 8);
    }

    @Test
    void codesAndSelectors() {
        assertEquals(0x4450_4543, INVOKE_DPE_ECC384_V2.code());
        assertEquals(0x4450_454D, INVOKE_DPE_MLDSA87.code());
        assertEquals(0x4D4C_4450, INVOKE_DPE_MLDSA87_V1.code());
        assertEquals(0x434B_584D, CERTIFY_KEY_EXTENDED_MLDSA87.code());
        assertEquals(0x434B_454D, CERTIFY_KEY_EXTENDED_MLDSA87_V1.code());
        assertEquals(0x434B_4348, CERTIFY_KEY_CHUNKS.code());
        assertSame(INVOKE_DPE_ECC384_V1, DpeCommands.invokeDpeEcc384(Generation.V1));
        assertSame(INVOKE_DPE_ECC384_V2, DpeCommands.invokeDpeEcc384(Generation.V2));
        assertSame(CERTIFY_KEY_EXTENDED_ECC384_V1, DpeCommands.certifyKeyExtendedEcc384(Generation.V1));
        assertSame(CERTIFY_KEY_EXTENDED_ECC384_V2, DpeCommands.certifyKeyExtendedEcc384(Generation.V2));
        // The 1.x maintenance branch has SIGN_WITH_EXPORTED_MLDSA too (api/src/mailbox.rs on caliptra-1.x).
        assertTrue(CaliptraCommand.SIGN_WITH_EXPORTED_MLDSA.existsIn(Generation.V1));
        assertTrue(CaliptraCommand.SIGN_WITH_EXPORTED_MLDSA.pl0Only());
    }

    @Test
    void invokeDpeHandVectorSendsTheUsedBytes() {
        var request = new InvokeDpeRequest(GET_PROFILE);
        byte[] expected = new Wire().hex("0C000000 43455044 01000000 04000000").bytes();
        assertArrayEquals(expected, INVOKE_DPE_ECC384_V1.encodeRequest(request));
        assertEquals(request, INVOKE_DPE_ECC384_V2.decodeRequest(expected));
        assertMessage(rejectsRequest(INVOKE_DPE_ECC384_V2, Arrays.copyOf(expected, 10)),
                "INVOKE_DPE_ECC384 request: field 'data' at offset 4 needs 12 bytes, only 6 remain");
        assertMessage(rejectsRequest(INVOKE_DPE_ECC384_V2, new Wire().le32(513).fill(0, 512).bytes()),
                "INVOKE_DPE_ECC384 request: field 'data_size' at offset 0 is 513, at most 512");
        rejectsRequest(INVOKE_DPE_ECC384_V2, new byte[517]);
        assertThrows(IllegalArgumentException.class, () -> new InvokeDpeRequest(fill(0, 513)));
    }

    @Test
    void invokeDpeResponseCapacityDependsOnGeneration() {
        var big = DpeResponse.of(fill(0x5A, 6557));
        roundTrip(INVOKE_DPE_ECC384_V2.response(), big);
        assertThrows(IllegalArgumentException.class, () -> INVOKE_DPE_ECC384_V1.encodeResponse(big));
        var response = DpeResponse.of(Octets.fromHex("524550440000000004000000"));
        byte[] expected = new Wire().hex("0C000000 52455044 00000000 04000000").bytes();
        assertArrayEquals(expected, INVOKE_DPE_ECC384_V1.encodeResponse(response));
        assertEquals(response, INVOKE_DPE_ECC384_V1.decodeResponse(expected));
        assertThrows(IllegalArgumentException.class, () -> INVOKE_DPE_ECC384_V2.encodeResponse(DpeResponse.SENT_OVER_AXI));
        rejectsResponse(INVOKE_DPE_ECC384_V2, new byte[0]);
    }

    @Test
    void invokeDpeMldsa87HandVectorAndAxiResponse() {
        var request = new InvokeDpeMldsa87Request(InvokeDpeMldsa87Request.EXTERNAL_AXI_RESPONSE, 0x8000_0000, 0x1, 0x4000, GET_PROFILE);
        byte[] expected = new Wire().hex("00000080 00000080 01000000 00400000 0C000000 43455044 01000000 04000000").bytes();
        assertArrayEquals(expected, INVOKE_DPE_MLDSA87.encodeRequest(request));
        assertEquals(request, INVOKE_DPE_MLDSA87.decodeRequest(expected));
        assertTrue(request.externalAxiResponse());
        assertFalse(InvokeDpeMldsa87Request.overMailbox(GET_PROFILE).externalAxiResponse());
        // With EXTERNAL_AXI_RESPONSE the mailbox carries the header alone.
        assertArrayEquals(new byte[0], INVOKE_DPE_MLDSA87.encodeResponse(DpeResponse.SENT_OVER_AXI));
        var axi = INVOKE_DPE_MLDSA87.decodeResponse(new byte[0]);
        assertTrue(axi.sentOverAxi());
        assertThrows(IllegalStateException.class, axi::bytes);
        roundTrip(INVOKE_DPE_MLDSA87.response(), DpeResponse.of(fill(1, 25168)));
        assertMessage(rejectsResponse(INVOKE_DPE_MLDSA87, new byte[2]),
                "INVOKE_DPE_MLDSA87 response: field 'data_size' at offset 0 needs 4 bytes, only 2 remain");
        assertMessage(rejectsRequest(INVOKE_DPE_MLDSA87, Arrays.copyOf(expected, 19)),
                "INVOKE_DPE_MLDSA87 request: 19 bytes, expected 20 to 532; field 'data_size' at offset 16 needs 4 bytes, only 3 remain");
    }

    @Test
    void certifyKeyExtendedRequestsAndTheirResponses() {
        var request = new CertifyKeyExtendedRequest(CertifyKeyExtendedRequest.DMTF_OTHER_NAME, counting(0, 72));
        byte[] expected = new Wire().hex("00000080").counting(0, 72).bytes();
        for (var codec : List.of(CERTIFY_KEY_EXTENDED_ECC384_V1, CERTIFY_KEY_EXTENDED_ECC384_V2, CERTIFY_KEY_EXTENDED_MLDSA87_V1)) {
            assertArrayEquals(expected, codec.encodeRequest(request));
            assertEquals(request, codec.decodeRequest(expected));
            rejectsWrongRequestSizes(codec, expected);
        }
        var mldsa = new CertifyKeyExtendedMldsa87Request(CertifyKeyExtendedMldsa87Request.EXTERNAL_AXI_RESPONSE, 0x10, 0x20, 0x30,
                counting(0, 72));
        byte[] mldsaBytes = new Wire().hex("00000040 10000000 20000000 30000000").counting(0, 72).bytes();
        assertArrayEquals(mldsaBytes, CERTIFY_KEY_EXTENDED_MLDSA87.encodeRequest(mldsa));
        assertEquals(mldsa, CERTIFY_KEY_EXTENDED_MLDSA87.decodeRequest(mldsaBytes));
        assertEquals(DpeResponse.SENT_OVER_AXI, CERTIFY_KEY_EXTENDED_MLDSA87.decodeResponse(new byte[0]));

        var dpe = DpeResponse.of(Octets.fromHex("52455044"));
        assertArrayEquals(new Wire().hex("04000000 52455044").bytes(), CERTIFY_KEY_EXTENDED_ECC384_V2.encodeResponse(dpe));
        assertEquals(dpe, CERTIFY_KEY_EXTENDED_ECC384_V1_MAINTENANCE.decodeResponse(new Wire().hex("04000000 52455044").bytes()));
        // 1.2 sends the fixed 6272-byte buffer with no size field.
        byte[] v1 = CERTIFY_KEY_EXTENDED_ECC384_V1.encodeResponse(dpe);
        assertArrayEquals(new Wire().hex("52455044").fill(0, 6268).bytes(), v1);
        assertEquals(DpeResponse.of(Octets.of(v1)), CERTIFY_KEY_EXTENDED_ECC384_V1.decodeResponse(v1));
        randomBytesSurvive(CERTIFY_KEY_EXTENDED_ECC384_V1.response(), 50);
        rejectsWrongResponseSizes(CERTIFY_KEY_EXTENDED_ECC384_V1, v1);
        assertMessage(rejectsResponse(CERTIFY_KEY_EXTENDED_ECC384_V2, new Wire().le32(25153).bytes()),
                "CERTIFY_KEY_EXTENDED_ECC384 response: field 'size' at offset 0 is 25153, at most 25152");
        var e = assertThrows(IllegalArgumentException.class, () -> new CertifyKeyExtendedRequest(0, fill(0, 71)));
        assertTrue(e.getMessage().startsWith("certify_key_req"), e.getMessage());
    }

    @Test
    void certifyKeyChunksHandVector() {
        var request = new CertifyKeyChunksRequest(CertifyKeyChunksRequest.USE_MLDSA, 0, 0x1000, 0x2000, fill(0x77, 72));
        byte[] expected = new Wire().hex("00000080 00000000 00100000 00200000").fill(0x77, 72).bytes();
        assertArrayEquals(expected, CERTIFY_KEY_CHUNKS.encodeRequest(request));
        assertEquals(request, CERTIFY_KEY_CHUNKS.decodeRequest(expected));
        randomBytesSurvive(CERTIFY_KEY_CHUNKS.request(), 51);

        var chunk = new CertifyKeyChunk(counting(0xF0, 16), Octets.fromHex("AABB"), 300);
        byte[] chunkBytes = new Wire().counting(0xF0, 16).hex("02000000 2C010000 AABB").bytes();
        assertArrayEquals(chunkBytes, CERTIFY_KEY_CHUNKS.encodeResponse(chunk));
        assertEquals(chunk, CERTIFY_KEY_CHUNKS.decodeResponse(chunkBytes));
        roundTrip(CERTIFY_KEY_CHUNKS.response(), new CertifyKeyChunk(fill(1, 16), fill(2, 15360), 0));
        assertMessage(rejectsResponse(CERTIFY_KEY_CHUNKS, Arrays.copyOf(chunkBytes, 25)),
                "CERTIFY_KEY_CHUNKS response: field 'certify_key_resp' at offset 24 needs 2 bytes, only 1 remain");
        rejectsResponse(CERTIFY_KEY_CHUNKS, new byte[23]);
    }

    @Test
    void addSubjectAltNameHandVector() {
        var request = new AddSubjectAltNameRequest(Octets.of("ACME:WIDGET:0123".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] expected = new Wire().hex("10000000").hex("41434D453A5749444745543A30313233").bytes();
        assertArrayEquals(expected, ADD_SUBJECT_ALT_NAME.encodeRequest(request));
        assertEquals(request, ADD_SUBJECT_ALT_NAME.decodeRequest(expected));
        // libcaliptra sends the whole 128-byte buffer.
        assertEquals(request, ADD_SUBJECT_ALT_NAME.decodeRequest(Arrays.copyOf(expected, 132)));
        rejectsRequest(ADD_SUBJECT_ALT_NAME, Arrays.copyOf(expected, 133));
        assertMessage(rejectsRequest(ADD_SUBJECT_ALT_NAME, new Wire().le32(129).fill(0, 128).bytes()),
                "ADD_SUBJECT_ALT_NAME request: field 'dmtf_device_info_size' at offset 0 is 129, at most 128");
    }

    @Test
    void signWithExportedEcdsaHandVectorAndRandomBytes() {
        var request = new SignWithExportedEcdsaRequest(counting(0, 32), fill(0xEE, 48));
        byte[] expected = new Wire().counting(0, 32).fill(0xEE, 48).bytes();
        assertArrayEquals(expected, SIGN_WITH_EXPORTED_ECDSA.encodeRequest(request));
        assertEquals(request, SIGN_WITH_EXPORTED_ECDSA.decodeRequest(expected));
        var response = new SignWithExportedEcdsaResponse(fill(1, 48), fill(2, 48), fill(3, 48), fill(4, 48));
        assertArrayEquals(new Wire().fill(1, 48).fill(2, 48).fill(3, 48).fill(4, 48).bytes(),
                SIGN_WITH_EXPORTED_ECDSA.encodeResponse(response));
        randomBytesSurvive(SIGN_WITH_EXPORTED_ECDSA.request(), 52);
        randomBytesSurvive(SIGN_WITH_EXPORTED_ECDSA.response(), 53);
        rejectsWrongRequestSizes(SIGN_WITH_EXPORTED_ECDSA, expected);
        rejectsWrongResponseSizes(SIGN_WITH_EXPORTED_ECDSA, SIGN_WITH_EXPORTED_ECDSA.encodeResponse(response));
    }

    @Test
    void signWithExportedMldsaSendsTheWholeBufferOn2x() {
        var request = new SignWithExportedMldsaRequest(fill(0x0D, 32), SignWithExportedMldsaRequest.MU, counting(0, 64));
        byte[] expected = new Wire().fill(0x0D, 32).hex("00000000 40000000").counting(0, 64).fill(0, 960).bytes();
        assertArrayEquals(expected, SIGN_WITH_EXPORTED_MLDSA.encodeRequest(request));
        assertEquals(request, SIGN_WITH_EXPORTED_MLDSA.decodeRequest(expected));
        assertMessage(rejectsRequest(SIGN_WITH_EXPORTED_MLDSA, Arrays.copyOf(expected, 40 + 64)),
                "SIGN_WITH_EXPORTED_MLDSA request: 104 bytes, expected exactly 1064; field 'tbs' at offset 40 needs 1024 bytes, only 64 remain");
        byte[] tooBig = expected.clone();
        tooBig[37] = 0x04;
        tooBig[36] = 0x01;
        assertMessage(rejectsRequest(SIGN_WITH_EXPORTED_MLDSA, tooBig),
                "SIGN_WITH_EXPORTED_MLDSA request: field 'tbs_size' at offset 36 is 1025, at most 1024");
    }

    @Test
    void signWithExportedMldsaV1SendsTheUsedPart() {
        var request = new SignWithExportedMldsaRequestV1(fill(0x0D, 32), SignWithExportedMldsaRequestV1.DATA, Octets.fromHex("0102"));
        byte[] expected = new Wire().fill(0x0D, 32).hex("00000000 02000000 0102").bytes();
        assertArrayEquals(expected, SIGN_WITH_EXPORTED_MLDSA_V1.encodeRequest(request));
        assertEquals(request, SIGN_WITH_EXPORTED_MLDSA_V1.decodeRequest(expected));
        assertMessage(rejectsRequest(SIGN_WITH_EXPORTED_MLDSA_V1, Arrays.copyOf(expected, 41)),
                "SIGN_WITH_EXPORTED_MLDSA request: field 'message' at offset 40 needs 2 bytes, only 1 remain");
        var random = new Random(54);
        var response = new SignWithExportedMldsaResponse(random(random, 2592), random(random, 4627));
        byte[] bytes = roundTrip(SIGN_WITH_EXPORTED_MLDSA_V1.response(), response);
        assertEquals(0, bytes[7219]);
        randomBytesSurvive(SIGN_WITH_EXPORTED_MLDSA.response(), 55, zeroAt(2592 + 4627));
        rejectsWrongResponseSizes(SIGN_WITH_EXPORTED_MLDSA, bytes);
    }

    @Test
    void revokeAndReallocate() {
        var revoke = new RevokeExportedCdiHandleRequest(counting(0x20, 32));
        byte[] expected = new Wire().counting(0x20, 32).bytes();
        assertArrayEquals(expected, REVOKE_EXPORTED_CDI_HANDLE.encodeRequest(revoke));
        rejectsWrongRequestSizes(REVOKE_EXPORTED_CDI_HANDLE, expected);
        assertArrayEquals(new Wire().hex("10000000").bytes(),
                REALLOCATE_DPE_CONTEXT_LIMITS.encodeRequest(new ReallocateDpeContextLimitsRequest(16)));
        assertEquals(new DpeContextLimits(16, 48),
                REALLOCATE_DPE_CONTEXT_LIMITS.decodeResponse(new Wire().hex("10000000 30000000").bytes()));
        randomBytesSurvive(REALLOCATE_DPE_CONTEXT_LIMITS.request(), 56);
        randomBytesSurvive(REALLOCATE_DPE_CONTEXT_LIMITS.response(), 57);
        randomBytesSurvive(REVOKE_EXPORTED_CDI_HANDLE.request(), 58);
        assertMessage(rejectsResponse(REALLOCATE_DPE_CONTEXT_LIMITS, new byte[4]),
                "REALLOCATE_DPE_CONTEXT_LIMITS response: 4 bytes, expected exactly 8; field 'new_pl1_context_limit' at offset 4 needs 4 bytes, only 0 remain");
    }
}
