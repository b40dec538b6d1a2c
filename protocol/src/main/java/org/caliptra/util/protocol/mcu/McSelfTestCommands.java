package org.caliptra.util.protocol.mcu;

import java.util.Optional;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SelfTestCommands;

/**
 * The FIPS self-test MC_* commands (spec/device.md §4.5): MC_FIPS_SELF_TEST_START and
 * MC_FIPS_SELF_TEST_GET_RESULTS, which the MCU forwards to Caliptra core's SELF_TEST_START and
 * SELF_TEST_GET_RESULTS unchanged, and the MCU's own periodic self-test control.
 */
public final class McSelfTestCommands {
    private McSelfTestCommands() {}

    public static final CommandCodec<NoFields, NoFields> MC_FIPS_SELF_TEST_START =
            CommandCodec.of(McCommand.MC_FIPS_SELF_TEST_START, NoFields.CODEC, NoFields.CODEC);
    public static final CommandCodec<NoFields, NoFields> MC_FIPS_SELF_TEST_GET_RESULTS =
            CommandCodec.of(McCommand.MC_FIPS_SELF_TEST_GET_RESULTS, NoFields.CODEC, NoFields.CODEC);

    /** The core command an MC_* self-test command is relayed as, with its checksum recomputed. */
    public static Optional<CommandCodec<NoFields, NoFields>> coreTwin(McCommand command) {
        switch (command) {
            case MC_FIPS_SELF_TEST_START:
                return Optional.of(SelfTestCommands.SELF_TEST_START);
            case MC_FIPS_SELF_TEST_GET_RESULTS:
                return Optional.of(SelfTestCommands.SELF_TEST_GET_RESULTS);
            default:
                return Optional.empty();
        }
    }

    /** {@code enable}: nonzero turns the periodic self-test on; the raw u32 is kept because the MCU tests only for zero. */
    public record PeriodicEnable(int enable) {
        public static PeriodicEnable of(boolean enable) {
            return new PeriodicEnable(enable ? 1 : 0);
        }

        public boolean enabled() {
            return enable != 0;
        }
    }

    public static final CommandCodec<PeriodicEnable, NoFields> MC_FIPS_PERIODIC_ENABLE = CommandCodec.of(
            McCommand.MC_FIPS_PERIODIC_ENABLE,
            Codec.fixed(4, (v, out) -> out.u32(v.enable()), in -> new PeriodicEnable(in.u32("enable"))), NoFields.CODEC);

    /** Outcome of the last periodic run. */
    public enum LastResult {
        NOT_RUN, PASS, FAIL;

        public int value() {
            return ordinal();
        }

        public static Optional<LastResult> fromValue(int value) {
            return value >= 0 && value < values().length ? Optional.of(values()[value]) : Optional.empty();
        }
    }

    /** Whether the periodic self-test is on, how many runs completed, and the last outcome (raw u32s). */
    public record PeriodicStatus(int enabled, int iterations, int lastResult) {
        public static PeriodicStatus of(boolean enabled, int iterations, LastResult lastResult) {
            return new PeriodicStatus(enabled ? 1 : 0, iterations, lastResult.value());
        }

        public boolean isEnabled() {
            return enabled != 0;
        }

        public Optional<LastResult> result() {
            return LastResult.fromValue(lastResult);
        }
    }

    public static final CommandCodec<NoFields, PeriodicStatus> MC_FIPS_PERIODIC_STATUS = CommandCodec.of(
            McCommand.MC_FIPS_PERIODIC_STATUS, NoFields.CODEC,
            Codec.fixed(12, (v, out) -> out.u32(v.enabled()).u32(v.iterations()).u32(v.lastResult()),
                    in -> new PeriodicStatus(in.u32("enabled"), in.u32("iterations"), in.u32("last_result"))));
}
