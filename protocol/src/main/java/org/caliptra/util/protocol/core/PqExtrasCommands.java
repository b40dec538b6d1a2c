package org.caliptra.util.protocol.core;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;

/**
 * The post-quantum extras of the 1.x maintenance branch (spec/device.md §4.1; layouts from that
 * branch's api/src/mailbox.rs): SET_PQ_SEED, GET_PQ_CSR, GET_PQ_INFO, POPULATE_PQ_CERT and
 * GET_PQ_CERT for the ML-DSA-87 PQ.DevID. That firmware sends the GET_PQ_CSR and GET_PQ_CERT
 * response buffers whole; the encoders do the same and the decoders also take the used part alone.
 */
public final class PqExtrasCommands {
    public static final int PQ_SEED = 32;
    public static final int MAX_PQ_CSR = 12800;
    public static final int MAX_PQ_CERT = 8192;

    private PqExtrasCommands() {}

    /** SET_PQ_SEED: the 32-byte ML-DSA-87 seed of the PQ.DevID. */
    public record SetPqSeedRequest(Octets seed) {
        public SetPqSeedRequest {
            Fields.exactly("seed", seed, PQ_SEED);
        }
    }

    public static final CommandCodec<SetPqSeedRequest, NoFields> SET_PQ_SEED = CommandCodec.of(CaliptraCommand.SET_PQ_SEED,
            Codec.fixed(PQ_SEED, (v, out) -> out.bytes(v.seed()), in -> new SetPqSeedRequest(in.bytes("seed", PQ_SEED))),
            NoFields.CODEC);

    public static final CommandCodec<NoFields, SizedData> GET_PQ_CSR = CommandCodec.of(CaliptraCommand.GET_PQ_CSR,
            NoFields.CODEC, Layout.sizedData("data_size", "data", MAX_PQ_CSR, true));

    /** GET_PQ_INFO: the PQ.DevID ML-DSA-87 public key (raw FIPS 204 bytes). */
    public record PqInfo(Octets pqPubKey) {
        public PqInfo {
            Fields.exactly("pq_pub_key", pqPubKey, MLDSA87_PUBLIC_KEY);
        }
    }

    public static final CommandCodec<NoFields, PqInfo> GET_PQ_INFO = CommandCodec.of(CaliptraCommand.GET_PQ_INFO, NoFields.CODEC,
            Codec.fixed(MLDSA87_PUBLIC_KEY, (v, out) -> out.bytes(v.pqPubKey()),
                    in -> new PqInfo(in.bytes("pq_pub_key", MLDSA87_PUBLIC_KEY))));

    public static final CommandCodec<CertificateCommands.PopulateCertRequest, NoFields> POPULATE_PQ_CERT = CommandCodec.of(
            CaliptraCommand.POPULATE_PQ_CERT, CertificateCommands.populateCertRequest(MAX_PQ_CERT), NoFields.CODEC);

    /**
     * GET_PQ_CERT's request: the SoC's ML-DSA-87 signature (4627 bytes, no slot padding here) over
     * the PQ.DevID TBS, sent as {@code tbs_size, signature, tbs:u8[3543], pad:u8[2]}. The largest TBS
     * is what still fits the 8192-byte certificate (the branch's libcaliptra header says 3553, which
     * the device rejects). The Rust API sends the used part of {@code tbs} and two more bytes;
     * libcaliptra the used part alone; the encoder sends the used part alone.
     */
    public record PqCertRequest(Octets signature, Octets tbs) {
        public static final int MAX_TBS = 3543;

        public PqCertRequest {
            Fields.exactly("signature", signature, MLDSA87_SIGNATURE);
            Fields.atMost("tbs", tbs, MAX_TBS);
        }
    }

    private static final int PQ_CERT_REQUEST_FIXED = 4 + MLDSA87_SIGNATURE;
    private static final int PQ_CERT_REQUEST_PAD = 2;

    public static final CommandCodec<PqCertRequest, SizedData> GET_PQ_CERT = CommandCodec.of(CaliptraCommand.GET_PQ_CERT,
            Codec.variable(PQ_CERT_REQUEST_FIXED, PQ_CERT_REQUEST_FIXED + PqCertRequest.MAX_TBS + PQ_CERT_REQUEST_PAD,
                    (v, out) -> {
                        out.u32(v.tbs().length()).bytes(v.signature());
                        Layout.buffer(out, "tbs", v.tbs(), PqCertRequest.MAX_TBS, false);
                    }, in -> {
                        int size = in.u32AtMost("tbs_size", PqCertRequest.MAX_TBS);
                        Octets signature = in.bytes("signature", MLDSA87_SIGNATURE);
                        return new PqCertRequest(signature, Layout.usedThenRest(in, "tbs", size));
                    }),
            Layout.sizedData("cert_size", "cert", MAX_PQ_CERT, true));
}
