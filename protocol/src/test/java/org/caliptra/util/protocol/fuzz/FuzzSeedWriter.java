package org.caliptra.util.protocol.fuzz;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.core.IdevIdCsrEnvelope;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.caliptra.util.fuzzsupport.SeedFiles;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;
import org.caliptra.util.protocol.i3c.I3cTargetFrame;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mctp.MctpMessage;
import org.caliptra.util.protocol.mctp.MctpPacket;
import org.caliptra.util.protocol.mctp.MctpPacketizer;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;
import org.caliptra.util.protocol.mailbox.MailboxStatus;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the protocol module's seed corpus into {@code src/test/resources}: for every codec of the
 * catalogues ({@link Catalogue}) one message of its smallest size that our own codec decodes
 * (zeros, else a byte pattern, encoded again so it is the codec's own bytes), and sealed mailbox
 * frames, the socket protocols' datagrams, frames and packets, and the CPTR and MBOX socket frames. Run it when a command is added: {@code ./mvnw -o -pl protocol -am test
 * -Dtest=FuzzSeedWriter -Dsurefire.failIfNoSpecifiedTests=false -Dcaliptra.fuzz.writeSeeds=true}.
 */
@EnabledIfSystemProperty(named = "caliptra.fuzz.writeSeeds", matches = "true")
class FuzzSeedWriter {
    private static final Path RESOURCES = Path.of("src", "test", "resources", "org", "caliptra", "util", "protocol");

