package org.caliptra.util.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.image.keys.LmsPrivateKey;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.keys.LmsSigners;
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
import org.openjdk.jmh.annotations.Warmup;

/** LMS_SHA256_M24_H15: full-tree key generation (2^15 OTS keys, parallel) and zero-leaf signing. */
@Fork(1)
@State(Scope.Benchmark)
public class LmsBench {
    private LmsPrivateKey key;
    private LmsSigner zeroLeaf;
    private final byte[] digest = new byte[48];

    @Setup
    public void setUp() {
        key = LmsPrivateKey.generate(new SecureRandom());
        zeroLeaf = LmsSigners.zeroLeaf(key);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public LmsPublicKey fullTreeKeygenH15() {
        return LmsPrivateKey.generate(new SecureRandom()).fullTreePublicKey(null);
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
