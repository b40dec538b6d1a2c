package org.caliptra.util.host.transport.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.FakeRegisterMailbox;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.soc.mailbox.MailboxRegisters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPTR register client against scripted servers: the bytes it sends (written out from the
 * framing facts), the replies it accepts, and each way a reply can go wrong — wrong command, short
 * reply, silence — ending in a clear error and a closed connection.
 */
class CptrRegisterBusTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SocketTimeouts FAST = new SocketTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
    private static final SocketTimeouts PATIENT = new SocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));

    @TempDir
    Path dir;

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @Test
    void readsAndWritesAreTheWorkedFramesOverUnixAndTcp() throws Exception {
        var seen = new CopyOnWriteArrayList<String>();
        FakeServer.Conversation serve = c -> {
            while (true) {
                byte[] frame = c.readFrame();
                seen.add(HEX.formatHex(frame));
                c.write(frame[6] == 3 ? hex("52545043 0100 0400 04000000 12010000") : hex("52545043 0100 0600 00000000"));
            }
        };
        try (var unix = FakeServer.unix(dir.resolve("apb.sock"), serve); var tcp = FakeServer.tcp(serve)) {
            for (var server : List.of(unix, tcp)) {
                try (var bus = CptrRegisterBus.connect(server.address(), "apb test", PATIENT)) {
                    assertEquals(0x112, bus.read32(0x3003_00D4));
                    bus.write32(0x3003_00B0, 1);
                    assertTrue(bus.isOpen());
                }
            }
            String read = "525450430100030004000000d4000330";
            String write = "525450430100050008000000b000033001000000";
            assertEquals(List.of(read, write, read, write), seen);
            assertEquals(List.of(), unix.failures);
        }
    }

    @Test
    void aReplyWithTheWrongCommandIsAProtocolErrorAndClosesTheBus() throws Exception {
        try (var server = FakeServer.unix(dir.resolve("apb.sock"), c -> {
            c.readFrame();
            c.write(new CptrMessage.ApbWriteAck().encode());
            c.readFrame();
        })) {
            try (var bus = CptrRegisterBus.connect(server.address(), "apb unix:test", PATIENT)) {
                var e = assertThrows(ProtocolException.class, () -> bus.read32(0x3002_0000));
                assertEquals("apb unix:test: the reply to APB_READ 0x30020000 is command 6, expected 4", e.getMessage());
                assertFalse(bus.isOpen());
                var after = assertThrows(UncheckedIOException.class, () -> bus.write32(0x3002_0008, 1));
                assertEquals("apb unix:test: the connection is closed (APB_WRITE 0x30020008 not sent)", after.getMessage());
            }
        }
    }

    @Test
    void aShortReplyOrAnotherFramingIsNamed() throws Exception {
        try (var server = FakeServer.tcp(c -> {
            c.readFrame();
            c.write(hex("5254504301"));
            c.close();
        })) {
            try (var bus = CptrRegisterBus.connect(server.address(), "apb test", PATIENT)) {
                var e = assertThrows(UncheckedIOException.class, () -> bus.read32(0x3002_0000));
                assertEquals("apb test: the server closed the connection after 5 of the 12 bytes of the APB_READ 0x30020000 reply header",
                        e.getMessage());
            }
        }
        try (var server = FakeServer.tcp(c -> {
            c.readFrame();
            c.write(hex("584f424d 0100 0200 08000000 02000000 00000000"));
        })) {
            try (var bus = CptrRegisterBus.connect(server.address(), "apb test", PATIENT)) {
                var e = assertThrows(ProtocolException.class, () -> bus.write32(0x3002_0000, 0));
                assertTrue(e.getMessage().startsWith("apb test: CPTR reply: magic 0x4D424F58 (\"MBOX\") at offset 0"), e.getMessage());
            }
        }
    }

    @Test
    void aSilentServerIsATimeoutNotAHang() throws Exception {
        var release = new CountDownLatch(1);
        try (var server = FakeServer.unix(dir.resolve("apb.sock"), c -> {
            c.readFrame();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            try (var bus = CptrRegisterBus.connect(server.address(), "apb test", FAST)) {
                var e = assertThrows(UncheckedIOException.class, () -> bus.read32(0x3002_001C));
                assertInstanceOf(SocketTimeoutException.class, e.getCause());
                assertEquals("apb test: nothing for 300 ms while waiting for the APB_READ 0x3002001C reply header", e.getMessage());
                assertFalse(bus.isOpen());
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void closingTheBusFromAnotherThreadEndsAWaitAtOnce() throws Exception {
        var requestSeen = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var server = FakeServer.tcp(c -> {
            c.readFrame();
            requestSeen.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            var bus = CptrRegisterBus.connect(server.address(), "apb test", PATIENT);
            var failure = new java.util.concurrent.CompletableFuture<Throwable>();
            var reader = new Thread(() -> {
                try {
                    bus.read32(0x3003_0034);
                    failure.complete(null);
                } catch (Throwable t) {
                    failure.complete(t);
                }
            });
            reader.start();
            try {
                assertTrue(requestSeen.await(10, TimeUnit.SECONDS));
                bus.close();
                Throwable t = failure.get(10, TimeUnit.SECONDS);
                var e = assertInstanceOf(UncheckedIOException.class, t, "the wait for a reply the 60 s timeout allows ended");
                assertEquals("apb test: the connection was closed while waiting for the APB_READ 0x30030034 reply header", e.getMessage());
                assertFalse(bus.isOpen());
            } finally {
                release.countDown();
                reader.join(10_000);
            }
        }
    }

    @Test
    void noServerIsAConnectError() {
        var e = assertThrows(UncheckedIOException.class, () -> CptrRegisterBus.connect(
                java.net.UnixDomainSocketAddress.of(dir.resolve("nobody.sock")), "apb unix:nobody", FAST));
        assertTrue(e.getMessage().startsWith("apb unix:nobody: cannot connect: "), e.getMessage());
    }

    /**
     * soc-driver's register-level mailbox transaction over a CPTR connection, against a mailbox served
     * the way the emulator serves one: each access, then one device step.
     */
    @Test
    void theRegisterMailboxDriverRunsOverTheBus() throws Exception {
        var registers = MailboxRegisters.core(256 * 1024);
        byte[] response = MailboxFrame.sealResponse(0, new byte[] {1, 2, 3, 4, 5});
        var mailbox = new FakeRegisterMailbox(registers, (command, request) -> FakeRegisterMailbox.Answer.data(response));
        try (var server = FakeServer.unix(dir.resolve("apb.sock"), c -> {
            while (true) {
                var request = CptrMessage.REQUESTS.decode(c.readFrame());
                CptrMessage reply;
                synchronized (mailbox) {
                    if (request instanceof CptrMessage.ApbRead r) {
                        reply = new CptrMessage.ApbReadData(mailbox.read32(r.address()));
                    } else {
                        var w = (CptrMessage.ApbWrite) request;
                        mailbox.write32(w.address(), w.data());
                        reply = new CptrMessage.ApbWriteAck();
                    }
                    mailbox.idle();
                }
                c.write(reply.encode());
            }
        })) {
            var driver = new ApbMailboxDriver(server.address(), "apb test", PATIENT, DeviceKind.CALIPTRA_CORE, registers);
            assertFalse(driver.isReady());
            driver.connect();
            assertTrue(driver.isReady());
            byte[] request = MailboxFrame.sealRequest(0x494E_464F, new byte[0]);
            assertArrayEquals(response, driver.sendCommand(0x494E_464F, request));
            assertEquals(0x494E_464F, mailbox.command);
            assertArrayEquals(request, mailbox.received);
            assertEquals(0, mailbox.violations);
            driver.disconnect();
            assertFalse(driver.isReady());
            assertEquals(List.of(), server.failures);
        }
    }
}
