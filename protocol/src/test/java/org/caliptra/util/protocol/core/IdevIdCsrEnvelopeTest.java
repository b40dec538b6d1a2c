package org.caliptra.util.protocol.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** The 2.x CSR envelope's layout (spec/device.md §3.5) both ways, and each refusal naming its field. */
class IdevIdCsrEnvelopeTest {
    private static final Octets ECC = Octets.fromHex("3081aa".repeat(10));
    private static final Octets MLDSA = Octets.fromHex("3082".repeat(300));
    private static final Octets MAC = Octets.fromHex("ab".repeat(64));

    @Test
    void fieldsSitWhereTheSpecPutsThem() {
        byte[] bytes = new IdevIdCsrEnvelope(ECC, MLDSA, MAC).encode();
        var b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(8784, bytes.length);
        assertEquals(0x0043_5352, b.getInt(0));
        assertEquals(8784, b.getInt(4));
        assertEquals(30, b.getInt(8));
        assertEquals(0x30, bytes[12]);
        assertEquals(600, b.getInt(524));
        assertEquals(0x30, bytes[528]);
        assertEquals((byte) 0xab, bytes[8720]);
        assertEquals(new IdevIdCsrEnvelope(ECC, MLDSA, MAC), IdevIdCsrEnvelope.decode(bytes));
        assertArrayEquals(java.util.Arrays.copyOf(bytes, 8720), new IdevIdCsrEnvelope(ECC, MLDSA, MAC).macInput());
    }

    @Test
    void aBadEnvelopeNamesWhatIsWrong() {
        byte[] good = new IdevIdCsrEnvelope(ECC, MLDSA, MAC).encode();
        assertEquals("IDevID CSR envelope: 8783 bytes, expected 8784",
                assertThrows(ProtocolException.class, () -> IdevIdCsrEnvelope.decode(java.util.Arrays.copyOf(good, 8783))).getMessage());
        byte[] marker = good.clone();
        marker[0] = 0;
        assertEquals("IDevID CSR envelope: marker 0x00435300, expected 0x00435352",
                assertThrows(ProtocolException.class, () -> IdevIdCsrEnvelope.decode(marker)).getMessage());
        byte[] ecc = good.clone();
        ByteBuffer.wrap(ecc).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 513);
        assertEquals("IDevID CSR envelope: the ECC CSR length at offset 8 is 513, its slot holds 1..512",
                assertThrows(ProtocolException.class, () -> IdevIdCsrEnvelope.decode(ecc)).getMessage());
        byte[] mldsa = good.clone();
        ByteBuffer.wrap(mldsa).order(ByteOrder.LITTLE_ENDIAN).putInt(524, -1);
        assertEquals("IDevID CSR envelope: the ML-DSA CSR length at offset 524 is 4294967295, its slot holds 1..8192",
                assertThrows(ProtocolException.class, () -> IdevIdCsrEnvelope.decode(mldsa)).getMessage());
    }
}
