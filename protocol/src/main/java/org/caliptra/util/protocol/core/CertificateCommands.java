package org.caliptra.util.protocol.core;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.codec.CryptoSizes.ECC384_SCALAR;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;

/**
 * DICE certificates, keys and CSRs (spec/device.md §2.5, §4.2): the IDevID certificate the device
 * assembles from a SoC-signed TBS, the IDevID public keys, the certificates and CSRs of each layer,
 * and the attested CSRs. Responses are {@code data_size:u32, data}; their capacity differs by
 * generation where a {@code (Generation)} selector is given.
 *
 * <p>How much of a response buffer travels: 2.x firmware and 1.2 runtimes send the used part of a
 * certificate; 1.x firmware sends CSR buffers whole (and the 1.x maintenance branch every certificate
 * buffer), so decoders accept the used part with or without the rest, and the 1.x CSR encoders send
 * the whole buffer as 1.x firmware does.
 */
public final class CertificateCommands {
    /** 1.x certificate buffer (GetLdevCertResp and friends). */
    public static final int MAX_CERT_V1 = 1024;
    /** 1.x IDevID CSR buffer. */
    public static final int MAX_IDEV_CSR_V1 = 512;
    /** 1.x FMC alias CSR buffer: 512 up to runtime 1.2.2, 768 from 1.2.3 and on the maintenance branch. */
    public static final int MAX_FMC_ALIAS_CSR_V1 = 768;
    /** 2.x MAX_RESP_DATA_SIZE, shared by every certificate and CSR response. */
    public static final int MAX_DATA_V2 = 9216;
    /** 2.x MAX_ATTESTED_CSR_RESP_DATA_SIZE. */
    public static final int MAX_ATTESTED_CSR = 12800;
    public static final int MAX_POPULATE_ECC384_CERT = 1024;
    public static final int MAX_POPULATE_MLDSA87_CERT = 8192;

    private CertificateCommands() {}

    /**
     * GET_IDEV_ECC384_CERT's request: the SoC's signature (r, s as standard big-endian bytes) over the
     * IDevID TBS it holds, sent as {@code tbs_size, signature_r, signature_s, tbs:u8[916]}. The Rust
     * API sends only the {@code tbs_size} used bytes of {@code tbs}, libcaliptra the whole 916.
     */
    public record IdevEcc384CertRequest(Octets signatureR, Octets signatureS, Octets tbs) {
        public static final int MAX_TBS = 916;

        public IdevEcc384CertRequest {
            Fields.exactly("signature_r", signatureR, ECC384_SCALAR);
            Fields.exactly("signature_s", signatureS, ECC384_SCALAR);
            Fields.atMost("tbs", tbs, MAX_TBS);
        }
    }

    private static final Codec<IdevEcc384CertRequest> IDEV_ECC384_CERT_REQUEST = Codec.variable(100,
            100 + IdevEcc384CertRequest.MAX_TBS, (v, out) -> {
                out.u32(v.tbs().length()).bytes(v.signatureR()).bytes(v.signatureS());
                Layout.buffer(out, "tbs", v.tbs(), IdevEcc384CertRequest.MAX_TBS, false);
            }, in -> {
                int tbsSize = in.u32AtMost("tbs_size", IdevEcc384CertRequest.MAX_TBS);
                Octets r = in.bytes("signature_r", 48);
                Octets s = in.bytes("signature_s", 48);
                return new IdevEcc384CertRequest(r, s, Layout.usedThenRest(in, "tbs", tbsSize));
            });

    private static Codec<SizedData> certificate(int capacity) {
        return Layout.sizedData("cert_size", "cert", capacity, false);
    }

    private static Codec<SizedData> data(int capacity, boolean sendWhole) {
        return Layout.sizedData("data_size", "data", capacity, sendWhole);
    }

