package org.caliptra.util.emulator.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.FrameHeader;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.junit.jupiter.api.Test;

/**
 * Each stage of a connection's pipeline on an {@link EmbeddedChannel}, before any socket: the frame
 * decoder, the message codec, the CPTR and MBOX handlers (calling the device on the channel's own
 * thread here, so each answer is written before the test looks) and the guard. Expected bytes are written
 * out from the framing facts (12-byte LE header; CPTR magic 52 54 50 43 on the wire, MBOX 58 4F 42 4D).
 */
class SocketPipelineTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    /** A register file of plain words; an address it lacks is a bus fault. Counts the steps it is given. */
    private static final class Registers implements RegisterBus {
        final Map<Integer, Integer> words = new HashMap<>();
        final List<String> log = new ArrayList<>();
        int steps;

        @Override
        public int read32(int address) {
            log.add(String.format("R %08X", address));
            Integer v = words.get(address);
            if (v == null) {
                throw new BusFaultException(String.format("no register mapped at SoC address 0x%08X", address));
            }
            return v;
        }

        @Override
        public void write32(int address, int value) {
            log.add(String.format("W %08X %08X", address, value));
            if (!words.containsKey(address)) {
                throw new BusFaultException(String.format("no register mapped at SoC address 0x%08X", address));
            }
            words.put(address, value);
        }

        @Override
        public void idle() {
            steps++;
        }
    }

    private static EmbeddedChannel cptr(RegisterBus bus) {
        return new EmbeddedChannel(new SocketFrameDecoder(CptrMessage.REQUESTS), new SocketMessageCodec(CptrMessage.REQUESTS),
                new CptrHandler("apb", bus, Runnable::run), new ConnectionGuard("apb"));
    }

    private static EmbeddedChannel mbox(MailboxPort port, int mailboxBytes, boolean mcu) {
        var codec = MboxMessage.requests(mailboxBytes);
        return new EmbeddedChannel(new SocketFrameDecoder(codec), new SocketMessageCodec(codec), new MboxHandler("mbox", port, mcu, Runnable::run),
                new ConnectionGuard("mbox"));
    }

    private static byte[] drain(EmbeddedChannel channel) {
        var out = new java.io.ByteArrayOutputStream();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void theFrameDecoderWaitsForWholeFramesFedByteByByte() {
        var channel = new EmbeddedChannel(new SocketFrameDecoder(CptrMessage.REQUESTS));
        byte[] two = hex("52545043 0100 0300 04000000 00000230" + "52545043 0100 0500 08000000 b0000330 01000000");
        for (int i = 0; i < two.length; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {two[i]}));
            if (i < 15) {
                assertNull(channel.readInbound(), "no frame before byte 16, at " + i);
            }
        }
        RawFrame first = channel.readInbound();
        RawFrame second = channel.readInbound();
        assertEquals(FrameHeader.of(CptrMessage.MAGIC, 3, 4), first.header());
        assertArrayEquals(hex("00000230"), first.payload());
        assertEquals(FrameHeader.of(CptrMessage.MAGIC, 5, 8), second.header());
        assertArrayEquals(hex("b0000330 01000000"), second.payload());
        assertNull(channel.readInbound());
    }

    @Test
    void aHugePayloadLenIsRefusedFromTheHeaderAlone() {
        var channel = new EmbeddedChannel(new SocketFrameDecoder(MboxMessage.requests(16 * 1024)));
        // Only the 12 header bytes arrive: payload_len 0xFFFFFFFF is refused before any payload is awaited or allocated.
        var e = assertThrows(DecoderException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(hex("584f424d 0100 0100 ffffffff"))));
        assertInstanceOf(ProtocolException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("payload_len 4294967295 at offset 8 exceeds 16392"), e.getCause().getMessage());
        // What follows is discarded, even a well-formed frame.
        assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(hex("584f424d 0100 0100 08000000 01000000 00000000"))));
        assertNull(channel.readInbound());
    }

    @Test
    void cptrReadsAndWritesAreAnsweredAndEachAccessStepsTheDevice() {
        var regs = new Registers();
        regs.words.put(0x3003_00D4, 0x0000_0112);
        regs.words.put(0x3003_00B4, 0);
        var channel = cptr(regs);
        channel.writeInbound(Unpooled.wrappedBuffer(hex("52545043 0100 0300 04000000 d4000330")));
        assertArrayEquals(hex("52545043 0100 0400 04000000 12010000"), drain(channel));
        channel.writeInbound(Unpooled.wrappedBuffer(hex("52545043 0100 0500 08000000 b4000330 78563412")));
        assertArrayEquals(hex("52545043 0100 0600 00000000"), drain(channel));
        assertEquals(0x1234_5678, regs.words.get(0x3003_00B4));
        assertEquals(List.of("R 300300D4", "W 300300B4 12345678"), regs.log);
        assertEquals(2, regs.steps, "one device step after each served access");
    }

    @Test
    void anUnmappedAddressIsAnsweredAndTheConnectionStays() {
        var regs = new Registers();
        var channel = cptr(regs);
        channel.writeInbound(Unpooled.wrappedBuffer(hex("52545043 0100 0300 04000000 00000040")));
        assertArrayEquals(hex("52545043 0100 0400 04000000 00000000"), drain(channel), "APB_RDATA 0");
        channel.writeInbound(Unpooled.wrappedBuffer(hex("52545043 0100 0500 08000000 00000040 01000000")));
        assertArrayEquals(hex("52545043 0100 0600 00000000"), drain(channel), "APB_WACK");
        assertTrue(channel.isOpen());
        assertEquals(2, regs.steps, "a faulting access still passes time");
    }

    @Test
    void aMalformedFrameClosesTheConnectionAndNothingAfterItIsServed() {
        var regs = new Registers();
        regs.words.put(0x3003_00D4, 7);
        for (String bad : List.of(
                "584f424d 0100 0300 04000000 d4000330",     // MBOX magic on the CPTR endpoint
                "52545043 0200 0300 04000000 d4000330",     // version 2
                "52545043 0100 0400 04000000 d4000330",     // APB_RDATA is no request
                "52545043 0100 0300 08000000 d4000330 00000000")) { // APB_READ with 8 payload bytes
            var channel = cptr(regs);
            channel.writeInbound(Unpooled.wrappedBuffer(hex(bad + "52545043 0100 0300 04000000 d4000330")));
            assertFalse(channel.isOpen(), bad);
            assertArrayEquals(new byte[0], drain(channel), "nothing answered after " + bad);
        }
        assertEquals(List.of(), regs.log);
    }

    @Test
    void anIdleConnectionIsClosedByTheGuard() {
        var channel = cptr(new Registers());
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertFalse(channel.isOpen());
    }

    @Test
    void mboxStatusFollowsTheMailboxOutcome() {
        // MC_FIRMWARE_VERSION index 0 in: cmd 56 57 46 4D, dlen 8, SRAM C0 FE FF FF 00 00 00 00.
        byte[] execute = hex("584f424d 0100 0100 10000000 5657464d 08000000 c0feffff 00000000");
        byte[] data = hex("0dffffff 00000000 05000000 322e302e 30");
        var seen = new ArrayList<String>();
        for (var c : List.of(
                new Object[] {new MailboxReply.Data(data), true, "584f424d 0100 0200 1c000000 02000000 11000000 0dffffff 00000000 05000000 322e302e 30000000"},
                new Object[] {new MailboxReply.Data(data), false, "584f424d 0100 0200 1c000000 01000000 11000000 0dffffff 00000000 05000000 322e302e 30000000"},
                new Object[] {new MailboxReply.Complete(), true, "584f424d 0100 0200 08000000 02000000 00000000"},
                new Object[] {new MailboxReply.Failure(0x000E_0002), true, "584f424d 0100 0200 0c000000 03000000 04000000 02000e00"},
                new Object[] {new MailboxReply.Timeout(10_000), true, "584f424d 0100 0200 08000000 03000000 00000000"},
                new Object[] {new MailboxReply.Busy(), false, "584f424d 0100 0200 08000000 00000000 00000000"})) {
            MailboxPort port = (command, request) -> {
                seen.add(String.format("%08X %s", command, HEX.formatHex(request)));
                return (MailboxReply) c[0];
            };
            var channel = mbox(port, 16 * 1024, (Boolean) c[1]);
            channel.writeInbound(Unpooled.wrappedBuffer(execute));
            assertArrayEquals(hex((String) c[2]), drain(channel), c[0] + " on " + (((Boolean) c[1]) ? "MCU" : "core"));
            assertTrue(channel.isOpen());
        }
        assertEquals(List.of("4D465756 c0feffff00000000"), seen.stream().distinct().toList(), "the SRAM bytes reach the port unchanged");
    }

    @Test
    void anMboxRequestBeyondTheMailboxOrWithABadDlenClosesTheConnection() {
        MailboxPort never = (command, request) -> {
            throw new AssertionError("no transaction for a malformed request");
        };
        for (String bad : List.of(
                "584f424d 0100 0100 04000000 01000000",             // payload_len below 8
                "584f424d 0100 0100 0c400000",                      // 16396: beyond 8 + 16 KiB
                "584f424d 0100 0100 08000000 01000000 01400000",    // dlen 16385
                "584f424d 0100 0100 0c000000 01000000 05000000 00000000")) { // dlen 5 needs 8 bytes
            var channel = mbox(never, 16 * 1024, true);
            channel.writeInbound(Unpooled.wrappedBuffer(hex(bad)));
            assertFalse(channel.isOpen(), bad);
            assertArrayEquals(new byte[0], drain(channel));
        }
    }
}
