package org.caliptra.util.bench;

import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.image.Sha384Digest;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccSignature;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.core.DpeCommands;
import org.caliptra.util.protocol.dpe.DpeFrame;
import org.caliptra.util.protocol.dpe.DpeProfile;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.CertifyKeyRequest;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.ContextHandle;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
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
 * DPE on a booted caliptra-1.2 device (the AST2700 bundle, production fuses), each an INVOKE_DPE
 * round trip through the core mailbox registers: GET_PROFILE (the mailbox and framing cost alone,
 * the baseline), SIGN (a CDI and key derived from the context path, one ECDSA signature) and
 * CERTIFY_KEY (the same derivation, then an X.509 certificate signed by the RT alias key); and one
 * in-process P-384 signature as the crypto floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DpeBench {
    static final int INVOKE_DPE = CaliptraCommand.INVOKE_DPE_ECC384.code();

    private CaliptraDevice booted;
    private byte[] getProfile;
    private byte[] sign;
    private byte[] certifyKey;
    private final EccPrivateKey key = EccPrivateKey.generate(new java.security.SecureRandom());
    private final Sha384Digest digest = Sha384Digest.fromBytes(new byte[48]);

    @Setup
    public void setUp() throws Exception {
        booted = Ast2700.bootedDevice();
        byte[] label = new byte[48];
        getProfile = invoke(DpeProfileCommands.GET_PROFILE.id(), DpeProfileCommands.GET_PROFILE.request().encode(NoFields.INSTANCE));
        sign = invoke(DpeProfileCommands.SIGN.id(), DpeProfileCommands.SIGN.request().encode(new DpeProfileCommands.SignRequest(
                ContextHandle.DEFAULT, Octets.of(label), 0, Octets.zeros(48))));
        certifyKey = invoke(DpeProfileCommands.CERTIFY_KEY_V1.id(), DpeProfileCommands.CERTIFY_KEY_V1.request().encode(
                new CertifyKeyRequest(ContextHandle.DEFAULT, 0, CertifyKeyRequest.FORMAT_X509, Octets.of(label))));
        for (byte[] request : new byte[][] {getProfile, sign, certifyKey}) {
            expectSuccess(booted.coreMailbox().execute(INVOKE_DPE, request));
        }
    }

    private static byte[] invoke(int id, byte[] body) {
        byte[] frame = DpeFrame.command(id, DpeProfile.P384_SHA384, body);
        return MailboxFrame.sealRequest(INVOKE_DPE, DpeCommands.INVOKE_DPE_ECC384_V1.encodeRequest(
                new DpeCommands.InvokeDpeRequest(Octets.of(frame))));
    }

    /** Data whose DPE status (after the 8-byte header, the 4-byte size and the DPE magic) is 0. */
    private static MailboxReply expectSuccess(MailboxReply reply) {
        if (!(reply instanceof MailboxReply.Data data) || java.nio.ByteBuffer.wrap(data.bytes())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(16) != 0) {
            throw new IllegalStateException("INVOKE_DPE answered " + reply);
        }
        return reply;
    }

    @TearDown
    public void tearDown() {
        booted.close();
    }

    @Benchmark
    public MailboxReply getProfileRoundTrip() {
        return booted.coreMailbox().execute(INVOKE_DPE, getProfile);
    }

    @Benchmark
    public MailboxReply signRoundTrip() {
        return booted.coreMailbox().execute(INVOKE_DPE, sign);
    }

    @Benchmark
    public MailboxReply certifyKeyRoundTrip() {
        return booted.coreMailbox().execute(INVOKE_DPE, certifyKey);
    }

    @Benchmark
    public EccSignature eccSignInProcess() {
        return key.signer().signDigest(digest);
    }
}
