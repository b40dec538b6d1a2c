package org.caliptra.util.image;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.caliptra.util.protocol.Octets;

/**
 * A SHA-384 digest: exactly 48 bytes, immutable. ECC signers take this type rather than a raw
 * {@code byte[]} so that a message, a truncated digest or a digest of another algorithm cannot be
 * handed to ECDSA by mistake. Made by {@link Sha384}; {@link #fromBytes} is for digests computed
 * elsewhere (a signing request read from a file, a test vector). Equality is constant-time.
 */
public final class Sha384Digest {
    private final byte[] bytes;

    private Sha384Digest(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes a copy; anything but 48 bytes is refused. */
    public static Sha384Digest fromBytes(byte[] digest) {
        if (digest.length != Sha384.SIZE) {
            throw new IllegalArgumentException("a SHA-384 digest is " + Sha384.SIZE + " bytes, got " + digest.length);
        }
        return new Sha384Digest(digest.clone());
    }

    public static Sha384Digest of(Octets digest) {
        return fromBytes(digest.toByteArray());
    }

    /** For {@link Sha384}, which hands over a fresh array of the right length. */
    static Sha384Digest wrap(byte[] fresh) {
        return new Sha384Digest(fresh);
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public Octets octets() {
        return Octets.of(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha384Digest other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SHA-384:" + hex();
    }
}
