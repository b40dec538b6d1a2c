package org.caliptra.util.image.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.caliptra.util.image.io.AtomicFiles;
import org.caliptra.util.image.io.InputFileException;
import org.caliptra.util.image.io.InputLimit;
import org.caliptra.util.image.io.RegularFiles;
import org.caliptra.util.protocol.Octets;

/**
 * Reading and writing the key files Caliptra tools use (spec/formats.md §5).
 *
 * <ul>
 *   <li>ECC P-384: SEC1 "EC PRIVATE KEY" PEM (with or without a leading "EC PARAMETERS" block),
 *       PKCS#8 "PRIVATE KEY", SPKI "PUBLIC KEY".
 *   <li>LMS: the raw 48-byte key (what 1.x tools and ASPEED's key files hold, despite a .pem
 *       name), or SPKI / PKCS#8 with id-alg-hss-lms-hashsig holding those 48 bytes.
 *   <li>ML-DSA-87: raw FIPS 204 encodings (2592-byte public, 4896-byte expanded private), or
 *       SPKI / PKCS#8 PEM (the OID is not checked: Caliptra's own files use a non-standard one).
 * </ul>
 * Writes go through {@link AtomicFiles}: never a partial file, never over an existing one; private
 * keys 0600, public keys 0644.
 */
public final class KeyFiles {
    public static final ASN1ObjectIdentifier ID_ALG_HSS_LMS_HASHSIG = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.3.17");
    public static final ASN1ObjectIdentifier ID_ML_DSA_87 = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.19");

    private KeyFiles() {}

    // ---- ECC ---------------------------------------------------------------------------------

    public static EccPrivateKey readEccPrivate(Path file) {
        var objects = pemObjects(file);
        for (Object o : objects) {
            PrivateKeyInfo info = o instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : o instanceof PrivateKeyInfo i ? i : null;
            if (info != null) {
                return eccPrivateFrom(file, info);
            }
        }
        throw wrongKind(file, objects, ECC + " private key ('EC PRIVATE KEY' or 'PRIVATE KEY' PEM block)");
    }

