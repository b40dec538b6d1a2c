package org.caliptra.util.soc.boot;

import java.util.Objects;
import java.util.OptionalInt;

/** One stage of a boot: which, for which image (AUTHORIZE only), how it ended and a line of detail. */
public record StageResult(BootStage stage, OptionalInt fwId, Outcome outcome, String detail) {
    public StageResult {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(fwId, "fwId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static StageResult of(BootStage stage, Outcome outcome, String detail) {
        return new StageResult(stage, OptionalInt.empty(), outcome, detail);
    }

    public boolean passed() {
        return outcome.passed();
    }
}
