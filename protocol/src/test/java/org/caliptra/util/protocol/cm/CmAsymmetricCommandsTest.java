package org.caliptra.util.protocol.cm;

import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_ECDH_FINISH;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_ECDH_GENERATE;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_ECDSA_SIGN;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_ECDSA_VERIFY;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_MLDSA_SIGN;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_MLDSA_VERIFY;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_MLKEM_DECAPSULATE;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_MLKEM_ENCAPSULATE;
import static org.caliptra.util.protocol.cm.CmAsymmetricCommands.CM_MLKEM_KEY_GEN;
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
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.DecapsulateRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EccPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhContext;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhFinishRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhGenerateResponse;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaVerifyRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EncapsulateRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EncapsulateResponse;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EncapsulationKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaVerifyRequest;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.SignRequest;
import org.caliptra.util.protocol.codec.NoFields;
import org.junit.jupiter.api.Test;

class CmAsymmetricCommandsTest {
    @Test
    void sizesFollowTheLayouts() {
        assertSizes(CM_ECDH_GENERATE.request(), 0, 0);
        // context 76 + exchange_data 96
        assertSizes(CM_ECDH_GENERATE.response(), 76 + 96, 76 + 96);
        // context 76 + key_usage 4 + incoming_exchange_data 96
        assertSizes(CM_ECDH_FINISH.request(), 76 + 4 + 96, 76 + 4 + 96);
        assertSizes(CM_ECDH_FINISH.response(), 128, 128);
        assertSizes(CM_ECDSA_PUBLIC_KEY.request(), 128, 128);
        // public_key_x 48 + public_key_y 48
        assertSizes(CM_ECDSA_PUBLIC_KEY.response(), 48 + 48, 48 + 48);
        // cmk 128 + message_size 4 + message[0..4096]
        assertSizes(CM_ECDSA_SIGN.request(), 128 + 4, 128 + 4 + 4096);
        assertSizes(CM_ECDSA_SIGN.response(), 48 + 48, 48 + 48);
        // cmk 128 + signature_r 48 + signature_s 48 + message_size 4 + message[0..4096]
        assertSizes(CM_ECDSA_VERIFY.request(), 128 + 48 + 48 + 4, 128 + 48 + 48 + 4 + 4096);
        assertSizes(CM_ECDSA_VERIFY.response(), 0, 0);
        assertSizes(CM_MLDSA_PUBLIC_KEY.request(), 128, 128);
        assertSizes(CM_MLDSA_PUBLIC_KEY.response(), 2592, 2592);
        assertSizes(CM_MLDSA_SIGN.request(), 128 + 4, 128 + 4 + 4096);
        // 4627-byte signature + 1 padding byte
        assertSizes(CM_MLDSA_SIGN.response(), 4627 + 1, 4627 + 1);
        // cmk 128 + signature 4628 + message_size 4 + message[0..4096]
        assertSizes(CM_MLDSA_VERIFY.request(), 128 + 4628 + 4, 128 + 4628 + 4 + 4096);
        assertSizes(CM_MLDSA_VERIFY.response(), 0, 0);
        assertSizes(CM_MLKEM_KEY_GEN.request(), 128, 128);
        assertSizes(CM_MLKEM_KEY_GEN.response(), 1568, 1568);
        // key_usage 4 + encaps_key 1568; ciphertext 1568 + shared_key 128
        assertSizes(CM_MLKEM_ENCAPSULATE.request(), 4 + 1568, 4 + 1568);
        assertSizes(CM_MLKEM_ENCAPSULATE.response(), 1568 + 128, 1568 + 128);
        // key_usage 4 + cmk 128 + ciphertext 1568
        assertSizes(CM_MLKEM_DECAPSULATE.request(), 4 + 128 + 1568, 4 + 128 + 1568);
        assertSizes(CM_MLKEM_DECAPSULATE.response(), 128, 128);
    }

    @Test
    void ecdhByHand() {
        var finish = EcdhFinishRequest.of(new EcdhContext(fill(0xEC, 76)), KeyUsage.HMAC, counting(0, 96));
        StringBuilder point = new StringBuilder();
        for (int i = 0; i < 96; i++) {
            point.append(String.format("%02x", i));
        }
        // context, key_usage 1 (HMAC), X ‖ Y
        assertArrayEquals(hex(hexFill(0xEC, 76) + "01000000" + point), roundTripRequest(CM_ECDH_FINISH, finish));
        assertEquals(Optional.of(KeyUsage.HMAC), CM_ECDH_FINISH.decodeRequest(hex(hexFill(0xEC, 76) + "01000000" + point)).usage());
        var generated = new EcdhGenerateResponse(new EcdhContext(fill(1, 76)), fill(2, 96));
        assertArrayEquals(hex(hexFill(1, 76) + hexFill(2, 96)), roundTripResponse(CM_ECDH_GENERATE, generated));
    }

