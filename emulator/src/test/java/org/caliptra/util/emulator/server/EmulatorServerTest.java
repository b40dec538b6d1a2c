package org.caliptra.util.emulator.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.caliptra.util.soc.mailbox.RegisterMailboxDriver;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server on real sockets (TCP on loopback with ephemeral ports, Unix sockets in a temporary
 * directory) in front of a caliptra-2.1 device booted with the development bundle: ready lines,
 * answers, many clients at once on every endpoint, malformed frames that close only their own
 * connection, idle timeouts, socket files. Every client runs as a future with a bounded wait.
 */
class EmulatorServerTest {
    /** CPTRA_HW_REV_ID (soc_ifc 0x0D4); the emulator reports 0x112 for 2.x (spec/device.md §1.3). */
    private static final int HW_REV_ID = 0x3003_00D4;
    private static final int MC_DEVICE_ID = 0x4D44_4944;
    private static final int FIPS_VERSION = 0x4650_5652;
    private static final int FW_INFO = 0x494E_464F;
    private static final long WAIT_SECONDS = 120;

    private static CaliptraDevice device;

    @TempDir
    Path dir;

    @BeforeAll
    static void boot() {
        device = CaliptraDevice.create(DeviceConfig.defaults());
        assertTrue(DevelopmentFirmware.boot(device).booted());
    }

    @AfterAll
    static void close() {
        device.close();
    }

    private static DeviceEndpoints endpoints() {
        return DeviceEndpoints.of(device, DevelopmentFirmware.PL0_REQUESTER);
    }

    private EmulatorServer server(EmulatorServer.IoMode mode, Duration idle) {
        var endpoints = endpoints();
        return EmulatorServer.builder().ioMode(mode).idleTimeout(idle)
                .unix(DeviceEndpoints.APB, dir.resolve("apb.sock"), endpoints.cptr())
                .tcp(DeviceEndpoints.APB, EmulatorServer.loopback(0), endpoints.cptr())
                .unix(DeviceEndpoints.MBOX, dir.resolve("mbox.sock"), endpoints.mbox())
                .tcp(DeviceEndpoints.MBOX, EmulatorServer.loopback(0), endpoints.mbox())
                .build();
    }

    private static void requireMode(EmulatorServer.IoMode mode) {
        if (mode == EmulatorServer.IoMode.EPOLL) {
            Prerequisites.require(Epoll.isAvailable(), "Netty's epoll native library does not load here: " + Epoll.unavailabilityCause());
        }
    }

