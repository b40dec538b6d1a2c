package org.caliptra.util.host.commands.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.caliptra.util.host.commands.AsymAlgorithm;
import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.certificate.CertificateCommands.Data;
import org.caliptra.util.host.commands.certificate.CertificateCommands.DeviceKey;
import org.caliptra.util.host.commands.certificate.CertificateCommands.ExportAttestedCsr;
import org.caliptra.util.host.commands.certificate.CertificateCommands.ExportIdevidCsr;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetFmcAliasCert;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetIdevidCert;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetLdevidCert;
import org.caliptra.util.host.commands.certificate.CertificateCommands.GetRtAliasCert;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/**
 * High-level certificate API (the reference's certificate module): DICE certificates as
 * {@link X509Certificate} with their DER, the IDevID CSR as a BouncyCastle
 * {@link PKCS10CertificationRequest} with its DER, attested CSRs as the COSE_Sign1 bytes.
 */
public final class Certificates {
    private Certificates() {}

    /** A certificate as the device sent it, parsed. */
    public record Certificate(X509Certificate certificate, Octets der) {
        public Certificate {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(der, "der");
        }

        /**
         * @param command names the command in the error
         * @throws ProtocolException when {@code der} is not a DER X.509 certificate
         */
        public static Certificate parse(String command, Octets der) {
            try {
                var factory = CertificateFactory.getInstance("X.509");
                var cert = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der.toByteArray()));
                return new Certificate(cert, der);
            } catch (CertificateException | ClassCastException e) {
                throw new ProtocolException(command + ": the device's " + der.length() + " bytes are not a DER X.509 certificate: "
                        + e.getMessage());
            }
        }
    }

    /** A certificate signing request as the device sent it, parsed. */
    public record Csr(PKCS10CertificationRequest request, Octets der) {
        public Csr {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(der, "der");
        }

        /** @throws ProtocolException when {@code der} is not a DER PKCS#10 request */
        public static Csr parse(String command, Octets der) {
            try {
                return new Csr(new PKCS10CertificationRequest(der.toByteArray()), der);
            } catch (IOException | RuntimeException e) {
                throw new ProtocolException(command + ": the device's " + der.length() + " bytes are not a DER PKCS#10 request: "
                        + e.getMessage());
            }
        }
    }

    /** The IDevID certificate the device assembles from the SoC's TBS and its ECDSA P-384 signature (r, s). */
    public static Certificate idevidCertificate(CaliptraSession session, Octets tbs, Octets signatureR, Octets signatureS) {
        return certificate(session, new GetIdevidCert(signatureR, signatureS, tbs));
    }

    public static Certificate ldevidCertificate(CaliptraSession session) {
        return certificate(session, new GetLdevidCert());
    }

    public static Certificate fmcAliasCertificate(CaliptraSession session) {
        return certificate(session, new GetFmcAliasCert());
    }

    public static Certificate rtAliasCertificate(CaliptraSession session) {
        return certificate(session, new GetRtAliasCert());
    }

    /** {@code export_idevid_csr}: the IDevID CSR. */
    public static Csr exportIdevidCsr(CaliptraSession session, AsymAlgorithm algorithm) {
        var command = new ExportIdevidCsr(algorithm);
        return Csr.parse(command.name(), Commands.execute(session, command).data());
    }

    /** {@code export_attested_csr}: the COSE_Sign1 EAT that wraps a CSR of {@code key}, over {@code nonce} (32 bytes). */
    public static Octets exportAttestedCsr(CaliptraSession session, DeviceKey key, AsymAlgorithm algorithm, Octets nonce) {
        return Commands.execute(session, new ExportAttestedCsr(key, algorithm, nonce)).data();
    }

    private static Certificate certificate(CaliptraSession session, CertificateCommands.CertificateCommand<Data> command) {
        return Certificate.parse(command.name(), Commands.execute(session, command).data());
    }
}
