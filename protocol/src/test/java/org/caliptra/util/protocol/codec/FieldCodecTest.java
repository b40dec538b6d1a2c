package org.caliptra.util.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** The codec framework on a small made-up message: little-endian fields, exact sizes, named errors. */
class FieldCodecTest {
    record Sample(int a, int b, Octets digest) {}

    static final Codec<Sample> SAMPLE = Codec.fixed(2 + 4 + 8, (v, out) -> out.u16(v.a()).u32(v.b()).hwWords(v.digest()),
            in -> new Sample(in.u16("a"), in.u32("b"), in.hwWords("digest", 8)));

    @Test
    void fieldsAreLittleEndianAndWordFieldsAreByteReversedPerWord() {
        byte[] bytes = SAMPLE.encode(new Sample(0x1234, 0xA1B2_C3D4, Octets.fromHex("0001020304050607")));
        assertArrayEquals(CodecChecks.hex("3412 D4C3B2A1 03020100 07060504"), bytes);
        assertEquals(new Sample(0x1234, 0xA1B2_C3D4, Octets.fromHex("0001020304050607")), SAMPLE.decode(bytes, "SAMPLE"));
    }

    @Test
    void aShortMessageNamesTheFieldItRunsOutIn() {
        var e = assertThrows(ProtocolException.class, () -> SAMPLE.decode(new byte[7], "SAMPLE request"));
        assertEquals("SAMPLE request: 7 bytes, expected exactly 14; field 'digest' at offset 6 needs 8 bytes, only 1 remain",
                e.getMessage());
        var none = assertThrows(ProtocolException.class, () -> SAMPLE.decode(new byte[0], "SAMPLE request"));
        assertEquals("SAMPLE request: 0 bytes, expected exactly 14; field 'a' at offset 0 needs 2 bytes, only 0 remain",
                none.getMessage());
    }

    @Test
    void aLongMessageIsRefusedWholeAndLeftoversAreNamed() {
        assertEquals("SAMPLE response: 15 bytes, expected exactly 14",
                assertThrows(ProtocolException.class, () -> SAMPLE.decode(new byte[15], "SAMPLE response")).getMessage());
        Codec<Integer> loose = Codec.variable(4, 8, (v, out) -> out.u32(v), in -> in.u32("x"));
        assertEquals("LOOSE: 2 unexpected bytes after the last field at offset 4",
                assertThrows(ProtocolException.class, () -> loose.decode(new byte[6], "LOOSE")).getMessage());
    }

    @Test
    void sizedFieldsAreBoundedByTheirMaximumAndByWhatFollows() {
        Codec<Octets> sized = Codec.variable(4, 4 + 16, (v, out) -> out.sized(v), in -> in.sized("data_size", "data", 16));
        assertEquals(Octets.fromHex("AABB"), sized.decode(CodecChecks.hex("02000000 AABB"), "S"));
        assertEquals("S: field 'data_size' at offset 0 is 17, at most 16",
                assertThrows(ProtocolException.class, () -> sized.decode(CodecChecks.hex("11000000 AABB"), "S")).getMessage());
        assertThrows(ProtocolException.class, () -> sized.decode(CodecChecks.hex("03000000 AABB"), "S"));
    }

    @Test
    void anEncodingOutsideTheCodecsSizesIsAProgrammingError() {
        Codec<Octets> wrong = Codec.fixed(4, (v, out) -> out.bytes(v), in -> in.bytes("x", 4));
        assertThrows(IllegalStateException.class, () -> wrong.encode(Octets.zeros(5)));
    }
}
