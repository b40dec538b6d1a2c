package org.caliptra.util.emulator.dice;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/** One-shot digests of the sizes DICE identifiers use. */
final class Digests {
    private Digests() {}

    static byte[] sha1(byte[] data) {
        return digest(new SHA1Digest(), data);
    }

    static byte[] sha256(byte[] data) {
        return digest(new SHA256Digest(), data);
    }

    static byte[] sha384(byte[]... data) {
        return digest(new SHA384Digest(), data);
    }

    static byte[] sha512(byte[] data) {
        return digest(new SHA512Digest(), data);
    }

    private static byte[] digest(Digest digest, byte[]... data) {
        for (byte[] d : data) {
            digest.update(d, 0, d.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