    public static final CommandCodec<IdevEcc384CertRequest, SizedData> GET_IDEV_ECC384_CERT_V1 = CommandCodec.of(
            CaliptraCommand.GET_IDEV_ECC384_CERT, IDEV_ECC384_CERT_REQUEST, certificate(MAX_CERT_V1));
    public static final CommandCodec<IdevEcc384CertRequest, SizedData> GET_IDEV_ECC384_CERT_V2 = CommandCodec.of(
            CaliptraCommand.GET_IDEV_ECC384_CERT, IDEV_ECC384_CERT_REQUEST, certificate(MAX_DATA_V2));

    public static CommandCodec<IdevEcc384CertRequest, SizedData> getIdevEcc384Cert(Generation generation) {
        return generation == Generation.V1 ? GET_IDEV_ECC384_CERT_V1 : GET_IDEV_ECC384_CERT_V2;
    }

    /** The IDevID ECC P-384 public key, X and Y as standard big-endian bytes. */
    public record IdevEcc384Info(Octets idevPubX, Octets idevPubY) {
        public IdevEcc384Info {
            Fields.exactly("idev_pub_x", idevPubX, ECC384_SCALAR);
            Fields.exactly("idev_pub_y", idevPubY, ECC384_SCALAR);
        }
    }

    public static final CommandCodec<NoFields, IdevEcc384Info> GET_IDEV_ECC384_INFO = CommandCodec.of(
            CaliptraCommand.GET_IDEV_ECC384_INFO, NoFields.CODEC, Codec.fixed(96,
                    (v, out) -> out.bytes(v.idevPubX()).bytes(v.idevPubY()),
                    in -> new IdevEcc384Info(in.bytes("idev_pub_x", 48), in.bytes("idev_pub_y", 48))));

    /**
     * POPULATE_IDEV_*_CERT's request (and the 1.x branch's POPULATE_PQ_CERT): a DER certificate,
     * sent as {@code cert_size} and the used part of {@code cert} (libcaliptra sends the whole buffer).
     * Each command's codec holds it to that command's buffer: 1024 bytes for ECC384, 8192 for ML-DSA.
     */
    public record PopulateCertRequest(Octets cert) {
        public PopulateCertRequest {
            Fields.atMost("cert", cert, MAX_POPULATE_MLDSA87_CERT);
        }
    }

    static Codec<PopulateCertRequest> populateCertRequest(int capacity) {
        return Codec.variable(4, 4 + capacity, (v, out) -> Layout.sized(out, "cert", v.cert(), capacity, false),
                in -> new PopulateCertRequest(Layout.usedThenRest(in, "cert", in.u32AtMost("cert_size", capacity))));
    }

    public static final CommandCodec<PopulateCertRequest, NoFields> POPULATE_IDEV_ECC384_CERT = CommandCodec.of(
            CaliptraCommand.POPULATE_IDEV_ECC384_CERT, populateCertRequest(MAX_POPULATE_ECC384_CERT), NoFields.CODEC);

