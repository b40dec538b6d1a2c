package org.caliptra.util.protocol.cm;

import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_CLEAR;
import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_DELETE;
import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_DERIVE_STABLE_KEY;
import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_HKDF_EXPAND;
import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_HKDF_EXTRACT;
import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_HMAC_KDF_COUNTER;
import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_IMPORT;
import static org.caliptra.util.protocol.cm.CmKeyCommands.CM_STATUS;
import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertFieldError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizeError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
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

import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmKeyCommands.DeriveStableKeyRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.HkdfExpandRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.HkdfExtractRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.HmacKdfCounterRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.ImportRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands.Status;
import org.caliptra.util.protocol.codec.NoFields;
import org.junit.jupiter.api.Test;

class CmKeyCommandsTest {
    @Test
    void sizesFollowTheLayouts() {
        // key_usage 4 + input_size 4 + input[0..64]
        assertSizes(CM_IMPORT.request(), 4 + 4, 4 + 4 + 64);
        assertSizes(CM_IMPORT.response(), 128, 128);
        assertSizes(CM_DELETE.request(), 128, 128);
        assertSizes(CM_DELETE.response(), 0, 0);
        assertSizes(CM_CLEAR.request(), 0, 0);
        assertSizes(CM_CLEAR.response(), 0, 0);
        assertSizes(CM_STATUS.request(), 0, 0);
        // used_usage_storage 4 + total_usage_storage 4
        assertSizes(CM_STATUS.response(), 4 + 4, 4 + 4);
        // key_type 4 + info 32
        assertSizes(CM_DERIVE_STABLE_KEY.request(), 4 + 32, 4 + 32);
        assertSizes(CM_DERIVE_STABLE_KEY.response(), 128, 128);
        // kin 128 + hash_algorithm 4 + key_usage 4 + key_size 4 + label_size 4 + label[0..4096]
        assertSizes(CM_HMAC_KDF_COUNTER.request(), 128 + 4 * 4, 128 + 4 * 4 + 4096);
        assertSizes(CM_HMAC_KDF_COUNTER.response(), 128, 128);
        // hash_algorithm 4 + salt 128 + ikm 128
        assertSizes(CM_HKDF_EXTRACT.request(), 4 + 128 + 128, 4 + 128 + 128);
        assertSizes(CM_HKDF_EXTRACT.response(), 128, 128);
        // prk 128 + hash_algorithm 4 + key_usage 4 + key_size 4 + info_size 4 + info[0..4096]
        assertSizes(CM_HKDF_EXPAND.request(), 128 + 4 * 4, 128 + 4 * 4 + 4096);
        assertSizes(CM_HKDF_EXPAND.response(), 128, 128);
    }

