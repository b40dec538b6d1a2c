package org.caliptra.util.image.keys;

/**
 * The nodes of one key's full RFC 8554 tree (node r, 1 = root, at {@code r * 24}) and the public
 * key they make. Every node is public: each signature carries 15 of them.
 */
public final class LmsTree {
    private final byte[] nodes;
    private final LmsPublicKey publicKey;

    LmsTree(byte[] nodes, LmsPublicKey publicKey) {
        this.nodes = nodes;
        this.publicKey = publicKey;
    }

    public LmsPublicKey publicKey() {
        return publicKey;
    }

    byte[] nodes() {
        return nodes;
    }

}
