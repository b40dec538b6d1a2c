package org.caliptra.util.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha384DigestTest {
    @Test
    void sha384MakesTheDigestOfTheBytes() {
        // FIPS 180-2 appendix D.1: SHA-384("abc")
        var d = Sha384.digest("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                + "8086072ba1e7cc2358baeca134c825a7", d.hex());
        assertEquals(Sha384.of("abc".getBytes(StandardCharsets.US_ASCII)), d.octets());
        byte[] framed = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(d, Sha384.digest(framed, 2, 3));
    }

    @Test
    void onlyFortyEightBytesAreADigest() {
        for (int n : new int[] {0, 32, 47, 49, 64}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Sha384Digest.fromBytes(new byte[n]));
            assertEquals("a SHA-384 digest is 48 bytes, got " + n, e.getMessage());
        }
        assertEquals(48, Sha384Digest.fromBytes(new byte[48]).toByteArray().length);
    }

    @Test
    void isImmutable() {
        byte[] raw = new byte[48];
        var d = Sha384Digest.fromBytes(raw);
        raw[0] = 1;
        assertArrayEquals(new byte[48], d.toByteArray());
        d.toByteArray()[1] = 1;
        assertArrayEquals(new byte[48], d.toByteArray());
    }

    @Test
    void equalityIsByValue() {
        byte[] raw = new byte[48];
        raw[47] = 7;
        assertEquals(Sha384Digest.fromBytes(raw), Sha384Digest.fromBytes(raw.clone()));
        assertEquals(Sha384Digest.fromBytes(raw).hashCode(), Sha384Digest.fromBytes(raw.clone()).hashCode());
        assertNotEquals(Sha384Digest.fromBytes(raw), Sha384Digest.fromBytes(new byte[48]));
    }
}