    private static <T> List<T> all(List<Callable<T>> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            var futures = new ArrayList<Future<T>>();
            for (Callable<T> c : clients) {
                futures.add(pool.submit(c));
            }
            var results = new ArrayList<T>();
            for (Future<T> f : futures) {
                results.add(f.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** MC_DEVICE_ID's SRAM response: checksum, fips_status, then vendor, device, subsystem vendor, subsystem ids (u16 LE). */
    private static List<Integer> deviceIds(MboxMessage.Response response) {
        assertEquals(MailboxStatus.CMD_COMPLETE, response.status(), "the MCU mailbox reports 2 for a success with data");
        var fields = ByteBuffer.wrap(MailboxFrame.openResponse(response.data().toByteArray(), "MC_DEVICE_ID").fields())
                .order(ByteOrder.LITTLE_ENDIAN);
        return List.of(fields.getShort() & 0xFFFF, fields.getShort() & 0xFFFF, fields.getShort() & 0xFFFF, fields.getShort() & 0xFFFF);
    }

    private static final List<Integer> DEFAULT_IDS = List.of(0xCA11, 0x0021, 0xCA11, 0x0001);

    @ParameterizedTest
    @EnumSource(value = EmulatorServer.IoMode.class, names = {"NIO", "EPOLL"})
    void everyEndpointIsAnnouncedAndAnswersOnBothTransports(EmulatorServer.IoMode mode) throws Exception {
        requireMode(mode);
        try (var server = server(mode, EmulatorServer.DEFAULT_IDLE_TIMEOUT)) {
            var endpoints = server.start();
            assertEquals(mode == EmulatorServer.IoMode.EPOLL, server.usesEpoll());
            assertEquals(4, endpoints.size());
            assertEquals("apb unix:" + dir.resolve("apb.sock"), endpoints.get(0).toString());
            assertTrue(endpoints.get(1).toString().matches("apb 127\\.0\\.0\\.1:[1-9][0-9]*"), endpoints.get(1).toString());
            assertEquals("mbox unix:" + dir.resolve("mbox.sock"), endpoints.get(2).toString());
            assertTrue(endpoints.get(3).toString().matches("mbox 127\\.0\\.0\\.1:[1-9][0-9]*"), endpoints.get(3).toString());
            assertTrue(Files.exists(dir.resolve("apb.sock")));
            for (var apb : endpoints.subList(0, 2)) {
                try (var client = TestClient.connect(apb)) {
                    assertEquals(0x112, client.bus().read32(HW_REV_ID) & 0xFFFF, apb.toString());
                }
            }
            for (var mbox : endpoints.subList(2, 4)) {
                try (var client = TestClient.connect(mbox)) {
                    assertEquals(DEFAULT_IDS, deviceIds(client.execute(MC_DEVICE_ID, MailboxFrame.sealRequest(MC_DEVICE_ID, new byte[0]))));
                }
            }
        }
        assertFalse(Files.exists(dir.resolve("apb.sock")), "close removes the socket files");
        assertFalse(Files.exists(dir.resolve("mbox.sock")));
    }

    /**
     * Register clients run whole core-mailbox transactions (FIPS_VERSION, FW_INFO) through APB accesses,
     * interleaved like bus masters: the mailbox lock decides who goes, the others see it held and try again.
     * Meanwhile MBOX clients run MC_DEVICE_ID and more register clients poll a constant register.
     */
    @Test
    void manyClientsOnEveryEndpointGetTheirOwnAnswers() throws Exception {
        try (var server = server(EmulatorServer.IoMode.AUTO, EmulatorServer.DEFAULT_IDLE_TIMEOUT)) {
            var endpoints = server.start();
            var clients = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 6; i++) {
                var endpoint = endpoints.get(i % 2);
                clients.add(() -> {
                    int busy = 0;
                    try (var client = TestClient.connect(endpoint)) {
                        var driver = new RegisterMailboxDriver(client.bus(), MailboxRegisters.core(MailboxRegisters.core(0x4_0000).capacity()));
                        for (int n = 0; n < 8; n++) {
                            int command = n % 2 == 0 ? FIPS_VERSION : FW_INFO;
                            MailboxReply reply;
                            while ((reply = driver.execute(command, MailboxFrame.sealRequest(command, new byte[0]))) instanceof MailboxReply.Busy) {
                                busy++;
                                Thread.onSpinWait();
                            }
                            byte[] data = assertInstanceOf(MailboxReply.Data.class, reply).bytes();
                            byte[] fields = MailboxFrame.openResponse(data, "response").fields();
                            var f = ByteBuffer.wrap(fields).order(ByteOrder.LITTLE_ENDIAN);
                            if (command == FIPS_VERSION) {
                                assertEquals(36 - 8, fields.length, "FIPS_VERSION is 36 bytes with its header");
                                assertEquals(0x4649_5053, f.getInt(0), "mode FIPS");
                                assertEquals("Caliptra RTM", new String(fields, 16, 12, StandardCharsets.US_ASCII));
                            } else {
                                assertEquals(392 - 8, fields.length, "2.x FW_INFO is 392 bytes with its header");
                                assertEquals(DevelopmentFirmware.PL0_REQUESTER, f.getInt(0), "pl0_pauser");
                            }
                        }
                    }
                    return busy;
                });
            }
            for (int i = 0; i < 6; i++) {
                var endpoint = endpoints.get(2 + i % 2);
                clients.add(() -> {
                    try (var client = TestClient.connect(endpoint)) {
                        for (int n = 0; n < 100; n++) {
                            assertEquals(DEFAULT_IDS, deviceIds(client.execute(MC_DEVICE_ID, MailboxFrame.sealRequest(MC_DEVICE_ID, new byte[0]))));
                        }
                    }
                    return 0;
                });
            }
            for (int i = 0; i < 6; i++) {
                var endpoint = endpoints.get(i % 2);
                clients.add(() -> {
                    try (var client = TestClient.connect(endpoint)) {
                        RegisterBus bus = client.bus();
                        for (int n = 0; n < 300; n++) {
                            assertEquals(0x112, bus.read32(HW_REV_ID) & 0xFFFF);
                        }
                    }
                    return 0;
                });
            }
            all(clients);
        }
    }

    @Test
    void aMalformedOrTruncatedClientDoesNotDisturbAGoodOne() throws Exception {
        try (var server = server(EmulatorServer.IoMode.AUTO, EmulatorServer.DEFAULT_IDLE_TIMEOUT)) {
            var endpoints = server.start();
            var apbUnix = endpoints.get(0);
            var mboxTcp = endpoints.get(3);
            try (var good = TestClient.connect(apbUnix); var goodMbox = TestClient.connect(mboxTcp)) {
                assertEquals(0x112, good.bus().read32(HW_REV_ID) & 0xFFFF);
                var bad = new ArrayList<Callable<Boolean>>();
                byte[][] garbage = {
                        new MboxMessage.Execute(MC_DEVICE_ID, org.caliptra.util.protocol.Octets.zeros(4)).encode(), // MBOX on APB
                        {0x52, 0x54, 0x50, 0x43, 2, 0, 3, 0, 4, 0, 0, 0, 0, 0, 2, 0x30},                            // version 2
                        {0x52, 0x54, 0x50, 0x43, 1, 0, 3, 0, -1, -1, -1, -1}};                                      // payload_len 2^32-1
                for (byte[] g : garbage) {
                    bad.add(() -> {
                        try (var b = TestClient.connect(apbUnix)) {
                            b.send(g);
                            return b.closedByServer();
                        }
                    });
                }
                bad.add(() -> {
                    try (var b = TestClient.connect(mboxTcp)) {
                        b.send(new byte[] {0x58, 0x4F, 0x42, 0x4D, 1, 0, 1, 0, -1, -1, -1, -1}); // payload_len 2^32-1 on MBOX
                        return b.closedByServer();
                    }
                });
                bad.add(() -> {
                    try (var b = TestClient.connect(mboxTcp)) {
                        // Half a request, then the client goes away mid-frame.
                        byte[] frame = MboxMessage.Execute.of(MC_DEVICE_ID, MailboxFrame.sealRequest(MC_DEVICE_ID, new byte[0])).encode();
                        b.send(java.util.Arrays.copyOf(frame, frame.length - 2));
                        return true;
                    }
                });
                assertEquals(List.of(true, true, true, true, true), all(bad));
                // The good clients, connected all along, are still served.
                for (int n = 0; n < 20; n++) {
                    assertEquals(0x112, good.bus().read32(HW_REV_ID) & 0xFFFF);
                    assertEquals(DEFAULT_IDS, deviceIds(goodMbox.execute(MC_DEVICE_ID, MailboxFrame.sealRequest(MC_DEVICE_ID, new byte[0]))));
                }
                // An unmapped address is answered, and the connection stays.
                assertEquals(0, good.bus().read32(0x4000_0000));
                good.bus().write32(0x4000_0000, 1);
                assertEquals(0x112, good.bus().read32(HW_REV_ID) & 0xFFFF);
            }
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (var server = server(EmulatorServer.IoMode.AUTO, Duration.ofMillis(200))) {
            var tcp = server.start().get(1);
            assertEquals(List.of(true), all(List.of(() -> {
                try (var client = TestClient.connect(tcp)) {
                    assertEquals(0x112, client.bus().read32(HW_REV_ID) & 0xFFFF);
                    return client.closedByServer();
                }
            })));
        }
    }

    @Test
    void aStaleSocketFileIsReplacedButALiveOneOrAnotherFileIsNot() throws Exception {
        Path stale = dir.resolve("apb.sock");
        // A listener that is closed without removing its file leaves what a crashed server leaves.
        try (var old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale));
        try (var server = server(EmulatorServer.IoMode.AUTO, EmulatorServer.DEFAULT_IDLE_TIMEOUT)) {
            server.start();
            try (var second = server(EmulatorServer.IoMode.AUTO, EmulatorServer.DEFAULT_IDLE_TIMEOUT)) {
                var e = assertThrows(UncheckedIOException.class, second::start);
                assertTrue(e.getMessage().contains("apb unix:" + stale + ": another server is listening there"), e.getMessage());
            }
            assertTrue(Files.exists(stale), "the refused second server leaves the first one's socket alone");
        }
        Files.writeString(stale, "not a socket");
        try (var server = server(EmulatorServer.IoMode.AUTO, EmulatorServer.DEFAULT_IDLE_TIMEOUT)) {
            var e = assertThrows(UncheckedIOException.class, server::start);
            assertTrue(e.getMessage().contains("the path exists and is not a socket"), e.getMessage());
        }
        assertEquals("not a socket", Files.readString(stale));
    }

    @Test
    void aPortInUseFailsNamingTheEndpoint() throws IOException {
        try (var taken = ServerSocketChannel.open()) {
            taken.bind(EmulatorServer.loopback(0));
            int port = ((java.net.InetSocketAddress) taken.getLocalAddress()).getPort();
            try (var server = EmulatorServer.builder().tcp("apb", EmulatorServer.loopback(port), endpoints().cptr()).build()) {
                var e = assertThrows(UncheckedIOException.class, server::start);
                assertTrue(e.getMessage().startsWith("apb 127.0.0.1:" + port + ": cannot bind: "), e.getMessage());
            }
        }
    }

    /** Another endpoint plugs in through the same registration: here a UDP echo beside a CPTR listener. */
    @ParameterizedTest
    @EnumSource(value = EmulatorServer.IoMode.class, names = {"NIO", "EPOLL"})
    void aUdpEndpointIsBoundAndServedBesideTheStreamOnes(EmulatorServer.IoMode mode) throws Exception {
        requireMode(mode);
        io.netty.channel.ChannelHandler echo = new io.netty.channel.SimpleChannelInboundHandler<io.netty.channel.socket.DatagramPacket>() {
            @Override
            protected void channelRead0(io.netty.channel.ChannelHandlerContext ctx, io.netty.channel.socket.DatagramPacket packet) {
                ctx.writeAndFlush(new io.netty.channel.socket.DatagramPacket(packet.content().retain(), packet.sender()));
            }
        };
        try (var server = EmulatorServer.builder().ioMode(mode).udp("echo", EmulatorServer.loopback(0), () -> echo)
                .tcp("apb", EmulatorServer.loopback(0), endpoints().cptr()).build()) {
            var endpoints = server.start();
            assertTrue(endpoints.get(0).toString().matches("echo 127\\.0\\.0\\.1:[1-9][0-9]*"), endpoints.get(0).toString());
            try (var socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                byte[] sent = {1, 2, 3, 4, 5};
                socket.send(new java.net.DatagramPacket(sent, sent.length, endpoints.get(0).address()));
                var received = new java.net.DatagramPacket(new byte[64], 64);
                socket.receive(received);
                assertArrayEquals(sent, java.util.Arrays.copyOf(received.getData(), received.getLength()));
            }
        }
    }
}
