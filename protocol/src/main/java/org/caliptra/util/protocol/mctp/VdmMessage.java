package org.caliptra.util.protocol.mctp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The Caliptra MCTP vendor-defined message (spec/hostlib.md §4.1): IANA enterprise id 42623
 * (big-endian), a control byte (bit 7 = request), the command code; a request's payload follows,
 * a response's completion code (u32 LE) and data follow. Framing only: each command's payload is
 * its own codec's business.
 */
public final class VdmMessage {
    /** OCP's IANA enterprise number, 42623. */
    public static final int IANA_OCP = 0x0000_A67F;
    /** MCTP message type of vendor-defined messages by IANA id (the byte before this message). */
    public static final int MCTP_MESSAGE_TYPE = 0x7F;
    public static final int HEADER_SIZE = 6;
    public static final int RESPONSE_HEADER_SIZE = HEADER_SIZE + 4;
    static final int CONTROL_REQUEST = 0x80;

    private VdmMessage() {}

    /** A request as sent: header with the request bit, then {@code payload}. */
    public record Request(int command, Octets payload) {
        public Request {
            checkCommand(command);
        }

        public byte[] encode() {
            return ByteBuffer.allocate(HEADER_SIZE + payload.length()).order(ByteOrder.BIG_ENDIAN)
                    .putInt(IANA_OCP).put((byte) CONTROL_REQUEST).put((byte) command).put(payload.toByteArray()).array();
        }

        /**
         * A request message as received.
         *
         * @throws ProtocolException when it is shorter than the header, names another vendor, or is a response
         */
        public static Request decode(byte[] message) {
            checkHeader(message, HEADER_SIZE, "VDM request");
            if ((message[4] & CONTROL_REQUEST) == 0) {
                throw new ProtocolException(String.format("VDM request: control byte 0x%02X at offset 4 has the request bit clear",
                        message[4] & 0xFF));
            }
            return new Request(message[5] & 0xFF, Octets.of(message, HEADER_SIZE, message.length - HEADER_SIZE));
        }
    }

    /** A response: the command echoed, the completion code, and data (empty on failure). */
    public record Response(int command, int completionCode, Octets data) {
        public Response {
            checkCommand(command);
        }

        public static Response failure(int command, VdmCompletionCode code) {
            return new Response(command, code.value(), Octets.zeros(0));
        }

        public boolean succeeded() {
            return completionCode == VdmCompletionCode.SUCCESS.value();
        }

        public byte[] encode() {
            var b = ByteBuffer.allocate(RESPONSE_HEADER_SIZE + data.length()).order(ByteOrder.BIG_ENDIAN)
                    .putInt(IANA_OCP).put((byte) 0).put((byte) command);
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(completionCode);
            return b.put(data.toByteArray()).array();
        }

        /**
         * A response message as received.
         *
         * @throws ProtocolException when it is shorter than 10 bytes, names another vendor, or has the request bit set
         */
        public static Response decode(byte[] message) {
            checkHeader(message, RESPONSE_HEADER_SIZE, "VDM response");
            if ((message[4] & CONTROL_REQUEST) != 0) {
                throw new ProtocolException(String.format("VDM response: control byte 0x%02X at offset 4 has the request bit set",
                        message[4] & 0xFF));
            }
            int cc = ByteBuffer.wrap(message, HEADER_SIZE, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            return new Response(message[5] & 0xFF, cc,
                    Octets.of(message, RESPONSE_HEADER_SIZE, message.length - RESPONSE_HEADER_SIZE));
        }
    }

    private static void checkCommand(int command) {
        if (command < 0 || command > 0xFF) {
            throw new IllegalArgumentException("VDM command code must fit in a byte: " + command);
        }
    }

    private static void checkHeader(byte[] message, int minimum, String what) {
        if (message.length < minimum) {
            throw new ProtocolException(what + ": " + message.length + " bytes, at least " + minimum + " needed");
        }
        int iana = ByteBuffer.wrap(message, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        if (iana != IANA_OCP) {
            throw new ProtocolException(String.format("%s: IANA enterprise id 0x%08X at offset 0, expected 0x%08X (OCP)",
                    what, iana, IANA_OCP));
        }
    }
}
