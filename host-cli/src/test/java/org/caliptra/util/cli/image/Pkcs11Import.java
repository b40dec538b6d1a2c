package org.caliptra.util.cli.image;

import java.io.FileReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test setup run in a child JVM (SoftHSM reads SOFTHSM2_CONF from its environment): stores an EC
 * key file into a PKCS#11 token with a self-signed certificate, as SunPKCS11's KeyStore needs.
 * Arguments: library, SEC1 key file, label, PIN, and optionally the slot id (else the first slot).
 */
public final class Pkcs11Import {
    public static void main(String[] args) throws Exception {
        Path cfg = Files.createTempFile("p11", ".cfg");
        Files.writeString(cfg, "name = import\nlibrary = " + args[0] + "\n"
                + (args.length > 4 ? "slot = " + args[4] : "slotListIndex = 0") + "\n");
        var provider = Security.getProvider("SunPKCS11").configure(cfg.toString());
        var store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, args[3].toCharArray());
        PEMKeyPair pair = null;
        try (var parser = new PEMParser(new FileReader(args[1]))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair p) {
                    pair = p;
                }
            }
        }
        var keys = new JcaPEMKeyConverter().getKeyPair(pair);
        var name = new X500Name("CN=" + args[2]);
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA384withECDSA").build(keys.getPrivate())));
        store.setKeyEntry(args[2], keys.getPrivate(), args[3].toCharArray(), new Certificate[] {cert});
        System.out.println("imported " + args[2]);
    }
}
