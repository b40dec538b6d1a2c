package org.caliptra.util.cli.booted;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.InputFiles;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.emulator.dice.DiceCertificates;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.KeyFiles;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CertificateCommands;
import org.caliptra.util.protocol.core.CertificateCommands.IdevEcc384CertRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caliptra-util get-idevid-cert}: the IDevID certificate as a vendor CA issues it in
 * manufacturing and the device assembles it (GET_IDEV_ECC384_CERT): the TBS is built from the
 * device's IDevID key (GET_IDEV_INFO) in the Caliptra profile, its SKI taken from the LDevID
 * certificate's AKI so the chain links, signed with the CA's key, and handed to the device.
 */
@Command(name = "get-idevid-cert", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash, have a CA (--ca-key, --ca-cert) sign its IDevID key in the "
                + "Caliptra profile, and print the certificate the device assembles (GET_IDEV_ECC384_CERT), PEM by default.",
            "With the CA certificate as trust anchor, this certificate, get-cert-chain's and openssl verify make the "
                    + "whole chain.",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class GetIdevidCertCommand implements Callable<Integer> {
    @Mixin
    BootedDeviceOptions device;

    @Mixin
    DerOutput output;

    @Option(names = "--ca-key", paramLabel = "FILE", required = true,
            description = "The issuing CA's ECC P-384 private key (PEM: SEC1 or PKCS#8).")
    Path caKey;

    @Option(names = "--ca-cert", paramLabel = "FILE", required = true,
            description = "The issuing CA's certificate (PEM or DER): its subject is the issuer, its key id the AKI.")
    Path caCert;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.check();
        EccPrivateKey key = KeyFiles.readEccPrivate(caKey);
        X509Certificate ca = readCertificate(caCert);
        requireMatchingKey(key, ca);
        byte[] der;
        try (var booted = device.boot()) {
            var info = booted.call(CertificateCommands.GET_IDEV_ECC384_INFO, NoFields.INSTANCE);
            byte[] ldevid = booted.call(CertificateCommands.getLdevEcc384Cert(booted.generation()), NoFields.INSTANCE)
                    .data().toByteArray();
            X509Certificate ldev = parse(ldevid, "the device's LDevID certificate");
            byte[] tbs = DiceCertificates.idevidTbs(booted.generation(), new EccPublicKey(info.idevPubX(), info.idevPubY()),
                    X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), ueid(ldev), authorityKeyId(ldev),
                    subjectKeyId(ca));
            if (tbs.length > IdevEcc384CertRequest.MAX_TBS) {
                throw new UsageException(caCert + ": with this issuer name the IDevID TBS is " + tbs.length
                        + " bytes; GET_IDEV_ECC384_CERT takes at most " + IdevEcc384CertRequest.MAX_TBS);
            }
            var signature = key.signer().signDigest(Sha384.digest(tbs));
            der = booted.call(CertificateCommands.getIdevEcc384Cert(booted.generation()),
                    new IdevEcc384CertRequest(signature.r(), signature.s(), org.caliptra.util.protocol.Octets.of(tbs)))
                    .data().toByteArray();
        }
        output.write(spec.commandLine().getOut(), "CERTIFICATE", List.of(der));
        return ExitCodes.OK;
    }

    private static X509Certificate readCertificate(Path file) {
        return parse(InputFiles.read(file, InputFiles.Kind.CERTIFICATE), file.toString());
    }

    private static X509Certificate parse(byte[] bytes, String what) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new UsageException(what + ": not an X.509 certificate (PEM or DER)");
        }
    }

    /** The CA's key must be the one its certificate certifies, or nothing the device returns would verify. */
    private void requireMatchingKey(EccPrivateKey key, X509Certificate ca) {
        var pub = key.publicKey();
        byte[] point = new byte[97];
        point[0] = 4;
        pub.x().copyTo(point, 1);
        pub.y().copyTo(point, 49);
        byte[] spki = ca.getPublicKey().getEncoded();
        if (spki.length < 97 || !Arrays.equals(point, Arrays.copyOfRange(spki, spki.length - 97, spki.length))) {
            throw new UsageException(caKey + " is not the private key of " + caCert + "'s P-384 public key");
        }
    }

    private static byte[] ueid(X509Certificate ldev) {
        byte[] ext = ldev.getExtensionValue("2.23.133.5.4.4");
        if (ext == null) {
            throw new IllegalStateException("the LDevID certificate has no UEID");
        }
        var seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        return ASN1OctetString.getInstance(seq.getObjectAt(0)).getOctets();
    }

    private static byte[] authorityKeyId(X509Certificate ldev) {
        byte[] ext = ldev.getExtensionValue("2.5.29.35");
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier();
    }

    private static byte[] subjectKeyId(X509Certificate ca) {
        byte[] ext = ca.getExtensionValue("2.5.29.14");
        return ext == null ? null : SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier();
    }
}
