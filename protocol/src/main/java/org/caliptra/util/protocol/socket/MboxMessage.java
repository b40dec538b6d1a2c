package org.caliptra.util.protocol.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxStatus;

/**
 * The "MBOX" mailbox-command framing (magic 0x4D424F58), which ASPEED's QEMU AST1040
 * {@code cptra-mbox-peer-extern} chardev speaks: each request is one whole mailbox transaction.
 *
 * <pre>
 * MBOX_EXECUTE  = 1 {u32 cmd,    u32 dlen, ROUND_UP(dlen, 4) bytes of mailbox SRAM}
 * MBOX_RESPONSE = 2 {u32 status, u32 dlen, ROUND_UP(dlen, 4) bytes of mailbox SRAM}
 * </pre>
 *
 * The SRAM bytes are the mailbox's: a request's start with its checksum, a response's with its
 * checksum and fips_status. The status is the mailbox's CMD_STATUS ({@link MailboxStatus}). Padding
 * bytes are written as zeros and not looked at when read.
 */
public sealed interface MboxMessage extends SocketMessage permits MboxMessage.Execute, MboxMessage.Response {
    int MAGIC = 0x4D42_4F58;
    int MBOX_EXECUTE = 1;
    int MBOX_RESPONSE = 2;
    /** cmd (or status) and dlen. */
    int FIXED_PAYLOAD_LENGTH = 8;
    /** The largest mailbox SRAM of any profile (the 2.x core mailbox, 256 KiB): no dlen can exceed it. */
    int MAX_DATA_LENGTH = Generation.V2.mailboxSize();

    /** What a server reads, for a mailbox of up to {@link #MAX_DATA_LENGTH} bytes. */
    SocketCodec<Execute> REQUESTS = requests(MAX_DATA_LENGTH);
    /** What a client reads, for a mailbox of up to {@link #MAX_DATA_LENGTH} bytes. */
    SocketCodec<Response> RESPONSES = responses(MAX_DATA_LENGTH);

    /** The requests a server of a {@code mailboxBytes}-byte mailbox accepts. */
    static SocketCodec<Execute> requests(int mailboxBytes) {
        return new Codec<>("MBOX request", MBOX_EXECUTE, mailboxBytes);
    }

    /** The responses a client of a {@code mailboxBytes}-byte mailbox accepts. */
    static SocketCodec<Response> responses(int mailboxBytes) {
        return new Codec<>("MBOX response", MBOX_RESPONSE, mailboxBytes);
    }

    @Override
    default int magic() {
        return MAGIC;
    }

    /** dlen: the SRAM bytes that count. */
    Octets data();

    @Override
    default byte[] payload() {
        Octets data = data();
        byte[] out = new byte[FIXED_PAYLOAD_LENGTH + roundUp(data.length())];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(firstWord()).putInt(data.length());
        data.copyTo(out, FIXED_PAYLOAD_LENGTH);
        return out;
    }

    /** cmd or status. */
    int firstWord();

    /** One mailbox transaction: the command code and the SRAM request (checksum first). */
    record Execute(int mailboxCommand, Octets data) implements MboxMessage {
        public Execute {
            Objects.requireNonNull(data, "data");
        }

        public static Execute of(int mailboxCommand, byte[] data) {
            return new Execute(mailboxCommand, Octets.of(data));
        }

        @Override
        public int command() {
            return MBOX_EXECUTE;
        }

        @Override
        public int firstWord() {
            return mailboxCommand;
        }
    }

    /** How the transaction ended and what the mailbox held. */
    record Response(MailboxStatus status, Octets data) implements MboxMessage {
        public Response {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int command() {
            return MBOX_RESPONSE;
        }

        @Override
        public int firstWord() {
            return status.value();
        }
    }

    /** {@code n} rounded up to a whole number of 32-bit words. */
    static long roundUp(long n) {
        return (n + 3) & ~3L;
    }

    private static int roundUp(int n) {
        return (int) roundUp((long) n);
    }

