package org.caliptra.util.emulator.runtime;

import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.SelfTestCommands;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_SELF_TEST_IN_PROGRESS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_SELF_TEST_NOT_STARTED;

/**
 * SELF_TEST_START, SELF_TEST_GET_RESULTS and SHUTDOWN at runtime. The runtime's self test runs in
 * the background for {@value #SELF_TEST_STEPS} steps; asking for results earlier is an error.
 */
final class SelfTestHandlers implements CommandTable.CommandFamily {
    static final int SELF_TEST_STEPS = 1_000;

    private final CaliptraFirmware firmware;
    private long selfTestDoneAt = -1;

    SelfTestHandlers(CaliptraFirmware firmware) {
        this.firmware = firmware;
    }

    void reset() {
        selfTestDoneAt = -1;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(SelfTestCommands.SELF_TEST_START, (request, requester) -> {
            selfTestDoneAt = firmware.steps() + SELF_TEST_STEPS;
            return NoFields.INSTANCE;
        });
        table.add(SelfTestCommands.SELF_TEST_GET_RESULTS, (request, requester) -> {
            if (selfTestDoneAt < 0) {
                throw CommandFailure.of(RUNTIME_SELF_TEST_NOT_STARTED, "self test not started");
            }
            if (firmware.steps() < selfTestDoneAt) {
                throw CommandFailure.of(RUNTIME_SELF_TEST_IN_PROGRESS, "self test in progress");
            }
            selfTestDoneAt = -1;
            return NoFields.INSTANCE;
        });
        // The runtime loop halts after the response is out.
        table.add(SelfTestCommands.SHUTDOWN, (request, requester) -> NoFields.INSTANCE);
    }
}
