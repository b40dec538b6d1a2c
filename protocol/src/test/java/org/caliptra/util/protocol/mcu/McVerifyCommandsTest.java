package org.caliptra.util.protocol.mcu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384SignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384VerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands;
import org.junit.jupiter.api.Test;

class McVerifyCommandsTest {
    private static Octets fill(int value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return Octets.of(b);
    }

    @Test
    void reuseTheCoreLayoutsUnderMcuCodes() {
        assertEquals(0x4D45_4356, McVerifyCommands.MC_ECDSA384_SIG_VERIFY.code());
        assertEquals(0x4D4C_4D56, McVerifyCommands.MC_LMS_SIG_VERIFY.code());
        assertSame(SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY.request(), McVerifyCommands.MC_ECDSA384_SIG_VERIFY.request());
        assertSame(SignatureVerifyCommands.LMS_SIGNATURE_VERIFY.request(), McVerifyCommands.MC_LMS_SIG_VERIFY.request());
        // ECV2 is 244 bytes with its checksum; LMV2 1720.
        assertEquals(244 - 4, McVerifyCommands.MC_ECDSA384_SIG_VERIFY.request().minSize());
        assertEquals(1720 - 4, McVerifyCommands.MC_LMS_SIG_VERIFY.request().maxSize());
        assertEquals(0, McVerifyCommands.MC_LMS_SIG_VERIFY.response().maxSize());
    }

    @Test
    void errorsNameTheMcuCommand() {
        var request = new Ecdsa384SignatureVerifyRequest(new Ecdsa384VerifyRequest(fill(1, 48), fill(2, 48), fill(3, 48),
                fill(4, 48)), fill(5, 48));
        byte[] bytes = McVerifyCommands.MC_ECDSA384_SIG_VERIFY.encodeRequest(request);
        assertArrayEquals(SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY.encodeRequest(request), bytes);
        var e = assertThrows(ProtocolException.class,
                () -> McVerifyCommands.MC_ECDSA384_SIG_VERIFY.decodeRequest(Arrays.copyOf(bytes, 200)));
        assertEquals("MC_ECDSA384_SIG_VERIFY request: 200 bytes, expected exactly 240; field 'hash' at offset 192 needs 48 bytes, only 8 remain", e.getMessage());
    }
}
