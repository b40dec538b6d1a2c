package org.caliptra.util.protocol.cm;

import static org.caliptra.util.protocol.cm.CmHashCommands.CM_HMAC;
import static org.caliptra.util.protocol.cm.CmHashCommands.CM_SHA;
import static org.caliptra.util.protocol.cm.CmHashCommands.CM_SHAKE256_FINAL;
import static org.caliptra.util.protocol.cm.CmHashCommands.CM_SHAKE256_INIT;
import static org.caliptra.util.protocol.cm.CmHashCommands.CM_SHAKE256_UPDATE;
import static org.caliptra.util.protocol.cm.CmHashCommands.CM_SHA_FINAL;
import static org.caliptra.util.protocol.cm.CmHashCommands.CM_SHA_INIT;
import static org.caliptra.util.protocol.cm.CmHashCommands.CM_SHA_UPDATE;
import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertFieldError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizeError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.assertTrailingError;
import static org.caliptra.util.protocol.codec.CodecChecks.cmk;
import static org.caliptra.util.protocol.codec.CodecChecks.concat;
import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.hexFill;
import static org.caliptra.util.protocol.codec.CodecChecks.le32;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTripRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTripResponse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.HmacRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaInitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaUpdateRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256Context;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256InitRequest;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256UpdateRequest;
import org.junit.jupiter.api.Test;

class CmHashCommandsTest {
    /** SHA-384("abc"), FIPS 180-2 appendix D.1. */
    private static final String SHA384_ABC =
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7";

    @Test
    void sizesFollowTheLayouts() {
        // hash_algorithm 4 + input_size 4 + input[0..256 KiB - 12]; the request fills the mailbox less chksum 4
        assertSizes(CM_SHA.request(), 4 + 4, 4 + 4 + (262_144 - 12));
        assertEquals(262_144 - 4, CM_SHA.request().maxSize());
        // data_len 4 + hash[48 or 64]
        assertSizes(CM_SHA.response(), 4 + 48, 4 + 64);
        assertSizes(CmHashCommands.cmSha(16 * 1024).request(), 4 + 4, 4 + 4 + 16_372);
        assertSizes(CM_SHA_INIT.request(), 4 + 4, 4 + 4 + 4096);
        assertSizes(CM_SHA_INIT.response(), 200, 200);
        // context 200 + input_size 4 + input[0..4096]
        assertSizes(CM_SHA_UPDATE.request(), 200 + 4, 200 + 4 + 4096);
        assertSizes(CM_SHA_UPDATE.response(), 200, 200);
        assertSizes(CM_SHA_FINAL.request(), 200 + 4, 200 + 4 + 4096);
        assertSizes(CM_SHA_FINAL.response(), 4 + 48, 4 + 64);
        // input_size 4 + input[0..4096]
        assertSizes(CM_SHAKE256_INIT.request(), 4, 4 + 4096);
        assertSizes(CM_SHAKE256_INIT.response(), 44, 44);
        // context 44 + input_size 4 + input[0..4096]
        assertSizes(CM_SHAKE256_UPDATE.request(), 44 + 4, 44 + 4 + 4096);
        assertSizes(CM_SHAKE256_UPDATE.response(), 44, 44);
        assertSizes(CM_SHAKE256_FINAL.request(), 44 + 4, 44 + 4 + 4096);
        assertSizes(CM_SHAKE256_FINAL.response(), 64, 64);
        // cmk 128 + hash_algorithm 4 + data_size 4 + data[0..4096]; data_len 4 + mac[48 or 64]
        assertSizes(CM_HMAC.request(), 128 + 4 + 4, 128 + 4 + 4 + 4096);
        assertSizes(CM_HMAC.response(), 4 + 48, 4 + 64);
    }

