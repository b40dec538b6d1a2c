package org.caliptra.util.host.commands.attestation;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;

/** GetAttestation (spec/hostlib.md §2.1, §2.3): signed evidence, or which evidence formats the device offers. */
public final class AttestationCommands {
    public static final int NONCE_SIZE = 32;
    /** The internal evidence buffer (7 KiB). */
    public static final int MAX_EVIDENCE = 7168;
    /** {@code evidence_format} 0: ask which formats are supported instead of for evidence. */
    public static final int FORMAT_QUERY = 0;

    private AttestationCommands() {}

    /** The attestation commands. */
    public sealed interface AttestationCommand<R> extends CatalogCommand<R> permits GetAttestation {}

    /** An evidence format; bit {@code value} of the query's answer says the device offers it. */
    public enum EvidenceFormat {
        OCP_EAT(1), PCR_QUOTE(2);

        private final int value;

        EvidenceFormat(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        /** The format's bit in the query bitmap: OCP_EAT 0x2, PCR_QUOTE 0x4. */
        public int bit() {
            return 1 << value;
        }

        public static Optional<EvidenceFormat> fromValue(int value) {
            return Arrays.stream(values()).filter(f -> f.value == value).findFirst();
        }
    }

    /** Whose PKI the evidence is anchored in; the owner slot is reserved (the device refuses it). */
    public enum PkiEntitySlot {
        VENDOR(0), OWNER(1);

        private final int value;

        PkiEntitySlot(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        public static Optional<PkiEntitySlot> fromValue(int value) {
            return Arrays.stream(values()).filter(s -> s.value == value).findFirst();
        }
    }

    /**
     * GetAttestation (0x1007). {@code evidenceFormat} is the raw u32 so that a caller can ask for a
     * format the device does not offer and see it refused; {@link #FORMAT_QUERY} asks for the bitmap.
     *
     * <pre>
     * internal request:  evidence_format u32, algorithm u32, pki_entity_slot u32, nonce u8[32]   (44)
     * internal response: fips_status, evidence_format u32, data_len u32, data u8[7168]          (7180)
     * </pre>
     */
    public record GetAttestation(int evidenceFormat, AsymAlgorithm algorithm, PkiEntitySlot slot, Octets nonce)
            implements AttestationCommand<Evidence> {
        public static final CommandType<GetAttestation, Evidence> TYPE = CommandType.of(CommandId.GET_ATTESTATION,
                GetAttestation.class, true, "Signed attestation evidence over a nonce, or the bitmap of supported formats",
                Codec.fixed(12 + NONCE_SIZE,
                        (v, out) -> out.u32(v.evidenceFormat()).u32(v.algorithm().value()).u32(v.slot().value()).bytes(v.nonce()),
                        in -> new GetAttestation(in.u32("evidence_format"),
                                InternalFields.enumField(in, "algorithm", AsymAlgorithm.class, AsymAlgorithm::fromValue,
                                        AsymAlgorithm::value),
                                InternalFields.enumField(in, "pki_entity_slot", PkiEntitySlot.class, PkiEntitySlot::fromValue,
                                        PkiEntitySlot::value),
                                in.bytes("nonce", NONCE_SIZE))),
                Codec.fixed(12 + MAX_EVIDENCE,
                        (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()).u32(v.evidenceFormat()), v.evidence(), MAX_EVIDENCE),
                        in -> new Evidence(in.u32("fips_status"), in.u32("evidence_format"),
                                InternalFields.sized(in, "data_len", "data", MAX_EVIDENCE))),
                () -> of(EvidenceFormat.OCP_EAT, AsymAlgorithm.ECC_P384, PkiEntitySlot.VENDOR, Octets.fromHex("5a".repeat(NONCE_SIZE))));

        public GetAttestation {
            InternalFields.present("GetAttestation", "algorithm", algorithm);
            InternalFields.present("GetAttestation", "pki_entity_slot", slot);
            InternalFields.exactly("GetAttestation", "nonce", nonce, NONCE_SIZE);
        }

        public static GetAttestation of(EvidenceFormat format, AsymAlgorithm algorithm, PkiEntitySlot slot, Octets nonce) {
            return new GetAttestation(format.value(), algorithm, slot, nonce);
        }

        /** The format-discovery query as the reference sends it: format 0, ECC P-384, vendor slot, zero nonce. */
        public static GetAttestation query() {
            return new GetAttestation(FORMAT_QUERY, AsymAlgorithm.ECC_P384, PkiEntitySlot.VENDOR, Octets.zeros(NONCE_SIZE));
        }

        @Override
        public CommandType<GetAttestation, Evidence> type() {
            return TYPE;
        }
    }

    /** The echoed format and the evidence, or for the query a 4-byte little-endian bitmap of formats. */
    public record Evidence(int fipsStatus, int evidenceFormat, Octets evidence) {
        public Evidence {
            InternalFields.atMost("GetAttestation", "data", evidence, MAX_EVIDENCE);
        }

        /** The supported-format bitmap, when this answers the query. */
        public OptionalInt formatBitmap() {
            if (evidenceFormat != FORMAT_QUERY || evidence.length() != 4) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((evidence.get(0) & 0xFF) | (evidence.get(1) & 0xFF) << 8 | (evidence.get(2) & 0xFF) << 16
                    | (evidence.get(3) & 0xFF) << 24);
        }
    }
}
