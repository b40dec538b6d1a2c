package org.caliptra.util.image.keys;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.caliptra.util.image.sign.LmsSigner;
import org.caliptra.util.image.sign.SigningException;

/** The two ways an LMS private key file signs, and the choice between them. */
public final class LmsSigners {
    private LmsSigners() {}

    /** Which tree a private key's public key comes from. */
    public enum Mode {
        /** The reference tools' convention: only leaf 5 has an OTS key and every signature uses it. */
        ZERO_LEAF_COMPAT,
        /** A real RFC 8554 tree: every signature uses a fresh leaf, tracked in a state file. */
        FULL_TREE
    }

    /**
     * A signer for {@code key} whose public key equals {@code configured}: the zero-leaf
     * compatibility tree if that matches, else the full tree with its state beside {@code keyFile}.
     */
    public static LmsSigner forKey(LmsPrivateKey key, LmsPublicKey configured, Path keyFile) {
        byte[] zeroTree = key.zeroLeafTree();
        if (key.publicKey(zeroTree).equals(configured)) {
            return zeroLeaf(key, zeroTree);
        }
        Path state = LmsLeafState.beside(keyFile);
        byte[] fullTree = key.fullTree(null);
        if (key.publicKey(fullTree).equals(configured)) {
            return new FullTree(key, fullTree, new LmsLeafState(state, key.id()));
        }
        throw new SigningException("LMS private key " + keyFile + " does not match the configured public key "
                + "(neither its zero-leaf nor its full tree has root " + configured.root().hex() + ")");
    }

    public static LmsSigner zeroLeaf(LmsPrivateKey key) {
        return zeroLeaf(key, key.zeroLeafTree());
    }

    private static LmsSigner zeroLeaf(LmsPrivateKey key, byte[] tree) {
        LmsPublicKey pub = key.publicKey(tree);
        return new ModeSigner() {
            @Override
            public Mode mode() {
                return Mode.ZERO_LEAF_COMPAT;
            }

            @Override
            public LmsPublicKey publicKey() {
                return pub;
            }

            @Override
            public LmsSignature sign(byte[] message) {
                int q = LmsPrivateKey.ZERO_LEAF_Q;
                return key.signAt(tree, q, key.deterministicNonce(q, message), message);
            }
        };
    }

    /** A full-tree signer over an existing state file. */
    public static LmsSigner fullTree(LmsPrivateKey key, Path keyFile) {
        return new FullTree(key, key.fullTree(null), new LmsLeafState(LmsLeafState.beside(keyFile), key.id()));
    }

    /** A signer that can say which mode it signs in. */
    public interface ModeSigner extends LmsSigner {
        Mode mode();
    }

    private static final class FullTree implements ModeSigner {
        private final LmsPrivateKey key;
        private final byte[] tree;
        private final LmsLeafState state;
        private final LmsPublicKey pub;
        private final SecureRandom random = new SecureRandom();

        FullTree(LmsPrivateKey key, byte[] tree, LmsLeafState state) {
            this.key = key;
            this.tree = tree;
            this.state = state;
            this.pub = key.publicKey(tree);
            state.peek(); // fail now, before any work, if the state is missing or foreign
        }

        @Override
        public Mode mode() {
            return Mode.FULL_TREE;
        }

        @Override
        public LmsPublicKey publicKey() {
            return pub;
        }

        @Override
        public LmsSignature sign(byte[] message) {
            int q = state.reserve(); // durable before the signature exists
            byte[] nonce = new byte[Lms.N];
            random.nextBytes(nonce);
            return key.signAt(tree, q, nonce, message);
        }
    }
}
