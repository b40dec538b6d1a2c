package org.caliptra.util.emulator.dice;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.Generation;

/**
 * The certificates and CSRs Caliptra's DPE issues (caliptra-dpe x509.rs at the revisions
 * caliptra-sw pins): a leaf for CERTIFY_KEY ("DPE Leaf", the caller's label as UEID, key usage
 * digitalSignature, EKU tcg-dice-kp-attestLoc) and a CA for an exported CDI (the device UEID,
 * keyCertSign, EKU tcg-dice-kp-eca), each with a MultiTcbInfo of the context's path from the root,
 * issued by the RT alias key. A CSR is a PKCS#10 signed by the derived key inside a CMS SignedData
 * signed by the RT alias key.
 *
 * <p>The two DPE revisions encode differently and both are reproduced: 1.x writes the criticality
 * BOOLEAN of every extension (FALSE included) and marks the DICE extensions critical, and its
 * TcbInfo lists the cumulative TCI as a second FWID; 2.x omits FALSE, leaves the DICE extensions
 * non-critical, and gives the TcbInfo an SVN and the cumulative TCI as an integrity register.
 */
public final class DpeCertificates {
    /** tcg-dice-kp-attestLoc. */
    private static final ASN1ObjectIdentifier EKU_ATTEST_LOC = new ASN1ObjectIdentifier("2.23.133.5.4.100.9");
    /** tcg-dice-kp-eca. */
    private static final ASN1ObjectIdentifier EKU_ECA = new ASN1ObjectIdentifier("2.23.133.5.4.100.12");
    /** DMTF otherName for device info. */
    private static final ASN1ObjectIdentifier DMTF_DEVICE_INFO = new ASN1ObjectIdentifier("1.3.6.1.4.1.412.274.1");
    private static final AlgorithmIdentifier SHA384 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384);
    private static final int SERIAL_CHARS = 20;
    private static final int NAME_SERIAL_CHARS = 64;
    private static final int KEY_ID = 20;

    private DpeCertificates() {}

    /** One TCI node of the certified context's path, as DPE keeps it. */
    public record TciNode(int tciType, byte[] cumulative, byte[] current, int locality, int svn) {}

    /** What is certified: a leaf key (CERTIFY_KEY) or an exported CDI's CA key. */
    public enum Kind {
        LEAF, EXPORTED_CDI
    }

    /** The key being certified: ECC P-384 or ML-DSA-87. */
    public sealed interface SubjectKey {
        /** The bytes DPE hashes for the subject's names and identifiers. */
        byte[] encoded();

        record Ecc(EccPrivateKey key) implements SubjectKey {
            @Override
            public byte[] encoded() {
                return CaliptraX509.point(key.publicKey());
            }
        }

        record Mldsa(MldsaPrivateKey key) implements SubjectKey {
            @Override
            public byte[] encoded() {
                return key.publicKey().bytes().toByteArray();
            }
        }
    }

    /**
     * Everything one certificate needs.
     *
     * @param nodes the context's path, root first
     * @param ueid the UEID extension's value: the label (leaf) or the device UEID (exported CDI)
     * @param dmtfDeviceInfo the otherName of a CERTIFY_KEY_EXTENDED with DMTF_OTHER_NAME
     * @param validity not_before and not_after, as the alias certificates use
     */
    public record Request(Generation generation, Kind kind, SubjectKey subject, List<TciNode> nodes, byte[] ueid,
            boolean supportsRecursive, Optional<String> dmtfDeviceInfo, String[] validity) {}

    /** An X.509 certificate issued by the runtime's alias key of the subject key's algorithm. */
    public static byte[] certificate(AliasIdentity alias, Request r) {
        var issuer = Issuer.of(alias, r.generation(), r.subject());
        var v = new ASN1EncodableVector();
        v.add(new DERTaggedObject(true, 0, new ASN1Integer(2)));
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOf(serialHex(r).getBytes(StandardCharsets.US_ASCII), SERIAL_CHARS))));
        v.add(issuer.signing.algorithm());
        v.add(issuer.name);
        v.add(new DERSequence(new ASN1Encodable[] {new ASN1GeneralizedTime(r.validity()[0]), new ASN1GeneralizedTime(r.validity()[1])}));
        v.add(subjectName(r));
        v.add(spki(r.subject()));
        v.add(new DERTaggedObject(true, 3, new DERSequence(extensions(r, true, issuer.keyId).toArray(ASN1Encodable[]::new))));
        byte[] tbs = der(new DERSequence(v));
        return CaliptraX509.wrap(tbs, issuer.signing.algorithm(), issuer.signing.sign(tbs));
    }

    /**
     * A CSR: the PKCS#10 request signed by the derived key, wrapped in a CMS SignedData (version 3,
     * the signer identified by the RT alias key identifier, no signed attributes) that the RT alias
     * key signs.
     */
    public static byte[] csr(AliasIdentity alias, Request r) {
        var issuer = Issuer.of(alias, r.generation(), r.subject());
        var attributes = new DERSet(new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                new DERSet(new DERSequence(extensions(r, false, issuer.keyId).toArray(ASN1Encodable[]::new)))}));
        var cri = new DERSequence(new ASN1Encodable[] {new ASN1Integer(0), subjectName(r), spki(r.subject()),
                new DERTaggedObject(false, 0, attributes)});
        byte[] criDer = der(cri);
        var subjectSigning = r.subject() instanceof SubjectKey.Ecc e ? CaliptraX509.Signing.ecc(e.key())
                : CaliptraX509.Signing.mldsa(((SubjectKey.Mldsa) r.subject()).key());
        byte[] pkcs10 = der(new DERSequence(new ASN1Encodable[] {cri, subjectSigning.algorithm(),
                new DERBitString(subjectSigning.sign(criDer))}));
        var signerInfo = new DERSequence(new ASN1Encodable[] {new ASN1Integer(3),
                new DERTaggedObject(false, 0, new DEROctetString(der(new DEROctetString(issuer.keyId)))), SHA384,
                issuer.signing.algorithm(), new DEROctetString(issuer.signing.sign(pkcs10))});
        var signedData = new DERSequence(new ASN1Encodable[] {new ASN1Integer(3), new DERSet(SHA384),
                new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.data,
                        new DERTaggedObject(true, 0, new DEROctetString(pkcs10))}),
                new DERSet(signerInfo)});
        return der(new DERSequence(new ASN1Encodable[] {PKCSObjectIdentifiers.signedData, new DERTaggedObject(true, 0, signedData)}));
    }

    /** The RT alias key that issues: its name and key identifier (from the RT alias certificate's key) and how it signs. */
    private record Issuer(ASN1Encodable name, byte[] keyId, CaliptraX509.Signing signing) {
        static Issuer of(AliasIdentity alias, Generation generation, SubjectKey subject) {
            var algorithm = subject instanceof SubjectKey.Mldsa ? DiceAlgorithm.MLDSA87 : DiceAlgorithm.ECC384;
            var certified = CertKey.of(alias.rtAlias(), algorithm);
            var signing = CertKey.of(alias.runtimeLayer(), algorithm).signing();
            var name = CaliptraX509.name(DiceLayerKind.RT_ALIAS.commonName(generation, algorithm), certified.encoded());
            return new Issuer(name, CaliptraX509.keyId(certified.encoded()), signing);
        }
    }

    private static String serialHex(Request r) {
        return HexFormat.of().withUpperCase().formatHex(Digests.sha384(r.subject().encoded())).substring(0, NAME_SERIAL_CHARS);
    }

    private static DERSequence subjectName(Request r) {
        String cn = r.kind() == Kind.EXPORTED_CDI && r.generation() == Generation.V2 ? "DPE Exported CDI" : "DPE Leaf";
        return new DERSequence(new ASN1Encodable[] {
            new DERSet(new DERSequence(new ASN1Encodable[] {BCStyle.CN, new DERPrintableString(cn)})),
            new DERSet(new DERSequence(new ASN1Encodable[] {BCStyle.SERIALNUMBER, new DERPrintableString(serialHex(r))}))});
    }

    private static ASN1Encodable spki(SubjectKey key) {
        return key instanceof SubjectKey.Ecc e ? CaliptraX509.eccSpki(e.key().publicKey()) : CaliptraX509.mldsaSpki(key.encoded());
    }

    /** In the order DPE writes them; only a CA certificate has an SKI, only a certificate an AKI. */
    private static List<ASN1Encodable> extensions(Request r, boolean x509, byte[] issuerKeyId) {
        boolean v1 = r.generation() == Generation.V1;
        boolean ca = r.kind() == Kind.EXPORTED_CDI;
        var out = new ArrayList<ASN1Encodable>();
        out.add(extension(v1, CaliptraX509.MULTI_TCB_INFO, v1,
                new DERSequence(r.nodes().stream().map(n -> tcbInfo(v1, n, r.supportsRecursive())).toArray(ASN1Encodable[]::new))));
        out.add(extension(v1, CaliptraX509.UEID, v1, new DERSequence(new DEROctetString(r.ueid()))));
        ASN1Encodable constraints = ca ? new DERSequence(ASN1Boolean.TRUE)
                : v1 ? new DERSequence(ASN1Boolean.FALSE) : new DERSequence();
        out.add(extension(v1, Extension.basicConstraints, true, constraints));
        out.add(extension(v1, Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.digitalSignature | KeyUsage.keyCertSign : KeyUsage.digitalSignature)));
        out.add(extension(v1, Extension.extendedKeyUsage, true, new DERSequence(ca ? EKU_ECA : EKU_ATTEST_LOC)));
        if (x509 && ca) {
            out.add(extension(v1, Extension.subjectKeyIdentifier, false,
                    new DEROctetString(Arrays.copyOf(Digests.sha384(r.subject().encoded()), KEY_ID))));
        }
        if (x509) {
            out.add(extension(v1, Extension.authorityKeyIdentifier, false,
                    new DERSequence(new DERTaggedObject(false, 0, new DEROctetString(issuerKeyId)))));
        }
        r.dmtfDeviceInfo().ifPresent(info -> out.add(extension(v1, Extension.subjectAlternativeName, false,
                new DERSequence(new DERTaggedObject(false, 0, new DERSequence(new ASN1Encodable[] {DMTF_DEVICE_INFO,
                        new DERTaggedObject(true, 0, new DERUTF8String(info))}))))));
        return out;
    }

    /** 1.x writes every criticality BOOLEAN, FALSE too; 2.x writes only TRUE, as DER wants. */
    private static DERSequence extension(boolean v1, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        var v = new ASN1EncodableVector();
        v.add(oid);
        if (critical || v1) {
            v.add(ASN1Boolean.getInstance(critical));
        }
        v.add(new DEROctetString(der(value)));
        return new DERSequence(v);
    }

    private static DERSequence fwid(byte[] digest) {
        return new DERSequence(new ASN1Encodable[] {NISTObjectIdentifiers.id_sha384, new DEROctetString(digest)});
    }

    /**
     * [3] svn (2.x), [6] fwids, [8] vendorInfo = the locality (big-endian), [9] type = the TCI type
     * (its little-endian bytes), and the cumulative TCI when DPE supports recursion.
     */
    private static DERSequence tcbInfo(boolean v1, TciNode n, boolean recursive) {
        var v = new ASN1EncodableVector();
        if (!v1) {
            v.add(new DERTaggedObject(false, 3, new ASN1Integer(Integer.toUnsignedLong(n.svn()))));
        }
        var fwids = new ASN1EncodableVector();
        fwids.add(fwid(n.current()));
        if (v1 && recursive) {
            fwids.add(fwid(n.cumulative()));
        }
        v.add(new DERTaggedObject(false, 6, new DERSequence(fwids)));
        v.add(new DERTaggedObject(false, 8, new DEROctetString(ByteBuffer.allocate(4).putInt(n.locality()).array())));
        v.add(new DERTaggedObject(false, 9, new DEROctetString(
                ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(n.tciType()).array())));
        if (!v1 && recursive) {
            v.add(new DERTaggedObject(false, 11, new DERSequence(new DERSequence(new ASN1Encodable[] {
                new DERTaggedObject(false, 1, new ASN1Integer(0)), new DERTaggedObject(false, 2, new DERSequence(fwid(n.cumulative())))}))));
        }
        return new DERSequence(v);
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }
}
