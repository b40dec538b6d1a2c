package org.caliptra.util.emulator.dice;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.caliptra.util.protocol.Generation;

/**
 * The certificates and CSRs of the DICE chain in the Caliptra profile (spec/device.md §5.2–§5.4),
 * with the extensions in the order the ROM's and FMC's templates place them: basic constraints
 * and key usage (critical), UEID, the 2.x EKUs, the layer's TCB extension if any, then SKI and AKI.
 */
public final class DiceCertificates {
    /** The validity of the LDevID certificate always, and of the alias certificates when the manifest sets none. */
    public static final String NOT_BEFORE = CaliptraX509.NOT_BEFORE;
    public static final String NOT_AFTER = CaliptraX509.NOT_AFTER;

    private DiceCertificates() {}

    /** A layer's CSR, self-signed (the IDevID CSR of manufacturing; 2.x: one per algorithm). */
    static byte[] csr(Generation generation, DiceLayerKind kind, DiceLayer layer, DiceAlgorithm algorithm, byte[] ueid,
            List<Extension> tcb) {
        return csr(generation, kind, layer, algorithm, ueid, tcb, kind.pathLength(generation));
    }

    /**
     * A CSR whose path length differs from the layer's certificate: the FMC alias CSR asks for 5 on
     * both generations (caliptra-sw x509/build fmc_alias_csr templates), its certificate has 3 on 1.x.
     */
    static byte[] csr(Generation generation, DiceLayerKind kind, DiceLayer layer, DiceAlgorithm algorithm, byte[] ueid,
            List<Extension> tcb, int pathLength) {
        var key = CertKey.of(layer, algorithm);
        return CaliptraX509.csr(CaliptraX509.name(kind.commonName(generation, algorithm), key.encoded()), key.spki(),
                extensions(generation, kind, pathLength, ueid, tcb, null, null), key.signing());
    }

    /** A layer's CSR with an all-zero signature (see {@link CaliptraX509.Signing#zero}). */
    static byte[] zeroSignedCsr(Generation generation, DiceLayerKind kind, DiceLayer layer, DiceAlgorithm algorithm, byte[] ueid,
            List<Extension> tcb) {
        var key = CertKey.of(layer, algorithm);
        return CaliptraX509.csr(CaliptraX509.name(kind.commonName(generation, algorithm), key.encoded()), key.spki(),
                extensions(generation, kind, kind.pathLength(generation), ueid, tcb, null, null), CaliptraX509.Signing.zero(algorithm));
    }

    /**
     * A layer's certificate, signed by the layer below it with the same algorithm.
     *
     * @param authorityKeyId the issuer's key id (the IDevID's is fuse-selected; the others are SKIs)
     * @param validity not_before and not_after as GeneralizedTime strings
     */
    static byte[] certificate(Generation generation, DiceAlgorithm algorithm, DiceLayerKind issuerKind, DiceLayer issuer,
            DiceLayerKind subjectKind, DiceLayer subject, byte[] ueid, List<Extension> tcb, byte[] authorityKeyId,
            String[] validity) {
        var issuerKey = CertKey.of(issuer, algorithm);
        var subjectKey = CertKey.of(subject, algorithm);
        return CaliptraX509.certificate(CaliptraX509.serialNumber(subjectKey.encoded()),
                CaliptraX509.name(issuerKind.commonName(generation, algorithm), issuerKey.encoded()), validity[0], validity[1],
                CaliptraX509.name(subjectKind.commonName(generation, algorithm), subjectKey.encoded()), subjectKey.spki(),
                extensions(generation, subjectKind, subjectKind.pathLength(generation), ueid, tcb,
                        CaliptraX509.keyId(subjectKey.encoded()), authorityKeyId),
                issuerKey.signing());
    }

