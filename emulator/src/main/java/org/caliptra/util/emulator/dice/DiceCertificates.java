package org.caliptra.util.emulator.dice;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.caliptra.util.image.keys.EccPublicKey;

/** The certificates and CSRs of the 1.x DICE chain (spec/device.md §5.2), ECC P-384. */
public final class DiceCertificates {
    static final String IDEVID_CN = "Caliptra 1.0 IDevID";
    static final String LDEVID_CN = "Caliptra 1.0 LDevID";
    static final String FMC_ALIAS_CN = "Caliptra 1.0 FMC Alias";
    static final String RT_ALIAS_CN = "Caliptra 1.0 Rt Alias";

    private DiceCertificates() {}

    /** The IDevID CSR the 1.x ROM hands to the SoC in manufacturing. */
    public static byte[] idevidCsr(DiceLayer idevid, byte[] ueid) {
        EccPublicKey key = idevid.eccPublicKey();
        var extensions = List.of(
                CaliptraX509.extension(Extension.basicConstraints, true, new BasicConstraints(5)),
                CaliptraX509.extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign)),
                CaliptraX509.ueid(ueid));
        return CaliptraX509.csr(CaliptraX509.name(IDEVID_CN, CaliptraX509.point(key)), CaliptraX509.eccSpki(key), extensions,
                CaliptraX509.Signing.ecc(idevid.eccKey()));
    }

    /** The LDevID certificate, signed by the IDevID key; its AKI is the fuse-selected IDevID key id. */
    public static byte[] ldevidCert(DiceLayer idevid, DiceLayer ldevid, byte[] ueid, byte[] idevidKeyId) {
        byte[] subjectKey = CaliptraX509.point(ldevid.eccPublicKey());
        var extensions = new ArrayList<Extension>();
        extensions.add(CaliptraX509.extension(Extension.basicConstraints, true, new BasicConstraints(4)));
        extensions.add(CaliptraX509.extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign)));
        extensions.add(CaliptraX509.ueid(ueid));
        extensions.add(CaliptraX509.extension(Extension.subjectKeyIdentifier, false,
                new SubjectKeyIdentifier(CaliptraX509.keyId(subjectKey))));
        extensions.add(CaliptraX509.extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(idevidKeyId)));
        return CaliptraX509.certificate(CaliptraX509.serialNumber(subjectKey),
                CaliptraX509.name(IDEVID_CN, CaliptraX509.point(idevid.eccPublicKey())),
                CaliptraX509.NOT_BEFORE, CaliptraX509.NOT_AFTER,
                CaliptraX509.name(LDEVID_CN, subjectKey), CaliptraX509.eccSpki(ldevid.eccPublicKey()), extensions,
                CaliptraX509.Signing.ecc(idevid.eccKey()));
    }
}
