package org.caliptra.util.emulator.dice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.EccPublicKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;

/**
 * The X.509 profile every Caliptra DICE certificate and CSR shares (spec/device.md §5.2–§5.3):
 * names of a UTF8String CN and a PrintableString serialNumber that is the uppercase hex SHA-256 of
 * the subject key, serial numbers and key identifiers from the same digest, GeneralizedTime
 * validity, ECDSA-with-SHA384 signatures made deterministically (RFC 6979) over the SHA-384 of the
 * to-be-signed bytes. The extensions are given in the order the ROM's templates place them.
 */
final class CaliptraX509 {
    /** TCG DICE UEID, 2.23.133.5.4.4. */
    static final ASN1ObjectIdentifier UEID = new ASN1ObjectIdentifier("2.23.133.5.4.4");
    /** TCG DICE TcbInfo, 2.23.133.5.4.1. */
    static final ASN1ObjectIdentifier TCB_INFO = new ASN1ObjectIdentifier("2.23.133.5.4.1");
    /** TCG DICE MultiTcbInfo, 2.23.133.5.4.5. */
    static final ASN1ObjectIdentifier MULTI_TCB_INFO = new ASN1ObjectIdentifier("2.23.133.5.4.5");
    static final String NOT_BEFORE = "20230101000000Z";
    static final String NOT_AFTER = "99991231235959Z";
    static final AlgorithmIdentifier ECDSA_SHA384 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384);
    static final AlgorithmIdentifier MLDSA87 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_ml_dsa_87);

    private CaliptraX509() {}

    /** The uncompressed point 0x04 ‖ X ‖ Y that Caliptra hashes for every identifier of an ECC key. */
    static byte[] point(EccPublicKey key) {
        byte[] out = new byte[97];
        out[0] = 4;
        key.x().copyTo(out, 1);
        key.y().copyTo(out, 49);
        return out;
    }

    static SubjectPublicKeyInfo mldsaSpki(byte[] rawKey) {
        return new SubjectPublicKeyInfo(MLDSA87, rawKey);
    }

    static SubjectPublicKeyInfo eccSpki(EccPublicKey key) {
        return new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp384r1), point(key));
    }

    static X500Name name(String commonName, byte[] publicKey) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.SERIALNUMBER, HexFormat.of().withUpperCase().formatHex(Digests.sha256(publicKey)))
                .build();
    }

    /** Subject key identifier: the first 20 bytes of SHA-256 of the key. */
    static byte[] keyId(byte[] publicKey) {
        return java.util.Arrays.copyOf(Digests.sha256(publicKey), 20);
    }

    /** Certificate serial number: the key identifier made positive with a non-zero first octet. */
    static BigInteger serialNumber(byte[] publicKey) {
        byte[] id = keyId(publicKey);
        id[0] = (byte) ((id[0] & 0x7F) | 0x04);
        return new BigInteger(1, id);
    }

    /** UEID: SEQUENCE { OCTET STRING ueid }. */
    static Extension ueid(byte[] ueid) {
        return extension(UEID, false, new DERSequence(new DEROctetString(ueid)));
    }

    static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    /** A PKCS#10 CSR with the extensions as an extensionRequest attribute. */
    static byte[] csr(X500Name subject, SubjectPublicKeyInfo spki, List<Extension> extensions, Signing signing) {
        var generator = new ExtensionsGenerator();
        extensions.forEach(generator::addExtension);
        try {
            return new PKCS10CertificationRequestBuilder(subject, spki)
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, generator.generate())
                    .build(signing.contentSigner())
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    /**
     * An X.509 v3 certificate.
     *
     * @throws IllegalArgumentException if a validity string is not a GeneralizedTime
     */
    static byte[] certificate(BigInteger serial, X500Name issuer, String notBefore, String notAfter, X500Name subject,
            SubjectPublicKeyInfo spki, List<Extension> extensions, Signing signing) {
        var builder = new X509v3CertificateBuilder(issuer, serial, time("not_before", notBefore), time("not_after", notAfter),
                subject, spki);
        try {
            for (Extension e : extensions) {
                builder.addExtension(e);
            }
            return builder.build(signing.contentSigner()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    /**
     * A certificate from to-be-signed bytes and a signature made elsewhere (GET_IDEV_CERT: the SoC's
     * CA signed the IDevID TBS): SEQUENCE { tbs, algorithm, BIT STRING signature }.
     *
     * @throws IllegalArgumentException if {@code tbs} is not one DER value
     */
    static byte[] wrap(byte[] tbs, AlgorithmIdentifier algorithm, byte[] signature) {
        try {
            var parsed = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(tbs);
            return new DERSequence(new ASN1Encodable[] {parsed, algorithm, new org.bouncycastle.asn1.DERBitString(signature)})
                    .getEncoded("DER");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the TBS is not a DER value: " + e.getMessage(), e);
        }
    }

    /**
     * A certificate put together the way the runtime's certificate builder does it for GET_IDEV_*_CERT
     * (caliptra-sw x509 {@code cert_bldr.rs}, the same in 1.2 and 2.x): SEQUENCE { the TBS bytes as
     * given, the algorithm identifier, BIT STRING { signature } }. The TBS is not parsed: the builder
     * copies whatever the SoC sent, so a TBS that is not DER still makes a "certificate" (libcaliptra's
     * example sends an all-zero request and gets one). It fails only when the builder cannot encode
     * the length ({@code maxContent}) or the result does not fit the response buffer ({@code capacity},
     * which the builder wants four bytes beyond the content).
     *
     * @throws IllegalArgumentException naming which limit was passed
     */
    static byte[] assemble(byte[] tbs, AlgorithmIdentifier algorithm, byte[] signature, int maxContent, int capacity) {
        byte[] identifier;
        try {
            identifier = algorithm.getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
        byte[] bits = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] bitString = tlv(0x03, bits);
        int content = tbs.length + identifier.length + bitString.length;
        if (content > maxContent) {
            throw new IllegalArgumentException("the certificate would hold " + content + " bytes; the runtime's builder encodes at most "
                    + maxContent);
        }
        byte[] body = new byte[content];
        System.arraycopy(tbs, 0, body, 0, tbs.length);
        System.arraycopy(identifier, 0, body, tbs.length, identifier.length);
        System.arraycopy(bitString, 0, body, tbs.length + identifier.length, bitString.length);
        byte[] certificate = tlv(0x30, body);
        if (certificate.length > capacity || content + 4 > capacity) {
            throw new IllegalArgumentException("the certificate (" + certificate.length + " bytes) does not fit the " + capacity
                    + "-byte response buffer");
        }
        return certificate;
    }

    /** Tag, DER length (short form below 128, else the fewest big-endian bytes), content. */
    static byte[] tlv(int tag, byte[] content) {
        int n = content.length;
        int lengthBytes = n < 0x80 ? 0 : n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
        byte[] out = new byte[2 + lengthBytes + n];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) n;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) {
                out[2 + i] = (byte) (n >>> (8 * (lengthBytes - 1 - i)));
            }
        }
        System.arraycopy(content, 0, out, 2 + lengthBytes, n);
        return out;
    }

    private static Time time(String field, String generalizedTime) {
        try {
            return new Time(new ASN1GeneralizedTime(generalizedTime));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the manifest's " + field + " \"" + printable(generalizedTime)
                    + "\" is not a GeneralizedTime such as 20230101000000Z", e);
        }
    }

    private static String printable(String s) {
        return s.chars().map(c -> c >= 0x20 && c < 0x7F ? c : '?').collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }

    /** Who signs: an algorithm and a function of the to-be-signed bytes. */
    interface Signing {
        AlgorithmIdentifier algorithm();

        byte[] sign(byte[] toBeSigned);

        /** Pure ML-DSA-87 over the to-be-signed bytes themselves, deterministic, empty context. */
        static Signing mldsa(MldsaPrivateKey key) {
            var signer = key.signer();
            return new Signing() {
                @Override
                public AlgorithmIdentifier algorithm() {
                    return MLDSA87;
                }

                @Override
                public byte[] sign(byte[] toBeSigned) {
                    return signer.sign(toBeSigned).fips204();
                }
            };
        }

        /**
         * No key at all: the algorithm's signature all zeros (ECDSA r = s = 0; ML-DSA 4627 zero
         * bytes), as the 2.x runtime "null-signs" the LDevID CSR whose private key it never holds.
         */
        static Signing zero(DiceAlgorithm keyAlgorithm) {
            return new Signing() {
                @Override
                public AlgorithmIdentifier algorithm() {
                    return keyAlgorithm == DiceAlgorithm.ECC384 ? ECDSA_SHA384 : MLDSA87;
                }

                @Override
                public byte[] sign(byte[] toBeSigned) {
                    return keyAlgorithm == DiceAlgorithm.ECC384 ? org.caliptra.util.image.keys.EccSignature.zero().toDer()
                            : new byte[org.caliptra.util.image.keys.MldsaSignature.FIPS204_SIZE];
                }
            };
        }

        static Signing ecc(EccPrivateKey key) {
            var signer = key.signer();
            return new Signing() {
                @Override
                public AlgorithmIdentifier algorithm() {
                    return ECDSA_SHA384;
                }

                @Override
                public byte[] sign(byte[] toBeSigned) {
                    return signer.signDigest(Sha384.digest(toBeSigned)).toDer();
                }
            };
        }

        private ContentSigner contentSigner() {
            return new ContentSigner() {
                private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm();
                }

                @Override
                public OutputStream getOutputStream() {
                    return tbs;
                }

                @Override
                public byte[] getSignature() {
                    return sign(tbs.toByteArray());
                }
            };
        }
    }
}
