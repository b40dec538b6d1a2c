package org.caliptra.util.protocol.core;

import java.util.List;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.codec.CryptoSizes.ECC384_SCALAR;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;

/**
 * Measurements, PCRs and DPE TCI tags (spec/device.md §4.2): STASH_MEASUREMENT, EXTEND_PCR,
 * INCREMENT_PCR_RESET_COUNTER, QUOTE_PCRS(_ECC384), QUOTE_PCRS_MLDSA87, GET_PCR_LOG, DPE_TAG_TCI
 * and DPE_GET_TAGGED_TCI. PCR values, digests and ECDSA signatures are {@code u8[]}: standard
 * big-endian bytes.
 */
public final class MeasurementCommands {
    private MeasurementCommands() {}

    /** A measurement to stash into DPE: 4 bytes of metadata, a 48-byte digest, a 48-byte context, an SVN. */
    public record StashMeasurementRequest(Octets metadata, Octets measurement, Octets context, int svn) {
        public StashMeasurementRequest {
            Fields.exactly("metadata", metadata, 4);
            Fields.exactly("measurement", measurement, 48);
            Fields.exactly("context", context, 48);
        }

        /** The metadata as DPE's TCI type: its four bytes as a little-endian word (the runtime's from_ne_bytes). */
        public int tciType() {
            return java.nio.ByteBuffer.wrap(metadata.toByteArray()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        }
    }

    /** The DPE result of the stash (0 = success). */
    public record StashMeasurementResponse(int dpeResult) {}

    public static final CommandCodec<StashMeasurementRequest, StashMeasurementResponse> STASH_MEASUREMENT = CommandCodec.of(
            CaliptraCommand.STASH_MEASUREMENT,
            Codec.fixed(104, (v, out) -> out.bytes(v.metadata()).bytes(v.measurement()).bytes(v.context()).u32(v.svn()),
                    in -> new StashMeasurementRequest(in.bytes("metadata", 4), in.bytes("measurement", 48),
                            in.bytes("context", 48), in.u32("svn"))),
            Codec.fixed(4, (v, out) -> out.u32(v.dpeResult()), in -> new StashMeasurementResponse(in.u32("dpe_result"))));

    /** EXTEND_PCR: extend {@code data} (48 bytes) into PCR {@code pcrIdx}; the device rejects reserved PCRs itself. */
    public record ExtendPcrRequest(int pcrIdx, Octets data) {
        public ExtendPcrRequest {
            Fields.exactly("data", data, 48);
        }
    }

    public static final CommandCodec<ExtendPcrRequest, NoFields> EXTEND_PCR = CommandCodec.of(CaliptraCommand.EXTEND_PCR,
            Codec.fixed(52, (v, out) -> out.u32(v.pcrIdx()).bytes(v.data()),
                    in -> new ExtendPcrRequest(in.u32("pcr_idx"), in.bytes("data", 48))),
            NoFields.CODEC);

    /** INCREMENT_PCR_RESET_COUNTER: the PCR whose reset counter to increment. */
    public record IncrementPcrResetCounterRequest(int index) {}

    public static final CommandCodec<IncrementPcrResetCounterRequest, NoFields> INCREMENT_PCR_RESET_COUNTER = CommandCodec.of(
            CaliptraCommand.INCREMENT_PCR_RESET_COUNTER,
            Codec.fixed(4, (v, out) -> out.u32(v.index()), in -> new IncrementPcrResetCounterRequest(in.u32("index"))),
            NoFields.CODEC);

    /** A quote request: the caller's 32-byte nonce, echoed back and covered by the signature. */
    public record QuoteRequest(Octets nonce) {
        public QuoteRequest {
            Fields.exactly("nonce", nonce, 32);
        }
    }

    private static final Codec<QuoteRequest> QUOTE_REQUEST = Codec.fixed(32, (v, out) -> out.bytes(v.nonce()),
            in -> new QuoteRequest(in.bytes("nonce", 32)));

    public static final int PCR_COUNT = 32;

    /**
     * An ECDSA P-384 PCR quote: the 32 PCR values, the nonce, the 32 reset counters, the digest
     * signed (1.x: SHA-384 over PCRs and nonce; 2.x: the first 48 bytes of SHA-512 over them) and the
     * signature by the FMC alias key.
     * 1.x sends {@code digest} before {@code reset_ctrs}, 2.x after; the record is the same.
     */
    public record PcrQuoteEcc384(List<Octets> pcrs, Octets nonce, List<Integer> resetCtrs, Octets digest, Octets signatureR,
            Octets signatureS) {
        public PcrQuoteEcc384 {
            pcrs = Layout.checkArray("pcrs", pcrs, PCR_COUNT, 48);
            Fields.exactly("nonce", nonce, 32);
            resetCtrs = Layout.checkU32s("reset_ctrs", resetCtrs, PCR_COUNT);
            Fields.exactly("digest", digest, 48);
            Fields.exactly("signature_r", signatureR, ECC384_SCALAR);
            Fields.exactly("signature_s", signatureS, ECC384_SCALAR);
        }
    }

