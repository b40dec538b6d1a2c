package org.caliptra.util.host.commands.certificate;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.CodecMailboxMapping;
import org.caliptra.util.host.commands.CommandFamily;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.certificate.CertificateCommands.Data;
import org.caliptra.util.host.commands.certificate.CertificateCommands.ExportAttestedCsr;
import org.caliptra.util.host.commands.certificate.CertificateCommands.ExportIdevidCsr;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetCertChain;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetCertificate;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetFmcAliasCert;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetIdevidCert;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetLdevidCert;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetRtAliasCert;
import org.caliptra.util.host.commands.certificate.CertificateCommands.SetCertificate;
import org.caliptra.util.host.commands.certificate.CertificateCommands.StoreCertificate;
import org.caliptra.util.host.transport.DeviceKind;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands.AttestedCsrRequest;
import org.caliptra.util.protocol.core.CertificateCommands.IdevEcc384CertRequest;
import org.caliptra.util.protocol.mcu.McAttestationCommands;

import static org.caliptra.util.host.commands.CommandId.*;

/**
 * Certificates over each route.
 *
 * <ul>
 * <li>MCU mailbox: ExportAttestedCsr as MC_EXPORT_ATTESTED_CSR. The MCU has no command for the DICE
 *     certificates or the IDevID CSR.
 * <li>Caliptra 2.x core mailbox: the ECC P-384 DICE certificates (GET_IDEV/LDEV/FMC_ALIAS/RT_ALIAS_ECC384_CERT),
 *     the IDevID CSR (GET_IDEV_ECC384_CSR) and the attested CSR (GET_ATTESTED_ECC384_CSR). A
 *     mapping sends one command code, so algorithm ML-DSA-87 (another code) is refused before
 *     anything is sent.
 * <li>Caliptra 1.x core mailbox: the same certificate and IDevID CSR commands (1.x names them
 *     GET_IDEV_CERT, GET_LDEV_CERT, …) with the 1.x response buffers (1024-byte certificates, a
 *     512-byte CSR); no attested CSR, which 1.x runtimes do not have.
 * <li>MCTP-VDM: none.
 * </ul>
 */
public final class CertificateFamily implements CommandFamily {
    @Override
    public String name() {
        return "certificate";
    }

    @Override
    public Optional<Outline> outline() {
        return Optional.of(Outline.of(EnumSet.of(GET_IDEVID_CERT, GET_LDEVID_CERT, GET_FMC_ALIAS_CERT, GET_RT_ALIAS_CERT, EXPORT_ATTESTED_CSR,
                        EXPORT_IDEVID_CSR, GET_CERT_CHAIN, STORE_CERTIFICATE, GET_CERTIFICATE, SET_CERTIFICATE),
                EnumSet.of(EXPORT_ATTESTED_CSR),
                EnumSet.of(GET_IDEVID_CERT, GET_LDEVID_CERT, GET_FMC_ALIAS_CERT, GET_RT_ALIAS_CERT,
                        EXPORT_ATTESTED_CSR, EXPORT_IDEVID_CSR),
                EnumSet.of(GET_IDEVID_CERT, GET_LDEVID_CERT, GET_FMC_ALIAS_CERT, GET_RT_ALIAS_CERT, EXPORT_IDEVID_CSR),
                EnumSet.noneOf(CommandId.class)));
    }

    @Override
    public List<CommandType<?, ?>> commands() {
        return List.of(GetIdevidCert.TYPE, GetLdevidCert.TYPE, GetFmcAliasCert.TYPE, GetRtAliasCert.TYPE, ExportAttestedCsr.TYPE,
                ExportIdevidCsr.TYPE, GetCertChain.TYPE, StoreCertificate.TYPE, GetCertificate.TYPE, SetCertificate.TYPE);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind) {
        return mailboxMappings(kind, Generation.V2);
    }

