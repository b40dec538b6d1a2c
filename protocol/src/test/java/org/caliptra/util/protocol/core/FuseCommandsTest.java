package org.caliptra.util.protocol.core;

import static org.caliptra.util.protocol.codec.CodecChecks.assertMessage;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsResponse;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongRequestSizes;
import static org.caliptra.util.protocol.core.FuseCommands.FE_PROG;
import static org.caliptra.util.protocol.core.FuseCommands.ZEROIZE_UDS_FE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.caliptra.util.protocol.core.FuseCommands.FeProgRequest;
import org.caliptra.util.protocol.core.FuseCommands.ZeroizeUdsFeRequest;
import org.caliptra.util.protocol.core.FuseCommands.ZeroizeUdsFeResponse;
import org.junit.jupiter.api.Test;

class FuseCommandsTest {
    @Test
    void sizesFollowTheSpecLayouts() {
        // partition:u32; H only.
        assertSizes(FE_PROG.request(), 4, 4);
        assertSizes(FE_PROG.response(), 0, 0);
        // flags:u32 / dpe_result:u32 after the full header.
        assertSizes(ZEROIZE_UDS_FE.request(), 4, 4);
        assertSizes(ZEROIZE_UDS_FE.response(), 4, 4);
        assertEquals(0x4645_5052, FE_PROG.code());
        assertEquals(0x5A45_5546, ZEROIZE_UDS_FE.code());
        // The runtime restricts FE_PROG to PL0 (runtime/src/fe_programming.rs).
        assertTrue(CaliptraCommand.FE_PROG.pl0Only());
    }

    @Test
    void handVectors() {
        assertArrayEquals(new Wire().hex("03000000").bytes(), FE_PROG.encodeRequest(new FeProgRequest(3)));
        var zeroize = new ZeroizeUdsFeRequest(ZeroizeUdsFeRequest.UDS | ZeroizeUdsFeRequest.FE2);
        assertArrayEquals(new Wire().hex("09000000").bytes(), ZEROIZE_UDS_FE.encodeRequest(zeroize));
        assertEquals(zeroize, ZEROIZE_UDS_FE.decodeRequest(new Wire().hex("09000000").bytes()));
        assertEquals(new ZeroizeUdsFeResponse(0), ZEROIZE_UDS_FE.decodeResponse(new byte[4]));
        assertEquals(0x1F, ZeroizeUdsFeRequest.UDS | ZeroizeUdsFeRequest.FE0 | ZeroizeUdsFeRequest.FE1 | ZeroizeUdsFeRequest.FE2
                | ZeroizeUdsFeRequest.FE3);
    }

    @Test
    void randomBytesAndWrongSizes() {
        randomBytesSurvive(FE_PROG.request(), 70);
        randomBytesSurvive(ZEROIZE_UDS_FE.request(), 71);
        randomBytesSurvive(ZEROIZE_UDS_FE.response(), 72);
        assertMessage(rejectsRequest(FE_PROG, new byte[3]), "FE_PROG request: 3 bytes, expected exactly 4; field 'partition' at offset 0 needs 4 bytes, only 3 remain");
        rejectsWrongRequestSizes(ZEROIZE_UDS_FE, new byte[4]);
        assertMessage(rejectsResponse(ZEROIZE_UDS_FE, new byte[0]), "ZEROIZE_UDS_FE response: 0 bytes, expected exactly 4; field 'dpe_result' at offset 0 needs 4 bytes, only 0 remain");
        rejectsResponse(FE_PROG, new byte[4]);
    }
}
