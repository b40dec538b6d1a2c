package org.caliptra.util.emulator.rom;

import java.util.stream.IntStream;
import org.caliptra.util.protocol.Generation;

/** The CPTRA_BOOT_STATUS milestones (spec/device.md §3.3) from an accepted image to the runtime. */
final class BootMilestones {
    private BootMilestones() {}

    /**
     * Cold boot: firmware processor 130 to Complete (136 on 1.x, 137 on 2.x), FMC alias 193–198,
     * ColdResetComplete 320, RT alias 0x400–0x406.
     */
    static int[] coldBoot(Generation generation) {
        int complete = generation == Generation.V1 ? 136 : 137;
        return IntStream.concat(IntStream.concat(IntStream.rangeClosed(130, complete), IntStream.rangeClosed(193, 198)),
                IntStream.concat(IntStream.of(320), IntStream.rangeClosed(0x400, 0x406))).toArray();
    }

    /**
     * Update reset: 321 Started to Complete (328 on 1.x, 329 on 2.x); the FMC alias layer is kept,
     * the RT alias (0x400–0x406) is derived again.
     */
    static int[] updateReset(Generation generation) {
        int complete = generation == Generation.V1 ? 328 : 329;
        return IntStream.concat(IntStream.rangeClosed(321, complete), IntStream.rangeClosed(0x400, 0x406)).toArray();
    }
}
