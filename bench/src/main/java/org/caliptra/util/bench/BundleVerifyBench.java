package org.caliptra.util.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.bundle.FwBundle;
import org.caliptra.util.image.bundle.ManifestV1;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.image.verify.RomVerifier;
import org.caliptra.util.image.verify.SignatureChecks;
import org.caliptra.util.image.verify.VerificationResult;
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

/**
 * Verify of the real AST2700 bundle against the sum of its primitives, measured in the same run:
 * SHA-384 of everything the ROM hashes, 2 ECDSA-P384 verifies, 2 LMS verifies. Reads
 * ../shared/testdata (override with -Dcaliptra.testdata=DIR).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BundleVerifyBench {
    private byte[] bundle;
    private Fuses fuses;
    private EccPublicKey vendorEcc;
    private EccPublicKey ownerEcc;
    private EccSignature vendorEccSig;
    private EccSignature ownerEccSig;
    private LmsPublicKey vendorLms;
    private LmsPublicKey ownerLms;
    private LmsSignature vendorLmsSig;
    private LmsSignature ownerLmsSig;
    private byte[] vendorDigest;
    private byte[] ownerDigest;

    @Setup
    public void setUp() throws Exception {
        bundle = Files.readAllBytes(Ast2700.root().resolve("prebuilt/ast2700-default/caliptra-fw.bin"));
        fuses = Ast2700.fuses();
        var m = ((FwBundle.V1) FwBundle.parse(bundle, "bench")).manifest();
        vendorEcc = m.vendorEccKeys().get(m.vendorEccKeyIndex());
        ownerEcc = m.ownerEccKey();
        vendorEccSig = m.vendorEccSignature();
        ownerEccSig = m.ownerEccSignature();
        vendorLms = m.vendorLmsKeys().get(m.vendorLmsKeyIndex());
        ownerLms = m.ownerLmsKey();
        vendorLmsSig = m.vendorLmsSignature();
        ownerLmsSig = m.ownerLmsSignature();
        vendorDigest = Sha384.of(bundle, ManifestV1.OFF_HEADER, 116).toByteArray();
        ownerDigest = Sha384.of(bundle, ManifestV1.OFF_HEADER, 156).toByteArray();
        if (!(RomVerifier.verify(bundle, fuses) instanceof VerificationResult.Accepted)) {
            throw new IllegalStateException("the bundle must verify");
        }
    }

    @Benchmark
    public VerificationResult verifyBundle() {
        return RomVerifier.verify(bundle, fuses);
    }

    @Benchmark
    public FwBundle parseBundle() {
        return FwBundle.parse(bundle, "bench");
    }

    /** SHA-384 over every byte range the ROM hashes: keys, headers, TOC, FMC and runtime. */
    @Benchmark
    public Octets primitiveSha384OfSignedBytes() {
        Sha384.of(bundle, 0x0008, 0x0780);
        Sha384.of(bundle, 0x0E44, 0x90);
        Sha384.of(bundle, 0x1590, 116);
        Sha384.of(bundle, 0x1590, 156);
        Sha384.of(bundle, 0x162C, 208);
        Sha384.of(bundle, 0x16FC, 18848);
        return Sha384.of(bundle, 0x609C, 83416);
    }

    @Benchmark
    public Lms.Check primitiveTwoEcdsaP384Verifies() {
        SignatureChecks.ecdsa(vendorEcc, vendorDigest, vendorEccSig);
        return SignatureChecks.ecdsa(ownerEcc, ownerDigest, ownerEccSig);
    }

    @Benchmark
    public Lms.Check primitiveTwoLmsVerifies() {
        Lms.verify(vendorLms, vendorDigest, vendorLmsSig);
        return Lms.verify(ownerLms, ownerDigest, ownerLmsSig);
    }

}
