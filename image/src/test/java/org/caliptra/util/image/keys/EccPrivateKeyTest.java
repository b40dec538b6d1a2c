package org.caliptra.util.image.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.junit.jupiter.api.Test;

class EccPrivateKeyTest {
    /** SEC 2 / FIPS 186 generator of P-384, x coordinate. */
    static final String GX = "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7";

    @Test
    void aSeedMapsIntoOneToNMinusOne() {
        assertEquals(GX, EccPrivateKey.fromSeed(new byte[48]).publicKey().x().hex(), "seed 0 gives d = 1, the generator");
        BigInteger nMinusOne = SECNamedCurves.getByName("secp384r1").getN().subtract(BigInteger.ONE);
        byte[] seed = nMinusOne.toByteArray(); // 49 bytes with the sign byte
        assertEquals(GX, EccPrivateKey.fromSeed(seed).publicKey().x().hex(), "n - 1 wraps to d = 1");
        assertEquals(EccPrivateKey.fromSeed(new byte[64]).publicKey(), EccPrivateKey.fromSeed(new byte[64]).publicKey());
    }

    @Test
    void shortSeedsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> EccPrivateKey.fromSeed(new byte[47]));
        assertEquals("an ECC key seed needs at least 48 bytes, got 47", e.getMessage());
    }
}
