package org.caliptra.util.bench;

import java.util.concurrent.TimeUnit;
import org.caliptra.util.cli.target.OpenTarget;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.commands.deviceinfo.GetDeviceId;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McCommand;
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
 * The walking skeleton's hot path: the mailbox checksum, one MC_DEVICE_ID through the emulated
 * MCU mailbox registers, and the same command through the whole host stack (session, transport,
 * driver, device thread).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MailboxBench {
    private final byte[] fourKiB = new byte[4096];
    private final byte[] deviceIdRequest = MailboxFrame.sealRequest(McCommand.MC_DEVICE_ID.code(), new byte[0]);
    private CaliptraDevice device;
    private OpenTarget target;
    private CaliptraSession session;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < fourKiB.length; i++) {
            fourKiB[i] = (byte) (i * 31);
        }
        device = CaliptraDevice.createDefault();
        target = Targets.open("emulator");
        session = target.connect();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        target.close();
        device.close();
    }

    @Benchmark
    public int checksum4KiB() {
        return MailboxChecksum.compute(McCommand.MC_SHA_INIT.code(), fourKiB);
    }

    @Benchmark
    public MailboxReply deviceMailboxRoundTrip() {
        return device.execute(McCommand.MC_DEVICE_ID.code(), deviceIdRequest);
    }

    @Benchmark
    public GetDeviceId.Response getDeviceIdThroughTheHostStack() {
        return DeviceInfo.getDeviceId(session);
    }
}
