package org.caliptra.util.image.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.io.OutputFileException;

/**
 * The nodes of a full-tree LMS key's Merkle tree, kept beside the key as {@code <key>.tree} so
 * that signing does not rebuild the tree: a rebuild is ~27 million SHA-256 blocks, a signature
 * with the stored nodes about a thousand. A tree is used only if it belongs to the key (its I) and
 * its root is the configured public key's; the nodes a signature takes from it are then checked by
 * verifying the signature before it is released, which recomputes exactly the path of that leaf
 * (see {@link LmsSigners}). A damaged, foreign or stale file is never trusted, just rebuilt.
 *
 * <p>Layout: {@code "CLMSTRE1"} ‖ lms type u32 BE ‖ ots type u32 BE ‖ I[16] ‖ nodes 1 .. 2^16 − 1
 * (node r, 1 = root, 2^15 + q = leaf q), 24 bytes each. The nodes are public (every signature
 * carries 15 of them), so the file is 0644.
 */
public final class LmsTreeCache {
    private static final byte[] MAGIC = "CLMSTRE1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 + 4 + 16;
    private static final int NODES = (2 * Lms.LEAVES - 1) * Lms.N;
    static final int SIZE = HEADER + NODES;

    private LmsTreeCache() {}

    public static Path beside(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".tree");
    }

    /** Writes the tree file of a new key; refuses, atomically, to replace an existing one. */
    public static void create(Path keyFile, LmsTree tree) {
        AtomicFiles.write(beside(keyFile), encode(tree), AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REFUSE);
    }

    /**
     * Replaces the tree file after a rebuild. A cache that cannot be written only costs the next
     * run another rebuild, so a failure here must not stop a signature.
     */
    static boolean store(Path keyFile, LmsTree tree) {
        try {
            AtomicFiles.write(beside(keyFile), encode(tree), AtomicFiles.Mode.PUBLIC, AtomicFiles.Existing.REPLACE);
            return true;
        } catch (OutputFileException e) {
            return false;
        }
    }

    /** The stored tree of {@code key}, if the file exists, is intact and its root is {@code expected}'s. */
    static Optional<LmsTree> load(Path keyFile, LmsPrivateKey key, LmsPublicKey expected) {
        Path file = beside(keyFile);
        byte[] bytes;
        try {
            // Only a regular file of exactly the right size is read: never a FIFO, a device or a huge file.
            if (!Files.isRegularFile(file) || Files.size(file) != SIZE) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(SIZE);
                if (bytes.length != SIZE || in.read() != -1) {
                    return Optional.empty();
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        var b = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        byte[] id = new byte[16];
        int lmsType = b.getInt();
        int otsType = b.getInt();
        b.get(id);
        if (!java.util.Arrays.equals(magic, MAGIC) || lmsType != Lms.LMS_SHA256_M24_H15 || otsType != Lms.LMOTS_SHA256_N24_W4
                || !java.util.Arrays.equals(id, key.idBytes()) || !expected.id().equals(key.id())) {
            return Optional.empty();
        }
        byte[] nodes = new byte[2 * Lms.LEAVES * Lms.N];
        System.arraycopy(bytes, HEADER, nodes, Lms.N, NODES);
        LmsPublicKey pub = key.publicKey(nodes);
        return pub.equals(expected) ? Optional.of(new LmsTree(nodes, pub)) : Optional.empty();
    }

    private static byte[] encode(LmsTree tree) {
        var pub = tree.publicKey();
        return ByteBuffer.allocate(SIZE).put(MAGIC).putInt(pub.lmsType()).putInt(pub.otsType()).put(pub.id().toByteArray())
                .put(tree.nodes(), Lms.N, NODES).array();
    }
}
