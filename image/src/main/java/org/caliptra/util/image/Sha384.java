package org.caliptra.util.image;

import org.caliptra.util.protocol.Octets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-384 as every Caliptra digest uses it (the JDK implementation, which uses CPU SHA extensions). */
public final class Sha384 {
    public static final int SIZE = 48;

    private Sha384() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-384");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-384", e);
        }
    }

    public static Octets of(byte[] data, int offset, int length) {
        var md = newDigest();
        md.update(data, offset, length);
        return Octets.of(md.digest());
    }

    public static Octets of(byte[] data) {
        return of(data, 0, data.length);
    }

    public static Octets of(Octets data) {
        return of(data.toByteArray());
    }

    /** The digest of {@code [offset, offset + length)} as the type ECC signers accept. */
    public static Sha384Digest digest(byte[] data, int offset, int length) {
        var md = newDigest();
        md.update(data, offset, length);
        return Sha384Digest.wrap(md.digest());
    }

    public static Sha384Digest digest(byte[] data) {
        return digest(data, 0, data.length);
    }
}
