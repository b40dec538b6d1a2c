package org.caliptra.util.image.keys;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The NIST P-384 domain (BouncyCastle's optimised curve implementation). */
final class P384 {
    static final X9ECParameters X9 = CustomNamedCurves.getByName("secp384r1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN(), X9.getH(), X9.getSeed());
    static final int SIZE = 48;

    private P384() {}

    static byte[] fixed48(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[SIZE];
        int copy = Math.min(raw.length, SIZE);
        System.arraycopy(raw, raw.length - copy, out, SIZE - copy, copy);
        return out;
    }
}
