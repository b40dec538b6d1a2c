package org.caliptra.util.soc.boot;

import java.util.List;
import java.util.Objects;
import org.caliptra.util.protocol.Generation;

/** What a boot did, stage by stage, for a device of {@code generation}. */
public record BootReport(Generation generation, List<StageResult> stages) {
    public BootReport {
        Objects.requireNonNull(generation, "generation");
        stages = List.copyOf(stages);
    }

    /** Runtime was reached and every stage passed (every image the package carries was authorized). */
    public boolean booted() {
        return stages.stream().allMatch(StageResult::passed)
                && stages.stream().anyMatch(s -> s.stage() == BootStage.RUNTIME);
    }

    /** The first stage that did not pass, if any. */
    public java.util.Optional<StageResult> firstFailure() {
        return stages.stream().filter(s -> !s.passed()).findFirst();
    }
}
