package org.caliptra.util.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.server.DeviceEndpoints;
import org.caliptra.util.emulator.server.EmulatorServer;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.socket.ApbMailboxDriver;
import org.caliptra.util.host.transport.socket.CptrRegisterBus;
import org.caliptra.util.host.transport.socket.I3cSocketMctpDriver;
import org.caliptra.util.host.transport.socket.MboxSocketMailboxDriver;
import org.caliptra.util.host.transport.socket.SocketTimeouts;
import org.caliptra.util.host.transport.socket.UdpMailboxDriver;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
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
 * The served device's round trips (issue 13), each beside a plain JDK echo over the same socket
 * type with messages of the same size, measured in the same run: the echo is what the kernel and
 * the JVM cost anyway, so command / echo is what the emulator's server adds.
 *
 * <ul>
 *   <li>UDP: MC_FIRMWARE_VERSION through {@link UdpMailboxDriver} (indices 0 and 1 in turn, as
 *       mixed traffic is: a repeat of the same bytes goes out from a fresh port) vs a UDP echo of
 *       the request's 12 bytes;
 *   <li>MBOX: MC_FIRMWARE_VERSION through {@link MboxSocketMailboxDriver} vs a TCP echo of the MBOX
 *       request frame's 28 bytes;
 *   <li>MCTP over I3C: FirmwareVersion through {@link I3cSocketMctpDriver} (the request's private
 *       write and the client's early private read out together; the IBI and the read data back) vs
 *       a TCP echo of the 25-byte write;
 *   <li>CPTR: one APB_READ through {@link CptrRegisterBus} vs a TCP echo of its 16 bytes (the
 *       per-access ratio), and a whole register-level FIPS_VERSION transaction on the core mailbox.
 * </ul>
 * Sample mode gives the p50 and p99 of each. {@link SocketThroughputBench} runs 64 clients at once.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SocketEndpointBench {
    static final int SCRATCH = 0x3003_0034;
    static final SocketTimeouts TIMEOUTS = new SocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    static final int MC_FIRMWARE_VERSION = McCommand.MC_FIRMWARE_VERSION.code();
    static final byte[][] VERSION_REQUESTS = {index(0), index(1)};
    /** VDM FirmwareVersion, area 0: IANA 0x0000A67F big-endian, request bit, command 1, area u32 LE. */
    static final byte[] VDM_FIRMWARE_VERSION = {0, 0, (byte) 0xA6, 0x7F, (byte) 0x80, 0x01, 0, 0, 0, 0};
    static final byte[] FIPS_VERSION_REQUEST = MailboxFrame.sealRequest(CaliptraCommand.VERSION.code(), new byte[0]);

    /** One booted caliptra-2.1 device on all four endpoints, and the echo servers. */
    @State(Scope.Benchmark)
    public static class Served {
        /** own-thread: the device's actor thread serves every request; caller-thread: the event loop runs it under the device's lock. */
        @org.openjdk.jmh.annotations.Param({"own-thread", "caller-thread"})
        public String device_thread;
        CaliptraDevice device;
        EmulatorServer server;
        EchoSockets echo;
        InetSocketAddress udp;
        InetSocketAddress mbox;
        InetSocketAddress i3c;
        InetSocketAddress apb;
        InetSocketAddress udpEcho;
        InetSocketAddress tcpEcho;

        @Setup
        public void start() throws Exception {
            var config = DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build();
            device = device_thread.equals("own-thread") ? CaliptraDevice.create(config) : CaliptraDevice.createOnCallerThread(config);
            if (!DevelopmentFirmware.boot(device).booted()) {
                throw new IllegalStateException("the development firmware must boot");
            }
            var endpoints = DeviceEndpoints.of(device, DevelopmentFirmware.PL0_REQUESTER);
            server = EmulatorServer.builder()
                    .udp(DeviceEndpoints.UDP, EmulatorServer.loopback(0), endpoints.udp())
                    .tcp(DeviceEndpoints.MBOX, EmulatorServer.loopback(0), endpoints.mbox())
                    .tcp(DeviceEndpoints.I3C, EmulatorServer.loopback(0), endpoints.i3c())
                    .tcp(DeviceEndpoints.APB, EmulatorServer.loopback(0), endpoints.cptr())
                    .build();
            List<EmulatorServer.Endpoint> bound = server.start();
            udp = (InetSocketAddress) bound.get(0).address();
            mbox = (InetSocketAddress) bound.get(1).address();
            i3c = (InetSocketAddress) bound.get(2).address();
            apb = (InetSocketAddress) bound.get(3).address();
            echo = new EchoSockets();
            udpEcho = echo.udp();
            tcpEcho = echo.tcp();
        }

        @TearDown
        public void stop() throws Exception {
            echo.close();
            server.close();
            device.close();
        }
    }

    /** One client of each kind, as one caller holds them. */
    @State(Scope.Thread)
    public static class Clients {
        UdpMailboxDriver udp;
        MboxSocketMailboxDriver mbox;
        I3cSocketMctpDriver i3c;
        CptrRegisterBus apb;
        ApbMailboxDriver apbMailbox;
        EchoSockets.DatagramClient udpEcho;
        EchoSockets.StreamClient mboxEcho;
        EchoSockets.StreamClient i3cEcho;
        EchoSockets.StreamClient apbEcho;
        int turn;

        @Setup(Level.Trial)
        public void open(Served served) {
            udp = new UdpMailboxDriver(served.udp, Duration.ofSeconds(5), 2);
            udp.connect();
            mbox = new MboxSocketMailboxDriver(served.mbox, "mbox bench", TIMEOUTS, 16 * 1024);
            mbox.connect();
            i3c = new I3cSocketMctpDriver(served.i3c, I3cSocketMctpDriver.DEFAULT_TARGET_ADDRESS, Duration.ofSeconds(30));
            i3c.connect();
            apb = CptrRegisterBus.connect(served.apb, "apb bench", TIMEOUTS);
            apbMailbox = new ApbMailboxDriver(served.apb, "apb bench", TIMEOUTS, DeviceKind.CALIPTRA_CORE,
                    MailboxRegisters.core(Generation.V2));
            apbMailbox.connect();
            udpEcho = new EchoSockets.DatagramClient(served.udpEcho, 12);
            mboxEcho = new EchoSockets.StreamClient(served.tcpEcho, 28);
            i3cEcho = new EchoSockets.StreamClient(served.tcpEcho, 25);
            apbEcho = new EchoSockets.StreamClient(served.tcpEcho, 16);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            udp.disconnect();
            mbox.disconnect();
            i3c.disconnect();
            apb.close();
            apbMailbox.disconnect();
            udpEcho.close();
            mboxEcho.close();
            i3cEcho.close();
            apbEcho.close();
        }

        byte[] nextVersionRequest() {
            return VERSION_REQUESTS[turn++ & 1];
        }
    }

    @Benchmark
    public byte[] udpFirmwareVersion(Clients c) {
        return c.udp.sendCommand(MC_FIRMWARE_VERSION, c.nextVersionRequest());
    }

    @Benchmark
    public int udpEcho(Clients c) throws Exception {
        return c.udpEcho.roundTrip();
    }

    @Benchmark
    public byte[] mboxFirmwareVersion(Clients c) {
        return c.mbox.sendCommand(MC_FIRMWARE_VERSION, c.nextVersionRequest());
    }

    @Benchmark
    public int mboxEcho(Clients c) throws Exception {
        return c.mboxEcho.roundTrip();
    }

    @Benchmark
    public byte[] i3cFirmwareVersion(Clients c) {
        return c.i3c.sendRequest(VDM_FIRMWARE_VERSION);
    }

    @Benchmark
    public int i3cEcho(Clients c) throws Exception {
        return c.i3cEcho.roundTrip();
    }

    @Benchmark
    public int apbRead(Clients c) {
        return c.apb.read32(SCRATCH);
    }

    @Benchmark
    public int apbEcho(Clients c) throws Exception {
        return c.apbEcho.roundTrip();
    }

    /** A whole FIPS_VERSION transaction on the core mailbox, register by register over CPTR. */
    @Benchmark
    public byte[] apbFipsVersionTransaction(Clients c) {
        return c.apbMailbox.sendCommand(CaliptraCommand.VERSION.code(), FIPS_VERSION_REQUEST);
    }

    private static byte[] index(int i) {
        return MailboxFrame.sealRequest(MC_FIRMWARE_VERSION, new byte[] {(byte) i, 0, 0, 0});
    }
}