    @Override
    public List<MailboxCommandMapping> mailboxMappings(DeviceKind kind, Generation generation) {
        if (kind == DeviceKind.CALIPTRA_CORE && generation == Generation.V1) {
            return core1x();
        }
        return switch (kind) {
            case MCU -> List.of(CodecMailboxMapping.of(ExportAttestedCsr.TYPE, McAttestationCommands.MC_EXPORT_ATTESTED_CSR,
                    q -> new McAttestationCommands.AttestedCsrRequest(q.key().value(), q.algorithm().value(), q.nonce()),
                    (fips, csr) -> new Data(fips, csr.data())));
            case CALIPTRA_CORE -> List.of(
                    CodecMailboxMapping.of(GetIdevidCert.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CERT_V2,
                            q -> new IdevEcc384CertRequest(q.signatureR(), q.signatureS(), q.tbs()),
                            (fips, cert) -> new Data(fips, cert.data())),
                    CodecMailboxMapping.of(GetLdevidCert.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_LDEV_ECC384_CERT_V2,
                            q -> NoFields.INSTANCE, (fips, cert) -> new Data(fips, cert.data())),
                    CodecMailboxMapping.of(GetFmcAliasCert.TYPE,
                            org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V2,
                            q -> NoFields.INSTANCE, (fips, cert) -> new Data(fips, cert.data())),
                    CodecMailboxMapping.of(GetRtAliasCert.TYPE,
                            org.caliptra.util.protocol.core.CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V2,
                            q -> NoFields.INSTANCE, (fips, cert) -> new Data(fips, cert.data())),
                    CodecMailboxMapping.of(ExportIdevidCsr.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CSR_V2,
                            q -> {
                                eccOnly(q.algorithm(), "GET_IDEV_MLDSA87_CSR");
                                return NoFields.INSTANCE;
                            }, (fips, csr) -> new Data(fips, csr.data())),
                    CodecMailboxMapping.of(ExportAttestedCsr.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_ATTESTED_ECC384_CSR,
                            q -> {
                                eccOnly(q.algorithm(), "GET_ATTESTED_MLDSA87_CSR");
                                return new AttestedCsrRequest(q.key().value(), q.nonce());
                            }, (fips, csr) -> new Data(fips, csr.data())));
        };
    }

    /** A 1.x runtime: the same certificate commands with 1.x buffers, and no attested CSR (a 2.x command). */
    private static List<MailboxCommandMapping> core1x() {
        return List.of(
                CodecMailboxMapping.of(GetIdevidCert.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CERT_V1,
                        q -> new IdevEcc384CertRequest(q.signatureR(), q.signatureS(), q.tbs()),
                        (fips, cert) -> new Data(fips, cert.data())),
                CodecMailboxMapping.of(GetLdevidCert.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_LDEV_ECC384_CERT_V1,
                        q -> NoFields.INSTANCE, (fips, cert) -> new Data(fips, cert.data())),
                CodecMailboxMapping.of(GetFmcAliasCert.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_FMC_ALIAS_ECC384_CERT_V1,
                        q -> NoFields.INSTANCE, (fips, cert) -> new Data(fips, cert.data())),
                CodecMailboxMapping.of(GetRtAliasCert.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_RT_ALIAS_ECC384_CERT_V1,
                        q -> NoFields.INSTANCE, (fips, cert) -> new Data(fips, cert.data())),
                CodecMailboxMapping.of(ExportIdevidCsr.TYPE, org.caliptra.util.protocol.core.CertificateCommands.GET_IDEV_ECC384_CSR_V1,
                        q -> {
                            if (q.algorithm() != AsymAlgorithm.ECC_P384) {
                                throw new IllegalArgumentException("algorithm " + q.algorithm() + ": a Caliptra 1.x core has no "
                                        + "ML-DSA-87 identity; only ECC_P384 is carried");
                            }
                            return NoFields.INSTANCE;
                        }, (fips, csr) -> new Data(fips, csr.data())));
    }

    private static void eccOnly(AsymAlgorithm algorithm, String other) {
        if (algorithm != AsymAlgorithm.ECC_P384) {
            throw new IllegalArgumentException("algorithm " + algorithm + " is " + other
                    + " on a Caliptra core, which this catalogue does not map; only ECC_P384 is carried");
        }
    }
}
