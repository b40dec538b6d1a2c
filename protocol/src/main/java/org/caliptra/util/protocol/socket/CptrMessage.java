package org.caliptra.util.protocol.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The "CPTR" register framing (magic 0x43505452), which ASPEED's QEMU AST2700 {@code caliptra-emu}
 * device speaks: a client sends one APB access and waits for its answer. Addresses are absolute APB
 * addresses (mbox_csr at 0x3002_0000, soc_ifc at 0x3003_0000).
 *
 * <pre>
 * APB_READ  = 3 {u32 apb_addr}           → APB_RDATA = 4 {u32 data}
 * APB_WRITE = 5 {u32 apb_addr, u32 data} → APB_WACK  = 6 {}
 * </pre>
 */
public sealed interface CptrMessage extends SocketMessage permits CptrMessage.Request, CptrMessage.Reply {
    int MAGIC = 0x4350_5452;
    int APB_READ = 3;
    int APB_RDATA = 4;
    int APB_WRITE = 5;
    int APB_WACK = 6;
    /** The largest payload of any CPTR message (APB_WRITE's). */
    int MAX_PAYLOAD_LENGTH = 8;

    /** What a server reads. */
    SocketCodec<Request> REQUESTS = new Codec<>("CPTR request", true);
    /** What a client reads. */
    SocketCodec<Reply> REPLIES = new Codec<>("CPTR reply", false);

    @Override
    default int magic() {
        return MAGIC;
    }

    /** A client's access. */
    sealed interface Request extends CptrMessage permits ApbRead, ApbWrite {
        int address();
    }

    /** The server's answer to one {@link Request}. */
    sealed interface Reply extends CptrMessage permits ApbReadData, ApbWriteAck {}

    record ApbRead(int address) implements Request {
        @Override
        public int command() {
            return APB_READ;
        }

        @Override
        public byte[] payload() {
            return words(address);
        }
    }

    record ApbReadData(int data) implements Reply {
        @Override
        public int command() {
            return APB_RDATA;
        }

        @Override
        public byte[] payload() {
            return words(data);
        }
    }

    record ApbWrite(int address, int data) implements Request {
        @Override
        public int command() {
            return APB_WRITE;
        }

        @Override
        public byte[] payload() {
            return words(address, data);
        }
    }

    record ApbWriteAck() implements Reply {
        @Override
        public int command() {
            return APB_WACK;
        }

        @Override
        public byte[] payload() {
            return new byte[0];
        }
    }

    /** The command's name, or its number when CPTR defines none. */
    static String commandName(int command) {
        return switch (command) {
            case APB_READ -> "APB_READ";
            case APB_RDATA -> "APB_RDATA";
            case APB_WRITE -> "APB_WRITE";
            case APB_WACK -> "APB_WACK";
            default -> Integer.toString(command);
        };
    }

    /** The payload_len a command has, or -1 when CPTR defines no such command. */
    static int payloadLength(int command) {
        return switch (command) {
            case APB_READ, APB_RDATA -> 4;
            case APB_WRITE -> 8;
            case APB_WACK -> 0;
            default -> -1;
        };
    }

    private static byte[] words(int... values) {
        var b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    /** One direction: requests (APB_READ, APB_WRITE) or replies (APB_RDATA, APB_WACK). */
    final class Codec<M extends CptrMessage> implements SocketCodec<M> {
        private final String name;
        private final boolean requests;

        private Codec(String name, boolean requests) {
            this.name = name;
            this.requests = requests;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int magic() {
            return MAGIC;
        }

        @Override
        public long maxPayloadLength() {
            return requests ? 8 : 4;
        }

        @Override
        public void checkHeader(FrameHeader header) {
            SocketCodec.checkMagicAndVersion(name, MAGIC, header);
            int command = header.command();
            boolean known = requests ? command == APB_READ || command == APB_WRITE : command == APB_RDATA || command == APB_WACK;
            if (!known) {
                throw new ProtocolException(String.format("%s: command %d at offset %d, expected %s", name, command,
                        FrameHeader.COMMAND_OFFSET, requests ? "APB_READ (3) or APB_WRITE (5)" : "APB_RDATA (4) or APB_WACK (6)"));
            }
            int length = payloadLength(command);
            if (header.payloadLength() != length) {
                throw new ProtocolException(String.format("%s: %s payload_len %d at offset %d, expected %d", name,
                        commandName(command), header.payloadLength(), FrameHeader.LENGTH_OFFSET, length));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public M decodePayload(FrameHeader header, byte[] payload) {
            checkHeader(header);
            if (payload.length != header.payloadLength()) {
                throw new ProtocolException(String.format("%s: %s payload of %d bytes, payload_len says %d", name,
                        commandName(header.command()), payload.length, header.payloadLength()));
            }
            var b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            CptrMessage message = switch (header.command()) {
                case APB_READ -> new ApbRead(b.getInt());
                case APB_RDATA -> new ApbReadData(b.getInt());
                case APB_WRITE -> new ApbWrite(b.getInt(), b.getInt());
                default -> new ApbWriteAck();
            };
            return (M) message;
        }
    }
}