    @Test
    void importRequestByHand() {
        // key_usage 2 (AES) = 02000000, input_size 32 = 20000000, then the key 00..1f
        var request = ImportRequest.of(KeyUsage.AES, counting(0, 32));
        byte[] expected = hex("02000000 20000000" + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertArrayEquals(expected, roundTripRequest(CM_IMPORT, request));
        assertEquals(Optional.of(KeyUsage.AES), CM_IMPORT.decodeRequest(expected).usage());
    }

    @Test
    void statusAndExtractByHand() {
        assertArrayEquals(hex("03000000 00010000"), roundTripResponse(CM_STATUS, new Status(3, 256)));
        // hash_algorithm 2 (SHA-512), salt all 0xAA, ikm all 0xBB
        var extract = new HkdfExtractRequest(HashAlgorithm.SHA512.value(), cmk(0xAA), cmk(0xBB));
        assertArrayEquals(hex("02000000" + hexFill(0xAA, 128) + hexFill(0xBB, 128)), roundTripRequest(CM_HKDF_EXTRACT, extract));
        // key_type 3 (OwnerKey), info 32 x 0x01
        var stable = DeriveStableKeyRequest.of(StableKeyType.OWNER_KEY, fill(1, 32));
        assertArrayEquals(hex("03000000" + hexFill(1, 32)), roundTripRequest(CM_DERIVE_STABLE_KEY, stable));
    }

    @Test
    void kdfRequestsByHand() {
        var kdf = new HmacKdfCounterRequest(cmk(0x11), HashAlgorithm.SHA384.value(), KeyUsage.AES.value(), 32, Octets.fromHex("6c6162"));
        // kin, hash_algorithm 1, key_usage 2, key_size 32, label_size 3, "lab"
        assertArrayEquals(hex(hexFill(0x11, 128) + "01000000 02000000 20000000 03000000 6c6162"), roundTripRequest(CM_HMAC_KDF_COUNTER, kdf));
        var expand = new HkdfExpandRequest(cmk(0x22), 2, 1, 64, Octets.fromHex(""));
        assertArrayEquals(hex(hexFill(0x22, 128) + "02000000 01000000 40000000 00000000"), roundTripRequest(CM_HKDF_EXPAND, expand));
    }

    @Test
    void roundTripsAtTheEdges() {
        roundTripRequest(CM_IMPORT, new ImportRequest(1, fill(0x5A, 64)));
        roundTripRequest(CM_IMPORT, new ImportRequest(0, Octets.zeros(0)));
        roundTripRequest(CM_DELETE, cmk(0x77));
        roundTripRequest(CM_CLEAR, NoFields.INSTANCE);
        roundTripResponse(CM_CLEAR, NoFields.INSTANCE);
        roundTripResponse(CM_IMPORT, cmk(0x01));
        roundTripRequest(CM_HMAC_KDF_COUNTER, new HmacKdfCounterRequest(cmk(3), 1, 1, 48, counting(7, 4096)));
        roundTripRequest(CM_HKDF_EXPAND, new HkdfExpandRequest(cmk(4), -1, -1, -1, counting(9, 4096)));
        roundTripResponse(CM_STATUS, new Status(-1, Integer.MIN_VALUE));
    }

    @Test
    void randomBytesOfFixedLayoutsSurvive() {
        randomBytesSurvive(CM_DELETE.request(), 1);
        randomBytesSurvive(CM_IMPORT.response(), 2);
        randomBytesSurvive(CM_STATUS.response(), 3);
        randomBytesSurvive(CM_DERIVE_STABLE_KEY.request(), 4);
        randomBytesSurvive(CM_HKDF_EXTRACT.request(), 5);
        randomBytesSurvive(CM_HMAC_KDF_COUNTER.response(), 6);
        randomBytesSurvive(CM_HKDF_EXPAND.response(), 7);
    }

    @Test
    void unknownEnumValuesStayRawForTheDeviceToRefuse() {
        byte[] wire = hex("09000000 00000000");
        var request = CM_IMPORT.decodeRequest(wire);
        assertEquals(9, request.keyUsage());
        assertEquals(Optional.empty(), request.usage());
        assertArrayEquals(wire, CM_IMPORT.encodeRequest(request));
        assertEquals(Optional.empty(), CM_DERIVE_STABLE_KEY.decodeRequest(hex("00000000" + hexFill(0, 32))).stableKeyType());
        assertEquals(Optional.empty(), KeyUsage.fromValue(0));
        assertEquals(Optional.of(KeyUsage.MLKEM), KeyUsage.fromValue(5));
        assertEquals(Optional.empty(), StableKeyType.fromValue(4));
    }

    @Test
    void aPaddedImportRequestIsAccepted() {
        // The runtime copies up to sizeof(CmImportReq) into a zeroed struct, so a full 72-byte buffer is fine.
        byte[] padded = Arrays.copyOf(hex("01000000 02000000 abcd"), 72);
        assertEquals(new ImportRequest(1, Octets.fromHex("abcd")), CM_IMPORT.decodeRequest(padded));
    }

    @Test
    void truncatedRequestsFail() {
        assertSizeError("CM_DELETE request: 127 bytes, expected exactly 128; field 'cmk' at offset 0 needs 128 bytes, only 127 remain", () -> CM_DELETE.decodeRequest(new byte[127]));
        assertSizeError("CM_IMPORT request: 7 bytes, expected 8 to 72; field 'input_size' at offset 4 needs 4 bytes, only 3 remain", () -> CM_IMPORT.decodeRequest(new byte[7]));
        assertSizeError("CM_HKDF_EXTRACT request: 259 bytes, expected exactly 260; field 'ikm' at offset 132 needs 128 bytes, only 127 remain", () -> CM_HKDF_EXTRACT.decodeRequest(new byte[259]));
        // input_size says 32, only 31 bytes follow
        assertFieldError("CM_IMPORT request", "input_size", "is 32 but only 31 bytes follow",
                () -> CM_IMPORT.decodeRequest(concat(hex("02000000 20000000"), new byte[31])));
        assertFieldError("CM_HKDF_EXPAND request", "info_size", "is 5 but only 4 bytes follow",
                () -> CM_HKDF_EXPAND.decodeRequest(concat(new byte[128 + 12], le32(5), new byte[4])));
    }

    @Test
    void overLongMessagesFail() {
        assertSizeError("CM_IMPORT request: 73 bytes, expected 8 to 72", () -> CM_IMPORT.decodeRequest(new byte[73]));
        assertSizeError("CM_CLEAR request: 1 bytes, expected exactly 0", () -> CM_CLEAR.decodeRequest(new byte[1]));
        assertSizeError("CM_STATUS response: 9 bytes, expected exactly 8", () -> CM_STATUS.decodeResponse(new byte[9]));
        assertSizeError("CM_HMAC_KDF_COUNTER request: 4241 bytes, expected 144 to 4240",
                () -> CM_HMAC_KDF_COUNTER.decodeRequest(new byte[4241]));
    }

    @Test
    void overDeclaredSizesFail() {
        // 65 is beyond the 64-byte key buffer even though the message has room for it
        assertFieldError("CM_IMPORT request", "input_size", "is 65, at most 64",
                () -> CM_IMPORT.decodeRequest(concat(hex("01000000"), le32(65), new byte[64])));
        assertFieldError("CM_HMAC_KDF_COUNTER request", "label_size", "is 4294967295, at most 4096",
                () -> CM_HMAC_KDF_COUNTER.decodeRequest(concat(new byte[128 + 12], le32(0xFFFF_FFFFL))));
    }

    @Test
    void recordsRefuseWrongSizes() {
        assertArgumentError("input", () -> new ImportRequest(1, Octets.zeros(65)));
        assertArgumentError("info", () -> new DeriveStableKeyRequest(1, Octets.zeros(31)));
        assertArgumentError("label", () -> new HmacKdfCounterRequest(cmk(0), 1, 1, 1, Octets.zeros(4097)));
        assertArgumentError("cmk", () -> new Cmk(Octets.zeros(127)));
    }

    @Test
    void cmkExposesTheIssuersOuterLayout() {
        var c = new Cmk(counting(0, 128));
        assertEquals(0x0302_0100, c.domain());
        assertEquals(counting(4, 16), c.domainMetadata());
        assertEquals(counting(20, 12), c.iv());
        assertEquals(counting(32, 80), c.ciphertext());
        assertEquals(counting(112, 16), c.gcmTag());
    }
}
