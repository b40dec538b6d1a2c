package org.caliptra.util.image.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing with a full-tree key reads the tree's leaves from {@code <key>.tree} instead of
 * rebuilding 2^15 OTS keys; the stored tree is used only when its root is the configured public
 * key's. Signatures are checked with BouncyCastle's RFC 8554 verifier.
 */
class LmsTreeCacheTest {
    static LmsPrivateKey key;
    static LmsTree tree;
    static LmsPrivateKey otherKey;
    static LmsTree otherTree;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        key = LmsPrivateKey.generate(new SecureRandom());
        tree = key.buildFullTree(null);
        otherKey = LmsPrivateKey.generate(new SecureRandom());
        otherTree = otherKey.buildFullTree(null);
    }

    Path keyFile() {
        Path keyFile = dir.resolve("k-prvk.pem");
        KeyFiles.writeLmsPrivate(key, keyFile);
        new LmsLeafState(LmsLeafState.beside(keyFile), key.id()).initialise();
        return keyFile;
    }

    static long builds() {
        return LmsPrivateKey.FULL_TREE_BUILDS.sum();
    }

    @Test
    void signingWithAStoredTreeNeverRebuildsIt() throws Exception {
        Path keyFile = keyFile();
        LmsTreeCache.create(keyFile, tree);
        Path treeFile = LmsTreeCache.beside(keyFile);
        assertEquals(LmsTreeCache.SIZE, Files.size(treeFile));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(treeFile)), "public nodes");
        long before = builds();
        var signer = (LmsSigners.ModeSigner) LmsSigners.forKey(key, tree.publicKey(), keyFile);
        assertEquals(LmsSigners.Mode.FULL_TREE, signer.mode());
        byte[] message = new byte[48];
        for (int i = 0; i < 3; i++) {
            message[0] = (byte) i;
            var sig = signer.sign(message);
            assertEquals(i, sig.q(), "a fresh leaf per signature");
            assertTrue(LmsTest.bcVerifies(tree.publicKey(), message, sig), "BouncyCastle verifies leaf " + i);
        }
        assertEquals(before, builds(), "no tree was built from the seed");
        assertTrue(Files.readString(LmsLeafState.beside(keyFile)).contains("next_leaf = 3"));
    }

    @Test
    void aMissingTreeIsRebuiltOnceAndStored() throws Exception {
        Path keyFile = keyFile();
        long before = builds();
        LmsSigners.forKey(key, tree.publicKey(), keyFile).sign(new byte[48]);
        assertEquals(before + 1, builds());
        byte[] stored = Files.readAllBytes(LmsTreeCache.beside(keyFile));
        var again = LmsSigners.forKey(key, tree.publicKey(), keyFile);
        assertEquals(before + 1, builds(), "the next signer uses the stored tree");
        byte[] message = {1, 2, 3};
        assertTrue(LmsTest.bcVerifies(tree.publicKey(), message, again.sign(message)));
        assertArrayEquals(stored, Files.readAllBytes(LmsTreeCache.beside(keyFile)));
    }

    static final int HEADER = 8 + 4 + 4 + 16;

    /** Offset of node r (1 = root, 2^15 + q = leaf q) in the tree file. */
    static int node(int r) {
        return HEADER + (r - 1) * 24;
    }

    @Test
    void aTreeWithAnotherRootOrKeyOrSizeIsNeverTrusted() throws Exception {
        Path keyFile = keyFile();
        LmsTreeCache.create(keyFile, tree);
        Path treeFile = LmsTreeCache.beside(keyFile);
        byte[] good = Files.readAllBytes(treeFile);

        byte[] damaged = good.clone();
        damaged[node(1) + 5] ^= 1;
        Files.write(treeFile, damaged);
        assertFalse(LmsTreeCache.load(keyFile, key, tree.publicKey()).isPresent(), "its root is not the public key's");
        long before = builds();
        var signer = LmsSigners.forKey(key, tree.publicKey(), keyFile);
        assertEquals(before + 1, builds(), "rebuilt from the seed");
        assertTrue(LmsTest.bcVerifies(tree.publicKey(), new byte[48], signer.sign(new byte[48])));
        assertArrayEquals(good, Files.readAllBytes(treeFile), "and stored again, intact");

        Files.delete(treeFile);
        LmsTreeCache.create(keyFile, otherTree); // another key's tree under this key's name
        assertFalse(LmsTreeCache.load(keyFile, key, tree.publicKey()).isPresent());
        assertFalse(LmsTreeCache.load(keyFile, key, otherTree.publicKey()).isPresent(), "its I is not this key's");

        Files.write(treeFile, java.util.Arrays.copyOf(good, good.length - 1));
        assertFalse(LmsTreeCache.load(keyFile, key, tree.publicKey()).isPresent(), "truncated");
        Files.write(treeFile, java.util.Arrays.copyOf(good, good.length + 1));
        assertFalse(LmsTreeCache.load(keyFile, key, tree.publicKey()).isPresent(), "too long");
        Files.delete(treeFile);
        Files.createDirectory(treeFile);
        assertFalse(LmsTreeCache.load(keyFile, key, tree.publicKey()).isPresent(), "not a regular file");
        Files.delete(treeFile);
        Files.write(treeFile, good);
        assertTrue(LmsTreeCache.load(keyFile, key, tree.publicKey()).isPresent());
    }

    @Test
    void aDamagedNodeOnTheNextLeafsPathIsCaughtBeforeTheSignatureIsReleased() throws Exception {
        Path keyFile = keyFile();
        LmsTreeCache.create(keyFile, tree);
        Path treeFile = LmsTreeCache.beside(keyFile);
        byte[] good = Files.readAllBytes(treeFile);
        byte[] damaged = good.clone();
        damaged[node(Lms.LEAVES + 1) + 7] ^= 0x40; // leaf 1: the first node of leaf 0's authentication path
        Files.write(treeFile, damaged);

        long before = builds();
        var signer = LmsSigners.forKey(key, tree.publicKey(), keyFile);
        assertEquals(before, builds(), "the root matches, so the stored tree is loaded");
        byte[] message = "released only when valid".getBytes();
        var sig = signer.sign(message);
        assertEquals(before + 1, builds(), "the bad path made the signer rebuild the tree");
        assertEquals(1, sig.q(), "leaf 0's attempt was never released and stays spent");
        assertTrue(LmsTest.bcVerifies(tree.publicKey(), message, sig));
        assertTrue(Files.readString(LmsLeafState.beside(keyFile)).contains("next_leaf = 2"));
        assertArrayEquals(good, Files.readAllBytes(treeFile), "the tree file is repaired");
    }

    @Test
    void theTreeFileHoldsEveryNodeOfTheTreeBuiltFromTheSeed(@TempDir Path other) throws Exception {
        Path keyFile = other.resolve("k-prvk.pem");
        LmsTreeCache.create(keyFile, tree);
        byte[] file = Files.readAllBytes(LmsTreeCache.beside(keyFile));
        assertArrayEquals(java.util.Arrays.copyOfRange(tree.nodes(), 24, tree.nodes().length),
                java.util.Arrays.copyOfRange(file, HEADER, file.length));
        assertArrayEquals("CLMSTRE1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), java.util.Arrays.copyOf(file, 8));
        assertArrayEquals(java.util.Arrays.copyOf(tree.publicKey().toBytes(), 24), java.util.Arrays.copyOfRange(file, 8, HEADER),
                "types and I, as the public key has them");
        assertArrayEquals(tree.publicKey().root().toByteArray(), java.util.Arrays.copyOfRange(file, node(1), node(1) + 24), "root");
    }
}
