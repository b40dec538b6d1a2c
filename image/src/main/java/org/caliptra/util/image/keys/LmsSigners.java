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
     * A signer for {@code key} whose public key equals {@code configured}: the full tree stored
     * beside {@code keyFile} if its root is the configured one, else the zero-leaf compatibility
     * tree if that matches, else the full tree rebuilt from the seed (and stored for next time).
     */
    public static LmsSigner forKey(LmsPrivateKey key, LmsPublicKey configured, Path keyFile) {
        Path state = LmsLeafState.beside(keyFile);
        var stored = LmsTreeCache.load(keyFile, key, configured);
        if (stored.isPresent()) {
            return new FullTree(key, stored.get(), new LmsLeafState(state, key.id()), keyFile);
        }
        byte[] zeroTree = key.zeroLeafTree();
        if (key.publicKey(zeroTree).equals(configured)) {
            return zeroLeaf(key, zeroTree);
        }
        LmsTree full = key.buildFullTree(null);
        if (full.publicKey().equals(configured)) {
            var signer = new FullTree(key, full, new LmsLeafState(state, key.id()), keyFile);
            LmsTreeCache.store(keyFile, full);
            return signer;
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

    /** A full-tree signer over an existing state file, for a key whose full-tree public key is {@code expected}. */
    public static LmsSigner fullTree(LmsPrivateKey key, LmsPublicKey expected, Path keyFile) {
        var tree = LmsTreeCache.load(keyFile, key, expected).orElseGet(() -> key.buildFullTree(null));
        if (!tree.publicKey().equals(expected)) {
            throw new SigningException("LMS private key " + keyFile + ": its full tree has root " + tree.publicKey().root().hex()
                    + ", not the expected " + expected.root().hex());
        }
        return new FullTree(key, tree, new LmsLeafState(LmsLeafState.beside(keyFile), key.id()), keyFile);
    }

    /** A signer that can say which mode it signs in. */
    public interface ModeSigner extends LmsSigner {
        Mode mode();
    }

    private static final class FullTree implements ModeSigner {
        private final LmsPrivateKey key;
        private byte[] nodes;
        private final LmsLeafState state;
        private final LmsPublicKey pub;
        private final Path keyFile;
        private final SecureRandom random = new SecureRandom();

        FullTree(LmsPrivateKey key, LmsTree tree, LmsLeafState state, Path keyFile) {
            this.key = key;
            this.nodes = tree.nodes();
            this.state = state;
            this.pub = tree.publicKey();
            this.keyFile = keyFile;
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

        /**
         * Signs at a freshly reserved leaf and releases the signature only once it verifies with the
         * public key. Verifying recomputes the leaf from the seed and climbs the stored path to the
         * root, so it checks exactly the stored nodes this signature uses. If they are wrong (a damaged
         * tree file), the tree is rebuilt from the seed, stored again, and the message signed at the
         * next leaf; the leaf of the bad attempt stays spent, as every reserved leaf does.
         */
        @Override
        public LmsSignature sign(byte[] message) {
            LmsSignature sig = signAtNextLeaf(message);
            if (Lms.verify(pub, message, sig) == Lms.Check.VALID) {
                return sig;
            }
            LmsTree rebuilt = key.buildFullTree(null);
            if (!rebuilt.publicKey().equals(pub)) {
                throw new SigningException("LMS key " + key.id().hex() + ": its tree no longer has the root of its public key");
            }
            nodes = rebuilt.nodes();
            LmsTreeCache.store(keyFile, rebuilt);
            sig = signAtNextLeaf(message);
            if (Lms.verify(pub, message, sig) != Lms.Check.VALID) {
                throw new SigningException("LMS signature at leaf " + sig.q() + " of key " + key.id().hex()
                        + " does not verify with its public key");
            }
            return sig;
        }

        private LmsSignature signAtNextLeaf(byte[] message) {
            int q = state.reserve(); // durable before the signature exists
            byte[] nonce = new byte[Lms.N];
            random.nextBytes(nonce);
            return key.signAt(nodes, q, nonce, message);
        }
    }
}
