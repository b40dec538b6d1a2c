package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.MailboxCommandException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.MeasurementCommands;
import org.caliptra.util.protocol.core.SizedData;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mcu.McAttestationCommands;
import org.caliptra.util.protocol.mcu.McAttestationCommands.Attestation;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestationRequest;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestedCsr;
import org.caliptra.util.protocol.mcu.McAttestationCommands.AttestedCsrRequest;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_BUFFER_TOO_SMALL;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_COMMON;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNSUPPORTED_COMMAND;

/**
 * MC_EXPORT_ATTESTED_CSR and MC_GET_ATTESTATION (caliptra-mcu-sw {@code mcu-mbox-lib}
 * {@code handle_export_attested_csr}, {@code stage_attestation}; the emulator platform's
 * {@code device_ops}).
 *
 * <p>The attested CSR is the core's GET_ATTESTED_ECC384_CSR / GET_ATTESTED_MLDSA87_CSR answer (a
 * CWT-tagged COSE_Sign1 EAT holding the CSR, signed by the RT alias key); the core's refusals
 * come back unchanged, an algorithm other than 1 or 2 is MCU_MBOX_INVALID_PARAMS, and a token over
 * {@value #MAX_ATTESTED_CSR} bytes (any ML-DSA-87 one) MCU_MBOX_BUFFER_TOO_SMALL: the reference
 * reads the core's answer into its 4 KiB response buffer, so its ML-DSA-87 CSR never fits either.
 *
 * <p>Evidence: format 0 is the query, answering the bitmap {@value #SUPPORTED_FORMATS} (OCP EAT and
 * PCR quote); a format, algorithm or slot outside the tables is MCU_MBOX_INVALID_PARAMS; an OCP EAT
 * with ML-DSA-87 (the reference signs EATs with ES384 only) MCU_MBOX_UNSUPPORTED_COMMAND; the owner
 * slot, or a core command failing while the evidence is made, MCU_MBOX_COMMON. A PCR quote is the
 * core's QUOTE_PCRS_ECC384 / QUOTE_PCRS_MLDSA87 answer, fields only, its nonce checked.
 */
final class AttestationHandlers implements CommandTable.CommandFamily {
    /** The reference's 4 KiB response buffer less the core response's header and data_size it reads into it. */
    static final int MAX_ATTESTED_CSR = McAttestationCommands.MAX_CSR_SIZE - 12;
    static final int SUPPORTED_FORMATS = 1 << AttestationRequest.FORMAT_OCP_EAT | 1 << AttestationRequest.FORMAT_PCR_QUOTE;
    private static final int QUOTE_NONCE_OFFSET = MeasurementCommands.PCR_COUNT * 48;

    private final CoreLink core;
    private final OcpEat eat;

    AttestationHandlers(CoreLink core, OcpEat eat) {
        this.core = core;
        this.eat = eat;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(McAttestationCommands.MC_EXPORT_ATTESTED_CSR, (request, requester) -> attestedCsr(request));
        table.add(McAttestationCommands.MC_GET_ATTESTATION, (request, requester) -> attestation(request));
    }

    private AttestedCsr attestedCsr(AttestedCsrRequest request) {
        CommandCodec<CertificateCommands.AttestedCsrRequest, SizedData> codec = switch (request.algorithm()) {
            case McAttestationCommands.ALGORITHM_ECC_P384 -> CertificateCommands.GET_ATTESTED_ECC384_CSR;
            case McAttestationCommands.ALGORITHM_MLDSA87 -> CertificateCommands.GET_ATTESTED_MLDSA87_CSR;
            default -> throw CommandFailure.of(MCU_MBOX_INVALID_PARAMS, "MC_EXPORT_ATTESTED_CSR algorithm "
                    + Integer.toUnsignedString(request.algorithm()) + " is neither 1 (ECC P-384) nor 2 (ML-DSA-87)");
        };
        Octets token = core.call(codec, new CertificateCommands.AttestedCsrRequest(request.deviceKeyId(), request.nonce())).data();
        if (token.length() > MAX_ATTESTED_CSR) {
            throw CommandFailure.of(MCU_MBOX_BUFFER_TOO_SMALL, "the core's " + token.length() + "-byte attested CSR exceeds the "
                    + MAX_ATTESTED_CSR + " bytes the MCU reads");
        }
        return new AttestedCsr(token);
    }

    private Attestation attestation(AttestationRequest request) {
        int format = request.evidenceFormat();
        if (format == AttestationRequest.FORMAT_QUERY) {
            return Attestation.formats(SUPPORTED_FORMATS);
        }
        if (format != AttestationRequest.FORMAT_OCP_EAT && format != AttestationRequest.FORMAT_PCR_QUOTE) {
            throw invalid("evidence_format", format);
        }
        boolean ecc = request.algorithm() == McAttestationCommands.ALGORITHM_ECC_P384;
        if (!ecc && request.algorithm() != McAttestationCommands.ALGORITHM_MLDSA87) {
            throw invalid("algorithm", request.algorithm());
        }
        int slot = request.pkiEntitySlot();
        if (slot != AttestationRequest.SLOT_VENDOR && slot != AttestationRequest.SLOT_OWNER) {
            throw invalid("pki_entity_slot", slot);
        }
        if (format == AttestationRequest.FORMAT_OCP_EAT && !ecc) {
            throw CommandFailure.of(MCU_MBOX_UNSUPPORTED_COMMAND, "an OCP EAT is signed with ES384 only, not ML-DSA-87");
        }
        if (slot == AttestationRequest.SLOT_OWNER) {
            throw CommandFailure.of(MCU_MBOX_COMMON, "the owner PKI slot is reserved: signing is not slot-aware");
        }
        byte[] evidence;
        try {
            evidence = format == AttestationRequest.FORMAT_OCP_EAT ? eat.sign(request.nonce()) : quote(ecc, request.nonce());
        } catch (CommandFailure | MailboxCommandException | CaliptraException e) {
            String cause = e instanceof CommandFailure f ? CaliptraError.describe(f.code()) + ": " + f.getMessage() : e.getMessage();
            throw CommandFailure.of(MCU_MBOX_COMMON, "making evidence format " + format + " failed: " + cause);
        }
        if (evidence.length > McAttestationCommands.MAX_EVIDENCE_SIZE) {
            throw CommandFailure.of(MCU_MBOX_BUFFER_TOO_SMALL, evidence.length + " bytes of evidence exceed "
                    + McAttestationCommands.MAX_EVIDENCE_SIZE);
        }
        return new Attestation(format, Octets.of(evidence));
    }

    /** The core's quote, fields only; a quote that does not carry the nonce asked for is refused. */
    private byte[] quote(boolean ecc, Octets nonce) {
        var command = ecc ? MeasurementCommands.QUOTE_PCRS_ECC384_V2 : MeasurementCommands.QUOTE_PCRS_MLDSA87;
        byte[] quote = core.execute(command.command(), nonce.toByteArray()).fields();
        if (quote.length < QUOTE_NONCE_OFFSET + 32 || !Octets.of(quote, QUOTE_NONCE_OFFSET, 32).equals(nonce)) {
            throw CommandFailure.of(MCU_MBOX_COMMON, command.name() + " answered without the nonce asked for");
        }
        return quote;
    }

    private static CommandFailure invalid(String field, int value) {
        return CommandFailure.of(MCU_MBOX_INVALID_PARAMS, "MC_GET_ATTESTATION " + field + " " + Integer.toUnsignedString(value)
                + " is not in the table");
    }
}