    /**
     * The to-be-signed part of an IDevID certificate in the Caliptra profile, for a CA to sign and
     * GET_IDEV_ECC384_CERT to wrap: the IDevID subject name and key, CA path length and key usage of
     * the generation, the UEID, and as SKI the key id the LDevID certificate names as its AKI (so the
     * chain links), with the CA's key id as AKI when it has one.
     */
    public static byte[] idevidTbs(Generation generation, org.caliptra.util.image.keys.EccPublicKey idevid,
            org.bouncycastle.asn1.x500.X500Name issuer, byte[] ueid, byte[] subjectKeyId, byte[] authorityKeyId) {
        byte[] point = CaliptraX509.point(idevid);
        var extensions = new ArrayList<Extension>();
        extensions.add(CaliptraX509.extension(Extension.basicConstraints, true,
                new BasicConstraints(DiceLayerKind.IDEVID.pathLength(generation))));
        extensions.add(CaliptraX509.extension(Extension.keyUsage, true, new KeyUsage(DiceLayerKind.IDEVID.keyUsage())));
        extensions.add(CaliptraX509.ueid(ueid));
        extensions.add(CaliptraX509.extension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyId)));
        if (authorityKeyId != null) {
            extensions.add(CaliptraX509.extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId)));
        }
        var tbs = new org.bouncycastle.asn1.x509.V3TBSCertificateGenerator();
        tbs.setSerialNumber(new org.bouncycastle.asn1.ASN1Integer(CaliptraX509.serialNumber(point)));
        tbs.setSignature(CaliptraX509.ECDSA_SHA384);
        tbs.setIssuer(issuer);
        tbs.setStartDate(new org.bouncycastle.asn1.x509.Time(new org.bouncycastle.asn1.ASN1GeneralizedTime(NOT_BEFORE)));
        tbs.setEndDate(new org.bouncycastle.asn1.x509.Time(new org.bouncycastle.asn1.ASN1GeneralizedTime(NOT_AFTER)));
        tbs.setSubject(CaliptraX509.name(DiceLayerKind.IDEVID.commonName(generation, DiceAlgorithm.ECC384), point));
        tbs.setSubjectPublicKeyInfo(CaliptraX509.eccSpki(idevid));
        tbs.setExtensions(new org.bouncycastle.asn1.x509.Extensions(extensions.toArray(Extension[]::new)));
        try {
            return tbs.generateTBSCertificate().getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    /**
     * The longest SEQUENCE content the caliptra-1.2 runtime's certificate builder encodes (its length
     * field goes up to 0x82 with at most 4096); 2.x's takes up to 0xFFFF.
     */
    public static final int MAX_ASSEMBLED_CONTENT_V1 = 4096;
    public static final int MAX_ASSEMBLED_CONTENT_V2 = 0xFFFF;

    /**
     * GET_IDEV_ECC384_CERT: the SoC's TBS and its CA's ECDSA signature (r, s) put together as the
     * runtime's certificate builder does (see {@link CaliptraX509#assemble}): the TBS bytes as given,
     * whether DER or not.
     *
     * @param maxContent {@link #MAX_ASSEMBLED_CONTENT_V1} or {@link #MAX_ASSEMBLED_CONTENT_V2}
     * @param capacity the response's certificate buffer
     * @throws IllegalArgumentException when the certificate does not fit either
     */
    public static byte[] wrapEcc(byte[] tbs, java.math.BigInteger r, java.math.BigInteger s, int maxContent, int capacity) {
        return CaliptraX509.assemble(tbs, CaliptraX509.ECDSA_SHA384, org.caliptra.util.image.keys.EccSignature.of(r, s).toDer(),
                maxContent, capacity);
    }

    /** GET_IDEV_MLDSA87_CERT (2.x): as {@link #wrapEcc}, with the CA's ML-DSA-87 signature (4627 bytes). */
    public static byte[] wrapMldsa(byte[] tbs, byte[] signature, int maxContent, int capacity) {
        return CaliptraX509.assemble(tbs, CaliptraX509.MLDSA87, signature, maxContent, capacity);
    }

    /** The key identifier a layer's own certificate carries as SKI, and its children as AKI. */
    static byte[] keyId(DiceLayer layer, DiceAlgorithm algorithm) {
        return CaliptraX509.keyId(CertKey.of(layer, algorithm).encoded());
    }

    private static List<Extension> extensions(Generation generation, DiceLayerKind kind, int pathLength, byte[] ueid,
            List<Extension> tcb, byte[] subjectKeyId, byte[] authorityKeyId) {
        var out = new ArrayList<Extension>();
        out.add(CaliptraX509.extension(Extension.basicConstraints, true, new BasicConstraints(pathLength)));
        out.add(CaliptraX509.extension(Extension.keyUsage, true, new KeyUsage(kind.keyUsage())));
        out.add(CaliptraX509.ueid(ueid));
        var ekus = kind.ekus(generation);
        if (!ekus.isEmpty()) {
            out.add(CaliptraX509.extension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(ekus.stream().map(KeyPurposeId::getInstance).toArray(KeyPurposeId[]::new))));
        }
        out.addAll(tcb);
        if (subjectKeyId != null) {
            out.add(CaliptraX509.extension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyId)));
            out.add(CaliptraX509.extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId)));
        }
        return out;
    }
}
