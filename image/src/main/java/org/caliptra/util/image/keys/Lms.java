package org.caliptra.util.image.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * RFC 8554 LMS / LM-OTS for the one parameter set Caliptra uses: LMS_SHA256_M24_H15 (type 12)
 * with LMOTS_SHA256_N24_W4 (type 7): SHA-256 truncated to n = m = 24 bytes, h = 15, w = 4,
 * p = 51, ls = 4. OTS private elements follow RFC 8554 Appendix A:
 * {@code x_q[i] = H(I ‖ u32(q) ‖ u16(i) ‖ 0xFF ‖ SEED)}.
 */
public final class Lms {
    public static final int LMS_SHA256_M24_H15 = 12;
    public static final int LMOTS_SHA256_N24_W4 = 7;
    public static final int N = 24;
    public static final int H = 15;
    public static final int P = 51;
    public static final int LEAVES = 1 << H;
    static final int W_MAX = 15; // 2^w - 1
    static final int LS = 4;
    static final int D_PBLC = 0x8080;
    static final int D_MESG = 0x8181;
    static final int D_LEAF = 0x8282;
    static final int D_INTR = 0x8383;

    private Lms() {}

    /** A reusable SHA-256/192 with a scratch buffer; one per thread. */
    static final class Hasher {
        private final MessageDigest sha256;
        private final byte[] full = new byte[32];
        final byte[] buf = new byte[16 + 4 + 2 + P * N + 64];

        Hasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * H(buf[0, len)) written whole (32 bytes) at buf[at..]: the chain steps feed their output
         * back as the next input in place, and the 8 bytes beyond n lie past every such message,
         * so no copy is needed in the ~27 million hashes of a full tree.
         */
        void hashInPlace(int len, int at) {
            sha256.update(buf, 0, len);
            try {
                sha256.digest(buf, at, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
        }

        /** H(buf[0, len)) truncated to 24 bytes, into out[outOff..]. */
        void hash(int len, byte[] out, int outOff) {
            sha256.update(buf, 0, len);
            try {
                sha256.digest(full, 0, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            System.arraycopy(full, 0, out, outOff, N);
        }

        /** H(buf[0, len) ‖ tail) truncated, for messages that do not fit the scratch buffer. */
        void hashLong(int len, byte[] tail, byte[] out) {
            sha256.update(buf, 0, len);
            sha256.update(tail);
            System.arraycopy(sha256.digest(), 0, out, 0, N);
        }

        /** Writes I ‖ u32(q) into buf and returns the next offset (20). */
        int prefix(byte[] id, int q) {
            System.arraycopy(id, 0, buf, 0, 16);
            buf[16] = (byte) (q >>> 24);
            buf[17] = (byte) (q >>> 16);
            buf[18] = (byte) (q >>> 8);
            buf[19] = (byte) q;
            return 20;
        }

        void u16(int offset, int value) {
            buf[offset] = (byte) (value >>> 8);
            buf[offset + 1] = (byte) value;
        }
    }

    /** Runs one W-chain from {@code tmp} (24 bytes, updated in place) through steps [from, to). */
    static void chain(Hasher h, byte[] id, int q, int i, byte[] tmp, int from, int to) {
        int off = h.prefix(id, q);
        h.u16(off, i);
        System.arraycopy(tmp, 0, h.buf, off + 3, N);
        for (int j = from; j < to; j++) {
            h.buf[off + 2] = (byte) j;
            h.hashInPlace(off + 3 + N, off + 3);
        }
        System.arraycopy(h.buf, off + 3, tmp, 0, N);
    }

    static void privateElement(Hasher h, byte[] id, byte[] seed, int q, int i, byte[] out) {
        int off = h.prefix(id, q);
        h.u16(off, i);
        h.buf[off + 2] = (byte) 0xFF;
        System.arraycopy(seed, 0, h.buf, off + 3, N);
        h.hash(off + 3 + N, out, 0);
    }

    /** The LM-OTS public key K of leaf q. */
    static byte[] otsPublicKey(Hasher h, byte[] id, byte[] seed, int q) {
        byte[] z = new byte[P * N];
        int off = h.prefix(id, q);
        for (int i = 0; i < P; i++) {
            // x_q[i] = H(I || q || i || 0xFF || SEED), then w - 1 chain steps, all in the scratch buffer
            h.u16(off, i);
            h.buf[off + 2] = (byte) 0xFF;
            System.arraycopy(seed, 0, h.buf, off + 3, N);
            h.hashInPlace(off + 3 + N, off + 3);
            for (int j = 0; j < W_MAX; j++) {
                h.buf[off + 2] = (byte) j;
                h.hashInPlace(off + 3 + N, off + 3);
            }
            System.arraycopy(h.buf, off + 3, z, i * N, N);
        }
        return publicKeyFromChains(h, id, q, z);
    }

    private static byte[] publicKeyFromChains(Hasher h, byte[] id, int q, byte[] z) {
        int off = h.prefix(id, q);
        h.u16(off, D_PBLC);
        System.arraycopy(z, 0, h.buf, off + 2, P * N);
        byte[] k = new byte[N];
        h.hash(off + 2 + P * N, k, 0);
        return k;
    }

    static void leaf(Hasher h, byte[] id, int nodeNumber, byte[] k, byte[] out, int outOff) {
        int off = h.prefix(id, nodeNumber);
        h.u16(off, D_LEAF);
        System.arraycopy(k, 0, h.buf, off + 2, N);
        h.hash(off + 2 + N, out, outOff);
    }

    static void interior(Hasher h, byte[] id, int nodeNumber, byte[] left, int leftOff, byte[] right, int rightOff,
            byte[] out, int outOff) {
        int off = h.prefix(id, nodeNumber);
        h.u16(off, D_INTR);
        System.arraycopy(left, leftOff, h.buf, off + 2, N);
        System.arraycopy(right, rightOff, h.buf, off + 2 + N, N);
        h.hash(off + 2 + 2 * N, out, outOff);
    }

    /** The message digest Q ‖ Cksm(Q) as p base-16 digits. */
    static int[] digits(Hasher h, byte[] id, int q, byte[] c, byte[] message) {
        int off = h.prefix(id, q);
        h.u16(off, D_MESG);
        System.arraycopy(c, 0, h.buf, off + 2, N);
        byte[] qHash = new byte[N];
        if (off + 2 + N + message.length <= h.buf.length) {
            System.arraycopy(message, 0, h.buf, off + 2 + N, message.length);
            h.hash(off + 2 + N + message.length, qHash, 0);
        } else {
            h.hashLong(off + 2 + N, message, qHash);
        }
        int[] a = new int[P];
        int sum = 0;
        for (int i = 0; i < 2 * N; i++) {
            int digit = (qHash[i / 2] >> ((i & 1) == 0 ? 4 : 0)) & 0xF;
            a[i] = digit;
            sum += W_MAX - digit;
        }
        int cksm = (sum << LS) & 0xFFFF;
        a[48] = (cksm >> 12) & 0xF;
        a[49] = (cksm >> 8) & 0xF;
        a[50] = (cksm >> 4) & 0xF;
        return a;
    }

    /** Outcome of an LMS verification, distinguishing malformed input from a wrong signature. */
    public enum Check { VALID, INVALID, MALFORMED }

    /** Algorithm 6a of RFC 8554 for the Caliptra parameter set. */
    public static Check verify(LmsPublicKey key, byte[] message, LmsSignature signature) {
        if (!key.isCaliptraParameterSet()) {
            return Check.MALFORMED;
        }
        byte[] sig = signature.bytes().toByteArray();
        int q = ((sig[0] & 0xFF) << 24) | ((sig[1] & 0xFF) << 16) | ((sig[2] & 0xFF) << 8) | (sig[3] & 0xFF);
        if (q < 0 || q >= LEAVES || signature.otsType() != key.otsType() || signature.lmsType() != key.lmsType()) {
            return Check.MALFORMED;
        }
        byte[] id = key.id().toByteArray();
        var h = new Hasher();
        byte[] c = java.util.Arrays.copyOfRange(sig, 8, 8 + N);
        int[] a = digits(h, id, q, c, message);
        byte[] z = new byte[P * N];
        byte[] tmp = new byte[N];
        for (int i = 0; i < P; i++) {
            System.arraycopy(sig, 32 + i * N, tmp, 0, N);
            chain(h, id, q, i, tmp, a[i], W_MAX);
            System.arraycopy(tmp, 0, z, i * N, N);
        }
        byte[] kc = publicKeyFromChains(h, id, q, z);
        int node = LEAVES + q;
        byte[] node24 = new byte[N];
        leaf(h, id, node, kc, node24, 0);
        int pathOff = 1260;
        for (int i = 0; node > 1; i++, node >>>= 1) {
            if ((node & 1) == 1) {
                interior(h, id, node >>> 1, sig, pathOff + i * N, node24, 0, node24, 0);
            } else {
                interior(h, id, node >>> 1, node24, 0, sig, pathOff + i * N, node24, 0);
            }
        }
        return java.security.MessageDigest.isEqual(node24, key.root().toByteArray()) ? Check.VALID : Check.INVALID;
    }

    /**
     * A whole Merkle tree: node r (1 = root) at {@code r * 24}. {@code leafKeys} supplies K for
     * each leaf q; leaves are computed in parallel and reported to {@code progress}.
     */
    static byte[] tree(byte[] id, LeafKeySource leafKeys, IntConsumer progress) {
        byte[] nodes = new byte[2 * LEAVES * N];
        var done = new AtomicInteger();
        int chunk = 256;
        IntStream.range(0, LEAVES / chunk).parallel().forEach(c -> {
            var h = new Hasher();
            for (int q = c * chunk; q < (c + 1) * chunk; q++) {
                byte[] k = leafKeys.key(h, q);
                leaf(h, id, LEAVES + q, k, nodes, (LEAVES + q) * N);
            }
            if (progress != null) {
                progress.accept(done.addAndGet(chunk));
            }
        });
        interiorNodes(id, nodes);
        return nodes;
    }

    private static void interiorNodes(byte[] id, byte[] nodes) {
        for (int level = H - 1; level >= 0; level--) {
            int first = 1 << level;
            int parts = Math.max(1, first / 256);
            int per = first / parts;
            IntStream.range(0, parts).parallel().forEach(part -> {
                var h = new Hasher();
                for (int r = first + part * per; r < first + (part + 1) * per; r++) {
                    interior(h, id, r, nodes, 2 * r * N, nodes, (2 * r + 1) * N, nodes, r * N);
                }
            });
        }
    }

    @FunctionalInterface
    interface LeafKeySource {
        byte[] key(Hasher h, int q);
    }

    /** Signs {@code message} at leaf q of a tree whose nodes are given, with nonce c. */
    static LmsSignature sign(byte[] id, byte[] seed, int q, byte[] c, byte[] message, byte[] nodes) {
        var h = new Hasher();
        int[] a = digits(h, id, q, c, message);
        byte[] sig = new byte[LmsSignature.SIZE];
        put32(sig, 0, q);
        put32(sig, 4, LMOTS_SHA256_N24_W4);
        System.arraycopy(c, 0, sig, 8, N);
        byte[] tmp = new byte[N];
        for (int i = 0; i < P; i++) {
            privateElement(h, id, seed, q, i, tmp);
            chain(h, id, q, i, tmp, 0, a[i]);
            System.arraycopy(tmp, 0, sig, 32 + i * N, N);
        }
        put32(sig, 1256, LMS_SHA256_M24_H15);
        int node = LEAVES + q;
        for (int i = 0; i < H; i++, node >>>= 1) {
            System.arraycopy(nodes, (node ^ 1) * N, sig, 1260 + i * N, N);
        }
        return new LmsSignature(org.caliptra.util.protocol.Octets.of(sig));
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
