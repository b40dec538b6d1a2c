package org.caliptra.util.protocol.dpe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The DPE message frame carried in INVOKE_DPE's data (caliptra-dpe {@code CommandHdr} /
 * {@code ResponseHdr}): a 12-byte little-endian header — magic "DPEC" or "DPER" (read as a
 * big-endian word), then the command id or status, then the profile — followed by the body.
 * Framing only: the bodies are {@link DpeProfileCommands}' codecs.
 */
public final class DpeFrame {
    public static final int HEADER = 12;
    /** "DPEC" as a big-endian word; on the wire 43 45 50 44. */
    public static final int COMMAND_MAGIC = 0x4450_4543;
    /** "DPER" as a big-endian word; on the wire 52 45 50 44. */
    public static final int RESPONSE_MAGIC = 0x4450_4552;

    private DpeFrame() {}

    /** A command's header and the bytes after it. */
    public record Command(int commandId, int profile, byte[] body) {}

    /** A response's header and the bytes after it. */
    public record Response(int status, int profile, byte[] body) {}

    public static byte[] command(int commandId, DpeProfile profile, byte[] body) {
        return frame(COMMAND_MAGIC, commandId, profile.value(), body);
    }

    public static byte[] response(int status, DpeProfile profile, byte[] body) {
        return frame(RESPONSE_MAGIC, status, profile.value(), body);
    }

    /**
     * A DPE command as the DPE implementation receives it.
     *
     * @throws ProtocolException if it is shorter than the header or its magic is not "DPEC"
     */
    public static Command openCommand(byte[] bytes) {
        var b = header(bytes, COMMAND_MAGIC, "DPE command");
        return new Command(b.getInt(4), b.getInt(8), Arrays.copyOfRange(bytes, HEADER, bytes.length));
    }

    /**
     * A DPE response as a client receives it.
     *
     * @throws ProtocolException if it is shorter than the header or its magic is not "DPER"
     */
    public static Response openResponse(byte[] bytes) {
        var b = header(bytes, RESPONSE_MAGIC, "DPE response");
        return new Response(b.getInt(4), b.getInt(8), Arrays.copyOfRange(bytes, HEADER, bytes.length));
    }

    private static ByteBuffer header(byte[] bytes, int magic, String what) {
        if (bytes.length < HEADER) {
            throw new ProtocolException(what + ": " + bytes.length + " bytes, shorter than its " + HEADER + "-byte header");
        }
        var b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != magic) {
            throw new ProtocolException(String.format("%s: magic 0x%08X, expected 0x%08X", what, b.getInt(0), magic));
        }
        return b;
    }

    private static byte[] frame(int magic, int word1, int profile, byte[] body) {
        return ByteBuffer.allocate(HEADER + body.length).order(ByteOrder.LITTLE_ENDIAN).putInt(magic).putInt(word1)
                .putInt(profile).put(body).array();
    }
}
