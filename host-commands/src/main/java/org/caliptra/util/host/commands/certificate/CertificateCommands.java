package org.caliptra.util.host.commands.certificate;

import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CryptoSizes;
import org.caliptra.util.protocol.codec.FieldReader;

/**
 * The certificate commands (spec/hostlib.md §2.1): the DICE certificates and CSRs, attested CSRs,
 * and the certificate store the reference reserves ids for. The reference lays out only
 * ExportAttestedCsr and ExportIdevidCsr (§2.3); the other internal structs are this library's,
 * in the same style, and documented on each record.
 */
public final class CertificateCommands {
    /** Internal buffer of a certificate, CSR or chain (the reference's MAX_CSR_DATA_SIZE). */
    public static final int MAX_DATA = 4096;
    /** Internal buffer of GetCertificate / SetCertificate / StoreCertificate (the reference's GetCertificateResponse). */
    public static final int MAX_STORED_CERT = 1024;
    /** The IDevID TBS buffer of GET_IDEV_ECC384_CERT. */
    public static final int MAX_IDEVID_TBS = 916;
    public static final int NONCE_SIZE = 32;

    private CertificateCommands() {}

    /** The certificate commands. */
    public sealed interface CertificateCommand<R> extends CatalogCommand<R> permits GetIdevidCert, GetLdevidCert,
            GetFmcAliasCert, GetRtAliasCert, ExportAttestedCsr, ExportIdevidCsr, GetCertChain, StoreCertificate,
            GetCertificate, SetCertificate {}

    /** Which DICE key an attested CSR is for ({@code device_key_id}). */
    public enum DeviceKey {
        LDEVID(1), FMC_ALIAS(2), RT_ALIAS(3);

        private final int value;

        DeviceKey(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        public static Optional<DeviceKey> fromValue(int value) {
            return Arrays.stream(values()).filter(k -> k.value == value).findFirst();
        }
    }

    /** A DER certificate, certificate chain or CSR, or a COSE-signed CSR: {@code data_len} bytes of a 4096-byte buffer. */
    public record Data(int fipsStatus, Octets data) {
        public Data {
            InternalFields.atMost("certificate command", "data", data, MAX_DATA);
        }
    }

    /** fips_status, data_len u32, data u8[4096]: 4104 bytes. */
    static final Codec<Data> DATA = Codec.fixed(8 + MAX_DATA,
            (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()), v.data(), MAX_DATA),
            in -> new Data(in.u32("fips_status"), InternalFields.sized(in, "data_len", "data", MAX_DATA)));


    /**
     * GetIdevidCert (0x1001): the IDevID ECC P-384 certificate, which the device assembles from the
     * TBS the SoC holds and the SoC's signature over it (GET_IDEV_ECC384_CERT). Layout of this library:
     *
     * <pre>
     * internal request:  tbs_size u32, signature_r u8[48], signature_s u8[48], tbs u8[916]   (1016)
     * internal response: fips_status, data_len u32, data u8[4096] (DER)                      (4104)
     * </pre>
     */
    public record GetIdevidCert(Octets signatureR, Octets signatureS, Octets tbs) implements CertificateCommand<Data> {
        public static final CommandType<GetIdevidCert, Data> TYPE = CommandType.of(CommandId.GET_IDEVID_CERT,
                GetIdevidCert.class, true, "IDevID ECC P-384 certificate, assembled from the SoC's TBS and signature",
                Codec.fixed(4 + 2 * CryptoSizes.ECC384_SCALAR + MAX_IDEVID_TBS,
                        (v, out) -> out.u32(v.tbs().length()).bytes(v.signatureR()).bytes(v.signatureS())
                                .padded(v.tbs(), MAX_IDEVID_TBS),
                        in -> {
                            int size = in.u32AtMost("tbs_size", MAX_IDEVID_TBS);
                            return new GetIdevidCert(in.bytes("signature_r", 48), in.bytes("signature_s", 48),
                                    in.prefixOf("tbs", MAX_IDEVID_TBS, size));
                        }),
                DATA, () -> new GetIdevidCert(Octets.zeros(48), Octets.zeros(48), Octets.zeros(64)));

        public GetIdevidCert {
            InternalFields.exactly("GetIdevidCert", "signature_r", signatureR, CryptoSizes.ECC384_SCALAR);
            InternalFields.exactly("GetIdevidCert", "signature_s", signatureS, CryptoSizes.ECC384_SCALAR);
            InternalFields.atMost("GetIdevidCert", "tbs", tbs, MAX_IDEVID_TBS);
        }

        @Override
        public CommandType<GetIdevidCert, Data> type() {
            return TYPE;
        }
    }

    /**
     * GetLdevidCert (0x1002): the LDevID ECC P-384 certificate. Layout of this library: empty
     * request; response fips_status, data_len, data u8[4096] (4104).
     */
    public record GetLdevidCert() implements CertificateCommand<Data> {
        public static final CommandType<GetLdevidCert, Data> TYPE = CommandType.of(CommandId.GET_LDEVID_CERT, GetLdevidCert.class,
                true, "LDevID ECC P-384 certificate (DER)", Codec.fixed(0, (v, out) -> { }, in -> new GetLdevidCert()), DATA,
                GetLdevidCert::new);

