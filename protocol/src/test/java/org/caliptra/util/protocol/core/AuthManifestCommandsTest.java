package org.caliptra.util.protocol.core;

import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.core.AuthManifestCommands.AuthorizeAndStashRequest;
import org.caliptra.util.protocol.core.AuthManifestCommands.AuthorizeAndStashResponse;
import org.caliptra.util.protocol.core.AuthManifestCommands.ManifestRequest;
import org.junit.jupiter.api.Test;

/** SET_AUTH_MANIFEST and AUTHORIZE_AND_STASH against spec/formats.md §3.4 (offsets there include the checksum). */
class AuthManifestCommandsTest {
    @Test
    void authorizeAndStashOffsetsAreTheSpecs() {
        var request = new AuthorizeAndStashRequest(0x0A, counting(0x40, 48), counting(0x80, 48), 7, 1, 1, 0x1234);
        byte[] v2 = AuthManifestCommands.AUTHORIZE_AND_STASH_V2.encodeRequest(request);
        assertEquals(120 - 4, v2.length);
        // +4 fw_id, +8 measurement, +56 context, +104 svn, +108 flags, +112 source, +116 image_size (minus the checksum).
        assertArrayEquals(hex("0A000000"), java.util.Arrays.copyOfRange(v2, 0, 4));
        assertEquals(0x40, v2[4]);
        assertEquals((byte) 0x80, v2[52]);
        assertArrayEquals(hex("07000000 01000000 01000000 34120000"), java.util.Arrays.copyOfRange(v2, 100, 116));
        assertEquals(request, AuthManifestCommands.AUTHORIZE_AND_STASH_V2.decodeRequest(v2));
        byte[] v1 = AuthManifestCommands.authorizeAndStash(Generation.V1).encodeRequest(request);
        assertEquals(116 - 4, v1.length, "1.x has no image_size");
        assertEquals(0, AuthManifestCommands.AUTHORIZE_AND_STASH_V1.decodeRequest(v1).imageSize());
    }

    @Test
    void theResultCodesAreTheSpecs() {
        assertEquals(Optional.of(AuthResult.IMAGE_AUTHORIZED),
                AuthManifestCommands.AUTHORIZE_AND_STASH_V1.decodeResponse(hex("DEC0ADDE")).result());
        assertEquals(Optional.of(AuthResult.IMAGE_HASH_MISMATCH), new AuthorizeAndStashResponse(0x8BFB_95CB).result());
        assertEquals(Optional.of(AuthResult.IMAGE_NOT_AUTHORIZED), new AuthorizeAndStashResponse(0x2152_3F21).result());
        assertEquals(Optional.of(AuthResult.IMAGE_AUTHORIZED_OWNER_ONLY), new AuthorizeAndStashResponse(0xC0DE_DEAD).result());
        assertEquals(Optional.empty(), new AuthorizeAndStashResponse(0).result());
    }

    @Test
    void aManifestRequestCarriesItsSizeAndMayBePadded() {
        var codec = AuthManifestCommands.setAuthManifest(Generation.V1);
        assertArrayEquals(hex("03000000 AABBCC"), codec.encodeRequest(new ManifestRequest(Octets.fromHex("AABBCC"))));
        assertEquals(new ManifestRequest(Octets.fromHex("AABBCC")), codec.decodeRequest(hex("03000000 AABBCC 0000000000")),
                "libcaliptra sends the whole buffer: the rest is padding");
        var over = assertThrows(ProtocolException.class, () -> codec.decodeRequest(hex("04000000 AABBCC")));
        assertEquals("SET_AUTH_MANIFEST request: field 'manifest_size' at offset 0 is 4 but only 3 bytes follow", over.getMessage());
        assertEquals(4 + 16 * 1024, codec.request().maxSize(), "the AST2700 runtime's 16 KiB (upstream 1.x stops at 14 KiB)");
        assertEquals(4 + 34 * 1024, AuthManifestCommands.setAuthManifest(Generation.V2).request().maxSize());
    }
}
