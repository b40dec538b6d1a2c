package org.caliptra.util.protocol.cm;

import static org.caliptra.util.protocol.cm.CmRandomCommands.CM_RANDOM_GENERATE;
import static org.caliptra.util.protocol.cm.CmRandomCommands.CM_RANDOM_STIR;
import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertFieldError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizeError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.assertTrailingError;
import static org.caliptra.util.protocol.codec.CodecChecks.concat;
import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.le32;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTripRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTripResponse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomData;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomGenerateRequest;
import org.caliptra.util.protocol.cm.CmRandomCommands.RandomStirRequest;
import org.caliptra.util.protocol.codec.NoFields;
import org.junit.jupiter.api.Test;

class CmRandomCommandsTest {
    @Test
    void sizesFollowTheLayouts() {
        // size:u32
        assertSizes(CM_RANDOM_GENERATE.request(), 4, 4);
        // data_len 4 + data[0..4096]
        assertSizes(CM_RANDOM_GENERATE.response(), 4, 4 + 4096);
        // input_size 4 + input[0..4096]
        assertSizes(CM_RANDOM_STIR.request(), 4, 4 + 4096);
        assertSizes(CM_RANDOM_STIR.response(), 0, 0);
    }

    @Test
    void generateByHand() {
        assertArrayEquals(hex("10000000"), roundTripRequest(CM_RANDOM_GENERATE, new RandomGenerateRequest(16)));
        // data_len 3, then exactly the three bytes asked for
        assertArrayEquals(hex("03000000 a1b2c3"), roundTripResponse(CM_RANDOM_GENERATE, new RandomData(Octets.fromHex("a1b2c3"))));
        assertArrayEquals(hex("05000000 0102030405"), roundTripRequest(CM_RANDOM_STIR, new RandomStirRequest(counting(1, 5))));
    }

    @Test
    void anOversizedGenerateRequestReachesTheDevice() {
        // The device answers size > 4096 with its own error, so the codec must not refuse it.
        var request = CM_RANDOM_GENERATE.decodeRequest(hex("ffffffff"));
        assertEquals(0xFFFF_FFFFL, request.unsignedSize());
        assertArrayEquals(hex("ffffffff"), CM_RANDOM_GENERATE.encodeRequest(request));
    }

    @Test
    void roundTripsAtTheEdges() {
        roundTripResponse(CM_RANDOM_GENERATE, new RandomData(Octets.zeros(0)));
        roundTripResponse(CM_RANDOM_GENERATE, new RandomData(counting(0, 4096)));
        roundTripRequest(CM_RANDOM_STIR, new RandomStirRequest(counting(4, 4096)));
        roundTripRequest(CM_RANDOM_STIR, new RandomStirRequest(Octets.zeros(0)));
        roundTripResponse(CM_RANDOM_STIR, NoFields.INSTANCE);
    }

    @Test
    void randomBytesOfFixedLayoutsSurvive() {
        randomBytesSurvive(CM_RANDOM_GENERATE.request(), 21);
    }

    @Test
    void aFullBufferStirIsAccepted() {
        byte[] padded = Arrays.copyOf(hex("02000000 abcd"), 4 + 4096);
        assertEquals(new RandomStirRequest(Octets.fromHex("abcd")), CM_RANDOM_STIR.decodeRequest(padded));
    }

    @Test
    void truncatedMessagesFail() {
        assertSizeError("CM_RANDOM_GENERATE request: 3 bytes, expected exactly 4; field 'size' at offset 0 needs 4 bytes, only 3 remain", () -> CM_RANDOM_GENERATE.decodeRequest(new byte[3]));
        assertSizeError("CM_RANDOM_GENERATE response: 3 bytes, expected 4 to 4100; field 'data_len' at offset 0 needs 4 bytes, only 3 remain", () -> CM_RANDOM_GENERATE.decodeResponse(new byte[3]));
        assertFieldError("CM_RANDOM_GENERATE response", "data_len", "is 48 but only 47 bytes follow",
                () -> CM_RANDOM_GENERATE.decodeResponse(concat(le32(48), new byte[47])));
        assertFieldError("CM_RANDOM_STIR request", "input_size", "is 8 but only 0 bytes follow",
                () -> CM_RANDOM_STIR.decodeRequest(le32(8)));
    }

    @Test
    void overLongMessagesFail() {
        assertSizeError("CM_RANDOM_GENERATE request: 5 bytes, expected exactly 4", () -> CM_RANDOM_GENERATE.decodeRequest(new byte[5]));
        assertSizeError("CM_RANDOM_STIR request: 4101 bytes, expected 4 to 4100", () -> CM_RANDOM_STIR.decodeRequest(new byte[4101]));
        assertSizeError("CM_RANDOM_STIR response: 4 bytes, expected exactly 0", () -> CM_RANDOM_STIR.decodeResponse(new byte[4]));
        assertTrailingError("CM_RANDOM_GENERATE response", () -> CM_RANDOM_GENERATE.decodeResponse(concat(le32(2), new byte[3])));
    }

    @Test
    void overDeclaredSizesFail() {
        assertFieldError("CM_RANDOM_GENERATE response", "data_len", "is 4097, at most 4096",
                () -> CM_RANDOM_GENERATE.decodeResponse(concat(le32(4097), new byte[4096])));
        assertFieldError("CM_RANDOM_STIR request", "input_size", "is 2147483648, at most 4096",
                () -> CM_RANDOM_STIR.decodeRequest(concat(le32(0x8000_0000L), new byte[10])));
    }

    @Test
    void recordsRefuseWrongSizes() {
        assertArgumentError("data", () -> new RandomData(Octets.zeros(4097)));
        assertArgumentError("input", () -> new RandomStirRequest(Octets.zeros(4097)));
    }
}
