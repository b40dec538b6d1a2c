package org.caliptra.util.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.cli.imgtool.ImgtoolConfig;
import org.caliptra.util.cli.imgtool.ImgtoolProject;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.flash.FlashImage;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.image.keys.Lms;
import org.caliptra.util.image.keys.LmsPublicKey;
import org.caliptra.util.image.keys.LmsSignature;
import org.caliptra.util.image.soc.SocManifest;
import org.caliptra.util.image.verify.FlashVerification;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.image.verify.SignatureChecks;
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
 * End-to-end verification of the ast2700-default ECC + LMS flash image (built here from
 * ../shared/testdata with a generated zephyr-mcu-runtime.bin) against the sum of its primitives,
 * measured in the same run: CRC-32 of the payload, SHA-384 of everything hashed, 6 ECDSA-P384
 * verifies (2 bundle, 4 manifest) and 6 LMS verifies.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FlashVerifyBench {
    private byte[] flash;
    private Fuses fuses;
    private final List<Object[]> ecdsa = new ArrayList<>();
    private final List<Object[]> lms = new ArrayList<>();
    private final List<byte[]> hashed = new ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        Path ast = Ast2700.root();
        Path work = Files.createTempDirectory("flashbench");
        Path prebuilt = Files.createDirectories(work.resolve("prebuilt"));
        try (var files = Files.list(ast.resolve("prebuilt/ast2700-default"))) {
            for (Path f : files.toList()) {
                Files.createSymbolicLink(prebuilt.resolve(f.getFileName()), f);
            }
        }
        byte[] mcu = new byte[50001];
        new Random(1).nextBytes(mcu);
        AtomicFiles.write(prebuilt.resolve("zephyr-mcu-runtime.bin"), mcu);
        var cfg = ImgtoolConfig.read(ast.resolve("config/ast2700-default-ecc-lms-manifest.toml"));
        Path keys = ast.resolve("key/ast2700-default");
        var project = new ImgtoolProject(cfg, keys, prebuilt, ast, true, new PrintWriter(new StringWriter()));
        byte[] manifest = project.buildManifest().toBytes();
        flash = project.buildFlash(manifest);
        fuses = Ast2700.fuses();
        if (!FlashVerification.verify(flash, fuses, Generation.V1, Map.of()).passed()) {
            throw new IllegalStateException("the flash image must verify");
        }
        byte[] bundle = Files.readAllBytes(prebuilt.resolve("caliptra-fw.bin"));
        var m = SocManifest.parse(manifest, "m");
        byte[] vendorHeader = Sha384.of(bundle, 0x1590, 116).toByteArray();
        byte[] ownerHeader = Sha384.of(bundle, 0x1590, 156).toByteArray();
        EccPublicKey vendorEcc = EccPublicKey.fromHw(bundle, 0x0008 + 3 * 96);
        EccPublicKey ownerFwEcc = EccPublicKey.fromHw(bundle, 0x0E44);
        LmsPublicKey vendorLms = LmsPublicKey.read(bundle, 0x0188 + 3 * 48);
        LmsPublicKey ownerFwLms = LmsPublicKey.read(bundle, 0x0EA4);
        byte[] vendorSpan = Sha384.of(m.vendorKeysSignedBytes()).toByteArray();
        byte[] ownerSpan = Sha384.of(m.ownerKeysSignedBytes()).toByteArray();
        byte[] svnSpan = Sha384.of(m.svnSignedBytes()).toByteArray();
        byte[] imc = Sha384.of(m.imcBytes()).toByteArray();
        ecdsa.add(new Object[] {vendorEcc, vendorHeader, EccSignature.fromHw(bundle, 0x0790)});
        ecdsa.add(new Object[] {ownerFwEcc, ownerHeader, EccSignature.fromHw(bundle, 0x0ED4)});
        ecdsa.add(new Object[] {vendorEcc, vendorSpan, m.vendorKeysEccSignature()});
        ecdsa.add(new Object[] {ownerFwEcc, ownerSpan, m.ownerKeysEccSignature()});
        ecdsa.add(new Object[] {ownerFwEcc, svnSpan, m.svnEccSignature()});
        ecdsa.add(new Object[] {m.ownerEccKey(), imc, m.imcOwnerEccSignature()});
        byte[] svnLms = m.svnPqcSignature().slice(0, 1620).toByteArray();
        byte[] q = {svnLms[3], svnLms[2], svnLms[1], svnLms[0]};
        System.arraycopy(q, 0, svnLms, 0, 4);
        lms.add(new Object[] {vendorLms, vendorHeader, LmsSignature.read(bundle, 0x07F0)});
        lms.add(new Object[] {ownerFwLms, ownerHeader, LmsSignature.read(bundle, 0x0F34)});
        lms.add(new Object[] {vendorLms, vendorSpan, new LmsSignature(m.vendorKeysPqcSignature())});
        lms.add(new Object[] {ownerFwLms, ownerSpan, new LmsSignature(m.ownerKeysPqcSignature())});
        lms.add(new Object[] {ownerFwLms, svnSpan, new LmsSignature(Octets.of(svnLms))});
        lms.add(new Object[] {LmsPublicKey.read(m.ownerPqcKey().toByteArray(), 0), imc, new LmsSignature(m.imcOwnerPqcSignature())});
        // what gets hashed: the bundle's signed parts and images, the manifest spans, every image in the flash
        hashed.add(java.util.Arrays.copyOfRange(bundle, 0x0008, 0x0788));
        hashed.add(java.util.Arrays.copyOfRange(bundle, 0x0E44, 0x0ED4));
        hashed.add(java.util.Arrays.copyOfRange(bundle, 0x1590, 0x1604));
        hashed.add(java.util.Arrays.copyOfRange(bundle, 0x1590, 0x162C));
        hashed.add(java.util.Arrays.copyOfRange(bundle, 0x162C, 0x16FC));
        hashed.add(java.util.Arrays.copyOfRange(bundle, 0x16FC, bundle.length));
        hashed.add(m.vendorKeysSignedBytes());
        hashed.add(m.ownerKeysSignedBytes());
        hashed.add(m.svnSignedBytes());
        hashed.add(m.imcBytes());
        var parsed = FlashImage.parse(flash, "bench");
        parsed.entries().stream().filter(e -> e.identifier() >= 3).forEach(e -> hashed.add(e.data().toByteArray()));
    }

    @Benchmark
    public FlashVerification.Report verifyFlashEndToEnd() {
        return FlashVerification.verify(flash, fuses, Generation.V1, Map.of());
    }

    @Benchmark
    public long primitiveCrc32OfPayload() {
        var crc = new CRC32();
        crc.update(flash, 0, 8);
        crc.update(flash, 16, flash.length - 16);
        return crc.getValue();
    }

    @Benchmark
    public int primitiveSha384OfHashedBytes() {
        int h = 0;
        for (byte[] b : hashed) {
            h ^= Sha384.of(b).hashCode();
        }
        return h;
    }

    @Benchmark
    public int primitiveSixEcdsaVerifies() {
        int ok = 0;
        for (Object[] e : ecdsa) {
            ok += SignatureChecks.ecdsa((EccPublicKey) e[0], (byte[]) e[1], (EccSignature) e[2]) == Lms.Check.VALID ? 1 : 0;
        }
        return ok;
    }

    @Benchmark
    public int primitiveSixLmsVerifies() {
        int ok = 0;
        for (Object[] e : lms) {
            ok += Lms.verify((LmsPublicKey) e[0], (byte[]) e[1], (LmsSignature) e[2]) == Lms.Check.VALID ? 1 : 0;
        }
        return ok;
    }

}
