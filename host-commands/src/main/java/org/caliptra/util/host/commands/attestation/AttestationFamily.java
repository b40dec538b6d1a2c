package org.caliptra.util.host.commands.attestation;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.attestation.AttestationCommands.Evidence;
import org.caliptra.util.host.commands.attestation.AttestationCommands.GetAttestation;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.mcu.McAttestationCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Attestation: GetAttestation as MC_GET_ATTESTATION on an MCU mailbox (the codec checks that
 * data_len counts the evidence_format word). The MCU assembles the evidence itself, so a Caliptra
 * core mailbox has no such command; MCTP-VDM has none either.
 */
public final class AttestationFamily implements CommandFamily {
    @Override
    public String name() {
        return "attestation";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(GET_ATTESTATION),
                EnumSet.of(GET_ATTESTATION),
                EnumSet.noneOf(CommandId.class),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(GetAttestation.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return switch (kind) {
            case MCU -> List.of(CodecMailboxMapping.of(GetAttestation.TYPE, McAttestationCommands.MC_GET_ATTESTATION,
                    q -> new McAttestationCommands.AttestationRequest(q.evidenceFormat(), q.algorithm().value(), q.slot().value(),
                            q.nonce()),
                    (fips, a) -> new Evidence(fips, a.evidenceFormat(), a.evidence())));
            case CALIPTRA_CORE -> List.of();
        };
    }
}
