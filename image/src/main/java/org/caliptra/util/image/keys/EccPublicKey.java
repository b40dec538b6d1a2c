package org.caliptra.util.image.keys;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;

/** An ECC P-384 public key: affine x and y, each 48 bytes big-endian. */
public record EccPublicKey(Octets x, Octets y) {
    public static final int HW_SIZE = 96;

    public EccPublicKey {
        if (x.length() != 48 || y.length() != 48) {
            throw new IllegalArgumentException("P-384 coordinates are 48 bytes");
        }
    }

    public static EccPublicKey zero() {
        return new EccPublicKey(Octets.zeros(48), Octets.zeros(48));
    }

    /** Reads {@code x[48] y[48]} in hw format at {@code offset}. */
    public static EccPublicKey fromHw(byte[] file, int offset) {
        return new EccPublicKey(HwFormat.read(file, offset, 48), HwFormat.read(file, offset + 48, 48));
    }

    public void writeHw(byte[] file, int offset) {
        HwFormat.write(x, file, offset);
        HwFormat.write(y, file, offset + 48);
    }

    public byte[] toHw() {
        byte[] out = new byte[HW_SIZE];
        writeHw(out, 0);
        return out;
    }

    public boolean isZero() {
        return x.isZero() && y.isZero();
    }

    /** The key as a curve point; fails when (x, y) is not on P-384. */
    public ECPublicKeyParameters toParameters() {
        try {
            ECPoint point = P384.DOMAIN.getCurve()
                    .createPoint(new BigInteger(1, x.toByteArray()), new BigInteger(1, y.toByteArray()));
            return new ECPublicKeyParameters(point, P384.DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException("ECC public key is not a point on P-384", e);
        }
    }

    static EccPublicKey fromPoint(ECPoint point) {
        var normal = point.normalize();
        return new EccPublicKey(Octets.of(P384.fixed48(normal.getAffineXCoord().toBigInteger())),
                Octets.of(P384.fixed48(normal.getAffineYCoord().toBigInteger())));
    }
}