    private static EccPrivateKey eccPrivateFrom(Path file, PrivateKeyInfo info) {
        AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm()) || !SECObjectIdentifiers.secp384r1.equals(alg.getParameters())) {
            throw new KeyFileException(file, "holds " + kindOf(alg) + " private key, not " + ECC + " one");
        }
        try {
            var sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
            return new EccPrivateKey(sec1.getKey());
        } catch (IOException | IllegalArgumentException e) {
            // BouncyCastle's text names Java exceptions; the user needs to know which key is bad.
            throw new KeyFileException(file, "malformed " + ECC + " private key: its DER content is not an ECPrivateKey", e);
        }
    }

    /** The public key of an SPKI "PUBLIC KEY" file, or of a private key file. */
    public static EccPublicKey readEccPublic(Path file) {
        var objects = pemObjects(file);
        for (Object o : objects) {
            if (o instanceof SubjectPublicKeyInfo spki) {
                AlgorithmIdentifier alg = spki.getAlgorithm();
                if (!X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm())
                        || !SECObjectIdentifiers.secp384r1.equals(alg.getParameters())) {
                    throw new KeyFileException(file, "holds " + kindOf(alg) + " public key, not " + ECC + " one");
                }
                try {
                    return EccPublicKey.fromPoint(P384.DOMAIN.getCurve().decodePoint(spki.getPublicKeyData().getBytes()));
                } catch (IllegalArgumentException e) {
                    throw new KeyFileException(file, "EC public key is not a point on P-384", e);
                }
            }
            if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo) {
                return readEccPrivate(file).publicKey();
            }
        }
        throw wrongKind(file, objects, ECC + " public key ('PUBLIC KEY' PEM block)");
    }

    public static void writeEccPrivate(EccPrivateKey key, Path file) {
        var pub = key.publicKey();
        byte[] point = uncompressed(pub);
        var sec1 = new ECPrivateKey(384, key.scalar(), new DERBitString(point), SECObjectIdentifiers.secp384r1);
        writePem(file, "EC PRIVATE KEY", encode(sec1), true);
    }

    public static void writeEccPublic(EccPublicKey key, Path file) {
        var spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp384r1), uncompressed(key));
        writePem(file, "PUBLIC KEY", encode(spki), false);
    }

    private static byte[] uncompressed(EccPublicKey key) {
        byte[] point = new byte[97];
        point[0] = 4;
        key.x().copyTo(point, 1);
        key.y().copyTo(point, 49);
        return point;
    }

    // ---- LMS ---------------------------------------------------------------------------------

    public static LmsPublicKey readLmsPublic(Path file) {
        byte[] raw = lmsBytes(file, "public");
        var key = LmsPublicKey.fromBytes(raw);
        if (key.lmsType() != Lms.LMS_SHA256_M24_H15 || key.otsType() != Lms.LMOTS_SHA256_N24_W4) {
            throw new KeyFileException(file, String.format("LMS public key: type 0x%08X / otstype 0x%08X; only "
                    + "LMS_SHA256_M24_H15 (12) with LMOTS_SHA256_N24_W4 (7) is supported", key.lmsType(), key.otsType()));
        }
        return key;
    }

    public static LmsPrivateKey readLmsPrivate(Path file) {
        byte[] raw = lmsBytes(file, "private");
        try {
            return LmsPrivateKey.fromBytes(raw);
        } catch (RuntimeException e) {
            throw new KeyFileException(file, e.getMessage(), e);
        }
    }

    private static byte[] lmsBytes(Path file, String which) {
        byte[] content = read(file);
        if (!looksLikePem(content)) {
            if (content.length != LmsPublicKey.SIZE) {
                throw new KeyFileException(file, "raw LMS " + which + " key must be 48 bytes, found " + content.length
                        + rawHint(content.length));
            }
            return content;
        }
        var objects = pemObjects(file);
        for (Object o : objects) {
            byte[] inner = null;
            AlgorithmIdentifier alg = null;
            if (o instanceof SubjectPublicKeyInfo spki && which.equals("public")) {
                alg = spki.getAlgorithm();
                inner = spki.getPublicKeyData().getBytes();
            } else if (o instanceof PrivateKeyInfo info && which.equals("private")) {
                alg = info.getPrivateKeyAlgorithm();
                inner = info.getPrivateKey().getOctets();
            }
            if (alg != null && !ID_ALG_HSS_LMS_HASHSIG.equals(alg.getAlgorithm())) {
                // Taking the last 48 bytes of another algorithm's key would yield a key that merely fails later.
                throw new KeyFileException(file, "holds " + kindOf(alg) + " " + which + " key, not an LMS one");
            }
            if (inner != null) {
                if (inner.length < LmsPublicKey.SIZE) {
                    throw new KeyFileException(file, "LMS key in PEM holds " + inner.length + " bytes, expected 48");
                }
                return Arrays.copyOfRange(inner, inner.length - LmsPublicKey.SIZE, inner.length);
            }
        }
        throw wrongKind(file, objects, "an LMS " + which + " key");
    }

    /** LMS keys are written raw (48 bytes), which every Caliptra tool reads. */
    public static void writeLmsPrivate(LmsPrivateKey key, Path file) {
        writeKeyFile(file, key.toBytes(), true);
    }

    public static void writeLmsPublic(LmsPublicKey key, Path file) {
        writeKeyFile(file, key.toBytes(), false);
    }

    // ---- ML-DSA ------------------------------------------------------------------------------

    public static MldsaPublicKey readMldsaPublic(Path file) {
        byte[] content = read(file);
        if (!looksLikePem(content)) {
            if (content.length != MldsaPublicKey.SIZE) {
                throw new KeyFileException(file, "raw ML-DSA-87 public key must be 2592 bytes, found " + content.length
                        + rawHint(content.length));
            }
            return new MldsaPublicKey(Octets.of(content));
        }
        var objects = pemObjects(file);
        for (Object o : objects) {
            if (o instanceof SubjectPublicKeyInfo spki) {
                requireMldsa(file, spki.getAlgorithm(), "public");
                byte[] key = spki.getPublicKeyData().getBytes();
                if (key.length < MldsaPublicKey.SIZE) {
                    throw new KeyFileException(file, "ML-DSA-87 public key in PEM holds " + key.length + " bytes, expected 2592");
                }
                return new MldsaPublicKey(Octets.of(key, key.length - MldsaPublicKey.SIZE, MldsaPublicKey.SIZE));
            }
            if (o instanceof PrivateKeyInfo) {
                return readMldsaPrivate(file).publicKey();
            }
        }
        throw wrongKind(file, objects, "an ML-DSA-87 public key ('PUBLIC KEY' PEM block)");
    }

    public static MldsaPrivateKey readMldsaPrivate(Path file) {
        byte[] content = read(file);
        List<Object> objects;
        try {
            if (!looksLikePem(content)) {
                if (content.length == LmsPublicKey.SIZE) {
                    throw new KeyFileException(file, "raw ML-DSA-87 private key must be 4896 or 32 bytes, found 48" + rawHint(48));
                }
                return MldsaPrivateKey.fromBytes(content);
            }
            objects = pemObjects(file);
            for (Object o : objects) {
                if (o instanceof PrivateKeyInfo info) {
                    requireMldsa(file, info.getPrivateKeyAlgorithm(), "private");
                    return MldsaPrivateKey.fromBytes(mldsaPrivateOctets(info.getPrivateKey().getOctets()));
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof KeyFileException kfe) {
                throw kfe;
            }
            throw new KeyFileException(file, e.getMessage(), e);
        }
        throw wrongKind(file, objects, "an ML-DSA-87 private key ('PRIVATE KEY' PEM block)");
    }

    /** Caliptra's own ML-DSA files use a non-standard OID, so only other known algorithms are refused. */
    private static void requireMldsa(Path file, AlgorithmIdentifier alg, String which) {
        var oid = alg.getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid) || ID_ALG_HSS_LMS_HASHSIG.equals(oid) || RSA.equals(oid)
                || ML_DSA_44.equals(oid) || ML_DSA_65.equals(oid) || ED25519.equals(oid) || ED448.equals(oid)) {
            throw new KeyFileException(file, "holds " + kindOf(alg) + " " + which + " key, not an ML-DSA-87 one");
        }
    }

    /** RFC 9881 CHOICE (seed [0], expandedKey OCTET STRING, both SEQUENCE) or Caliptra's raw bytes. */
    private static byte[] mldsaPrivateOctets(byte[] octets) {
        if (octets.length == MldsaPrivateKey.EXPANDED_SIZE) {
            return octets;
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(octets);
            if (p instanceof ASN1OctetString os) {
                return os.getOctets();
            }
            if (p instanceof ASN1TaggedObject tagged) {
                return ASN1OctetString.getInstance(tagged, false).getOctets();
            }
            if (p instanceof ASN1Sequence seq) {
                for (var element : seq) {
                    if (element instanceof ASN1OctetString os && os.getOctets().length == MldsaPrivateKey.EXPANDED_SIZE) {
                        return os.getOctets();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not DER: fall through to the trailing-bytes rule
        }
        if (octets.length > MldsaPrivateKey.EXPANDED_SIZE) {
            return Arrays.copyOfRange(octets, octets.length - MldsaPrivateKey.EXPANDED_SIZE, octets.length);
        }
        return octets;
    }

    public static void writeMldsaPrivate(MldsaPrivateKey key, Path file) {
        try {
            var info = new PrivateKeyInfo(new AlgorithmIdentifier(ID_ML_DSA_87), new DEROctetString(key.expandedEncoding()));
            writePem(file, "PRIVATE KEY", info.getEncoded(), true);
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot encode ML-DSA-87 private key", e);
        }
    }

    public static void writeMldsaPublic(MldsaPublicKey key, Path file) {
        var spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(ID_ML_DSA_87), key.bytes().toByteArray());
        writePem(file, "PUBLIC KEY", encode(spki), false);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    /**
     * The largest key file read: an ML-DSA-87 private key PEM, the largest kind, is under 7 KB; 64 KiB
     * leaves room for comments and extra PEM blocks.
     */
    public static final InputLimit FILE_LIMIT = new InputLimit("a key file", 64 * 1024,
            "the largest key, an ML-DSA-87 private key PEM, is under 7 KB");

    static byte[] read(Path file) {
        try {
            return RegularFiles.read(file, FILE_LIMIT);
        } catch (InputFileException e) {
            throw new KeyFileException(file, e.problem(), e);
        }
    }

    private static boolean looksLikePem(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }

    private static List<Object> pemObjects(Path file) {
        byte[] content = read(file);
        if (!looksLikePem(content)) {
            throw new KeyFileException(file, "not a PEM file (no '-----BEGIN' line)" + rawHint(content.length));
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        var objects = new ArrayList<Object>();
        try (var parser = new PEMParser(new StringReader(text))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                objects.add(o);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // BouncyCastle's messages quote Java exception names; say instead which block is bad and how.
            var labels = new ArrayList<String>();
            var begin = PEM_BEGIN.matcher(text);
            while (begin.find()) {
                labels.add(begin.group(1));
            }
            String label = objects.size() < labels.size() ? "the '" + labels.get(objects.size()) + "' block" : "a block";
            String m = String.valueOf(e.getMessage());
            String problem = m.contains("base64") ? label + " is not valid base64"
                    : m.contains("not found") ? label + " has no matching '-----END' line"
                    : m.startsWith("unrecognised object") ? label + " is of a kind no key file holds"
                    : label + " does not hold a valid DER encoding of its kind";
            throw new KeyFileException(file, "malformed PEM: " + problem, e);
        }
        return objects;
    }

    private static final java.util.regex.Pattern PEM_BEGIN = java.util.regex.Pattern.compile("-----BEGIN ([^-\\r\\n]{1,64})-----");

    static final String ECC = "an ECC P-384";
    private static final ASN1ObjectIdentifier RSA = new ASN1ObjectIdentifier("1.2.840.113549.1.1.1");
    private static final ASN1ObjectIdentifier ML_DSA_44 = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.17");
    private static final ASN1ObjectIdentifier ML_DSA_65 = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.18");
    /** What Caliptra's own ML-DSA-87 PEMs carry (spec/formats.md §5.3). */
    private static final ASN1ObjectIdentifier CALIPTRA_ML_DSA_87 = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.31");
    private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    private static final ASN1ObjectIdentifier ED448 = new ASN1ObjectIdentifier("1.3.101.113");

    /** "an ECC P-384", "an ECC prime256v1", "an RSA", "an ML-DSA-87", …: the kind of key an algorithm identifies. */
    static String kindOf(AlgorithmIdentifier alg) {
        var oid = alg.getAlgorithm();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            ASN1Encodable params = alg.getParameters();
            if (SECObjectIdentifiers.secp384r1.equals(params)) {
                return ECC;
            }
            String curve = params instanceof ASN1ObjectIdentifier c ? org.bouncycastle.asn1.x9.ECNamedCurveTable.getName(c) : null;
            return "an ECC " + (curve != null ? curve : params instanceof ASN1ObjectIdentifier c ? "(curve " + c.getId() + ")"
                    : "(explicit curve)");
        }
        if (ID_ALG_HSS_LMS_HASHSIG.equals(oid)) {
            return "an LMS";
        }
        if (ID_ML_DSA_87.equals(oid) || CALIPTRA_ML_DSA_87.equals(oid)) {
            return "an ML-DSA-87";
        }
        if (ML_DSA_44.equals(oid) || ML_DSA_65.equals(oid)) {
            return ML_DSA_44.equals(oid) ? "an ML-DSA-44" : "an ML-DSA-65";
        }
        if (RSA.equals(oid)) {
            return "an RSA";
        }
        if (ED25519.equals(oid) || ED448.equals(oid)) {
            return ED25519.equals(oid) ? "an Ed25519" : "an Ed448";
        }
        return "a (" + oid.getId() + ")";
    }

    /** What a PEM block turned out to hold, for "holds X, not Y". */
    private static String describe(Object o) {
        if (o instanceof PEMKeyPair pair) {
            return kindOf(pair.getPrivateKeyInfo().getPrivateKeyAlgorithm()) + " private key";
        }
        if (o instanceof PrivateKeyInfo info) {
            return kindOf(info.getPrivateKeyAlgorithm()) + " private key";
        }
        if (o instanceof SubjectPublicKeyInfo spki) {
            return kindOf(spki.getAlgorithm()) + " public key";
        }
        if (o instanceof org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo
                || o instanceof org.bouncycastle.openssl.PEMEncryptedKeyPair) {
            return "an encrypted private key (decrypt it first, e.g. openssl pkey)";
        }
        if (o instanceof org.bouncycastle.cert.X509CertificateHolder) {
            return "a certificate";
        }
        if (o instanceof ASN1ObjectIdentifier) {
            return "EC parameters";
        }
        return "a PEM block of another kind";
    }

    private static KeyFileException wrongKind(Path file, List<Object> objects, String wanted) {
        String found = objects.isEmpty() ? "no PEM block it can read"
                : String.join(" and ", objects.stream().map(KeyFiles::describe).distinct().toList());
        return new KeyFileException(file, "holds " + found + ", not " + wanted);
    }

    /** For a file that is not what was asked: what its size says it may be instead. */
    private static String rawHint(int length) {
        return switch (length) {
            case 48 -> " (48 bytes is a raw LMS key)";
            case 2592 -> " (2592 bytes is a raw ML-DSA-87 public key)";
            case 4896 -> " (4896 bytes is a raw ML-DSA-87 private key)";
            default -> "";
        };
    }

    private static byte[] encode(ASN1Encodable object) {
        try {
            return object.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) {
        var text = new StringWriter();
        try (var pem = new PemWriter(text)) {
            pem.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        writeKeyFile(file, text.toString().getBytes(StandardCharsets.US_ASCII), secret);
    }

    /**
     * Key files are never replaced: a key that is overwritten is a key lost, so an existing file of
     * the same name refuses the write (atomically, see {@link AtomicFiles}). Private keys are 0600,
     * public keys 0644.
     */
    private static void writeKeyFile(Path file, byte[] content, boolean secret) {
        AtomicFiles.write(file, content, secret ? AtomicFiles.Mode.PRIVATE : AtomicFiles.Mode.PUBLIC,
                AtomicFiles.Existing.REFUSE);
    }
}
