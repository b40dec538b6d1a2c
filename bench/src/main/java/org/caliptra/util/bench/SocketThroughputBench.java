package org.caliptra.util.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caliptra.util.host.transport.socket.CptrRegisterBus;
import org.caliptra.util.host.transport.socket.I3cSocketMctpDriver;
import org.caliptra.util.host.transport.socket.MboxSocketMailboxDriver;
import org.caliptra.util.host.transport.socket.UdpMailboxDriver;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 64 clients at once against one served device (issue 13's aggregate number): client i uses
 * endpoint i mod 4 — UDP and MBOX MC_FIRMWARE_VERSION, MCTP-I3C FirmwareVersion, a CPTR register
 * read — and sends small commands back to back. The score is the commands per second of all 64.
 * {@code mixedEcho} is the same run's baseline: the same 64 lanes, each a plain JDK echo of its
 * message size over the same socket type. With 64 busy threads on two cores the JIT needs about
 * 25 s to settle, hence the long warm-up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(64)
public class SocketThroughputBench {
    private static final AtomicInteger LANES = new AtomicInteger();

    /** One client on one endpoint. */
    @State(Scope.Thread)
    public static class Client {
        /** all: lane i uses endpoint i mod 4; udp, mbox, i3c or apb: every lane uses that endpoint. */
        @org.openjdk.jmh.annotations.Param({"all"})
        public String lanes;
        int endpoint;
        UdpMailboxDriver udp;
        MboxSocketMailboxDriver mbox;
        I3cSocketMctpDriver i3c;
        CptrRegisterBus apb;
        EchoSockets.DatagramClient udpEcho;
        EchoSockets.StreamClient streamEcho;
        int turn;

        @Setup(Level.Trial)
        public void open(SocketEndpointBench.Served served) {
            endpoint = switch (lanes) {
                case "all" -> LANES.getAndIncrement() & 3;
                case "udp" -> 0;
                case "mbox" -> 1;
                case "i3c" -> 2;
                case "apb" -> 3;
                default -> throw new IllegalArgumentException("lanes must be all, udp, mbox, i3c or apb, not " + lanes);
            };
            switch (endpoint) {
                case 0 -> {
                    udp = new UdpMailboxDriver(served.udp, Duration.ofSeconds(5), 5);
                    udp.connect();
                }
                case 1 -> {
                    mbox = new MboxSocketMailboxDriver(served.mbox, "mbox bench", SocketEndpointBench.TIMEOUTS, 16 * 1024);
                    mbox.connect();
                }
                case 2 -> {
                    i3c = new I3cSocketMctpDriver(served.i3c, I3cSocketMctpDriver.DEFAULT_TARGET_ADDRESS, Duration.ofSeconds(30));
                    i3c.connect();
                }
                default -> apb = CptrRegisterBus.connect(served.apb, "apb bench", SocketEndpointBench.TIMEOUTS);
            }
            // the same lanes' echo clients: message sizes as in SocketEndpointBench
            switch (endpoint) {
                case 0 -> udpEcho = new EchoSockets.DatagramClient(served.udpEcho, 12);
                case 1 -> streamEcho = new EchoSockets.StreamClient(served.tcpEcho, 28);
                case 2 -> streamEcho = new EchoSockets.StreamClient(served.tcpEcho, 25);
                default -> streamEcho = new EchoSockets.StreamClient(served.tcpEcho, 16);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            switch (endpoint) {
                case 0 -> udp.disconnect();
                case 1 -> mbox.disconnect();
                case 2 -> i3c.disconnect();
                default -> apb.close();
            }
            if (udpEcho != null) {
                udpEcho.close();
            } else {
                streamEcho.close();
            }
        }
    }

    @Benchmark
    public Object mixedCommands(Client c) {
        return switch (c.endpoint) {
            case 0 -> c.udp.sendCommand(SocketEndpointBench.MC_FIRMWARE_VERSION, SocketEndpointBench.VERSION_REQUESTS[c.turn++ & 1]);
            case 1 -> c.mbox.sendCommand(SocketEndpointBench.MC_FIRMWARE_VERSION, SocketEndpointBench.VERSION_REQUESTS[c.turn++ & 1]);
            case 2 -> c.i3c.sendRequest(SocketEndpointBench.VDM_FIRMWARE_VERSION);
            default -> c.apb.read32(SocketEndpointBench.SCRATCH);
        };
    }

    /** The baseline of the same run: each lane's plain JDK echo of its message size, 64 at once. */
    @Benchmark
    public int mixedEcho(Client c) throws Exception {
        return c.endpoint == 0 ? c.udpEcho.roundTrip() : c.streamEcho.roundTrip();
    }
}
