package org.caliptra.util.image.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        for (Object o : pemObjects(file)) {
            try {
                if (o instanceof PEMKeyPair pair) {
                    return eccPrivateFrom(file, pair.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return eccPrivateFrom(file, info);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new KeyFileException(file, "malformed ECC private key: " + e.getMessage(), e);
            }
        }
        throw new KeyFileException(file, "no ECC private key found (expected an 'EC PRIVATE KEY' or 'PRIVATE KEY' PEM block)");
    }

    private static EccPrivateKey eccPrivateFrom(Path file, PrivateKeyInfo info) throws IOException {
        AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm())) {
            throw new KeyFileException(file, "not an EC key (algorithm " + alg.getAlgorithm() + ")");
        }
        requireP384(file, alg.getParameters());
        var sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
        return new EccPrivateKey(sec1.getKey());
    }

    /** The public key of an SPKI "PUBLIC KEY" file, or of a private key file. */
    public static EccPublicKey readEccPublic(Path file) {
        for (Object o : pemObjects(file)) {
            if (o instanceof SubjectPublicKeyInfo spki) {
                if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())) {
                    throw new KeyFileException(file, "not an EC public key (algorithm " + spki.getAlgorithm().getAlgorithm() + ")");
                }
                requireP384(file, spki.getAlgorithm().getParameters());
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
        throw new KeyFileException(file, "no ECC public key found (expected a 'PUBLIC KEY' PEM block)");
    }

    private static void requireP384(Path file, ASN1Encodable params) {
        if (!SECObjectIdentifiers.secp384r1.equals(params)) {
            throw new KeyFileException(file, "EC key is not on P-384 (secp384r1), curve " + params);
        }
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
        return LmsPublicKey.fromBytes(raw);
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
                throw new KeyFileException(file, "raw LMS " + which + " key must be 48 bytes, found " + content.length);
            }
            return content;
        }
        for (Object o : pemObjects(file)) {
            byte[] inner = null;
            if (o instanceof SubjectPublicKeyInfo spki) {
                inner = spki.getPublicKeyData().getBytes();
            } else if (o instanceof PrivateKeyInfo info) {
                inner = info.getPrivateKey().getOctets();
            }
            if (inner != null) {
                if (inner.length < LmsPublicKey.SIZE) {
                    throw new KeyFileException(file, "LMS key in PEM holds " + inner.length + " bytes, expected 48");
                }
                return Arrays.copyOfRange(inner, inner.length - LmsPublicKey.SIZE, inner.length);
            }
        }
        throw new KeyFileException(file, "no LMS " + which + " key found");
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
                throw new KeyFileException(file, "raw ML-DSA-87 public key must be 2592 bytes, found " + content.length);
            }
            return new MldsaPublicKey(Octets.of(content));
        }
        for (Object o : pemObjects(file)) {
            if (o instanceof SubjectPublicKeyInfo spki) {
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
        throw new KeyFileException(file, "no ML-DSA-87 public key found (expected a 'PUBLIC KEY' PEM block)");
    }

    public static MldsaPrivateKey readMldsaPrivate(Path file) {
        byte[] content = read(file);
        try {
            if (!looksLikePem(content)) {
                return MldsaPrivateKey.fromBytes(content);
            }
            for (Object o : pemObjects(file)) {
                if (o instanceof PrivateKeyInfo info) {
                    return MldsaPrivateKey.fromBytes(mldsaPrivateOctets(info.getPrivateKey().getOctets()));
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof KeyFileException kfe) {
                throw kfe;
            }
            throw new KeyFileException(file, e.getMessage(), e);
        }
        throw new KeyFileException(file, "no ML-DSA-87 private key found (expected a 'PRIVATE KEY' PEM block)");
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

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new KeyFileException(file, "permission denied");
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean looksLikePem(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }

    private static List<Object> pemObjects(Path file) {
        byte[] content = read(file);
        if (!looksLikePem(content)) {
            throw new KeyFileException(file, "not a PEM file (no '-----BEGIN' line)");
        }
        var objects = new ArrayList<Object>();
        try (var parser = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                objects.add(o);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new KeyFileException(file, "malformed PEM: " + e.getMessage(), e);
        }
        return objects;
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
