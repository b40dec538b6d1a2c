package org.caliptra.util.host.commands.attestation;

import java.util.EnumSet;
import java.util.Set;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.attestation.AttestationCommands.Evidence;
import org.caliptra.util.host.commands.attestation.AttestationCommands.EvidenceFormat;
import org.caliptra.util.host.commands.attestation.AttestationCommands.GetAttestation;
import org.caliptra.util.host.commands.attestation.AttestationCommands.PkiEntitySlot;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/** High-level attestation API (the reference's attestation module). */
public final class Attestation {
    private Attestation() {}

    /** {@code get_attestation}: evidence of {@code format} over {@code nonce} (32 bytes). */
    public static Evidence getAttestation(CaliptraSession session, EvidenceFormat format, AsymAlgorithm algorithm,
            PkiEntitySlot slot, Octets nonce) {
        return Commands.execute(session, GetAttestation.of(format, algorithm, slot, nonce));
    }

    /** {@code get_attestation_formats}: the formats the device offers, from the query's bitmap. */
    public static Set<EvidenceFormat> supportedFormats(CaliptraSession session) {
        var command = GetAttestation.query();
        Evidence answer = Commands.execute(session, command);
        int bitmap = answer.formatBitmap().orElseThrow(() -> new ProtocolException(command.name()
                + " query: expected evidence_format 0 and a 4-byte bitmap, got format " + answer.evidenceFormat() + " and "
                + answer.evidence().length() + " bytes"));
        var formats = EnumSet.noneOf(EvidenceFormat.class);
        for (EvidenceFormat f : EvidenceFormat.values()) {
            if ((bitmap & f.bit()) != 0) {
                formats.add(f);
            }
        }
        return formats;
    }
}
