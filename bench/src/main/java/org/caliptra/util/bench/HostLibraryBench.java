package org.caliptra.util.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.commands.hash.Hashing;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.protocol.cm.HashAlgorithm;
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
 * The host library's two numbers (issue 12), through the full stack — typed command, session
 * (timeouts, retries, statistics), MailboxTransport, in-process driver, the emulated MCU of a
 * caliptra-2.1 device booted with the development firmware, and for SHA the MCU's relay to the
 * core's CM_SHA_*:
 * <ul>
 *   <li>one GetFirmwareVersion (MC_FIRMWARE_VERSION) round trip; the raw mailbox round trip of the
 *       same command on the device is the floor below the library;
 *   <li>SHA-384 of 1 MiB through the streaming API ({@link Hashing#sha}), against JCA SHA-384 of
 *       the same megabyte, the baseline.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HostLibraryBench {
    static final int MESSAGE = 1 << 20;

    /** own-thread: the device's actor thread; caller-thread: the benchmark thread runs the device under its lock (the CLI's embedded target). */
    @org.openjdk.jmh.annotations.Param({"own-thread", "caller-thread"})
    public String device_thread;

    private final byte[] message = new byte[MESSAGE];
    private CaliptraDevice device;
    private CaliptraSession session;
    private byte[] versionRequest;
    private CaliptraSession echoSession;

    @Setup
    public void setUp() throws Exception {
        new SecureRandom().nextBytes(message);
        var config = DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build();
        device = device_thread.equals("own-thread") ? CaliptraDevice.create(config) : CaliptraDevice.createOnCallerThread(config);
        if (!DevelopmentFirmware.boot(device).booted()) {
            throw new IllegalStateException("the development firmware must boot");
        }
        session = new CaliptraSession(new MailboxTransport(InProcessMailboxDriver.selfBounded(device),
                CommandCatalog.builtIn().mailboxTable(DeviceKind.MCU)));
        session.connect();
        versionRequest = org.caliptra.util.protocol.mailbox.MailboxFrame.sealRequest(
                org.caliptra.util.protocol.mcu.McCommand.MC_FIRMWARE_VERSION.code(), new byte[4]);
        echoSession = new CaliptraSession(new EchoTransport());
        echoSession.connect();
        byte[] expected = MessageDigest.getInstance("SHA-384").digest(message);
        if (!MessageDigest.isEqual(expected, streamingSha384().value().toByteArray())) {
            throw new IllegalStateException("the device's SHA-384 disagrees with JCA");
        }
    }

    @TearDown
    public void tearDown() {
        session.close();
        echoSession.close();
        device.close();
    }

    @Benchmark
    public Object getFirmwareVersionThroughTheHostStack() {
        return DeviceInfo.getFirmwareVersion(session, 0);
    }

    @Benchmark
    public Object firmwareVersionMailboxRoundTrip() {
        return device.execute(org.caliptra.util.protocol.mcu.McCommand.MC_FIRMWARE_VERSION.code(), versionRequest);
    }

    /** The session's own cost: the same typed command against a transport that answers at once. */
    @Benchmark
    public Object getFirmwareVersionSessionOnly() {
        return DeviceInfo.getFirmwareVersion(echoSession, 0);
    }

    /** Answers every GetFirmwareVersion with a fixed 40-byte internal response, in the caller's thread. */
    static final class EchoTransport implements org.caliptra.util.host.transport.Transport {
        private static final byte[] RESPONSE = new byte[40];
        private boolean connected;

        static {
            RESPONSE[4] = 2;
        }

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public void connect() {
            connected = true;
        }

        @Override
        public void disconnect() {
            connected = false;
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public void send(int commandId, byte[] internalRequest) {
        }

        @Override
        public byte[] receive() {
            return RESPONSE.clone();
        }

        @Override
        public boolean callsAreSelfBounded() {
            return true;
        }
    }

    @Benchmark
    public org.caliptra.util.protocol.cm.CmHashCommands.Digest streamingSha384() {
        return Hashing.sha(session, HashAlgorithm.SHA384, ByteBuffer.wrap(message));
    }

    @Benchmark
    public byte[] jcaSha384() throws Exception {
        return MessageDigest.getInstance("SHA-384").digest(message);
    }
}