    @Test
    void shaOfAbcByHand() throws Exception {
        assertEquals(SHA384_ABC, Octets.of(MessageDigest.getInstance("SHA-384").digest("abc".getBytes(StandardCharsets.US_ASCII))).hex());
        // hash_algorithm 1 (SHA-384), input_size 3, "abc"
        byte[] request = hex("01000000 03000000 616263");
        assertArrayEquals(request, roundTripRequest(CM_SHA_INIT, ShaInitRequest.of(HashAlgorithm.SHA384, Octets.fromHex("616263"))));
        assertArrayEquals(request, roundTripRequest(CM_SHA, ShaRequest.of(HashAlgorithm.SHA384, Octets.fromHex("616263"))));
        // data_len 48 = 30000000, then the digest in standard byte order
        byte[] response = hex("30000000" + SHA384_ABC);
        var digest = new Digest(Octets.fromHex(SHA384_ABC));
        assertArrayEquals(response, roundTripResponse(CM_SHA_FINAL, digest));
        assertArrayEquals(response, roundTripResponse(CM_SHA, digest));
        assertEquals(HashAlgorithm.SHA384, CM_SHA.decodeResponse(response).algorithm());
    }

    @Test
    void updateAndHmacByHand() {
        var update = new ShaUpdateRequest(new ShaContext(fill(0xC0, 200)), Octets.fromHex("ff"));
        assertArrayEquals(hex(hexFill(0xC0, 200) + "01000000 ff"), roundTripRequest(CM_SHA_UPDATE, update));
        var shake = new Shake256UpdateRequest(new Shake256Context(fill(0x5E, 44)), Octets.zeros(0));
        assertArrayEquals(hex(hexFill(0x5E, 44) + "00000000"), roundTripRequest(CM_SHAKE256_FINAL, shake));
        assertArrayEquals(hex("02000000 1234"), roundTripRequest(CM_SHAKE256_INIT, new Shake256InitRequest(Octets.fromHex("1234"))));
        // cmk, hash_algorithm 2, data_size 2, data
        var hmac = HmacRequest.of(cmk(0x4B), HashAlgorithm.SHA512, Octets.fromHex("beef"));
        assertArrayEquals(hex(hexFill(0x4B, 128) + "02000000 02000000 beef"), roundTripRequest(CM_HMAC, hmac));
        // data_len 64 = 40000000
        assertArrayEquals(hex("40000000" + hexFill(0x99, 64)), roundTripResponse(CM_HMAC, new Digest(fill(0x99, 64))));
    }

    @Test
    void roundTripsAtTheEdges() {
        roundTripRequest(CM_SHA_INIT, new ShaInitRequest(2, counting(1, 4096)));
        roundTripRequest(CM_SHA_FINAL, new ShaUpdateRequest(new ShaContext(counting(3, 200)), Octets.zeros(0)));
        roundTripRequest(CM_SHAKE256_UPDATE, new Shake256UpdateRequest(new Shake256Context(counting(5, 44)), counting(0, 4096)));
        roundTripRequest(CM_HMAC, new HmacRequest(cmk(1), 7, counting(2, 4096)));
        roundTripRequest(CM_SHA, new ShaRequest(2, counting(0, 262_132)));
        roundTripResponse(CM_SHA_FINAL, new Digest(counting(9, 64)));
    }

    @Test
    void randomBytesOfFixedLayoutsSurvive() {
        randomBytesSurvive(CM_SHA_INIT.response(), 11);
        randomBytesSurvive(CM_SHA_UPDATE.response(), 12);
        randomBytesSurvive(CM_SHAKE256_INIT.response(), 13);
        randomBytesSurvive(CM_SHAKE256_UPDATE.response(), 14);
        randomBytesSurvive(CM_SHAKE256_FINAL.response(), 15);
    }

    @Test
    void reservedAlgorithmStaysRaw() {
        var request = CM_SHA_INIT.decodeRequest(hex("00000000 00000000"));
        assertEquals(0, request.hashAlgorithm());
        assertEquals(Optional.empty(), request.algorithm());
        assertEquals(Optional.of(HashAlgorithm.SHA512), HashAlgorithm.fromValue(2));
        assertEquals(64, HashAlgorithm.SHA512.digestSize());
    }

    @Test
    void aFullBufferRequestIsAccepted() {
        // CM_SHA_UPDATE sent as the whole 4300-byte structure with input_size 1
        byte[] padded = Arrays.copyOf(concat(new byte[200], hex("01000000 7f")), 200 + 4 + 4096);
        assertEquals(new ShaUpdateRequest(new ShaContext(Octets.zeros(200)), Octets.fromHex("7f")), CM_SHA_UPDATE.decodeRequest(padded));
    }