    @Test
    void ecdsaAndMlkemByHand() {
        var verify = new EcdsaVerifyRequest(cmk(0xE5), new EcdsaSignature(fill(0x0A, 48), fill(0x0B, 48)), Octets.fromHex("6d7367"));
        // cmk, r, s, message_size 3, "msg"
        assertArrayEquals(hex(hexFill(0xE5, 128) + hexFill(0x0A, 48) + hexFill(0x0B, 48) + "03000000 6d7367"), roundTripRequest(CM_ECDSA_VERIFY, verify));
        assertArrayEquals(hex(hexFill(0x58, 48) + hexFill(0x59, 48)), roundTripResponse(CM_ECDSA_PUBLIC_KEY, new EccPublicKey(fill(0x58, 48), fill(0x59, 48))));
        var encapsulate = EncapsulateRequest.of(KeyUsage.AES, new EncapsulationKey(fill(0xEE, 1568)));
        assertArrayEquals(hex("02000000" + hexFill(0xEE, 1568)), roundTripRequest(CM_MLKEM_ENCAPSULATE, encapsulate));
        var encapsulated = new EncapsulateResponse(fill(0xC7, 1568), cmk(0x5C));
        assertArrayEquals(hex(hexFill(0xC7, 1568) + hexFill(0x5C, 128)), roundTripResponse(CM_MLKEM_ENCAPSULATE, encapsulated));
        var decapsulate = DecapsulateRequest.of(KeyUsage.HMAC, cmk(0x5D), fill(0xC7, 1568));
        assertArrayEquals(hex("01000000" + hexFill(0x5D, 128) + hexFill(0xC7, 1568)), roundTripRequest(CM_MLKEM_DECAPSULATE, decapsulate));
    }

    @Test
    void mldsaSignatureCarriesItsPaddingByte() {
        var signature = MldsaSignature.of(fill(0x51, 4627));
        // the 4627 signature bytes, then one zero byte
        assertArrayEquals(hex(hexFill(0x51, 4627) + "00"), roundTripResponse(CM_MLDSA_SIGN, signature));
        assertEquals(fill(0x51, 4627), signature.signature());
        // a device that leaves something in the padding byte is reproduced exactly
        var odd = new MldsaSignature(Octets.of(hex(hexFill(0x51, 4627) + "ff")));
        assertArrayEquals(hex(hexFill(0x51, 4627) + "ff"), roundTripResponse(CM_MLDSA_SIGN, odd));
        var verify = new MldsaVerifyRequest(cmk(0x4D), signature, Octets.fromHex("01"));
        assertArrayEquals(hex(hexFill(0x4D, 128) + hexFill(0x51, 4627) + "00" + "01000000 01"), roundTripRequest(CM_MLDSA_VERIFY, verify));
    }

    @Test
    void roundTripsAtTheEdges() {
        roundTripRequest(CM_ECDH_GENERATE, NoFields.INSTANCE);
        roundTripRequest(CM_ECDSA_SIGN, new SignRequest(cmk(1), counting(0, 4096)));
        roundTripRequest(CM_MLDSA_SIGN, new SignRequest(cmk(2), Octets.zeros(0)));
        roundTripRequest(CM_MLDSA_VERIFY, new MldsaVerifyRequest(cmk(3), new MldsaSignature(counting(0, 4628)), counting(1, 4096)));
        roundTripRequest(CM_ECDSA_VERIFY, new EcdsaVerifyRequest(cmk(4), new EcdsaSignature(counting(0, 48), counting(48, 48)),
                counting(2, 4096)));
        roundTripResponse(CM_MLDSA_PUBLIC_KEY, new MldsaPublicKey(counting(0, 2592)));
        roundTripResponse(CM_MLKEM_KEY_GEN, new EncapsulationKey(counting(3, 1568)));
        roundTripRequest(CM_MLKEM_KEY_GEN, cmk(9));
        roundTripResponse(CM_MLKEM_DECAPSULATE, cmk(10));
    }

