package org.caliptra.util.protocol.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.cm.CmAesCommands.AesContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesOutput;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands.ImportRequest;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmRandomCommands;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mailbox.FourCc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class McCryptoCommandsTest {
    /** Every spec/device.md §4.5 row marked "= CM_*": the MC alias, its CM twin, the code and mnemonic of the table. */
    static Stream<Arguments> aliases() {
        return Stream.of(
                Arguments.of(McCryptoCommands.MC_SHA_INIT, CmHashCommands.CM_SHA_INIT, 0x4D43_5349, "MCSI"),
                Arguments.of(McCryptoCommands.MC_SHA_UPDATE, CmHashCommands.CM_SHA_UPDATE, 0x4D43_5355, "MCSU"),
                Arguments.of(McCryptoCommands.MC_SHA_FINAL, CmHashCommands.CM_SHA_FINAL, 0x4D43_5346, "MCSF"),
                Arguments.of(McCryptoCommands.MC_HMAC, CmHashCommands.CM_HMAC, 0x4D43_484D, "MCHM"),
                Arguments.of(McCryptoCommands.MC_HMAC_KDF_COUNTER, CmKeyCommands.CM_HMAC_KDF_COUNTER, 0x4D43_4B43, "MCKC"),
                Arguments.of(McCryptoCommands.MC_HKDF_EXTRACT, CmKeyCommands.CM_HKDF_EXTRACT, 0x4D43_4B54, "MCKT"),
                Arguments.of(McCryptoCommands.MC_HKDF_EXPAND, CmKeyCommands.CM_HKDF_EXPAND, 0x4D43_4B50, "MCKP"),
                Arguments.of(McCryptoCommands.MC_AES_ENCRYPT_INIT, CmAesCommands.CM_AES_ENCRYPT_INIT, 0x4D43_4349, "MCCI"),
                Arguments.of(McCryptoCommands.MC_AES_ENCRYPT_UPDATE, CmAesCommands.CM_AES_ENCRYPT_UPDATE, 0x4D43_4355, "MCCU"),
                Arguments.of(McCryptoCommands.MC_AES_DECRYPT_INIT, CmAesCommands.CM_AES_DECRYPT_INIT, 0x4D43_414A, "MCAJ"),
                Arguments.of(McCryptoCommands.MC_AES_DECRYPT_UPDATE, CmAesCommands.CM_AES_DECRYPT_UPDATE, 0x4D43_4155, "MCAU"),
                Arguments.of(McCryptoCommands.MC_AES_GCM_ENCRYPT_INIT, CmAesCommands.CM_AES_GCM_ENCRYPT_INIT, 0x4D43_4749, "MCGI"),
                Arguments.of(McCryptoCommands.MC_AES_GCM_ENCRYPT_UPDATE, CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE, 0x4D43_4755, "MCGU"),
                Arguments.of(McCryptoCommands.MC_AES_GCM_ENCRYPT_FINAL, CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL, 0x4D43_4746, "MCGF"),
                Arguments.of(McCryptoCommands.MC_AES_GCM_DECRYPT_INIT, CmAesCommands.CM_AES_GCM_DECRYPT_INIT, 0x4D43_4449, "MCDI"),
                Arguments.of(McCryptoCommands.MC_AES_GCM_DECRYPT_UPDATE, CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE, 0x4D43_4455, "MCDU"),
                Arguments.of(McCryptoCommands.MC_AES_GCM_DECRYPT_FINAL, CmAesCommands.CM_AES_GCM_DECRYPT_FINAL, 0x4D43_4446, "MCDF"),
                Arguments.of(McCryptoCommands.MC_ECDH_GENERATE, CmAsymmetricCommands.CM_ECDH_GENERATE, 0x4D43_4547, "MCEG"),
                Arguments.of(McCryptoCommands.MC_ECDH_FINISH, CmAsymmetricCommands.CM_ECDH_FINISH, 0x4D43_4546, "MCEF"),
                Arguments.of(McCryptoCommands.MC_ECDSA_CMK_PUBLIC_KEY, CmAsymmetricCommands.CM_ECDSA_PUBLIC_KEY, 0x4D43_4550, "MCEP"),
                Arguments.of(McCryptoCommands.MC_ECDSA_CMK_SIGN, CmAsymmetricCommands.CM_ECDSA_SIGN, 0x4D43_4553, "MCES"),
                Arguments.of(McCryptoCommands.MC_ECDSA_CMK_VERIFY, CmAsymmetricCommands.CM_ECDSA_VERIFY, 0x4D43_4556, "MCEV"),
                Arguments.of(McCryptoCommands.MC_MLDSA_CMK_PUBLIC_KEY, CmAsymmetricCommands.CM_MLDSA_PUBLIC_KEY, 0x4D4D_4C50, "MMLP"),
                Arguments.of(McCryptoCommands.MC_MLDSA_CMK_SIGN, CmAsymmetricCommands.CM_MLDSA_SIGN, 0x4D4D_4C53, "MMLS"),
                Arguments.of(McCryptoCommands.MC_MLDSA_CMK_VERIFY, CmAsymmetricCommands.CM_MLDSA_VERIFY, 0x4D4D_4C56, "MMLV"),
                Arguments.of(McCryptoCommands.MC_RANDOM_STIR, CmRandomCommands.CM_RANDOM_STIR, 0x4D43_5253, "MCRS"),
                Arguments.of(McCryptoCommands.MC_RANDOM_GENERATE, CmRandomCommands.CM_RANDOM_GENERATE, 0x4D43_5247, "MCRG"),
                Arguments.of(McCryptoCommands.MC_IMPORT, CmKeyCommands.CM_IMPORT, 0x4D43_494D, "MCIM"),
                Arguments.of(McCryptoCommands.MC_DELETE, CmKeyCommands.CM_DELETE, 0x4D43_444C, "MCDL"),
                Arguments.of(McCryptoCommands.MC_CM_STATUS, CmKeyCommands.CM_STATUS, 0x4D43_5354, "MCST"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("aliases")
    void aliasUsesTheMcCodeAndItsTwinsLayouts(CommandCodec<?, ?> mc, CommandCodec<?, ?> cm, int code, String ascii) {
        assertEquals(code, mc.code());
        assertEquals(ascii, FourCc.toAscii(mc.code()));
        assertTrue(mc.name().startsWith("MC_"), mc.name());
        assertTrue(cm.name().startsWith("CM_"), cm.name());
        assertSame(cm.request(), mc.request());
        assertSame(cm.response(), mc.response());
        assertEquals(mc.command(), McCommand.fromCode(code).orElseThrow());
    }

    @Test
    void allListsEveryAliasOnce() {
        List<Object> expected = aliases().map(a -> a.get()[0]).toList();
        assertEquals(30, expected.size());
        assertEquals(expected, List.copyOf(McCryptoCommands.ALL));
        var codes = new HashSet<Integer>();
        McCryptoCommands.ALL.forEach(c -> assertTrue(codes.add(c.code()), c.name()));
    }

    @Test
    void theWireBytesAreTheTwinsBytes() {
        var request = ImportRequest.of(KeyUsage.ECDSA, Octets.zeros(48));
        byte[] wire = McCryptoCommands.MC_IMPORT.encodeRequest(request);
        assertArrayEquals(CmKeyCommands.CM_IMPORT.encodeRequest(request), wire);
        assertEquals(request, CmKeyCommands.CM_IMPORT.decodeRequest(wire));
        // MC_AES_DECRYPT_INIT answers CM_AES_DECRYPT_INIT's context, output_size, output: no IV
        var output = new AesOutput(new AesContext(Octets.zeros(156)), Octets.fromHex("0102"));
        assertEquals(156 + 4 + 2, McCryptoCommands.MC_AES_DECRYPT_INIT.encodeResponse(output).length);
    }

    @Test
    void errorsNameTheMcCommand() {
        var e = assertThrows(ProtocolException.class,
                () -> McCryptoCommands.MC_DELETE.decodeRequest(new byte[127]));
        assertEquals("MC_DELETE request: 127 bytes, expected exactly 128; field 'cmk' at offset 0 needs 128 bytes, only 127 remain", e.getMessage());
    }
}
