package org.caliptra.util.host.commands.random;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.random.RandomCommands.RandomGenerate;
import org.caliptra.util.host.commands.random.RandomCommands.RandomStir;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/** High-level random number API (RandomGenerate, RandomStir: this library's extensions). */
public final class RandomNumbers {
    /** The most bytes one {@link #generate} returns. */
    public static final int MAX_BYTES = RandomCommands.MAX_DATA;
    /** The most bytes one {@link #stir} takes: 85 whole 48-byte blocks. */
    public static final int MAX_STIR_BYTES = RandomCommands.MAX_STIR_INPUT;

    private RandomNumbers() {}

    /**
     * {@code size} (0 to 4096) random bytes from the device.
     *
     * @throws IllegalArgumentException for a size outside 0..4096, before anything is sent
     * @throws ProtocolException when the device answers another number of bytes than asked for
     */
    public static Octets generate(CaliptraSession session, int size) {
        Octets data = Commands.execute(session, new RandomGenerate(size)).data();
        if (data.length() != size) {
            throw new ProtocolException("RandomGenerate: asked for " + size + " bytes, the device returned " + data.length());
        }
        return data;
    }

    /**
     * Stirs {@code input} (at most 4080 bytes) into the device's DRBG as additional input.
     *
     * @throws IllegalArgumentException for more than 4080 bytes, before anything is sent
     */
    public static void stir(CaliptraSession session, Octets input) {
        Commands.execute(session, new RandomStir(input));
    }
}