    private static final int QUOTE_ECC384_SIZE = PCR_COUNT * 48 + 32 + 48 + PCR_COUNT * 4 + 48 + 48;

    private static PcrQuoteEcc384 readQuoteEcc384(FieldReader in, boolean digestFirst) {
        List<Octets> pcrs = Layout.octetsArray(in, "pcrs", PCR_COUNT, 48);
        Octets nonce = in.bytes("nonce", 32);
        Octets digest = digestFirst ? in.bytes("digest", 48) : null;
        List<Integer> resetCtrs = Layout.u32s(in, "reset_ctrs", PCR_COUNT);
        if (!digestFirst) {
            digest = in.bytes("digest", 48);
        }
        return new PcrQuoteEcc384(pcrs, nonce, resetCtrs, digest, in.bytes("signature_r", 48), in.bytes("signature_s", 48));
    }

    private static Codec<PcrQuoteEcc384> quoteEcc384(boolean digestFirst) {
        return Codec.fixed(QUOTE_ECC384_SIZE, (v, out) -> {
            v.pcrs().forEach(out::bytes);
            out.bytes(v.nonce());
            if (digestFirst) {
                out.bytes(v.digest());
            }
            Layout.u32s(out, v.resetCtrs());
            if (!digestFirst) {
                out.bytes(v.digest());
            }
            out.bytes(v.signatureR()).bytes(v.signatureS());
        }, in -> readQuoteEcc384(in, digestFirst));
    }

    /** 1.x QUOTE_PCRS: {@code pcrs, nonce, digest, reset_ctrs, signature_r, signature_s}. */
    public static final CommandCodec<QuoteRequest, PcrQuoteEcc384> QUOTE_PCRS_ECC384_V1 =
            CommandCodec.of(CaliptraCommand.QUOTE_PCRS_ECC384, QUOTE_REQUEST, quoteEcc384(true));
    /** 2.x QUOTE_PCRS_ECC384: {@code pcrs, nonce, reset_ctrs, digest, signature_r, signature_s}. */
    public static final CommandCodec<QuoteRequest, PcrQuoteEcc384> QUOTE_PCRS_ECC384_V2 =
            CommandCodec.of(CaliptraCommand.QUOTE_PCRS_ECC384, QUOTE_REQUEST, quoteEcc384(false));

    public static CommandCodec<QuoteRequest, PcrQuoteEcc384> quotePcrsEcc384(Generation generation) {
        return generation == Generation.V1 ? QUOTE_PCRS_ECC384_V1 : QUOTE_PCRS_ECC384_V2;
    }

    /**
     * An ML-DSA-87 PCR quote (2.x). {@code digest} is the SHA-512 over PCRs and nonce exactly as the
     * device sends and signs it: its 16 words in reverse order, each byte-swapped (runtime README).
     */
    public record PcrQuoteMldsa87(List<Octets> pcrs, Octets nonce, List<Integer> resetCtrs, Octets digest, Octets signature) {
        public PcrQuoteMldsa87 {
            pcrs = Layout.checkArray("pcrs", pcrs, PCR_COUNT, 48);
            Fields.exactly("nonce", nonce, 32);
            resetCtrs = Layout.checkU32s("reset_ctrs", resetCtrs, PCR_COUNT);
            Fields.exactly("digest", digest, 64);
            Fields.exactly("signature", signature, MLDSA87_SIGNATURE);
        }
    }

    public static final CommandCodec<QuoteRequest, PcrQuoteMldsa87> QUOTE_PCRS_MLDSA87 = CommandCodec.of(
            CaliptraCommand.QUOTE_PCRS_MLDSA87, QUOTE_REQUEST,
            Codec.fixed(PCR_COUNT * 48 + 32 + PCR_COUNT * 4 + 64 + MLDSA87_SIGNATURE_SLOT, (v, out) -> {
                v.pcrs().forEach(out::bytes);
                out.bytes(v.nonce());
                Layout.u32s(out, v.resetCtrs());
                out.bytes(v.digest());
                Layout.mldsaSignature(out, v.signature());
            }, in -> new PcrQuoteMldsa87(Layout.octetsArray(in, "pcrs", PCR_COUNT, 48), in.bytes("nonce", 32),
                    Layout.u32s(in, "reset_ctrs", PCR_COUNT), in.bytes("digest", 64), Layout.mldsaSignature(in, "signature"))));