    @Test
    void cmShaHonoursItsMailbox() {
        var subsystem = CmHashCommands.cmSha(CmHashCommands.SUBSYSTEM_MAILBOX_SIZE);
        var tooBig = new ShaRequest(1, Octets.zeros(16_373));
        assertArgumentError("input", () -> subsystem.encodeRequest(tooBig));
        assertFieldError("CM_SHA request", "input_size", "is 16373, at most 16372",
                () -> subsystem.decodeRequest(concat(hex("01000000"), le32(16_373), new byte[16_372])));
        assertThrows(IllegalArgumentException.class, () -> CmHashCommands.cmSha(8));
    }

    @Test
    void truncatedMessagesFail() {
        assertSizeError("CM_SHA_UPDATE request: 203 bytes, expected 204 to 4300; field 'input_size' at offset 200 needs 4 bytes, only 3 remain", () -> CM_SHA_UPDATE.decodeRequest(new byte[203]));
        assertSizeError("CM_SHA_INIT response: 199 bytes, expected exactly 200; field 'context' at offset 0 needs 200 bytes, only 199 remain", () -> CM_SHA_INIT.decodeResponse(new byte[199]));
        assertFieldError("CM_SHAKE256_INIT request", "input_size", "is 3 but only 2 bytes follow",
                () -> CM_SHAKE256_INIT.decodeRequest(hex("03000000 aabb")));
        // a 48-byte digest announced, 47 delivered: 51 bytes is already below the 52-byte minimum
        assertSizeError("CM_SHA_FINAL response: 51 bytes, expected 52 to 68; field 'data_len' at offset 0 is 0, expected 48 or 64", () -> CM_SHA_FINAL.decodeResponse(new byte[51]));
        assertFieldError("CM_HMAC response", "data_len", "is 64 but only 60 bytes follow",
                () -> CM_HMAC.decodeResponse(concat(le32(64), new byte[60])));
    }

    @Test
    void overLongMessagesFail() {
        assertSizeError("CM_SHAKE256_FINAL response: 65 bytes, expected exactly 64", () -> CM_SHAKE256_FINAL.decodeResponse(new byte[65]));
        assertSizeError("CM_HMAC request: 4233 bytes, expected 136 to 4232", () -> CM_HMAC.decodeRequest(new byte[4233]));
        // responses carry only the used part: a 48-byte digest followed by 16 stray bytes is refused
        assertTrailingError("CM_SHA_FINAL response", () -> CM_SHA_FINAL.decodeResponse(concat(le32(48), new byte[64])));
    }

    @Test
    void overDeclaredSizesFail() {
        assertFieldError("CM_SHA_INIT request", "input_size", "is 4097, at most 4096",
                () -> CM_SHA_INIT.decodeRequest(concat(hex("01000000"), le32(4097), new byte[4096])));
        assertFieldError("CM_HMAC response", "data_len", "is 32, expected 48 or 64",
                () -> CM_HMAC.decodeResponse(concat(le32(32), new byte[48])));
        assertFieldError("CM_SHA_FINAL response", "data_len", "is 4294967295, expected 48 or 64",
                () -> CM_SHA_FINAL.decodeResponse(concat(le32(0xFFFF_FFFFL), new byte[48])));
    }

    @Test
    void recordsRefuseWrongSizes() {
        assertArgumentError("digest", () -> new Digest(Octets.zeros(32)));
        assertArgumentError("context", () -> new ShaContext(Octets.zeros(199)));
        assertArgumentError("context", () -> new Shake256Context(Octets.zeros(45)));
        assertArgumentError("hash", () -> new Shake256Digest(Octets.zeros(48)));
        assertArgumentError("input", () -> new ShaInitRequest(1, Octets.zeros(4097)));
        assertArgumentError("input", () -> new ShaRequest(1, Octets.zeros(262_133)));
        assertArgumentError("data", () -> new HmacRequest(cmk(0), 1, Octets.zeros(4097)));
        assertEquals(HashAlgorithm.SHA512, new Digest(Octets.zeros(64)).algorithm());
    }
}
