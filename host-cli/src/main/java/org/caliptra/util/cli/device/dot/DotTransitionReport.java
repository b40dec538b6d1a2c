package org.caliptra.util.cli.device.dot;

import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.host.commands.ownership.OwnershipCommands.Transition;

/** What every DOT transition reports. */
final class DotTransitionReport {
    private DotTransitionReport() {}

    static FieldReport of(String done, Transition t) {
        return new FieldReport().put(done, true).put("reset_required", t.resetRequired());
    }
}
