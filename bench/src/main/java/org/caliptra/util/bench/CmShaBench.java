package org.caliptra.util.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.image.build.BundleOptions;
import org.caliptra.util.image.build.FirmwareImage;
import org.caliptra.util.image.build.FwBundleBuilder;
import org.caliptra.util.image.build.OwnerKeys;
import org.caliptra.util.image.build.PqcSigning;
import org.caliptra.util.image.build.VendorKeys;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.caliptra.util.soc.fuses.FuseSet;
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
 * SHA-384 of 1 MiB through a booted caliptra-2.1 device's cryptographic mailbox — CM_SHA_INIT with
 * the first 4 KiB, 255 CM_SHA_UPDATEs of 4 KiB, CM_SHA_FINAL, each a checksummed mailbox round
 * trip carrying the 200-byte context — against JCA SHA-384 of the same megabyte, the baseline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CmShaBench {
    static final int CHUNK = 4096;
    static final int MESSAGE = 1 << 20;
    static final int INIT = CaliptraCommand.CM_SHA_INIT.code();
    static final int UPDATE = CaliptraCommand.CM_SHA_UPDATE.code();
    static final int FINAL = CaliptraCommand.CM_SHA_FINAL.code();
    static final int SHA384 = 1;
    static final int CONTEXT = 200;

    private CaliptraDevice device;
    private final byte[] message = new byte[MESSAGE];
    private byte[] expected;

    @Setup
    public void setUp() throws Exception {
        new SecureRandom().nextBytes(message);
        expected = MessageDigest.getInstance("SHA-384").digest(message);
        var random = new SecureRandom();
        var vendorEcc = EccPrivateKey.generate(random);
        var vendorMldsa = MldsaPrivateKey.generate(random);
        var vendor = new VendorKeys(List.of(vendorEcc.publicKey()), 0, vendorEcc.signer(), List.of(vendorMldsa.publicKey().bytes()), 0,
                new PqcSigning.Mldsa(vendorMldsa.signer()));
        var owner = new OwnerKeys(EccPrivateKey.generate(random).signer(), new PqcSigning.Mldsa(MldsaPrivateKey.generate(random).signer()));
        byte[] bundle = FwBundleBuilder.buildV2(FirmwareImage.of(new byte[1024], 0x4000_0000, 0x4000_0000),
                FirmwareImage.of(new byte[1024], 0x4000_1000, 0x4000_1000), vendor, owner,
                BundleOptions.defaults().withPl0Pauser(1)).toBytes();
        device = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build());
        device.setRequesterUser(1);
        if (!new BootFlow(device).run(BootPlan.firmwareOnly(FuseSet.defaults(Profile.CALIPTRA_2_1.generation()), Octets.of(bundle))).booted()) {
            throw new IllegalStateException("the 2.x bundle must boot");
        }
        byte[] fin = cmSha384();
        if (!MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(fin, 4, 52))) {
            throw new IllegalStateException("CM_SHA disagrees with JCA");
        }
    }

    @TearDown
    public void tearDown() {
        device.close();
    }

    private byte[] fields(int command, byte[] request) {
        MailboxReply reply = device.coreMailbox().execute(command, MailboxFrame.sealRequest(command, request));
        if (!(reply instanceof MailboxReply.Data data)) {
            throw new IllegalStateException(String.format("0x%08X answered %s", command, reply));
        }
        return MailboxFrame.openResponse(data.bytes(), "CM_SHA").fields();
    }

    @Benchmark
    public byte[] cmSha384() {
        byte[] init = ByteBuffer.allocate(8 + CHUNK).order(ByteOrder.LITTLE_ENDIAN).putInt(SHA384).putInt(CHUNK)
                .put(message, 0, CHUNK).array();
        byte[] context = fields(INIT, init);
        for (int off = CHUNK; off < MESSAGE; off += CHUNK) {
            byte[] update = ByteBuffer.allocate(CONTEXT + 4 + CHUNK).order(ByteOrder.LITTLE_ENDIAN).put(context).putInt(CHUNK)
                    .put(message, off, CHUNK).array();
            context = fields(UPDATE, update);
        }
        byte[] fin = ByteBuffer.allocate(CONTEXT + 4).order(ByteOrder.LITTLE_ENDIAN).put(context).putInt(0).array();
        return fields(FINAL, fin);
    }

    @Benchmark
    public byte[] jcaSha384() throws Exception {
        return MessageDigest.getInstance("SHA-384").digest(message);
    }
}