    /** 1.x PCR log buffer, room for 17 log entries (runtime 1.2.4+ and the 1.x maintenance branch). */
    public static final int MAX_PCR_LOG_V1 = 952;
    /** 2.x: the generic MAX_RESP_DATA_SIZE buffer. */
    public static final int MAX_PCR_LOG_V2 = 9216;

    /**
     * GET_PCR_LOG: both generations send the whole response buffer (1.x sizes the used entries,
     * 2.x the whole log array), so the encoders do too; the decoders also take the used part alone.
     */
    public static final CommandCodec<NoFields, SizedData> GET_PCR_LOG_V1 = CommandCodec.of(CaliptraCommand.GET_PCR_LOG,
            NoFields.CODEC, Layout.sizedData("data_size", "data", MAX_PCR_LOG_V1, true));
    public static final CommandCodec<NoFields, SizedData> GET_PCR_LOG_V2 = CommandCodec.of(CaliptraCommand.GET_PCR_LOG,
            NoFields.CODEC, Layout.sizedData("data_size", "data", MAX_PCR_LOG_V2, true));

    public static CommandCodec<NoFields, SizedData> getPcrLog(Generation generation) {
        return generation == Generation.V1 ? GET_PCR_LOG_V1 : GET_PCR_LOG_V2;
    }

    /** DPE_TAG_TCI: give the DPE context {@code handle} (16 bytes) the tag {@code tag}. */
    public record TagTciRequest(Octets handle, int tag) {
        public TagTciRequest {
            Fields.exactly("handle", handle, 16);
        }
    }

    public static final CommandCodec<TagTciRequest, NoFields> DPE_TAG_TCI = CommandCodec.of(CaliptraCommand.DPE_TAG_TCI,
            Codec.fixed(20, (v, out) -> out.bytes(v.handle()).u32(v.tag()),
                    in -> new TagTciRequest(in.bytes("handle", 16), in.u32("tag"))),
            NoFields.CODEC);

    /** DPE_GET_TAGGED_TCI: the tag of the context to read. */
    public record GetTaggedTciRequest(int tag) {}

    /** Either generation's DPE_GET_TAGGED_TCI answer. */
    public sealed interface TaggedTci permits TaggedTciV1, TaggedTciV2 {
        Octets tciCumulative();

        Octets tciCurrent();
    }

    /** 1.x: the context's cumulative and current TCI. */
    public record TaggedTciV1(Octets tciCumulative, Octets tciCurrent) implements TaggedTci {
        public TaggedTciV1 {
            Fields.exactly("tci_cumulative", tciCumulative, 48);
            Fields.exactly("tci_current", tciCurrent, 48);
        }
    }

    /** 2.x: as 1.x, then the context's SVN (appended in runtime 2.0.3 / 2.1.2). */
    public record TaggedTciV2(Octets tciCumulative, Octets tciCurrent, int svn) implements TaggedTci {
        public TaggedTciV2 {
            Fields.exactly("tci_cumulative", tciCumulative, 48);
            Fields.exactly("tci_current", tciCurrent, 48);
        }
    }

    private static final Codec<GetTaggedTciRequest> GET_TAGGED_TCI_REQUEST = Codec.fixed(4, (v, out) -> out.u32(v.tag()),
            in -> new GetTaggedTciRequest(in.u32("tag")));

    public static final CommandCodec<GetTaggedTciRequest, TaggedTciV1> DPE_GET_TAGGED_TCI_V1 = CommandCodec.of(
            CaliptraCommand.DPE_GET_TAGGED_TCI, GET_TAGGED_TCI_REQUEST, Codec.fixed(96,
                    (v, out) -> out.bytes(v.tciCumulative()).bytes(v.tciCurrent()),
                    in -> new TaggedTciV1(in.bytes("tci_cumulative", 48), in.bytes("tci_current", 48))));
    public static final CommandCodec<GetTaggedTciRequest, TaggedTciV2> DPE_GET_TAGGED_TCI_V2 = CommandCodec.of(
            CaliptraCommand.DPE_GET_TAGGED_TCI, GET_TAGGED_TCI_REQUEST, Codec.fixed(100,
                    (v, out) -> out.bytes(v.tciCumulative()).bytes(v.tciCurrent()).u32(v.svn()),
                    in -> new TaggedTciV2(in.bytes("tci_cumulative", 48), in.bytes("tci_current", 48), in.u32("svn"))));

    public static CommandCodec<GetTaggedTciRequest, ? extends TaggedTci> dpeGetTaggedTci(Generation generation) {
        return generation == Generation.V1 ? DPE_GET_TAGGED_TCI_V1 : DPE_GET_TAGGED_TCI_V2;
    }
}