        @Override
        public CommandType<GetLdevidCert, Data> type() {
            return TYPE;
        }
    }

    /** GetFmcAliasCert (0x1003): the FMC alias ECC P-384 certificate; layout as {@link GetLdevidCert}. */
    public record GetFmcAliasCert() implements CertificateCommand<Data> {
        public static final CommandType<GetFmcAliasCert, Data> TYPE = CommandType.of(CommandId.GET_FMC_ALIAS_CERT,
                GetFmcAliasCert.class, true, "FMC alias ECC P-384 certificate (DER)",
                Codec.fixed(0, (v, out) -> { }, in -> new GetFmcAliasCert()), DATA, GetFmcAliasCert::new);

        @Override
        public CommandType<GetFmcAliasCert, Data> type() {
            return TYPE;
        }
    }

    /** GetRtAliasCert (0x1004): the runtime alias ECC P-384 certificate; layout as {@link GetLdevidCert}. */
    public record GetRtAliasCert() implements CertificateCommand<Data> {
        public static final CommandType<GetRtAliasCert, Data> TYPE = CommandType.of(CommandId.GET_RT_ALIAS_CERT,
                GetRtAliasCert.class, true, "Runtime alias ECC P-384 certificate (DER)",
                Codec.fixed(0, (v, out) -> { }, in -> new GetRtAliasCert()), DATA, GetRtAliasCert::new);

        @Override
        public CommandType<GetRtAliasCert, Data> type() {
            return TYPE;
        }
    }

    /**
     * ExportAttestedCsr (0x1005): a CSR for a DICE key, wrapped in a COSE_Sign1 EAT with the nonce.
     *
     * <pre>
     * internal request:  device_key_id u32, algorithm u32, nonce u8[32]         (40)
     * internal response: fips_status, data_len u32, csr_data u8[4096]           (4104)
     * </pre>
     */
    public record ExportAttestedCsr(DeviceKey key, AsymAlgorithm algorithm, Octets nonce) implements CertificateCommand<Data> {
        public static final CommandType<ExportAttestedCsr, Data> TYPE = CommandType.of(CommandId.EXPORT_ATTESTED_CSR,
                ExportAttestedCsr.class, true, "CSR of the LDevID, FMC alias or RT alias key in a COSE_Sign1 EAT over a nonce",
                Codec.fixed(8 + NONCE_SIZE, (v, out) -> out.u32(v.key().value()).u32(v.algorithm().value()).bytes(v.nonce()),
                        in -> new ExportAttestedCsr(deviceKey(in), readAlgorithm(in), in.bytes("nonce", NONCE_SIZE))),
                DATA, () -> new ExportAttestedCsr(DeviceKey.LDEVID, AsymAlgorithm.ECC_P384, Octets.fromHex("42".repeat(NONCE_SIZE))));

        public ExportAttestedCsr {
            InternalFields.present("ExportAttestedCsr", "device_key_id", key);
            InternalFields.present("ExportAttestedCsr", "algorithm", algorithm);
            InternalFields.exactly("ExportAttestedCsr", "nonce", nonce, NONCE_SIZE);
        }

        @Override
        public CommandType<ExportAttestedCsr, Data> type() {
            return TYPE;
        }
    }

    /**
     * ExportIdevidCsr (0x1006): the IDevID CSR (DER PKCS#10).
     *
     * <pre>
     * internal request:  algorithm u32                                          (4)
     * internal response: fips_status, data_len u32, csr_data u8[4096]           (4104)
     * </pre>
     */
    public record ExportIdevidCsr(AsymAlgorithm algorithm) implements CertificateCommand<Data> {
        public static final CommandType<ExportIdevidCsr, Data> TYPE = CommandType.of(CommandId.EXPORT_IDEVID_CSR,
                ExportIdevidCsr.class, true, "IDevID certificate signing request (DER PKCS#10)",
                Codec.fixed(4, (v, out) -> out.u32(v.algorithm().value()), in -> new ExportIdevidCsr(readAlgorithm(in))), DATA,
                () -> new ExportIdevidCsr(AsymAlgorithm.ECC_P384));

        public ExportIdevidCsr {
            InternalFields.present("ExportIdevidCsr", "algorithm", algorithm);
        }

        @Override
        public CommandType<ExportIdevidCsr, Data> type() {
            return TYPE;
        }
    }

    /**
     * GetCertChain (0x1010): a certificate chain by slot, DER certificates concatenated. No
     * Caliptra target carries it (MC_GET_CERT_CHAIN is reserved). Layout of this library:
     * request slot u32 (4); response fips_status, data_len, data u8[4096] (4104).
     */
    public record GetCertChain(int slot) implements CertificateCommand<Data> {
        public static final CommandType<GetCertChain, Data> TYPE = CommandType.of(CommandId.GET_CERT_CHAIN, GetCertChain.class,
                true, "Certificate chain of a slot (reserved: MC_GET_CERT_CHAIN is not implemented)",
                Codec.fixed(4, (v, out) -> out.u32(v.slot()), in -> new GetCertChain(in.u32("slot"))), DATA,
                () -> new GetCertChain(0));

