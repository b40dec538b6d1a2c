package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
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
        return new Trailer(fill(1, 48), fill(2, 48), fill(3, 48), fill(4, 2592),
                new HybridSignature(fill(5, 48), fill(6, 48), fill(7, 4628)));
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
        byte[] pre = McAuthorization.preImage(McFuseCommands.MC_FE_PROG, new PartitionRequest(1), fill(0xAA, 48));
        assertArrayEquals(hex("4D434650 01000000" + "AA".repeat(48)), pre);
        assertArgumentError("nonce", () -> McAuthorization.preImage(McFuseCommands.MC_FE_PROG, new PartitionRequest(1), Octets.zeros(32)));
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
        assertArgumentError("nonce", () -> new Trailer(fill(0, 47), fill(0, 48), fill(0, 48), fill(0, 2592),
                new HybridSignature(fill(0, 48), fill(0, 48), fill(0, 4628))));
        assertArgumentError("mldsa_pub", () -> new Trailer(fill(0, 48), fill(0, 48), fill(0, 48), fill(0, 2591),
                new HybridSignature(fill(0, 48), fill(0, 48), fill(0, 4628))));
        assertArgumentError("ecc_sig_s", () -> new HybridSignature(fill(0, 48), fill(0, 49), fill(0, 4628)));
        assertThrows(IllegalArgumentException.class,
                () -> McAuthorization.authorized(Codec.variable(0, 4, (Object v, FieldWriter out) -> { },
                        in -> null)));
    }
}
