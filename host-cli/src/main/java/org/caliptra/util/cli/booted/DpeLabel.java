package org.caliptra.util.cli.booted;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.dpe.DpeProfileCommands;
import picocli.CommandLine.Option;

/** {@code --label HEX}: the 48-byte label DPE derives a context's key with (CERTIFY_KEY, SIGN). */
public final class DpeLabel {
    @Option(names = "--label", paramLabel = "HEX", description = "The key's label: 48 bytes, 96 hex digits (default zeros); "
            + "another label is another key.")
    String label;

    /** The label, checked: exit 2 naming --label. */
    Octets parse() {
        return label == null ? Octets.zeros(DpeProfileCommands.TCI) : HexOption.parse("--label", label, DpeProfileCommands.TCI, "a label");
    }
}
