package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SelfTestCommands;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mcu.McSelfTestCommands;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.LastResult;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.PeriodicStatus;

/**
 * The MCU's periodic FIPS self test (caliptra-mcu-sw {@code mcu-mbox-lib/src/fips_periodic.rs}) and
 * its two commands, MC_FIPS_PERIODIC_ENABLE and MC_FIPS_PERIODIC_STATUS.
 *
 * <p>While enabled, the MCU runs the core's self test over and over: SELF_TEST_START, then
 * SELF_TEST_GET_RESULTS every {@value #POLL_STEPS} steps until the core answers (pass) or it has
 * asked {@value #MAX_POLLS} times or the core refuses START (fail); the iteration count then goes
 * up, last_result records the outcome, and the next run starts {@value #INTERVAL_STEPS} steps later
 * (the reference waits 100 ms between polls, at most 100 polls, and 60 s between runs). Enabling
 * starts a run on the MCU's next idle step; disabling lets a run in progress finish. The work is
 * done on MCU steps that serve no mailbox command. The core's runtime self test takes 1 000 steps,
 * so a run on a booted device passes after about 1 000 steps.
 */
final class PeriodicSelfTest implements CommandTable.CommandFamily {
    static final int POLL_STEPS = 100;
    static final int MAX_POLLS = 100;
    static final int INTERVAL_STEPS = 5_000;

    private final CoreLink core;
    private final DeviceLog log;
    private boolean enabled;
    private int iterations;
    private LastResult lastResult = LastResult.NOT_RUN;
    private boolean running;
    private long nextRunAt;
    private long nextPollAt;
    private int polls;
    private long now;

    PeriodicSelfTest(CoreLink core, DeviceLog log) {
        this.core = core;
        this.log = log;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE, (request, requester) -> {
            if (request.enabled() && !enabled && !running) {
                nextRunAt = now + 1;
            }
            enabled = request.enabled();
            return NoFields.INSTANCE;
        });
        table.add(McSelfTestCommands.MC_FIPS_PERIODIC_STATUS,
                (request, requester) -> PeriodicStatus.of(enabled, iterations, lastResult));
    }

    /** The MCU's step {@code step}, on which it served no command. */
    void step(long step) {
        now = step;
        if (running) {
            if (step >= nextPollAt) {
                poll();
            }
        } else if (enabled && step >= nextRunAt) {
            start();
        }
    }

    /** Time passes on a step that served a command too; the work waits for an idle one. */
    void tick(long step) {
        now = step;
    }

    private void start() {
        try {
            core.execute(SelfTestCommands.SELF_TEST_START.command(), new byte[0]);
        } catch (CommandFailure refused) {
            finish(LastResult.FAIL, "SELF_TEST_START refused: " + CaliptraError.describe(refused.code()));
            return;
        }
        running = true;
        polls = 0;
        nextPollAt = now + POLL_STEPS;
    }

    private void poll() {
        try {
            core.execute(SelfTestCommands.SELF_TEST_GET_RESULTS.command(), new byte[0]);
        } catch (CommandFailure notYet) {
            if (++polls >= MAX_POLLS) {
                finish(LastResult.FAIL, "no result after " + MAX_POLLS + " polls: " + CaliptraError.describe(notYet.code()));
            } else {
                nextPollAt = now + POLL_STEPS;
            }
            return;
        }
        finish(LastResult.PASS, "passed");
    }

    private void finish(LastResult result, String detail) {
        running = false;
        iterations++;
        lastResult = result;
        nextRunAt = now + INTERVAL_STEPS;
        log.append(now, DeviceLog.Category.SELFTEST, "periodic self test " + iterations + " " + result + ": " + detail);
    }
}