    @Test
    void randomBytesOfFixedLayoutsSurvive() {
        randomBytesSurvive(CM_ECDH_GENERATE.response(), 41);
        randomBytesSurvive(CM_ECDH_FINISH.request(), 42);
        randomBytesSurvive(CM_ECDH_FINISH.response(), 43);
        randomBytesSurvive(CM_ECDSA_PUBLIC_KEY.response(), 44);
        randomBytesSurvive(CM_ECDSA_SIGN.response(), 45);
        randomBytesSurvive(CM_MLDSA_PUBLIC_KEY.response(), 46);
        randomBytesSurvive(CM_MLDSA_SIGN.response(), 47);
        randomBytesSurvive(CM_MLKEM_KEY_GEN.response(), 48);
        randomBytesSurvive(CM_MLKEM_ENCAPSULATE.request(), 49);
        randomBytesSurvive(CM_MLKEM_ENCAPSULATE.response(), 50);
        randomBytesSurvive(CM_MLKEM_DECAPSULATE.request(), 51);
    }

    @Test
    void reservedKeyUsageStaysRaw() {
        var request = CM_MLKEM_DECAPSULATE.decodeRequest(concat(le32(0), new byte[128 + 1568]));
        assertEquals(0, request.keyUsage());
        assertEquals(Optional.empty(), request.usage());
    }

    @Test
    void aFullBufferSignRequestIsAccepted() {
        byte[] whole = Arrays.copyOf(concat(new byte[128], hex("02000000 abcd")), 128 + 4 + 4096);
        assertEquals(new SignRequest(cmk(0), Octets.fromHex("abcd")), CM_ECDSA_SIGN.decodeRequest(whole));
    }

    @Test
    void truncatedMessagesFail() {
        assertSizeError("CM_ECDH_FINISH request: 175 bytes, expected exactly 176; field 'incoming_exchange_data' at offset 80 needs 96 bytes, only 95 remain", () -> CM_ECDH_FINISH.decodeRequest(new byte[175]));
        assertSizeError("CM_MLDSA_SIGN response: 4627 bytes, expected exactly 4628; field 'signature' at offset 0 needs 4628 bytes, only 4627 remain", () -> CM_MLDSA_SIGN.decodeResponse(new byte[4627]));
        assertSizeError("CM_MLDSA_VERIFY request: 4759 bytes, expected 4760 to 8856; field 'message_size' at offset 4756 needs 4 bytes, only 3 remain", () -> CM_MLDSA_VERIFY.decodeRequest(new byte[4759]));
        assertFieldError("CM_ECDSA_VERIFY request", "message_size", "is 48 but only 47 bytes follow",
                () -> CM_ECDSA_VERIFY.decodeRequest(concat(new byte[128 + 96], le32(48), new byte[47])));
    }

    @Test
    void overLongMessagesFail() {
        assertSizeError("CM_ECDH_GENERATE request: 4 bytes, expected exactly 0", () -> CM_ECDH_GENERATE.decodeRequest(new byte[4]));
        assertSizeError("CM_MLKEM_ENCAPSULATE response: 1697 bytes, expected exactly 1696",
                () -> CM_MLKEM_ENCAPSULATE.decodeResponse(new byte[1697]));
        assertSizeError("CM_ECDSA_SIGN request: 4229 bytes, expected 132 to 4228", () -> CM_ECDSA_SIGN.decodeRequest(new byte[4229]));
    }

    @Test
    void overDeclaredSizesFail() {
        assertFieldError("CM_MLDSA_SIGN request", "message_size", "is 4097, at most 4096",
                () -> CM_MLDSA_SIGN.decodeRequest(concat(new byte[128], le32(4097), new byte[4096])));
        assertFieldError("CM_MLDSA_VERIFY request", "message_size", "is 10 but only 9 bytes follow",
                () -> CM_MLDSA_VERIFY.decodeRequest(concat(new byte[128 + 4628], le32(10), new byte[9])));
    }

    @Test
    void recordsRefuseWrongSizes() {
        assertArgumentError("context", () -> new EcdhContext(Octets.zeros(48)));
        assertArgumentError("incoming_exchange_data", () -> new EcdhFinishRequest(new EcdhContext(Octets.zeros(76)), 1, Octets.zeros(97)));
        assertArgumentError("public_key_y", () -> new EccPublicKey(Octets.zeros(48), Octets.zeros(47)));
        assertArgumentError("signature_r", () -> new EcdsaSignature(Octets.zeros(32), Octets.zeros(48)));
        assertArgumentError("signature", () -> MldsaSignature.of(Octets.zeros(4628)));
        assertArgumentError("signature", () -> new MldsaSignature(Octets.zeros(4627)));
        assertArgumentError("public_key", () -> new MldsaPublicKey(Octets.zeros(2591)));
        assertArgumentError("encaps_key", () -> new EncapsulationKey(Octets.zeros(800)));
        assertArgumentError("ciphertext", () -> new DecapsulateRequest(1, cmk(0), Octets.zeros(1088)));
        assertArgumentError("message", () -> new SignRequest(cmk(0), Octets.zeros(4097)));
    }
}
