package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.octets;
import static org.caliptra.util.protocol.codec.CodecChecks.putU32;
import static org.caliptra.util.protocol.codec.CodecChecks.random;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAttestationCommands.Attestation;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestationRequest;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestedCsr;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestedCsrRequest;
import org.junit.jupiter.api.Test;

class McAttestationCommandsTest {
    @Test
    void sizes() {
        // device_key_id + algorithm + nonce[32]
        assertSizes(McAttestationCommands.MC_EXPORT_ATTESTED_CSR.request(), 4 + 4 + 32, 40);
        // data_size + data[<=4096]
        assertSizes(McAttestationCommands.MC_EXPORT_ATTESTED_CSR.response(), 4, 4 + 4096);
        // evidence_format + algorithm + pki_entity_slot + nonce[32]
        assertSizes(McAttestationCommands.MC_GET_ATTESTATION.request(), 4 + 4 + 4 + 32, 44);
        // data_len + evidence_format + evidence[<=7168]
        assertSizes(McAttestationCommands.MC_GET_ATTESTATION.response(), 4 + 4, 4 + 4 + 7168);
    }

    @Test
    void fixedRequestsSurviveRandomBytes() {
        randomBytesSurvive(McAttestationCommands.MC_EXPORT_ATTESTED_CSR.request(), 40, 31);
        randomBytesSurvive(McAttestationCommands.MC_GET_ATTESTATION.request(), 44, 32);
    }

    @Test
    void getAttestationRequestLayout() {
        // The reference's wire-layout test: format 2 (PCR quote), ECC P-384, vendor slot, nonce 0x5A * 32.
        var request = new AttestationRequest(AttestationRequest.FORMAT_PCR_QUOTE, McAttestationCommands.ALGORITHM_ECC_P384,
                AttestationRequest.SLOT_VENDOR, fill(0x5A, 32));
        byte[] bytes = McAttestationCommands.MC_GET_ATTESTATION.encodeRequest(request);
        assertArrayEquals(hex("02000000 01000000 00000000" + "5A".repeat(32)), bytes);
        assertEquals(request, McAttestationCommands.MC_GET_ATTESTATION.decodeRequest(bytes));
        assertEquals(new AttestationRequest(0, 0, 0, Octets.zeros(32)), AttestationRequest.query());
    }

    @Test
    void formatQueryAnswer() {
        // data_len 8 = evidence_format + a u32 bitmap with bits 1 (OCP EAT) and 2 (PCR quote)
        byte[] fields = hex("08000000 00000000 06000000");
        Attestation answer = McAttestationCommands.MC_GET_ATTESTATION.decodeResponse(fields);
        assertEquals(Attestation.formats(0b110), answer);
        assertEquals(OptionalInt.of(6), answer.formatBitmap());
        assertArrayEquals(fields, McAttestationCommands.MC_GET_ATTESTATION.encodeResponse(answer));
        assertEquals(OptionalInt.empty(), new Attestation(1, octets("06000000")).formatBitmap());
    }

    @Test
    void evidenceRoundTripsUpToItsMaximum() {
        var random = new Random(33);
        for (int n : new int[] {0, 1, 6388, 7168}) {
            var evidence = new Attestation(AttestationRequest.FORMAT_OCP_EAT, random(random, n));
            byte[] fields = McAttestationCommands.MC_GET_ATTESTATION.encodeResponse(evidence);
            assertEquals(4 + 4 + n, fields.length);
            assertEquals(evidence, McAttestationCommands.MC_GET_ATTESTATION.decodeResponse(fields));
        }
        assertArgumentError("evidence", () -> new Attestation(1, Octets.zeros(7169)));
    }

    @Test
    void attestationRefusesBadDataLen() {
        var codec = McAttestationCommands.MC_GET_ATTESTATION;
        assertProtocolError(() -> codec.decodeResponse(hex("00000000 01000000")), "MC_GET_ATTESTATION response",
                "field 'data_len' at offset 0 is 0, expected 4..7172");
        assertProtocolError(() -> codec.decodeResponse(putU32(new byte[8], 0, 7173)), "MC_GET_ATTESTATION response",
                "field 'data_len' at offset 0 is 7173, expected 4..7172");
        assertProtocolError(() -> codec.decodeResponse(hex("09000000 01000000 AABBCCDD")), "MC_GET_ATTESTATION response",
                "field 'data_len'", "is 9 but 8 bytes follow");
        assertProtocolError(() -> codec.decodeResponse(hex("05000000 01000000 AABB")), "MC_GET_ATTESTATION response",
                "field 'data_len'", "is 5 but 6 bytes follow");
        assertProtocolError(() -> codec.decodeResponse(new byte[4 + 4 + 7169]), "MC_GET_ATTESTATION response: 7177 bytes");
    }

    @Test
    void attestedCsrFramesAndLimits() {
        var request = new AttestedCsrRequest(AttestedCsrRequest.RT_ALIAS, McAttestationCommands.ALGORITHM_MLDSA87, fill(0x11, 32));
        assertArrayEquals(hex("03000000 02000000" + "11".repeat(32)),
                McAttestationCommands.MC_EXPORT_ATTESTED_CSR.encodeRequest(request));
        var csr = new AttestedCsr(octets("D28443A10126A0"));
        byte[] fields = McAttestationCommands.MC_EXPORT_ATTESTED_CSR.encodeResponse(csr);
        assertArrayEquals(hex("07000000 D28443A10126A0"), fields);
        assertEquals(csr, McAttestationCommands.MC_EXPORT_ATTESTED_CSR.decodeResponse(fields));
        var full = new AttestedCsr(random(new Random(34), 4096));
        assertEquals(full, McAttestationCommands.MC_EXPORT_ATTESTED_CSR.decodeResponse(
                McAttestationCommands.MC_EXPORT_ATTESTED_CSR.encodeResponse(full)));

        var codec = McAttestationCommands.MC_EXPORT_ATTESTED_CSR;
        assertProtocolError(() -> codec.decodeResponse(putU32(new byte[4], 0, 4097)), "MC_EXPORT_ATTESTED_CSR response",
                "field 'data_size' at offset 0 is 4097, expected 0..4096");
        assertProtocolError(() -> codec.decodeResponse(hex("08000000 D28443A10126A0")), "MC_EXPORT_ATTESTED_CSR response",
                "field 'data_size'", "is 8 but 7 bytes follow");
        assertProtocolError(() -> codec.decodeRequest(new byte[39]), "MC_EXPORT_ATTESTED_CSR request: 39 bytes, expected exactly 40");
        assertArgumentError("nonce", () -> new AttestedCsrRequest(1, 1, Octets.zeros(48)));
        assertArgumentError("data", () -> new AttestedCsr(Octets.zeros(4097)));
    }

    @Test
    void certificateChainCodesAreReservedOnly() {
        assertEquals(Set.of(McCommand.MC_GET_CERT_CHAIN, McCommand.MC_SET_CERT_CHAIN), McAttestationCommands.RESERVED);
        assertEquals(0x4D47_4343, McCommand.MC_GET_CERT_CHAIN.code());
        assertEquals(0x4D53_4343, McCommand.MC_SET_CERT_CHAIN.code());
    }
}
