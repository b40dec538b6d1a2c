package org.caliptra.util.protocol.mcu;

import java.util.OptionalInt;
import java.util.Set;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;

/**
 * MC_EXPORT_ATTESTED_CSR and MC_GET_ATTESTATION (spec/device.md §4.5, spec/hostlib.md §2.3–§2.4).
 * MC_GET_CERT_CHAIN and MC_SET_CERT_CHAIN are reserved codes with no layout: see {@link #RESERVED}.
 */
public final class McAttestationCommands {
    public static final int NONCE_SIZE = 32;
    /** Largest attested CSR (the MCU's 4 KiB response data buffer). */
    public static final int MAX_CSR_SIZE = 4096;
    /** Largest evidence the host library accepts (7 KiB); data_len adds the evidence_format word. */
    public static final int MAX_EVIDENCE_SIZE = 7168;

    /** {@code algorithm} of both requests. */
    public static final int ALGORITHM_ECC_P384 = 1;
    public static final int ALGORITHM_MLDSA87 = 2;

    /** Codes the MCU reserves for certificate-chain retrieval and update; it answers neither. */
    public static final Set<McCommand> RESERVED = Set.of(McCommand.MC_GET_CERT_CHAIN, McCommand.MC_SET_CERT_CHAIN);

    private McAttestationCommands() {}

    /**
     * Which key's CSR to export and how it is signed; raw u32 ids because the device refuses unknown
     * ones itself.
     */
    public record AttestedCsrRequest(int deviceKeyId, int algorithm, Octets nonce) {
        public static final int LDEVID = 1;
        public static final int FMC_ALIAS = 2;
        public static final int RT_ALIAS = 3;

        public AttestedCsrRequest {
            Fields.exactly("nonce", nonce, NONCE_SIZE);
        }
    }

    /** A COSE_Sign1-wrapped CSR of at most 4096 bytes. */
    public record AttestedCsr(Octets data) {
        public AttestedCsr {
            Fields.atMost("data", data, MAX_CSR_SIZE);
        }
    }

    public static final CommandCodec<AttestedCsrRequest, AttestedCsr> MC_EXPORT_ATTESTED_CSR = CommandCodec.of(
            McCommand.MC_EXPORT_ATTESTED_CSR,
            Codec.fixed(40, (v, out) -> out.u32(v.deviceKeyId()).u32(v.algorithm()).bytes(v.nonce()),
                    in -> new AttestedCsrRequest(in.u32("device_key_id"), in.u32("algorithm"), in.bytes("nonce", NONCE_SIZE))),
            Codec.variable(4, 4 + MAX_CSR_SIZE, (v, out) -> out.sized(v.data()),
                    in -> new AttestedCsr(in.bytes("data", McFields.declaredRest(in, "data_size", 0, MAX_CSR_SIZE)))));

    /**
     * An evidence request, or with {@code evidenceFormat} 0 the format-discovery query (the other
     * fields are then ignored by the device).
     */
    public record AttestationRequest(int evidenceFormat, int algorithm, int pkiEntitySlot, Octets nonce) {
        public static final int FORMAT_QUERY = 0;
        public static final int FORMAT_OCP_EAT = 1;
        public static final int FORMAT_PCR_QUOTE = 2;
        public static final int SLOT_VENDOR = 0;
        /** Reserved: the device answers UNSUPPORTED_OPERATION. */
        public static final int SLOT_OWNER = 1;

        public AttestationRequest {
            Fields.exactly("nonce", nonce, NONCE_SIZE);
        }

        public static AttestationRequest query() {
            return new AttestationRequest(FORMAT_QUERY, 0, 0, Octets.zeros(NONCE_SIZE));
        }
    }

    /**
     * The echoed evidence format and the signed evidence, or for the query a u32 bitmap in which bit
     * {@code n} means format {@code n} is supported.
     */
    public record Attestation(int evidenceFormat, Octets evidence) {
        public Attestation {
            Fields.atMost("evidence", evidence, MAX_EVIDENCE_SIZE);
        }

        public static Attestation formats(int bitmap) {
            return new Attestation(AttestationRequest.FORMAT_QUERY, Octets.of(new byte[] {
                (byte) bitmap, (byte) (bitmap >>> 8), (byte) (bitmap >>> 16), (byte) (bitmap >>> 24)}));
        }

        /** The supported-format bitmap when this answers the query. */
        public OptionalInt formatBitmap() {
            if (evidenceFormat != AttestationRequest.FORMAT_QUERY || evidence.length() != 4) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((evidence.get(0) & 0xFF) | (evidence.get(1) & 0xFF) << 8
                    | (evidence.get(2) & 0xFF) << 16 | (evidence.get(3) & 0xFF) << 24);
        }
    }

    /** {@code data_len} counts evidence_format and the evidence, so it is 4 + the evidence length. */
    public static final CommandCodec<AttestationRequest, Attestation> MC_GET_ATTESTATION = CommandCodec.of(
            McCommand.MC_GET_ATTESTATION,
            Codec.fixed(44, (v, out) -> out.u32(v.evidenceFormat()).u32(v.algorithm()).u32(v.pkiEntitySlot()).bytes(v.nonce()),
                    in -> new AttestationRequest(in.u32("evidence_format"), in.u32("algorithm"), in.u32("pki_entity_slot"),
                            in.bytes("nonce", NONCE_SIZE))),
            Codec.variable(8, 8 + MAX_EVIDENCE_SIZE, (v, out) -> out.u32(4 + v.evidence().length()).u32(v.evidenceFormat())
                    .bytes(v.evidence()), in -> {
                        int dataLen = McFields.declaredRest(in, "data_len", 4, 4 + MAX_EVIDENCE_SIZE);
                        return new Attestation(in.u32("evidence_format"), in.bytes("evidence", dataLen - 4));
                    }));
}
