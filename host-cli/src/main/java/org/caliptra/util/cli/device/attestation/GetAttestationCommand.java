package org.caliptra.util.cli.device.attestation;

import java.nio.file.Path;
import java.util.ArrayList;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.cli.device.AlgorithmConverter;
import org.caliptra.util.cli.device.DeviceCommand;
import org.caliptra.util.cli.device.Outputs;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.attestation.Attestation;
import org.caliptra.util.host.commands.attestation.AttestationCommands;
import org.caliptra.util.host.commands.attestation.AttestationCommands.EvidenceFormat;
import org.caliptra.util.host.commands.attestation.AttestationCommands.GetAttestation;
import org.caliptra.util.host.commands.attestation.AttestationCommands.PkiEntitySlot;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util get-attestation}: signed evidence over a nonce, or the formats the device offers. */
@Command(name = "get-attestation", mixinStandardHelpOptions = true,
        description = {"Get attestation evidence over a nonce (GetAttestation, MC_GET_ATTESTATION) and write it to --out, "
                + "or with --evidence-format query list the evidence formats the device offers.",
            "--evidence-format chooses the evidence; --format stays the output format (text or json) of every device command."})
public final class GetAttestationCommand extends DeviceCommand {
    @Option(names = "--evidence-format", paramLabel = "FORMAT", defaultValue = "ocp-eat",
            description = "query (the formats offered), ocp-eat or pcr-quote (default: ${DEFAULT-VALUE}).")
    String evidenceFormat;

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "ecc", converter = AlgorithmConverter.class,
            description = "ecc (ECC P-384) or mldsa (ML-DSA-87) (default: ${DEFAULT-VALUE}).")
    AsymAlgorithm algorithm;

    @Option(names = "--slot", paramLabel = "SLOT", defaultValue = "vendor",
            description = "The PKI the evidence is anchored in: vendor or owner (default: ${DEFAULT-VALUE}).")
    String slot;

    @Option(names = "--nonce", paramLabel = "HEX", description = "32 bytes of hex the evidence covers (default: fresh random bytes, printed).")
    String nonceHex;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the evidence (needed unless --evidence-format query).")
    Path out;

    private EvidenceFormat format;
    private PkiEntitySlot pkiSlot;
    private Octets nonce;

    @Override
    protected void prepare() {
        format = switch (evidenceFormat) {
            case "query" -> null;
            case "ocp-eat" -> EvidenceFormat.OCP_EAT;
            case "pcr-quote" -> EvidenceFormat.PCR_QUOTE;
            default -> throw new UsageException("--evidence-format '" + evidenceFormat + "': expected query, ocp-eat or pcr-quote");
        };
        pkiSlot = switch (slot) {
            case "vendor" -> PkiEntitySlot.VENDOR;
            case "owner" -> PkiEntitySlot.OWNER;
            default -> throw new UsageException("--slot '" + slot + "': expected vendor or owner");
        };
        if (format != null && out == null) {
            throw new UsageException("--out FILE is needed: the evidence is binary (--evidence-format query needs none)");
        }
        nonce = Outputs.nonce("--nonce", nonceHex, AttestationCommands.NONCE_SIZE);
    }

    @Override
    protected int run(CaliptraSession session) {
        if (format == null) {
            var query = GetAttestation.query();
            var answer = Commands.execute(session, query);
            int bitmap = answer.formatBitmap().orElseThrow(() -> new ProtocolException(query.name()
                    + " query: expected evidence_format 0 and a 4-byte bitmap, got format " + answer.evidenceFormat() + " and "
                    + answer.evidence().length() + " bytes"));
            var offered = new ArrayList<String>();
            for (EvidenceFormat f : EvidenceFormat.values()) {
                if ((bitmap & f.bit()) != 0) {
                    offered.add(name(f));
                }
            }
            return print(new FieldReport(java.util.Set.of("bitmap")).u32("bitmap", bitmap).put("formats", offered));
        }
        var evidence = Attestation.getAttestation(session, format, algorithm, pkiSlot, nonce);
        Outputs.write(out, evidence.evidence());
        return print(new FieldReport().put("evidence_format", name(format)).put("algorithm", AlgorithmConverter.name(algorithm))
                .put("nonce", nonce).put("out", out.toString()).put("bytes", evidence.evidence().length()));
    }

    static String name(EvidenceFormat f) {
        return f == EvidenceFormat.OCP_EAT ? "ocp-eat" : "pcr-quote";
    }
}