    public static final CommandCodec<NoFields, SizedData> GET_LDEV_ECC384_CERT_V1 =
            CommandCodec.of(CaliptraCommand.GET_LDEV_ECC384_CERT, NoFields.CODEC, data(MAX_CERT_V1, false));
    public static final CommandCodec<NoFields, SizedData> GET_LDEV_ECC384_CERT_V2 =
            CommandCodec.of(CaliptraCommand.GET_LDEV_ECC384_CERT, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_FMC_ALIAS_ECC384_CERT_V1 =
            CommandCodec.of(CaliptraCommand.GET_FMC_ALIAS_ECC384_CERT, NoFields.CODEC, data(MAX_CERT_V1, false));
    public static final CommandCodec<NoFields, SizedData> GET_FMC_ALIAS_ECC384_CERT_V2 =
            CommandCodec.of(CaliptraCommand.GET_FMC_ALIAS_ECC384_CERT, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_RT_ALIAS_ECC384_CERT_V1 =
            CommandCodec.of(CaliptraCommand.GET_RT_ALIAS_ECC384_CERT, NoFields.CODEC, data(MAX_CERT_V1, false));
    public static final CommandCodec<NoFields, SizedData> GET_RT_ALIAS_ECC384_CERT_V2 =
            CommandCodec.of(CaliptraCommand.GET_RT_ALIAS_ECC384_CERT, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_IDEV_ECC384_CSR_V1 =
            CommandCodec.of(CaliptraCommand.GET_IDEV_ECC384_CSR, NoFields.CODEC, data(MAX_IDEV_CSR_V1, true));
    public static final CommandCodec<NoFields, SizedData> GET_IDEV_ECC384_CSR_V2 =
            CommandCodec.of(CaliptraCommand.GET_IDEV_ECC384_CSR, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_FMC_ALIAS_ECC384_CSR_V1 =
            CommandCodec.of(CaliptraCommand.GET_FMC_ALIAS_ECC384_CSR, NoFields.CODEC, data(MAX_FMC_ALIAS_CSR_V1, true));
    public static final CommandCodec<NoFields, SizedData> GET_FMC_ALIAS_ECC384_CSR_V2 =
            CommandCodec.of(CaliptraCommand.GET_FMC_ALIAS_ECC384_CSR, NoFields.CODEC, data(MAX_DATA_V2, false));

    public static CommandCodec<NoFields, SizedData> getLdevEcc384Cert(Generation generation) {
        return generation == Generation.V1 ? GET_LDEV_ECC384_CERT_V1 : GET_LDEV_ECC384_CERT_V2;
    }

    public static CommandCodec<NoFields, SizedData> getFmcAliasEcc384Cert(Generation generation) {
        return generation == Generation.V1 ? GET_FMC_ALIAS_ECC384_CERT_V1 : GET_FMC_ALIAS_ECC384_CERT_V2;
    }

    public static CommandCodec<NoFields, SizedData> getRtAliasEcc384Cert(Generation generation) {
        return generation == Generation.V1 ? GET_RT_ALIAS_ECC384_CERT_V1 : GET_RT_ALIAS_ECC384_CERT_V2;
    }

    public static CommandCodec<NoFields, SizedData> getIdevEcc384Csr(Generation generation) {
        return generation == Generation.V1 ? GET_IDEV_ECC384_CSR_V1 : GET_IDEV_ECC384_CSR_V2;
    }

    public static CommandCodec<NoFields, SizedData> getFmcAliasEcc384Csr(Generation generation) {
        return generation == Generation.V1 ? GET_FMC_ALIAS_ECC384_CSR_V1 : GET_FMC_ALIAS_ECC384_CSR_V2;
    }

    /**
     * GET_IDEV_MLDSA87_CERT's request (2.x): the SoC's ML-DSA-87 signature over the IDevID TBS, sent
     * as {@code tbs_size, signature:u8[4628] (4627 + a reserved byte), tbs:u8[2820]}, of which the
     * Rust API sends only the used part of {@code tbs} and libcaliptra the whole buffer.
     */
    public record IdevMldsa87CertRequest(Octets signature, Octets tbs) {
        public static final int MAX_TBS = 2820;

        public IdevMldsa87CertRequest {
            Fields.exactly("signature", signature, MLDSA87_SIGNATURE);
            Fields.atMost("tbs", tbs, MAX_TBS);
        }
    }

    private static IdevMldsa87CertRequest readIdevMldsa87CertRequest(FieldReader in) {
        int tbsSize = in.u32AtMost("tbs_size", IdevMldsa87CertRequest.MAX_TBS);
        Octets signature = Layout.mldsaSignature(in, "signature");
        return new IdevMldsa87CertRequest(signature, Layout.usedThenRest(in, "tbs", tbsSize));
    }

    public static final CommandCodec<IdevMldsa87CertRequest, SizedData> GET_IDEV_MLDSA87_CERT = CommandCodec.of(
            CaliptraCommand.GET_IDEV_MLDSA87_CERT,
            Codec.variable(4 + MLDSA87_SIGNATURE_SLOT, 4 + MLDSA87_SIGNATURE_SLOT + IdevMldsa87CertRequest.MAX_TBS,
                    (v, out) -> {
                        out.u32(v.tbs().length());
                        Layout.mldsaSignature(out, v.signature());
                        Layout.buffer(out, "tbs", v.tbs(), IdevMldsa87CertRequest.MAX_TBS, false);
                    }, CertificateCommands::readIdevMldsa87CertRequest),
            certificate(MAX_DATA_V2));

    /** The IDevID ML-DSA-87 public key (raw FIPS 204 bytes). */
    public record IdevMldsa87Info(Octets idevPubKey) {
        public IdevMldsa87Info {
            Fields.exactly("idev_pub_key", idevPubKey, MLDSA87_PUBLIC_KEY);
        }
    }

    public static final CommandCodec<NoFields, IdevMldsa87Info> GET_IDEV_MLDSA87_INFO = CommandCodec.of(
            CaliptraCommand.GET_IDEV_MLDSA87_INFO, NoFields.CODEC, Codec.fixed(MLDSA87_PUBLIC_KEY,
                    (v, out) -> out.bytes(v.idevPubKey()),
                    in -> new IdevMldsa87Info(in.bytes("idev_pub_key", MLDSA87_PUBLIC_KEY))));

    public static final CommandCodec<PopulateCertRequest, NoFields> POPULATE_IDEV_MLDSA87_CERT = CommandCodec.of(
            CaliptraCommand.POPULATE_IDEV_MLDSA87_CERT, populateCertRequest(MAX_POPULATE_MLDSA87_CERT), NoFields.CODEC);
    public static final CommandCodec<NoFields, SizedData> GET_LDEV_MLDSA87_CERT =
            CommandCodec.of(CaliptraCommand.GET_LDEV_MLDSA87_CERT, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_FMC_ALIAS_MLDSA87_CERT =
            CommandCodec.of(CaliptraCommand.GET_FMC_ALIAS_MLDSA87_CERT, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_RT_ALIAS_MLDSA87_CERT =
            CommandCodec.of(CaliptraCommand.GET_RT_ALIAS_MLDSA87_CERT, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_IDEV_MLDSA87_CSR =
            CommandCodec.of(CaliptraCommand.GET_IDEV_MLDSA87_CSR, NoFields.CODEC, data(MAX_DATA_V2, false));
    public static final CommandCodec<NoFields, SizedData> GET_FMC_ALIAS_MLDSA87_CSR =
            CommandCodec.of(CaliptraCommand.GET_FMC_ALIAS_MLDSA87_CSR, NoFields.CODEC, data(MAX_DATA_V2, false));

    /**
     * GET_ATTESTED_*_CSR's request: which identity key ({@link #LDEVID}, {@link #FMC_ALIAS},
     * {@link #RT_ALIAS}; the device rejects others itself) and a nonce for the EAT.
     */
    public record AttestedCsrRequest(int keyId, Octets nonce) {
        public static final int LDEVID = 1;
        public static final int FMC_ALIAS = 2;
        public static final int RT_ALIAS = 3;

        public AttestedCsrRequest {
            Fields.exactly("nonce", nonce, 32);
        }
    }

    private static final Codec<AttestedCsrRequest> ATTESTED_CSR_REQUEST = Codec.fixed(36,
            (v, out) -> out.u32(v.keyId()).bytes(v.nonce()),
            in -> new AttestedCsrRequest(in.u32("key_id"), in.bytes("nonce", 32)));

    /** The answer is a COSE_Sign1 EAT holding the CSR. */
    public static final CommandCodec<AttestedCsrRequest, SizedData> GET_ATTESTED_ECC384_CSR = CommandCodec.of(
            CaliptraCommand.GET_ATTESTED_ECC384_CSR, ATTESTED_CSR_REQUEST, data(MAX_ATTESTED_CSR, false));
    public static final CommandCodec<AttestedCsrRequest, SizedData> GET_ATTESTED_MLDSA87_CSR = CommandCodec.of(
            CaliptraCommand.GET_ATTESTED_MLDSA87_CSR, ATTESTED_CSR_REQUEST, data(MAX_ATTESTED_CSR, false));
}
