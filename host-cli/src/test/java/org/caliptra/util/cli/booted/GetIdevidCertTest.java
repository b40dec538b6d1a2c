package org.caliptra.util.cli.booted;

import static org.caliptra.util.cli.booted.BootedTestSupport.certificates;
import static org.caliptra.util.cli.booted.BootedTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.caliptra.util.cli.Cli;
import org.caliptra.util.testsupport.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * get-idevid-cert on the AST2700 1.x bundle: a vendor CA signs the device's IDevID key, the device
 * assembles the certificate, and with the CA as trust anchor the whole chain — IDevID, LDevID, FMC
 * alias, RT alias — validates, in the JDK and with openssl.
 */
class GetIdevidCertTest {
    @TempDir
    Path dir;

    private Path[] ca(String prefix) throws Exception {
        var gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp384r1"));
        var pair = gen.generateKeyPair();
        var name = new X500Name("CN=Test Vendor IDevID CA");
        var utils = new JcaX509ExtensionUtils();
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                new Date(0), new Date(4_102_444_800_000L), name, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
                .build(new JcaContentSignerBuilder("SHA384withECDSA").build(pair.getPrivate())));
        Path key = dir.resolve(prefix + "-key.pem");
        Path certFile = dir.resolve(prefix + ".pem");
        // PKCS#8 as the JDK encodes it: the named curve, as CA tooling writes it.
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try (var w = new JcaPEMWriter(Files.newBufferedWriter(certFile))) {
            w.writeObject(cert);
        }
        return new Path[] {key, certFile};
    }

    private static List<String> args(String command, Path[] ca) {
        var a = new ArrayList<>(List.of(command));
        a.addAll(BootedCommandsV1Test.boot());
        if (ca != null) {
            a.addAll(List.of("--ca-key", ca[0].toString(), "--ca-cert", ca[1].toString()));
        }
        return a;
    }

    @Test
    void theCaSignedIdevidCertificateCompletesTheChain() throws Exception {
        Path[] ca = ca("ca");
        var idevPem = ok("get-idevid-cert", BootedCommandsV1Test.boot(), "--ca-key", ca[0].toString(), "--ca-cert",
                ca[1].toString()).out();
        var idev = certificates(idevPem).get(0);
        var caCert = certificates(Files.readString(ca[1])).get(0);
        idev.verify(caCert.getPublicKey());
        assertTrue(idev.getSubjectX500Principal().getName().contains("CN=Caliptra 1.0 IDevID"));
        assertEquals(5, idev.getBasicConstraints(), "the IDevID CA path length of 1.x");
        var chainPem = ok("get-cert-chain", BootedCommandsV1Test.boot()).out();
        var chain = certificates(chainPem);
        chain.get(0).verify(idev.getPublicKey());
        // The LDevID's AKI is the IDevID certificate's SKI: the fuse-selected key id.
        assertArrayEquals(chain.get(0).getExtensionValue("2.5.29.35") == null ? null
                : org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(org.bouncycastle.asn1.ASN1OctetString
                        .getInstance(chain.get(0).getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifier(),
                org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(org.bouncycastle.asn1.ASN1OctetString
                        .getInstance(idev.getExtensionValue("2.5.29.14")).getOctets()).getKeyIdentifier());

        Prerequisites.require(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed (apt-get install openssl)");
        Path untrusted = Files.writeString(dir.resolve("untrusted.pem"), idevPem + chainPem.substring(0,
                chainPem.lastIndexOf("-----BEGIN CERTIFICATE-----")));
        Path leaf = Files.writeString(dir.resolve("rt.pem"), chainPem.substring(chainPem.lastIndexOf("-----BEGIN CERTIFICATE-----")));
        var p = new ProcessBuilder("openssl", "verify", "-CAfile", ca[1].toString(), "-untrusted", untrusted.toString(),
                leaf.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl finished");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(": OK"), out);
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedBeforeBooting() throws Exception {
        Path[] ca = ca("ca");
        Path[] other = ca("other");
        var r = Cli.run(args("get-idevid-cert", new Path[] {other[0], ca[1]}).toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("is not the private key of"), r.err());
        var missing = Cli.run(args("get-idevid-cert", new Path[] {ca[0], dir.resolve("none.pem")}).toArray(String[]::new));
        assertEquals(2, missing.exitCode(), missing.err());
        Path notCert = Files.writeString(dir.resolve("bad.pem"), "hello");
        var bad = Cli.run(args("get-idevid-cert", new Path[] {ca[0], notCert}).toArray(String[]::new));
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("bad.pem: not an X.509 certificate"), bad.err());
    }
}
