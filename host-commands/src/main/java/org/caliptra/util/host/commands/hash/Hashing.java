package org.caliptra.util.host.commands.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.hash.HashCommands.HashFinalize;
import org.caliptra.util.host.commands.hash.HashCommands.HashInit;
import org.caliptra.util.host.commands.hash.HashCommands.HashUpdate;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.HashAlgorithm;

/**
 * High-level hashing API (the reference's crypto_hash module), streaming any length through the
 * device 4096 bytes at a time: HashInit carries the first up to 4096 bytes, a HashUpdate each
 * further 4096 (the last one possibly fewer), and HashFinalize none — so a message of {@code n}
 * bytes costs {@code max(1, ceil(n / 4096))} + 1 commands, and a 1 MiB one 1 init, 255 updates and
 * a final.
 */
public final class Hashing {
    public static final int CHUNK = HashCommands.MAX_DATA;

    private Hashing() {}

    /** Every byte {@code in} has left, hashed on the device; the stream is not closed. */
    public static Digest sha(CaliptraSession session, HashAlgorithm algorithm, InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        ShaContext context = init(session, algorithm, Octets.of(in.readNBytes(CHUNK)));
        for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
            context = update(session, context, Octets.of(chunk));
        }
        return finish(session, context, Octets.zeros(0));
    }

    /** The buffer's remaining bytes, hashed on the device; its position ends at its limit. */
    public static Digest sha(CaliptraSession session, HashAlgorithm algorithm, ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        ShaContext context = init(session, algorithm, take(data));
        while (data.hasRemaining()) {
            context = update(session, context, take(data));
        }
        return finish(session, context, Octets.zeros(0));
    }

    public static Digest sha(CaliptraSession session, HashAlgorithm algorithm, Octets data) {
        return sha(session, algorithm, ByteBuffer.wrap(data.toByteArray()));
    }

    /** {@code sha_init}: a context holding the first up to 4096 bytes. */
    public static ShaContext init(CaliptraSession session, HashAlgorithm algorithm, Octets input) {
        return Commands.execute(session, new HashInit(algorithm, input)).context();
    }

    /** {@code sha_update}: the context after up to 4096 more bytes. */
    public static ShaContext update(CaliptraSession session, ShaContext context, Octets input) {
        return Commands.execute(session, new HashUpdate(context, input)).context();
    }

    /** {@code sha_final}: the digest after up to 4096 last bytes. */
    public static Digest finish(CaliptraSession session, ShaContext context, Octets input) {
        return Commands.execute(session, new HashFinalize(context, input)).digest();
    }

    private static Octets take(ByteBuffer data) {
        byte[] chunk = new byte[Math.min(CHUNK, data.remaining())];
        data.get(chunk);
        return Octets.of(chunk);
    }
}
