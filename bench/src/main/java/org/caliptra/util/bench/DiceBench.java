package org.caliptra.util.bench;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.regs.ShaAccRegs;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DICE identity of a booted caliptra-1.2 device (the AST2700 bundle, production fuses): the
 * GET_RT_ALIAS_CERT and ECDSA384_VERIFY round trips through the core mailbox registers, and a cold
 * boot that derives the whole chain (every certificate read once) against the same boot that asks
 * for no certificate — the ROM and FMC derive lazily, so that boot derives nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DiceBench {
    static final int GET_LDEV_CERT = CaliptraCommand.GET_LDEV_ECC384_CERT.code();
    static final int GET_FMC_ALIAS_CERT = CaliptraCommand.GET_FMC_ALIAS_ECC384_CERT.code();
    static final int GET_RT_ALIAS_CERT = CaliptraCommand.GET_RT_ALIAS_ECC384_CERT.code();
    static final int ECDSA384_VERIFY = CaliptraCommand.ECDSA384_VERIFY.code();

    private BootPlan plan;
    private CaliptraDevice booted;
    private final byte[] rtAliasRequest = MailboxFrame.sealRequest(GET_RT_ALIAS_CERT, new byte[0]);
    private final byte[] ldevRequest = MailboxFrame.sealRequest(GET_LDEV_CERT, new byte[0]);
    private final byte[] fmcRequest = MailboxFrame.sealRequest(GET_FMC_ALIAS_CERT, new byte[0]);
    private byte[] verifyRequest;

    @Setup
    public void setUp() throws Exception {
        plan = Ast2700.bootPlan();
        booted = Ast2700.bootedDevice();
        // The SoC hashes a message through the SHA accelerator; ECDSA384_VERIFY checks a signature over it.
        byte[] message = new byte[256];
        new SecureRandom().nextBytes(message);
        byte[] digest = streamThroughShaAcc(booted, message);
        var key = EccPrivateKey.generate(new SecureRandom());
        var sig = key.signer().signDigest(Sha384Digest.fromBytes(digest));
        byte[] fields = ByteBuffer.allocate(192).put(key.publicKey().x().toByteArray()).put(key.publicKey().y().toByteArray())
                .put(sig.r().toByteArray()).put(sig.s().toByteArray()).array();
        verifyRequest = MailboxFrame.sealRequest(ECDSA384_VERIFY, fields);
        expectData(booted.coreMailbox().execute(ECDSA384_VERIFY, verifyRequest), "ECDSA384_VERIFY");
        expectData(booted.coreMailbox().execute(GET_RT_ALIAS_CERT, rtAliasRequest), "GET_RT_ALIAS_CERT");
    }

    @TearDown
    public void tearDown() {
        booted.close();
    }

    private static byte[] streamThroughShaAcc(CaliptraDevice d, byte[] message) {
        int base = ShaAccRegs.BASE;
        if (d.read32(base + ShaAccRegs.LOCK) != 0) {
            throw new IllegalStateException("SHA accelerator locked");
        }
        d.write32(base + ShaAccRegs.MODE, ShaAccRegs.MODE_STREAM_384);
        d.write32(base + ShaAccRegs.DLEN, message.length);
        for (int i = 0; i < message.length; i += 4) {
            d.write32(base + ShaAccRegs.DATAIN, ByteBuffer.wrap(message, i, 4).getInt());
        }
        d.write32(base + ShaAccRegs.EXECUTE, 1);
        byte[] digest = new byte[48];
        for (int i = 0; i < 12; i++) {
            ByteBuffer.wrap(digest).putInt(4 * i, d.read32(base + ShaAccRegs.DIGEST + 4 * i));
        }
        d.write32(base + ShaAccRegs.LOCK, 1);
        return digest;
    }

    private static MailboxReply expectData(MailboxReply reply, String what) {
        if (!(reply instanceof MailboxReply.Data)) {
            throw new IllegalStateException(what + " answered " + reply);
        }
        return reply;
    }

    @Benchmark
    public MailboxReply getRtAliasCertRoundTrip() {
        return booted.coreMailbox().execute(GET_RT_ALIAS_CERT, rtAliasRequest);
    }

    @Benchmark
    public MailboxReply ecdsa384VerifyRoundTrip() {
        return booted.coreMailbox().execute(ECDSA384_VERIFY, verifyRequest);
    }

    /** A device powered on but not yet fused, so the boot benchmarks leave out thread start-up. */
    @State(Scope.Thread)
    public static class PoweredOnDevice {
        CaliptraDevice device;

        @Setup(Level.Invocation)
        public void powerOn() {
            device = Ast2700.lockedProductionDevice();
        }

        @TearDown(Level.Invocation)
        public void powerOff() {
            device.close();
        }
    }

    /** The baseline: fuses to runtime ready, no certificate asked for. */
    @Benchmark
    public boolean coldBootWithoutCertificates(PoweredOnDevice powered) {
        return new BootFlow(powered.device).run(plan).booted();
    }

    /** The same boot, then the LDevID, FMC alias and RT alias certificates: every layer derived and signed. */
    @Benchmark
    public MailboxReply coldBootWithDiceDerivation(PoweredOnDevice powered) {
        if (!new BootFlow(powered.device).run(plan).booted()) {
            throw new IllegalStateException("boot failed");
        }
        var mailbox = powered.device.coreMailbox();
        expectData(mailbox.execute(GET_LDEV_CERT, ldevRequest), "GET_LDEV_CERT");
        expectData(mailbox.execute(GET_FMC_ALIAS_CERT, fmcRequest), "GET_FMC_ALIAS_CERT");
        return expectData(mailbox.execute(GET_RT_ALIAS_CERT, rtAliasRequest), "GET_RT_ALIAS_CERT");
    }
}
