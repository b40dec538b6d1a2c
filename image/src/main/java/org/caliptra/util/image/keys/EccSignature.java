package org.caliptra.util.image.keys;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;

/** An ECDSA P-384 signature (r, s), each 48 bytes big-endian. */
public record EccSignature(Octets r, Octets s) {
    public static final int HW_SIZE = 96;

    public EccSignature {
        if (r.length() != 48 || s.length() != 48) {
            throw new IllegalArgumentException("P-384 signature components are 48 bytes");
        }
    }

    public static EccSignature zero() {
        return new EccSignature(Octets.zeros(48), Octets.zeros(48));
    }

    public static EccSignature of(BigInteger r, BigInteger s) {
        return new EccSignature(Octets.of(P384.fixed48(r)), Octets.of(P384.fixed48(s)));
    }

    public static EccSignature fromHw(byte[] file, int offset) {
        return new EccSignature(HwFormat.read(file, offset, 48), HwFormat.read(file, offset + 48, 48));
    }

    /** Parses a DER {@code ECDSA-Sig-Value} (what OpenSSL and sign helpers produce). */
    public static EccSignature fromDer(byte[] der) {
        try {
            var seq = ASN1Sequence.getInstance(der);
            if (seq.size() != 2) {
                throw new ImageFormatException("ECDSA signature: DER sequence of " + seq.size() + " elements, expected 2");
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            if (r.bitLength() > 384 || s.bitLength() > 384) {
                throw new ImageFormatException("ECDSA signature: r or s longer than 48 bytes");
            }
            return of(r, s);
        } catch (IllegalArgumentException e) {
            // BouncyCastle's text ("failed to construct sequence from byte[]") speaks Java, not DER.
            throw new ImageFormatException("ECDSA signature is not DER ECDSA-Sig-Value (a SEQUENCE of two INTEGERs)", e);
        }
    }

    public byte[] toDer() {
        try {
            return new DERSequence(new ASN1Integer[] {
                new ASN1Integer(new BigInteger(1, r.toByteArray())), new ASN1Integer(new BigInteger(1, s.toByteArray()))
            }).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void writeHw(byte[] file, int offset) {
        HwFormat.write(r, file, offset);
        HwFormat.write(s, file, offset + 48);
    }

    public BigInteger rValue() {
        return new BigInteger(1, r.toByteArray());
    }

    public BigInteger sValue() {
        return new BigInteger(1, s.toByteArray());
    }
}
