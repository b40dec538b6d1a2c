package org.caliptra.util.image.keys;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.function.IntConsumer;
import org.caliptra.util.image.ImageFormatException;
import org.caliptra.util.protocol.Octets;

/**
 * An LMS private key in the Caliptra 48-byte form: {@code type ‖ otstype ‖ I[16] ‖ SEED[24]}.
 * The seed never appears in {@link #toString()}.
 */
public final class LmsPrivateKey {
    public static final int SIZE = 48;
    /** The leaf the reference tools' zero-leaf trees give a real OTS key (spec/formats.md §5.2). */
    public static final int ZERO_LEAF_Q = 5;

    private final int lmsType;
    private final int otsType;
    private final byte[] id;
    private final byte[] seed;

    private LmsPrivateKey(int lmsType, int otsType, byte[] id, byte[] seed) {
        this.lmsType = lmsType;
        this.otsType = otsType;
        this.id = id;
        this.seed = seed;
    }

    public static LmsPrivateKey fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new ImageFormatException("LMS private key: " + bytes.length + " bytes, expected " + SIZE);
        }
        var b = ByteBuffer.wrap(bytes);
        int type = b.getInt();
        int ots = b.getInt();
        if (type != Lms.LMS_SHA256_M24_H15 || ots != Lms.LMOTS_SHA256_N24_W4) {
            throw new ImageFormatException(String.format("LMS private key: type 0x%08X / otstype 0x%08X; only "
                    + "LMS_SHA256_M24_H15 (12) with LMOTS_SHA256_N24_W4 (7) is supported", type, ots));
        }
        byte[] id = new byte[16];
        byte[] seed = new byte[24];
        b.get(id).get(seed);
        return new LmsPrivateKey(type, ots, id, seed);
    }

    public static LmsPrivateKey generate(SecureRandom random) {
        byte[] id = new byte[16];
        byte[] seed = new byte[24];
        random.nextBytes(id);
        random.nextBytes(seed);
        return new LmsPrivateKey(Lms.LMS_SHA256_M24_H15, Lms.LMOTS_SHA256_N24_W4, id, seed);
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(SIZE).putInt(lmsType).putInt(otsType).put(id).put(seed).array();
    }

    public Octets id() {
        return Octets.of(id);
    }

    byte[] idBytes() {
        return id;
    }

    byte[] seedBytes() {
        return seed;
    }

    /** The public key of the reference tools' zero-leaf tree (only leaf 5 has a real OTS key). */
    public LmsPublicKey zeroLeafPublicKey() {
        return publicKey(zeroLeafTree());
    }

    /** The public key of the full RFC 8554 tree (2^15 OTS keys; parallel; about a second). */
    public LmsPublicKey fullTreePublicKey(IntConsumer progress) {
        return buildFullTree(progress).publicKey();
    }

    /** The full RFC 8554 tree, built from the seed; {@code progress} gets the leaves done so far. */
    public LmsTree buildFullTree(IntConsumer progress) {
        byte[] nodes = fullTree(progress);
        return new LmsTree(nodes, publicKey(nodes));
    }

    byte[] zeroLeafTree() {
        byte[] zero = new byte[Lms.N];
        return Lms.tree(id, (h, q) -> q == ZERO_LEAF_Q ? Lms.otsPublicKey(h, id, seed, q) : zero, null);
    }

    /** How many full trees this JVM has built from a seed: what tests watch to prove a stored tree was used. */
    static final java.util.concurrent.atomic.LongAdder FULL_TREE_BUILDS = new java.util.concurrent.atomic.LongAdder();

    byte[] fullTree(IntConsumer progress) {
        FULL_TREE_BUILDS.increment();
        return Lms.tree(id, (h, q) -> Lms.otsPublicKey(h, id, seed, q), progress);
    }

    LmsPublicKey publicKey(byte[] tree) {
        return new LmsPublicKey(lmsType, otsType, Octets.of(id), Octets.of(tree, Lms.N, Lms.N));
    }

    /** Signs at leaf q of {@code tree} (from {@link #zeroLeafTree} or {@link #fullTree}). */
    LmsSignature signAt(byte[] tree, int q, byte[] nonce, byte[] message) {
        return Lms.sign(id, seed, q, nonce, message, tree);
    }

    /** A nonce C derived from the seed, leaf and message, so equal inputs give equal signatures. */
    byte[] deterministicNonce(int q, byte[] message) {
        var h = new Lms.Hasher();
        int off = h.prefix(id, q);
        byte[] tag = "caliptra-util LMS nonce".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(tag, 0, h.buf, off, tag.length);
        System.arraycopy(seed, 0, h.buf, off + tag.length, seed.length);
        byte[] c = new byte[Lms.N];
        h.hashLong(off + tag.length + seed.length, message, c);
        return c;
    }

    @Override
    public String toString() {
        return "LmsPrivateKey[LMS_SHA256_M24_H15, I=" + Octets.of(id).hex() + "]";
    }
}
