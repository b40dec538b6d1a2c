package org.caliptra.util.host.transport.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MBOX client against scripted servers: the request bytes (written out from the framing facts),
 * each response status read as the mailbox outcome it stands for, and malformed or missing
 * responses.
 */
class MboxSocketMailboxDriverTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SocketTimeouts PATIENT = new SocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
    /** MC_FIRMWARE_VERSION index 0 (spec/hostlib.md §3.1). */
    private static final int MFWV = 0x4D46_5756;
    private static final byte[] MFWV_SRAM = hex("c0feffff 00000000");
    private static final String MFWV_FRAME = "584f424d010001001000000056574 64d08000000c0feffff00000000".replace(" ", "");

    @TempDir
    Path dir;

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private MboxSocketMailboxDriver driver(FakeServer server, int mailboxBytes) {
        var driver = new MboxSocketMailboxDriver(server.address(), "mbox test", PATIENT, mailboxBytes);
        driver.connect();
        return driver;
    }

    @Test
    void eachStatusIsTheMailboxOutcome() throws Exception {
        var seen = new CopyOnWriteArrayList<String>();
        var replies = List.of(
                "584f424d 0100 0200 1c000000 02000000 11000000 0dffffff 00000000 05000000 322e302e 30000000", // complete, 17 bytes
                "584f424d 0100 0200 0c000000 01000000 04000000 aabbccdd",                                   // data ready
                "584f424d 0100 0200 08000000 02000000 00000000",                                            // complete, no data
                "584f424d 0100 0200 0c000000 03000000 04000000 02000e00",                                   // failure, code
                "584f424d 0100 0200 08000000 03000000 00000000",                                            // failure, no code
                "584f424d 0100 0200 08000000 00000000 00000000");                                           // busy
        try (var server = FakeServer.unix(dir.resolve("mbox.sock"), c -> {
            for (String reply : replies) {
                seen.add(HEX.formatHex(c.readFrame()));
                c.write(hex(reply));
            }
        })) {
            var driver = driver(server, 16 * 1024);
            assertArrayEquals(hex("0dffffff 00000000 05000000 322e302e 30"), driver.sendCommand(MFWV, MFWV_SRAM));
            assertArrayEquals(hex("aabbccdd"), driver.sendCommand(MFWV, MFWV_SRAM));
            assertArrayEquals(new byte[0], driver.sendCommand(MFWV, MFWV_SRAM));
            var failure = assertThrows(MailboxException.class, () -> driver.sendCommand(MFWV, MFWV_SRAM));
            assertEquals(MailboxException.Kind.DEVICE_ERROR, failure.kind());
            assertEquals(0x000E_0002, failure.deviceErrorCode());
            assertEquals(MailboxException.Kind.TIMEOUT, assertThrows(MailboxException.class, () -> driver.sendCommand(MFWV, MFWV_SRAM)).kind());
            var busy = assertThrows(MailboxException.class, () -> driver.sendCommand(MFWV, MFWV_SRAM));
            assertEquals(MailboxException.Kind.BUSY, busy.kind());
            assertEquals("mbox test: the device mailbox is locked by another requester; nothing ran", busy.getMessage());
            assertTrue(driver.isReady(), "answers of every status keep the connection");
            assertEquals(List.of(MFWV_FRAME), seen.stream().distinct().toList());
            assertEquals(6, seen.size());
        }
    }

    @Test
    void aLargeResponseAndOneSentByteByByteArriveWhole() throws Exception {
        byte[] big = new byte[12 * 1024]; // more than the client reads ahead
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        byte[] bigReply = new byte[12 + 8 + big.length];
        System.arraycopy(hex("584f424d 0100 0200"), 0, bigReply, 0, 8);
        java.nio.ByteBuffer.wrap(bigReply, 8, 12).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8 + big.length).putInt(2).putInt(big.length);
        System.arraycopy(big, 0, bigReply, 20, big.length);
        byte[] small = hex("584f424d 0100 0200 0c000000 01000000 04000000 aabbccdd");
        try (var server = FakeServer.tcp(c -> {
            c.readFrame();
            c.write(bigReply);
            c.readFrame();
            for (byte b : small) {
                c.write(new byte[] {b});
            }
        })) {
            var driver = driver(server, 16 * 1024);
            assertArrayEquals(big, driver.sendCommand(MFWV, MFWV_SRAM));
            assertArrayEquals(hex("aabbccdd"), driver.sendCommand(MFWV, MFWV_SRAM));
            assertTrue(driver.isReady());
        }
    }

    @Test
    void aResponseBeyondTheMailboxIsRefusedFromItsHeader() throws Exception {
        var release = new CountDownLatch(1);
        try (var server = FakeServer.tcp(c -> {
            c.readFrame();
            // payload_len 0xFFFFFFFF, and nothing after it: the client must not wait for (or allocate) 4 GiB.
            c.write(hex("584f424d 0100 0200 ffffffff"));
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            var driver = driver(server, 16 * 1024);
            var e = assertThrows(ProtocolException.class, () -> driver.sendCommand(MFWV, MFWV_SRAM));
            assertEquals("mbox test: MBOX response: payload_len 4294967295 at offset 8 exceeds 16392 (8 + the 16384-byte mailbox)",
                    e.getMessage());
            assertFalse(driver.isReady(), "the stream is out of step: the connection is closed");
            assertEquals(MailboxException.Kind.NOT_READY, assertThrows(MailboxException.class, () -> driver.sendCommand(MFWV, MFWV_SRAM)).kind());
            release.countDown();
        }
    }

    @Test
    void aTooLargeRequestIsNotSentAndAClosedConnectionIsACommunicationError() throws Exception {
        var frames = new CopyOnWriteArrayList<String>();
        try (var server = FakeServer.unix(dir.resolve("mbox.sock"), c -> {
            frames.add(HEX.formatHex(c.readFrame()));
            c.write(hex("584f424d 0100"));
            c.close();
        })) {
            var driver = driver(server, 16);
            var big = assertThrows(MailboxException.class, () -> driver.sendCommand(MFWV, new byte[20]));
            assertEquals(MailboxException.Kind.BUFFER_OVERFLOW, big.kind());
            assertEquals("request of 20 bytes exceeds the 16-byte mailbox of mbox test", big.getMessage());
            var cut = assertThrows(MailboxException.class, () -> driver.sendCommand(MFWV, MFWV_SRAM));
            assertEquals(MailboxException.Kind.COMMUNICATION_ERROR, cut.kind());
            assertTrue(cut.getMessage().contains("closed the connection after 6 of the 12 bytes"), cut.getMessage());
            assertEquals(List.of(MFWV_FRAME), frames, "only the request that fits was sent");
            // connect() opens a new connection after a failure.
            driver.connect();
            assertTrue(driver.isReady());
            driver.disconnect();
        }
    }
}
