package org.caliptra.util.emulator.mcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mcu.McLogCommands;
import org.caliptra.util.protocol.mcu.McSelfTestCommands;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.LastResult;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.PeriodicEnable;
import org.caliptra.util.protocol.mcu.McSelfTestCommands.PeriodicStatus;
import org.junit.jupiter.api.Test;

/** MC_FIPS_PERIODIC_ENABLE / STATUS: the MCU runs the core's self test on a schedule of device steps. */
class PeriodicSelfTestTest {
    private static void run(CaliptraDevice d, int steps) {
        d.exclusive(bus -> {
            for (int i = 0; i < steps; i++) {
                bus.idle();
            }
            return null;
        });
    }

    private static PeriodicStatus status(McuClient mcu) {
        return mcu.call(McSelfTestCommands.MC_FIPS_PERIODIC_STATUS, NoFields.INSTANCE);
    }

    @Test
    void iterationsAdvanceWithTheStepsAndPassOnABootedCore() {
        try (var d = McuClient.booted()) {
            var mcu = new McuClient(d);
            assertEquals(PeriodicStatus.of(false, 0, LastResult.NOT_RUN), status(mcu));
            mcu.call(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE, new PeriodicEnable(2));
            run(d, 900);
            assertEquals(PeriodicStatus.of(true, 0, LastResult.NOT_RUN), status(mcu), "the core's self test takes 1 000 steps");
            run(d, 300);
            assertEquals(PeriodicStatus.of(true, 1, LastResult.PASS), status(mcu));
            run(d, PeriodicSelfTest.INTERVAL_STEPS - 200);
            assertEquals(1, status(mcu).iterations(), "the next run starts an interval after the last one ended");
            run(d, 1500);
            assertEquals(PeriodicStatus.of(true, 2, LastResult.PASS), status(mcu));
            mcu.call(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE, PeriodicEnable.of(false));
            run(d, 2 * PeriodicSelfTest.INTERVAL_STEPS);
            assertEquals(PeriodicStatus.of(false, 2, LastResult.PASS), status(mcu), "disabled: no more runs");
            var log = new ByteArrayOutputStream();
            McLogCommands.DebugLog page;
            do {
                page = mcu.call(McLogCommands.MC_GET_LOG, NoFields.INSTANCE);
                log.writeBytes(page.logData().toByteArray());
            } while (page.hasMoreData());
            String text = log.toString(StandardCharsets.US_ASCII);
            assertTrue(text.contains(" SELFTEST periodic self test 1 PASS: passed\n"), text);
            assertTrue(text.contains(" SELFTEST periodic self test 2 PASS: passed\n"), text);
        }
    }

    @Test
    void aCoreThatCannotRunItFailsTheIteration() {
        try (var d = CaliptraDevice.create(McuClient.config())) {
            var mcu = new McuClient(d);
            mcu.call(McSelfTestCommands.MC_FIPS_PERIODIC_ENABLE, PeriodicEnable.of(true));
            run(d, 2);
            assertEquals(PeriodicStatus.of(true, 1, LastResult.FAIL), status(mcu), "the core held in reset never takes SELF_TEST_START");
        }
    }
}
