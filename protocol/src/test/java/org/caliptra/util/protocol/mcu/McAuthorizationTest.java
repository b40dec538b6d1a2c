package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.mcu.McTesting.assertInvalid;
import static org.caliptra.util.protocol.mcu.McTesting.assertProtocolError;
import static org.caliptra.util.protocol.mcu.McTesting.filled;
import static org.caliptra.util.protocol.mcu.McTesting.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McAuthorization.Trailer;
import org.caliptra.util.protocol.mcu.McFuseCommands.PartitionRequest;
import org.junit.jupiter.api.Test;

class McAuthorizationTest {
    /** Every field filled with its own byte, 1 to 7 in wire order. */
    static Trailer markedTrailer() {
        return new Trailer(filled(48, 1), filled(48, 2), filled(48, 3), filled(2592, 4),
                new HybridSignature(filled(48, 5), filled(48, 6), filled(4628, 7)));
    }

    @Test
    void trailerSizes() {
        assertEquals(48 + 48 + 4628, HybridSignature.SIZE);
        assertEquals(48 + 48 + 48 + 2592 + HybridSignature.SIZE, Trailer.SIZE);
        assertEquals(7460, Trailer.SIZE);
    }

    @Test
    void trailerFollowsTheFieldsInSpecOrder() {
        byte[] wire = McFuseCommands.MC_FE_PROG.encodeRequest(Authorized.signed(new PartitionRequest(9), markedTrailer()));
        assertEquals(4 + 7460, wire.length); // hostlib's FeProg: partition, T = 7464
        assertArrayEquals(hex("09000000"), Arrays.copyOf(wire, 4));
        int[] starts = {4, 4 + 48, 4 + 96, 4 + 144, 4 + 144 + 2592, 4 + 144 + 2592 + 48, 4 + 144 + 2592 + 96};
        for (int i = 0; i < starts.length; i++) {
            assertEquals(i + 1, wire[starts[i]], "field " + (i + 1));
            assertEquals(i, wire[starts[i] - 1], "byte before field " + (i + 1)); // the previous field's last byte
        }
        assertEquals(7, wire[wire.length - 1]);
        Authorized<PartitionRequest> back = McFuseCommands.MC_FE_PROG.decodeRequest(wire);
        assertEquals(Optional.of(markedTrailer()), back.authorization());
        assertEquals(new PartitionRequest(9), back.command());
    }

    @Test
    void preImageIsTheBigEndianCodeTheFieldsAndTheNonce() {
        // MCFP = 0x4D434650, sent big-endian here, then partition 1 little-endian, then the nonce.
        byte[] pre = McAuthorization.preImage(McFuseCommands.MC_FE_PROG, new PartitionRequest(1), filled(48, 0xAA));
        assertArrayEquals(hex("4D434650 01000000" + "AA".repeat(48)), pre);
        assertInvalid(() -> McAuthorization.preImage(McFuseCommands.MC_FE_PROG, new PartitionRequest(1), Octets.zeros(32)), "nonce");
    }

    @Test
    void aTrailerOfAnyOtherSizeIsRefused() {
        byte[] wire = McFuseCommands.MC_FE_PROG.encodeRequest(Authorized.signed(new PartitionRequest(9), markedTrailer()));
        assertProtocolError(() -> McFuseCommands.MC_FE_PROG.decodeRequest(Arrays.copyOf(wire, wire.length - 1)),
                "MC_FE_PROG request", "field 'authorization' at offset 4 is 7459 bytes");
        assertProtocolError(() -> McFuseCommands.MC_FE_PROG.decodeRequest(Arrays.copyOf(wire, 4 + 48)),
                "MC_FE_PROG request", "field 'authorization' at offset 4 is 48 bytes");
        assertProtocolError(() -> McFuseCommands.MC_FE_PROG.decodeRequest(Arrays.copyOf(wire, wire.length + 1)),
                "MC_FE_PROG request: 7465 bytes, expected 4 to 7464");
    }

    @Test
    void fieldSizesAreChecked() {
        assertInvalid(() -> new Trailer(filled(47, 0), filled(48, 0), filled(48, 0), filled(2592, 0),
                new HybridSignature(filled(48, 0), filled(48, 0), filled(4628, 0))), "nonce");
        assertInvalid(() -> new Trailer(filled(48, 0), filled(48, 0), filled(48, 0), filled(2591, 0),
                new HybridSignature(filled(48, 0), filled(48, 0), filled(4628, 0))), "mldsa_pub");
        assertInvalid(() -> new HybridSignature(filled(48, 0), filled(49, 0), filled(4628, 0)), "ecc_sig_s");
        assertThrows(IllegalArgumentException.class,
                () -> McAuthorization.authorized(Codec.variable(0, 4, (Object v, FieldWriter out) -> { },
                        in -> null)));
    }
}
