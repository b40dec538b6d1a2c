package org.caliptra.util.soc.boot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;

/**
 * What a boot did, stage by stage, for a device of {@code generation}; and the IDevID CSR payload
 * the ROM handed over when the plan requested it (1.x: a DER CSR; 2.x: the 8 784-byte
 * InitDevIdCsrEnvelope), exactly DLEN bytes as read from the mailbox.
 */
public record BootReport(Generation generation, List<StageResult> stages, Optional<Octets> idevidCsr) {
    public BootReport {
        Objects.requireNonNull(generation, "generation");
        stages = List.copyOf(stages);
        Objects.requireNonNull(idevidCsr, "idevidCsr");
    }

    public BootReport(Generation generation, List<StageResult> stages) {
        this(generation, stages, Optional.empty());
    }

    /** Runtime was reached and every stage passed (every image the package carries was authorized). */
    public boolean booted() {
        return stages.stream().allMatch(StageResult::passed)
                && stages.stream().anyMatch(s -> s.stage() == BootStage.RUNTIME);
    }

    /** The first stage that did not pass, if any. */
    public Optional<StageResult> firstFailure() {
        return stages.stream().filter(s -> !s.passed()).findFirst();
    }
}
