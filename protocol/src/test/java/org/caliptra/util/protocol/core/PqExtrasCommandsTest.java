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
import static org.caliptra.util.protocol.codec.CodecChecks.roundTrip;
import static org.caliptra.util.protocol.core.PqExtrasCommands.GET_PQ_CERT;
import static org.caliptra.util.protocol.core.PqExtrasCommands.GET_PQ_CSR;
import static org.caliptra.util.protocol.core.PqExtrasCommands.GET_PQ_INFO;
import static org.caliptra.util.protocol.core.PqExtrasCommands.POPULATE_PQ_CERT;
import static org.caliptra.util.protocol.core.PqExtrasCommands.SET_PQ_SEED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.CertificateCommands.PopulateCertRequest;
import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.caliptra.util.protocol.core.PqExtrasCommands.PqCertRequest;
import org.caliptra.util.protocol.core.PqExtrasCommands.PqInfo;
import org.caliptra.util.protocol.core.PqExtrasCommands.SetPqSeedRequest;
import org.junit.jupiter.api.Test;

/** Layouts of the caliptra-1.x branch's api/src/mailbox.rs; spec/device.md §4.1 gives only the codes. */
class PqExtrasCommandsTest {
    @Test
    void sizesFollowTheBranchLayouts() {
        // seed:u8[32].
        assertSizes(SET_PQ_SEED.request(), 32, 32);
        assertSizes(SET_PQ_SEED.response(), 0, 0);
        // data_size:u32, data:u8[12800].
        assertSizes(GET_PQ_CSR.response(), 4, 4 + 12800);
        // pq_pub_key:u8[2592].
        assertSizes(GET_PQ_INFO.response(), 2592, 2592);
        // cert_size:u32, cert:u8[8192].
        assertSizes(POPULATE_PQ_CERT.request(), 4, 4 + 8192);
        // tbs_size:u32, signature:u8[4627], tbs:u8[3543], pad:u8[2].
        assertSizes(GET_PQ_CERT.request(), 4 + 4627, 4 + 4627 + 3543 + 2);
        assertSizes(GET_PQ_CERT.response(), 4, 4 + 8192);
        for (var c : List.of(SET_PQ_SEED, GET_PQ_CSR, GET_PQ_INFO, POPULATE_PQ_CERT, GET_PQ_CERT)) {
            var command = (CaliptraCommand) c.command();
            assertTrue(command.existsIn(Generation.V1), c.name());
            assertFalse(command.existsIn(Generation.V2), c.name());
        }
        assertEquals(0x5051_5344, SET_PQ_SEED.code());
        assertEquals(0x4750_5143, GET_PQ_CERT.code());
        // The branch's runtime takes SET_PQ_SEED and POPULATE_PQ_CERT from PL0 only.
        assertTrue(CaliptraCommand.SET_PQ_SEED.pl0Only());
        assertTrue(CaliptraCommand.POPULATE_PQ_CERT.pl0Only());
    }

    @Test
    void seedAndInfoHandVectors() {
        var seed = new SetPqSeedRequest(counting(0x42, 32));
        assertArrayEquals(new Wire().counting(0x42, 32).bytes(), SET_PQ_SEED.encodeRequest(seed));
        assertEquals(seed, SET_PQ_SEED.decodeRequest(new Wire().counting(0x42, 32).bytes()));
        randomBytesSurvive(SET_PQ_SEED.request(), 80);
        randomBytesSurvive(GET_PQ_INFO.response(), 81);
        rejectsWrongRequestSizes(SET_PQ_SEED, new byte[32]);
        assertMessage(rejectsResponse(GET_PQ_INFO, new byte[2593]), "GET_PQ_INFO response: 2593 bytes, expected exactly 2592");
        assertThrows(IllegalArgumentException.class, () -> new PqInfo(fill(0, 2591)));
        assertThrows(IllegalArgumentException.class, () -> new SetPqSeedRequest(fill(0, 64)));
    }

    @Test
    void csrAndCertResponsesAreSentWhole() {
        var csr = new SizedData(Octets.fromHex("3082"));
        byte[] bytes = GET_PQ_CSR.encodeResponse(csr);
        assertArrayEquals(new Wire().hex("02000000 3082").fill(0, 12798).bytes(), bytes);
        assertEquals(csr, GET_PQ_CSR.decodeResponse(bytes));
        assertEquals(csr, GET_PQ_CSR.decodeResponse(Arrays.copyOf(bytes, 6)));
        assertEquals(4 + 8192, GET_PQ_CERT.encodeResponse(csr).length);
        assertMessage(rejectsResponse(GET_PQ_CERT, new Wire().le32(8193).bytes()),
                "GET_PQ_CERT response: field 'cert_size' at offset 0 is 8193, at most 8192");
    }

    @Test
    void pqCertRequestFromEitherSender() {
        var random = new Random(82);
        var request = new PqCertRequest(random(random, 4627), Octets.fromHex("300A"));
        byte[] expected = new Wire().hex("02000000").raw(request.signature()).hex("300A").bytes();
        assertArrayEquals(expected, GET_PQ_CERT.encodeRequest(request));
        assertEquals(request, GET_PQ_CERT.decodeRequest(expected));
        // The Rust API sends two more bytes after the used tbs.
        assertEquals(request, GET_PQ_CERT.decodeRequest(Arrays.copyOf(expected, expected.length + 2)));
        roundTrip(GET_PQ_CERT.request(), new PqCertRequest(request.signature(), fill(7, 3543)));
        assertMessage(rejectsRequest(GET_PQ_CERT, new Wire().le32(3544).fill(0, 4627 + 3544).bytes()),
                "GET_PQ_CERT request: field 'tbs_size' at offset 0 is 3544, at most 3543");
        assertMessage(rejectsRequest(GET_PQ_CERT, Arrays.copyOf(expected, expected.length - 1)),
                "GET_PQ_CERT request: field 'tbs' at offset 4631 needs 2 bytes, only 1 remain");
        rejectsRequest(GET_PQ_CERT, new byte[4630]);
        assertThrows(IllegalArgumentException.class, () -> new PqCertRequest(request.signature(), fill(0, 3544)));
    }

    @Test
    void populatePqCert() {
        var cert = new PopulateCertRequest(fill(0x30, 8192));
        roundTrip(POPULATE_PQ_CERT.request(), cert);
        assertArrayEquals(new Wire().hex("01000000 30").bytes(), POPULATE_PQ_CERT.encodeRequest(new PopulateCertRequest(fill(0x30, 1))));
        rejectsRequest(POPULATE_PQ_CERT, new byte[3]);
    }
}