    /** One direction (requests or responses) for a mailbox of a given size. */
    final class Codec<M extends MboxMessage> implements SocketCodec<M> {
        private final String name;
        private final int command;
        private final int mailboxBytes;

        private Codec(String name, int command, int mailboxBytes) {
            if (mailboxBytes <= 0 || mailboxBytes > MAX_DATA_LENGTH) {
                throw new IllegalArgumentException("mailbox size must be 1.." + MAX_DATA_LENGTH + ": " + mailboxBytes);
            }
            this.name = name;
            this.command = command;
            this.mailboxBytes = mailboxBytes;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int magic() {
            return MAGIC;
        }

        /** The mailbox SRAM this codec is for: the largest dlen. */
        public int mailboxBytes() {
            return mailboxBytes;
        }

        @Override
        public long maxPayloadLength() {
            return FIXED_PAYLOAD_LENGTH + roundUp((long) mailboxBytes);
        }

        @Override
        public void checkHeader(FrameHeader header) {
            SocketCodec.checkMagicAndVersion(name, MAGIC, header);
            if (header.command() != command) {
                throw new ProtocolException(String.format("%s: command %d at offset %d, expected %s (%d)", name, header.command(),
                        FrameHeader.COMMAND_OFFSET, commandName(command), command));
            }
            long length = header.payloadLength();
            if (length < FIXED_PAYLOAD_LENGTH) {
                throw new ProtocolException(String.format("%s: payload_len %d at offset %d is below %d (%s and dlen)", name, length,
                        FrameHeader.LENGTH_OFFSET, FIXED_PAYLOAD_LENGTH, command == MBOX_EXECUTE ? "cmd" : "status"));
            }
            if (length > maxPayloadLength()) {
                throw new ProtocolException(String.format("%s: payload_len %d at offset %d exceeds %d (8 + the %d-byte mailbox)",
                        name, length, FrameHeader.LENGTH_OFFSET, maxPayloadLength(), mailboxBytes));
            }
            if (length % 4 != 0) {
                throw new ProtocolException(String.format("%s: payload_len %d at offset %d is not a multiple of 4 "
                        + "(8 + dlen rounded up to whole words)", name, length, FrameHeader.LENGTH_OFFSET));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public M decodePayload(FrameHeader header, byte[] payload) {
            checkHeader(header);
            if (payload.length != header.payloadLength()) {
                throw new ProtocolException(String.format("%s: payload of %d bytes, payload_len says %d", name, payload.length,
                        header.payloadLength()));
            }
            var b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            int first = b.getInt();
            long dlen = Integer.toUnsignedLong(b.getInt());
            if (dlen > mailboxBytes) {
                throw new ProtocolException(String.format("%s: dlen %d at payload offset 4 exceeds the %d-byte mailbox", name, dlen,
                        mailboxBytes));
            }
            long expected = FIXED_PAYLOAD_LENGTH + roundUp(dlen);
            if (payload.length != expected) {
                throw new ProtocolException(String.format("%s: dlen %d at payload offset 4 needs payload_len %d, the frame has %d",
                        name, dlen, expected, payload.length));
            }
            Octets data = Octets.of(payload, FIXED_PAYLOAD_LENGTH, (int) dlen);
            if (command == MBOX_EXECUTE) {
                return (M) new Execute(first, data);
            }
            if (first < 0 || first > MailboxStatus.CMD_FAILURE.value()) {
                throw new ProtocolException(String.format("%s: status %d at payload offset 0 is no CMD_STATUS "
                        + "(0 busy, 1 data ready, 2 complete, 3 failure)", name, Integer.toUnsignedLong(first)));
            }
            return (M) new Response(MailboxStatus.fromField(first), data);
        }
    }

    static String commandName(int command) {
        return switch (command) {
            case MBOX_EXECUTE -> "MBOX_EXECUTE";
            case MBOX_RESPONSE -> "MBOX_RESPONSE";
            default -> Integer.toString(command);
        };
    }
}