    @Test
    void write() {
        for (var e : Catalogue.CODECS.entrySet()) {
            byte[] fields = sample(e.getValue(), e.getKey());
            String file = e.getKey().replaceAll("[^A-Za-z0-9_.-]+", "-") + ".bin";
            write("codec/CodecFuzzTestInputs/decode/" + file, concat((e.getKey() + "\n").getBytes(StandardCharsets.ISO_8859_1), fields));
        }
        write("mailbox/MailboxFrameFuzzTestInputs/open/request-fw-info.bin", request(0x494E_464F, new byte[0]));
        write("mailbox/MailboxFrameFuzzTestInputs/open/request-with-fields.bin", request(0x4D44_4944, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        write("mailbox/MailboxFrameFuzzTestInputs/open/response-fips-approved.bin",
                concat(new byte[] {1}, MailboxFrame.sealResponse(MailboxFrame.FIPS_APPROVED, new byte[] {0x11, 0, (byte) 0xCA, 0x21})));
        write("mailbox/MailboxFrameFuzzTestInputs/open/response-header-only.bin",
                concat(new byte[] {1}, MailboxFrame.sealResponse(MailboxFrame.FIPS_NOT_APPROVED_USER_SUPPLIED_DIGEST, new byte[0])));
        write("mailbox/MailboxFrameFuzzTestInputs/open/response-too-short.bin", new byte[] {1, 0, 0, 0});
        write("socket/SocketMessageFuzzTestInputs/decode/cptr-apb-read.bin", concat(new byte[] {0},
                new CptrMessage.ApbRead(0x3002_0000).encode()));
        write("socket/SocketMessageFuzzTestInputs/decode/cptr-apb-write.bin", concat(new byte[] {0},
                new CptrMessage.ApbWrite(0x3003_00B0, 1).encode()));
        write("socket/SocketMessageFuzzTestInputs/decode/cptr-apb-rdata.bin", concat(new byte[] {1},
                new CptrMessage.ApbReadData(0x1234_5678).encode()));
        write("socket/SocketMessageFuzzTestInputs/decode/cptr-apb-wack.bin", concat(new byte[] {1}, new CptrMessage.ApbWriteAck().encode()));
        write("socket/SocketMessageFuzzTestInputs/decode/mbox-execute-firmware-version.bin", concat(new byte[] {2},
                MboxMessage.Execute.of(0x4D46_5756, MailboxFrame.sealRequest(0x4D46_5756, new byte[4])).encode()));
        write("socket/SocketMessageFuzzTestInputs/decode/mbox-response-padded.bin", concat(new byte[] {3},
                new MboxMessage.Response(MailboxStatus.CMD_COMPLETE, Octets.of(MailboxFrame.sealResponse(MailboxFrame.FIPS_APPROVED,
                        "2.0.0".getBytes(StandardCharsets.US_ASCII)))).encode()));
        write("socket/SocketMessageFuzzTestInputs/decode/mbox-execute-mcu-empty.bin", concat(new byte[] {4},
                MboxMessage.Execute.of(0x4D44_4944, new byte[0]).encode()));
        write("core/IdevIdCsrEnvelopeFuzzTestInputs/decode/envelope-small-csrs.bin", new IdevIdCsrEnvelope(
                Octets.fromHex("3081aa".repeat(10)), Octets.fromHex("3082".repeat(300)), Octets.fromHex("ab".repeat(64))).encode());
        writeSocketSeeds();
    }

    /** UDP datagrams, I3C socket streams and MCTP packet sequences, as the two ends of those sockets exchange them. */
    private static void writeSocketSeeds() {
        write("socket/UdpMailboxDatagramFuzzTestInputs/decode/request-mc-firmware-version.bin",
                UdpMailboxDatagram.request(0x4D46_5756, new byte[4]).encode());
        write("socket/UdpMailboxDatagramFuzzTestInputs/decode/reply-firmware-version.bin",
                MailboxFrame.sealResponse(0, concat(new byte[] {5, 0, 0, 0}, "2.0.0".getBytes(StandardCharsets.US_ASCII))));
        byte[] request = new VdmMessage.Request(0x01, Octets.zeros(4)).encode();
        byte[] requestPacket = MctpPacketizer.packetize(0, 8, true, 0, MctpMessage.vdmBody(request)).get(0).encode();
        write("i3c/I3cFrameFuzzTestInputs/decode/controller-write-then-read.bin", concat(new byte[] {0},
                concat(I3cCommandFrame.mctpWrite(8, requestPacket).encode(), I3cCommandFrame.privateRead(8, 0).encode())));
        byte[] response = new VdmMessage.Response(0x01, 0, Octets.of(Arrays.copyOf("2.0.0".getBytes(StandardCharsets.US_ASCII), 32))).encode();
        byte[] responsePacket = MctpPacketizer.packetize(8, 0, false, 0, MctpMessage.vdmBody(response)).get(0).encode();
        write("i3c/I3cFrameFuzzTestInputs/decode/target-ibi-then-data.bin", concat(new byte[] {1},
                concat(I3cTargetFrame.ibi(I3cTargetFrame.MDB_PENDING_READ_MCTP, 8).encode(), I3cTargetFrame.mctpRead(8, responsePacket).encode())));
        write("mctp/MctpReassemblerFuzzTestInputs/reassemble/request-one-packet.bin", concat(new byte[] {0, (byte) requestPacket.length},
                requestPacket));
        // A GetDebugLog response with 900 log bytes: 15 packets to the requester, tag 3.
        byte[] log = new byte[8 + 900];
        log[4] = (byte) 0x84;
        log[5] = 0x03;
        byte[] logResponse = new VdmMessage.Response(0x03, 0, Octets.of(log)).encode();
        byte[] stream = {3};
        for (MctpPacket p : MctpPacketizer.packetize(8, 0, false, 3, MctpMessage.vdmBody(logResponse))) {
            byte[] bytes = p.encode();
            stream = concat(stream, concat(new byte[] {(byte) bytes.length}, bytes));
        }
        write("mctp/MctpReassemblerFuzzTestInputs/reassemble/response-fifteen-packets.bin", stream);
    }

    /** The smallest message the codec decodes, as the codec itself encodes it; zeros if none of the patterns decodes. */
    private static <T> byte[] sample(Codec<T> codec, String what) {
        for (int fill : new int[] {0, 1, 0xFF}) {
            byte[] b = new byte[codec.minSize()];
            Arrays.fill(b, (byte) fill);
            try {
                return codec.encode(codec.decode(b, what));
            } catch (RuntimeException notThisPattern) {
                // try the next pattern
            }
        }
        return new byte[codec.minSize()];
    }

    private static byte[] request(int command, byte[] fields) {
        byte[] head = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0).putInt(command).array();
        return concat(head, MailboxFrame.sealRequest(command, fields));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void write(String relative, byte[] content) {
        SeedFiles.write(RESOURCES.resolve(relative), content);
    }
}