        @Override
        public CommandType<GetCertChain, Data> type() {
            return TYPE;
        }
    }

    /** A stored certificate: {@code data_size} bytes of a 1024-byte buffer. */
    public record StoredCertificate(int fipsStatus, Octets certificate) {
        public StoredCertificate {
            InternalFields.atMost("GetCertificate", "cert_data", certificate, MAX_STORED_CERT);
        }
    }

    /** index u32, data_size u32, cert_data u8[1024]: 1032 bytes (the reference's SetCertificateRequest). */
    private static <Q> Codec<Q> indexedCertificate(java.util.function.ToIntFunction<Q> index, java.util.function.Function<Q, Octets> der,
            java.util.function.BiFunction<Integer, Octets, Q> make) {
        return Codec.fixed(8 + MAX_STORED_CERT, (v, out) -> InternalFields.sized(out.u32(index.applyAsInt(v)), der.apply(v), MAX_STORED_CERT),
                in -> make.apply(in.u32("index"), InternalFields.sized(in, "data_size", "cert_data", MAX_STORED_CERT)));
    }

    /**
     * StoreCertificate (0x1011): keep a certificate in the device's store at {@code index}. No
     * Caliptra target carries it. Layout of this library: request index u32, data_size u32,
     * cert_data u8[1024] (1032); response fips_status (4).
     */
    public record StoreCertificate(int index, Octets certificate) implements CertificateCommand<StatusResponse> {
        public static final CommandType<StoreCertificate, StatusResponse> TYPE = CommandType.of(CommandId.STORE_CERTIFICATE,
                StoreCertificate.class, false, "Store a certificate in the device's certificate store (no target implements it)",
                indexedCertificate(StoreCertificate::index, StoreCertificate::certificate, StoreCertificate::new),
                StatusResponse.CODEC, () -> new StoreCertificate(0, Octets.fromHex("3000")));

        public StoreCertificate {
            InternalFields.atMost("StoreCertificate", "cert_data", certificate, MAX_STORED_CERT);
        }

        @Override
        public CommandType<StoreCertificate, StatusResponse> type() {
            return TYPE;
        }
    }

    /**
     * GetCertificate (0x1012): the certificate at {@code index} of the store, as the reference's
     * GetCertificateRequest / Response lay it out: request index u32 (4); response fips_status,
     * data_size u32, cert_data u8[1024] (1032). No Caliptra target carries it.
     */
    public record GetCertificate(int index) implements CertificateCommand<StoredCertificate> {
        public static final CommandType<GetCertificate, StoredCertificate> TYPE = CommandType.of(CommandId.GET_CERTIFICATE,
                GetCertificate.class, true, "Certificate at an index of the device's store (no target implements it)",
                Codec.fixed(4, (v, out) -> out.u32(v.index()), in -> new GetCertificate(in.u32("index"))),
                Codec.fixed(8 + MAX_STORED_CERT,
                        (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()), v.certificate(), MAX_STORED_CERT),
                        in -> new StoredCertificate(in.u32("fips_status"),
                                InternalFields.sized(in, "data_size", "cert_data", MAX_STORED_CERT))),
                () -> new GetCertificate(0));

        @Override
        public CommandType<GetCertificate, StoredCertificate> type() {
            return TYPE;
        }
    }

    /**
     * SetCertificate (0x1013): replace the certificate at {@code index}, as the reference's
     * SetCertificateRequest lays it out: index u32, data_size u32, cert_data u8[1024] (1032);
     * response fips_status (4). No Caliptra target carries it.
     */
    public record SetCertificate(int index, Octets certificate) implements CertificateCommand<StatusResponse> {
        public static final CommandType<SetCertificate, StatusResponse> TYPE = CommandType.of(CommandId.SET_CERTIFICATE,
                SetCertificate.class, false, "Replace the certificate at an index of the device's store (no target implements it)",
                indexedCertificate(SetCertificate::index, SetCertificate::certificate, SetCertificate::new),
                StatusResponse.CODEC, () -> new SetCertificate(0, Octets.fromHex("3000")));

        public SetCertificate {
            InternalFields.atMost("SetCertificate", "cert_data", certificate, MAX_STORED_CERT);
        }

        @Override
        public CommandType<SetCertificate, StatusResponse> type() {
            return TYPE;
        }
    }

    static AsymAlgorithm readAlgorithm(FieldReader in) {
        return InternalFields.enumField(in, "algorithm", AsymAlgorithm.class, AsymAlgorithm::fromValue, AsymAlgorithm::value);
    }

    static DeviceKey deviceKey(FieldReader in) {
        return InternalFields.enumField(in, "device_key_id", DeviceKey.class, DeviceKey::fromValue, DeviceKey::value);
    }
}
