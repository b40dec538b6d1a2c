package org.caliptra.util.cli.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DevelopmentFirmware;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.Profile;
import org.caliptra.util.emulator.server.I3cSocketInitializer;
import org.caliptra.util.emulator.server.UdpMailboxHandler;
import org.caliptra.util.host.commands.CommandCatalog;
import org.caliptra.util.host.commands.DeviceErrorException;
import org.caliptra.util.host.commands.Route;
import org.caliptra.util.host.commands.debug.Debug;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.host.session.SessionConfig;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.Transport;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.mailbox.InProcessMailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxTransport;
import org.caliptra.util.host.transport.mctp.InProcessMctpVdmDriver;
import org.caliptra.util.host.transport.mctp.MctpVdmTransport;
import org.caliptra.util.protocol.MailboxPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host library through {@code udp://} and {@code mctp-i3c://} targets, end to end: a booted
 * caliptra-2.1 device served by the emulator's UDP and I3C endpoints on ephemeral loopback ports
 * (plain NIO bootstraps), opened through {@link Targets} as the CLI and the C ABI open them. Each
 * answer is checked against the same device asked in process, so the sockets must add and lose
 * nothing; the log is checked for the records the commands themselves leave.
 */
class SocketTargetsTest {
    private static final CommandCatalog CATALOG = CommandCatalog.builtIn();
    private static CaliptraDevice device;
    private static ExecutorService deviceCalls;
    private static EventLoopGroup group;
    private static int udpPort;
    private static int udpCorePort;
    private static int i3cPort;
    private static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void serve() throws Exception {
        device = CaliptraDevice.create(DeviceConfig.builder().profile(Profile.CALIPTRA_2_1).build());
        assertTrue(DevelopmentFirmware.boot(device).booted());
        deviceCalls = Executors.newSingleThreadExecutor();
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        udpPort = udp(new UdpMailboxHandler(device, deviceCalls, LOG::add));
        // The core mailbox as the bundle's PL0 requester, as the embedded target's mailbox=core is.
        MailboxPort core = device.asUser(DevelopmentFirmware.PL0_REQUESTER).coreMailbox();
        udpCorePort = udp(new UdpMailboxHandler(core, deviceCalls, LOG::add));
        i3cPort = ((InetSocketAddress) new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new I3cSocketInitializer(device, deviceCalls, LOG::add))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel().localAddress()).getPort();
    }

    private static int udp(ChannelHandler handler) throws InterruptedException {
        return ((InetSocketAddress) new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(handler)
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel().localAddress()).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
        deviceCalls.shutdownNow();
        device.close();
    }

    private static CaliptraSession inProcess(Transport transport) {
        var session = new CaliptraSession(transport, SessionConfig.defaults());
        session.connect();
        return session;
    }

    /** The same device's log since it was last cleared, as records ("#seq @step CATEGORY message"). */
    private static List<String> records(CaliptraSession session) {
        return new String(Debug.drainLog(session).toByteArray(), StandardCharsets.US_ASCII).lines().toList();
    }

    @Test
    void udpCarriesTheMcuMailboxCommands() {
        try (var target = Targets.open("udp://127.0.0.1:" + udpPort); var session = target.connect();
                var reference = inProcess(new MailboxTransport(InProcessMailboxDriver.selfBounded(device),
                        CATALOG.mailboxTable(DeviceKind.MCU)))) {
            assertEquals(Optional.of(Route.MCU_MAILBOX), target.route());
            assertEquals("udp (mailbox/udp 127.0.0.1:" + udpPort + ", an MCU (MCI) mailbox)", target.description());
            for (int index : new int[] {0, 1}) {
                assertEquals(DeviceInfo.getFirmwareVersion(reference, index), DeviceInfo.getFirmwareVersion(session, index));
            }
            assertEquals(DeviceInfo.getDeviceCapabilities(reference), DeviceInfo.getDeviceCapabilities(session));
            // A refusal keeps its Caliptra error code across the datagram (the failure reply carries it).
            var refused = assertThrows(DeviceErrorException.class, () -> DeviceInfo.getFirmwareVersion(session, 2));
            assertEquals(assertThrows(DeviceErrorException.class, () -> DeviceInfo.getFirmwareVersion(reference, 2)).code(),
                    refused.code());
            Debug.clearLog(session);
            assertEquals(List.of(), records(session), "cleared");
            DeviceInfo.getFirmwareVersion(session, 1);
            var log = records(session);
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).startsWith("#") && log.get(0).endsWith(" CMD MC_FIRMWARE_VERSION ok"), log.get(0));
            assertEquals(List.of(), records(session), "a drain empties the log");
        }
    }

    @Test
    void udpWithMailboxCoreCarriesTheCoreRuntimeCodes() {
        try (var target = Targets.open("udp://127.0.0.1:" + udpCorePort + "?mailbox=core"); var session = target.connect();
                var reference = inProcess(new MailboxTransport(InProcessMailboxDriver.selfBounded(
                        device.asUser(DevelopmentFirmware.PL0_REQUESTER).coreMailbox()), CATALOG.mailboxTable(DeviceKind.CALIPTRA_CORE)))) {
            assertEquals(Optional.of(Route.CORE_MAILBOX), target.route());
            assertEquals(DeviceInfo.getFirmwareVersion(reference, 0), DeviceInfo.getFirmwareVersion(session, 0));
            assertEquals(DeviceInfo.getDeviceCapabilities(reference), DeviceInfo.getDeviceCapabilities(session));
            // The core route does not carry the log: refused before anything is sent, naming the route that does.
            var e = assertThrows(TransportException.class, () -> Debug.getLogPage(session));
            assertEquals(TransportException.Kind.NOT_SUPPORTED, e.kind());
            assertFalse(e.mayHaveExecuted());
        }
    }

    @Test
    void mctpI3cCarriesTheFourVendorDefinedMessages() {
        try (var target = Targets.open("mctp-i3c://127.0.0.1:" + i3cPort + "?addr=8"); var session = target.connect();
                var reference = inProcess(new MctpVdmTransport(InProcessMctpVdmDriver.selfBounded(device), CATALOG.vdmTable()))) {
            assertEquals(Optional.of(Route.MCTP_VDM), target.route());
            for (int index : new int[] {0, 1}) {
                assertEquals(DeviceInfo.getFirmwareVersion(reference, index), DeviceInfo.getFirmwareVersion(session, index));
            }
            assertEquals(DeviceInfo.getDeviceCapabilities(reference), DeviceInfo.getDeviceCapabilities(session));
            // A refusal keeps its completion code across the socket.
            var refused = assertThrows(TransportException.class, () -> DeviceInfo.getFirmwareVersion(session, 2));
            assertEquals(TransportException.Kind.DEVICE_ERROR, refused.kind());
            assertEquals(assertThrows(TransportException.class, () -> DeviceInfo.getFirmwareVersion(reference, 2)).vdmCompletionCode(),
                    refused.vdmCompletionCode());
            Debug.clearLog(session);
            assertEquals(List.of(), records(session));
            DeviceInfo.getFirmwareVersion(session, 0);
            var log = records(session);
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).endsWith(" VDM command 0x01 ok"), log.get(0));
            // A long log spans many packets: fill it over the mailbox, read it back over MCTP, page by page.
            try (var mailbox = Targets.open("udp://127.0.0.1:" + udpPort); var s = mailbox.connect()) {
                for (int i = 0; i < 40; i++) {
                    DeviceInfo.getFirmwareVersion(s, i % 2);
                }
            }
            var page = Debug.getLogPage(session);
            assertTrue(page.moreData() && page.data().length() > 64 * 8, "a page of many packets: " + page.data().length());
            var rest = records(session);
            assertEquals(40, rest.size() + new String(page.data().toByteArray(), StandardCharsets.US_ASCII).lines().count());
        }
    }

    @Test
    void theCliRunsDeviceCommandsThroughBothSchemes() {
        String udp = "udp://127.0.0.1:" + udpPort;
        String i3c = "mctp-i3c://127.0.0.1:" + i3cPort;
        var viaUdp = Cli.run("get-firmware-version", "--index", "mcu", "--target", udp, "--format", "json");
        assertEquals(0, viaUdp.exitCode(), viaUdp.err());
        var viaI3c = Cli.run("get-firmware-version", "--index", "mcu", "--target", i3c, "--format", "json");
        assertEquals(0, viaI3c.exitCode(), viaI3c.err());
        assertEquals(viaUdp.json().get("version"), viaI3c.json().get("version"));
        var caps = Cli.run("get-capabilities", "--target", i3c, "--format", "json");
        assertEquals(0, caps.exitCode(), caps.err());
        assertEquals(Cli.run("get-capabilities", "--target", udp, "--format", "json").json().get("caps"), caps.json().get("caps"));
        assertEquals(0, Cli.run("clear-log", "--target", i3c).exitCode());
        assertEquals(0, Cli.run("get-log", "--all", "--target", udp).exitCode());
    }

    @Test
    void noServerIsATimeoutAfterTheRetransmissionsTheUriAsks() throws Exception {
        int silent;
        try (var socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            silent = socket.getLocalPort();
            var r = Cli.run("get-firmware-version", "--target", "udp://127.0.0.1:" + silent + "?timeout=100&retries=1");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("no reply from udp 127.0.0.1:" + silent + " within 100 ms after 2 transmissions"), r.err());
            var buffer = new java.net.DatagramPacket(new byte[100], 100);
            socket.setSoTimeout(10_000);
            socket.receive(buffer);
            byte[] first = java.util.Arrays.copyOf(buffer.getData(), buffer.getLength());
            socket.receive(buffer);
            assertArrayEquals(first, java.util.Arrays.copyOf(buffer.getData(), buffer.getLength()), "the same request, again");
        }
    }
}
