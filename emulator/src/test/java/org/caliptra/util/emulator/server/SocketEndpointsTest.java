package org.caliptra.util.emulator.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mctp.MctpMessage;
import org.caliptra.util.protocol.mctp.MctpPacketizer;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both endpoints on real loopback sockets (plain NIO bootstraps) in front of one booted
 * caliptra-2.1 device: many clients at once, each answered exactly, and malformed input that
 * affects only its own datagram or connection. Expected answers come from the same device called in
 * process, so the sockets must add nothing and lose nothing.
 */
class SocketEndpointsTest {
    private static final int CLIENTS = 12;
    private static final int ROUNDS = 25;

    private static CaliptraDevice device;
    private static ExecutorService deviceCalls;
    private static EventLoopGroup group;
    private static InetSocketAddress udp;
    private static InetSocketAddress i3c;
    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void serve() throws Exception {
        device = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build());
        assertTrue(DevelopmentFirmware.boot(device).booted());
        deviceCalls = Executors.newSingleThreadExecutor();
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Channel u = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<NioDatagramChannel>() {
                    @Override
                    protected void initChannel(NioDatagramChannel ch) {
                        ch.pipeline().addLast(new UdpMailboxHandler(device, deviceCalls, LOG::add));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        udp = (InetSocketAddress) u.localAddress();
        Channel t = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new I3cSocketInitializer(device, deviceCalls, LOG::add))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        i3c = (InetSocketAddress) t.localAddress();
    }

    @AfterAll
    static void stop() throws Exception {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
        deviceCalls.shutdownNow();
        device.close();
    }

    private static byte[] mfwv(int index) {
        return UdpMailboxDatagram.request(McCommand.MC_FIRMWARE_VERSION.code(), new byte[] {(byte) index, 0, 0, 0}).encode();
    }

    private static byte[] vdmVersion(int index) {
        return new VdmMessage.Request(0x01, Octets.of(new byte[] {(byte) index, 0, 0, 0})).encode();
    }

    private static byte[] inProcess(byte[] datagram) {
        var d = UdpMailboxDatagram.decode(datagram);
        return assertInstanceOf(MailboxReply.Data.class, device.execute(d.command(), d.sram().toByteArray())).bytes();
    }

    /** Runs every task on its own thread and waits a bounded time for all of them. */
    private static void all(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            for (Future<Void> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyClientsOnBothEndpointsAreEachAnsweredExactly() throws Exception {
        byte[][] udpExpected = {inProcess(mfwv(0)), inProcess(mfwv(1))};
        byte[][] vdmExpected = {device.exchangeVdm(vdmVersion(0)), device.exchangeVdm(vdmVersion(1))};
        byte[] capsRequest = new VdmMessage.Request(0x02, Octets.zeros(0)).encode();
        byte[] capsExpected = device.exchangeVdm(capsRequest);
        var tasks = new ArrayList<Callable<Void>>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            tasks.add(() -> {
                try (var u = new SocketClients.Udp(udp)) {
                    for (int i = 0; i < ROUNDS; i++) {
                        int index = (client + i) & 1;
                        assertArrayEquals(udpExpected[index], u.exchange(mfwv(index)), "udp client " + client + " round " + i);
                    }
                }
                return null;
            });
            tasks.add(() -> {
                try (var t = new SocketClients.I3c(i3c)) {
                    for (int i = 0; i < ROUNDS; i++) {
                        int index = (client + i) & 1;
                        assertArrayEquals(vdmExpected[index], t.exchange(vdmVersion(index)), "i3c client " + client + " round " + i);
                        assertArrayEquals(capsExpected, t.exchange(capsRequest), "i3c client " + client + " round " + i);
                    }
                }
                return null;
            });
        }
        all(tasks);
        // The version strings are the device's: the response is not an echo.
        assertTrue(VdmMessage.Response.decode(vdmExpected[0]).succeeded());
    }

    @Test
    void malformedInputAffectsOnlyItsOwnDatagramOrConnection() throws Exception {
        byte[] udpExpected = inProcess(mfwv(0));
        byte[] vdmExpected = device.exchangeVdm(vdmVersion(0));
        var tasks = new ArrayList<Callable<Void>>();
        for (int c = 0; c < 4; c++) {
            tasks.add(() -> {
                try (var u = new SocketClients.Udp(udp); var t = new SocketClients.I3c(i3c)) {
                    for (int i = 0; i < ROUNDS; i++) {
                        assertArrayEquals(udpExpected, u.exchange(mfwv(0)));
                        assertArrayEquals(vdmExpected, t.exchange(vdmVersion(0)));
                    }
                }
                return null;
            });
        }
        tasks.add(() -> {
            try (var u = new SocketClients.Udp(udp)) {
                // Too short, too long: dropped, no reply; then the same socket is served.
                u.send(new byte[3]);
                u.send(new byte[20_000]);
                assertFalse(u.anythingWithin(300), LOG.toString());
                // A bad checksum is the device's to refuse: a failure reply with its error code.
                byte[] bad = mfwv(0);
                bad[4] ^= 1;
                var refused = UdpMailboxDatagram.classifyReply(u.exchange(bad), UdpMailboxDatagram.FAILURE_REPLY_SIZE);
                assertTrue(assertInstanceOf(UdpMailboxDatagram.Reply.Failure.class, refused).errorCode() != 0, refused.toString());
                assertArrayEquals(udpExpected, u.exchange(mfwv(0)));
            }
            return null;
        });
        for (String hex : List.of("090000000000000100", "080100000000000000", "08000000000000ffff")) {
            tasks.add(() -> {
                try (var t = new SocketClients.I3c(i3c)) {
                    t.out().write(java.util.HexFormat.of().parseHex(hex));
                    t.out().flush();
                    assertTrue(t.closedByServer(), hex);
                }
                return null;
            });
        }
        tasks.add(() -> {
            // A frame cut off by the client going away, then a wrong PEC on a connection that stays useful.
            try (var t = new SocketClients.I3c(i3c)) {
                t.out().write(java.util.HexFormat.of().parseHex("080000000000001000" + "01000808"));
                t.out().flush();
            }
            try (var t = new SocketClients.I3c(i3c)) {
                var p = MctpPacketizer.packetize(0, 8, true, 7, MctpMessage.vdmBody(vdmVersion(0))).get(0).encode();
                byte[] frame = I3cCommandFrame.mctpWrite(8, p).encode();
                frame[frame.length - 1] ^= 0x55;
                t.out().write(frame);
                t.out().flush();
                assertArrayEquals(vdmExpected, t.exchange(vdmVersion(0)));
            }
            return null;
        });
        all(tasks);
        synchronized (LOG) {
            assertEquals(1, LOG.stream().filter(l -> l.contains("3 bytes, shorter than the 4-byte command code")).count(), LOG.toString());
            assertEquals(1, LOG.stream().filter(l -> l.contains("16389 bytes or more")).count(), LOG.toString());
            assertEquals(1, LOG.stream().filter(l -> l.contains("addressed to 0x09")).count(), LOG.toString());
            assertEquals(1, LOG.stream().filter(l -> l.contains("cmd_attr 1")).count(), LOG.toString());
            assertEquals(1, LOG.stream().filter(l -> l.contains("data_length 65535 exceeds 255")).count(), LOG.toString());
            assertEquals(1, LOG.stream().filter(l -> l.contains("packet dropped: private write: PEC")).count(), LOG.toString());
        }
    }
}
