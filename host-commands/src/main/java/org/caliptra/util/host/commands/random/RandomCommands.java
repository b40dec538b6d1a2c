package org.caliptra.util.host.commands.random;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;

/**
 * The device's random number service, this library's extension ids 0x2030 and 0x2031 (spec/hostlib.md
 * §2.1 numbers none): bytes from the DRBG the device keeps over its TRNG, and additional input
 * stirred into it. The internal structs are this library's, laid out on each record in the style
 * of §2.3.
 */
public final class RandomCommands {
    /** The most bytes one RandomGenerate returns: the device's data buffer, and the internal structs' buffers. */
    public static final int MAX_DATA = 4096;
    /**
     * The most input one RandomStir takes: the runtime feeds the DRBG whole 48-byte (twelve-word)
     * blocks and refuses a size that rounds up past its 4096-byte buffer, so 85 blocks.
     */
    public static final int MAX_STIR_INPUT = 4096 / 48 * 48;

    private RandomCommands() {}

    /** The random number commands. */
    public sealed interface RandomCommand<R> extends CatalogCommand<R> permits RandomGenerate, RandomStir {}

    /** What RandomGenerate hands back: the device's fips_status and the random bytes. */
    public record RandomBytes(int fipsStatus, Octets data) {
        public RandomBytes {
            InternalFields.atMost("RandomGenerate response", "data", data, MAX_DATA);
        }
    }

    /**
     * RandomGenerate (0x2030, extension): {@code size} bytes from the device's DRBG. Not idempotent:
     * each call draws, and a replay would hand back other bytes than the lost answer held.
     *
     * <pre>
     * internal request:  size u32                                              (4)
     * internal response: fips_status, data_len u32, data u8[4096]              (4104)
     * </pre>
     */
    public record RandomGenerate(int size) implements RandomCommand<RandomBytes> {
        public static final CommandType<RandomGenerate, RandomBytes> TYPE = CommandType.of(CommandId.RANDOM_GENERATE,
                RandomGenerate.class, false, "Random bytes (0 to 4096) from the device's DRBG",
                Codec.fixed(4, (v, out) -> out.u32(v.size()), in -> new RandomGenerate(in.u32AtMost("size", MAX_DATA))),
                Codec.fixed(8 + MAX_DATA, (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()), v.data(), MAX_DATA),
                        in -> new RandomBytes(in.u32("fips_status"), InternalFields.sized(in, "data_len", "data", MAX_DATA))),
                () -> new RandomGenerate(32));

        public RandomGenerate {
            if (size < 0 || size > MAX_DATA) {
                throw new IllegalArgumentException("RandomGenerate: size is 0 to " + MAX_DATA + " bytes, got "
                        + Integer.toUnsignedString(size));
            }
        }

        @Override
        public CommandType<RandomGenerate, RandomBytes> type() {
            return TYPE;
        }
    }

    /**
     * RandomStir (0x2031, extension): {@code input} (at most {@value #MAX_STIR_INPUT} bytes) goes into
     * the device's DRBG as additional input to a reseed. Not idempotent: a replay stirs twice.
     *
     * <pre>
     * internal request:  input_size u32, input u8[4096]                        (4100)
     * internal response: fips_status                                           (4)
     * </pre>
     */
    public record RandomStir(Octets input) implements RandomCommand<StatusResponse> {
        public static final CommandType<RandomStir, StatusResponse> TYPE = CommandType.of(CommandId.RANDOM_STIR, RandomStir.class,
                false, "Stir additional input (up to 4080 bytes) into the device's DRBG",
                Codec.fixed(4 + MAX_DATA, (v, out) -> InternalFields.sized(out, v.input(), MAX_DATA),
                        in -> new RandomStir(InternalFields.sized(in, "input_size", "input", MAX_DATA))),
                StatusResponse.CODEC, () -> new RandomStir(Octets.of("caliptra-util stir".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

        public RandomStir {
            InternalFields.present("RandomStir", "input", input);
            if (input.length() > MAX_STIR_INPUT) {
                throw new IllegalArgumentException("RandomStir: input is at most " + MAX_STIR_INPUT + " bytes (the device stirs whole "
                        + "48-byte blocks into a 4096-byte buffer), got " + input.length());
            }
        }

        @Override
        public CommandType<RandomStir, StatusResponse> type() {
            return TYPE;
        }
    }
}
