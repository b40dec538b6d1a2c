package org.caliptra.util.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.image.keys.LmsLeafState;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.keys.LmsSigners;
import org.caliptra.util.image.keys.LmsTree;
import org.caliptra.util.image.keys.LmsTreeCache;
import org.caliptra.util.image.sign.LmsSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LMS_SHA256_M24_H15: full-tree key generation (2^15 OTS keys, parallel), zero-leaf signing, and
 * what one full-tree signature costs a bundle build: loading the key's stored tree (checked against
 * the public key) and signing at a fresh, durably reserved leaf.
 */
@Fork(1)
@State(Scope.Benchmark)
public class LmsBench {
    private LmsPrivateKey key;
    private LmsSigner zeroLeaf;
    private final byte[] digest = new byte[48];
    private Path dir;
    private Path keyFile;
    private LmsPublicKey fullTreePublicKey;

    @Setup
    public void setUp() throws IOException {
        key = LmsPrivateKey.generate(new SecureRandom());
        zeroLeaf = LmsSigners.zeroLeaf(key);
        dir = Files.createTempDirectory("lms-bench");
        keyFile = dir.resolve("k-prvk.pem");
        KeyFiles.writeLmsPrivate(key, keyFile);
        LmsTree tree = key.buildFullTree(null);
        fullTreePublicKey = tree.publicKey();
        LmsTreeCache.create(keyFile, tree);
        new LmsLeafState(LmsLeafState.beside(keyFile), key.id()).initialise();
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public LmsPublicKey fullTreeKeygenH15() {
        return LmsPrivateKey.generate(new SecureRandom()).fullTreePublicKey(null);
    }

    /** forKey (reads and checks the tree file) and one signature: the LMS work of one bundle key. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public LmsSignature fullTreeSignWithStoredTree() {
        digest[1]++;
        return LmsSigners.forKey(key, fullTreePublicKey, keyFile).sign(digest);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public LmsSignature zeroLeafSign() {
        digest[0]++;
        return zeroLeaf.sign(digest);
    }
}
