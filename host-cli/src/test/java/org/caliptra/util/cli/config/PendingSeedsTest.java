package org.caliptra.util.cli.config;

import java.util.stream.Stream;
import org.caliptra.util.fuzzsupport.PendingSeeds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The host-cli module's pending seeds: inputs of known defects awaiting their fix, which fail until it
 * lands. Run with {@code -Dcaliptra.fuzz.pending=true} (docs/fuzzing.md, "Pending seeds").
 */
@EnabledIfSystemProperty(named = PendingSeeds.PROPERTY, matches = "true")
class PendingSeedsTest {
    @TestFactory
    Stream<DynamicTest> pendingSeeds() {
        return PendingSeeds.under(PendingSeedsTest.class);
    }
}
