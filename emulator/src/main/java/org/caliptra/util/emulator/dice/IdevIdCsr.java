package org.caliptra.util.emulator.dice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.Generation;

/**
 * The IDevID certificate signing request the ROM hands to the SoC in manufacturing
 * (spec/device.md §3.5): a PKCS#10 DER CSR on 1.x; on 2.x the InitDevIdCsrEnvelope with an ECC
 * P-384 and an ML-DSA-87 CSR and an HMAC-SHA512 tag.
 *
 * <p>The keys are derived from the UDS seed and field entropy fuses with HMAC under the labels of
 * spec §5 ("idevid_cdi", "idevid_ecc_key", "idevid_mldsa_key"). Silicon derives them in its key
 * vault from the UDS after deobfuscating it with a device secret, so no tool outside the part can
 * reproduce silicon's keys; these are deterministic per fuse set, and the CSRs are real,
 * verifiable PKCS#10.
 */
public final class IdevIdCsr {
    static final int ENVELOPE_MARKER = 0x0043_5352;
    static final int ENVELOPE_SIZE = 8784;
    static final int ECC_CSR_MAX = 512;
    static final int MLDSA_CSR_MAX = 8192;
    static final int MAC_OFFSET = 8720;

    private IdevIdCsr() {}

    /** The bytes the ROM places in the mailbox for this generation. */
    public static byte[] payload(Generation generation, byte[] udsSeed, byte[] fieldEntropy) {
        byte[] cdi = hmac(new SHA384Digest(), concat(udsSeed, fieldEntropy), "idevid_cdi");
        var ecc = EccPrivateKey.fromSeed(hmac(new SHA384Digest(), cdi, "idevid_ecc_key"));
        if (generation == Generation.V1) {
            return eccCsr(ecc, "Caliptra 1.0 IDevID", 5);
        }
        var mldsa = MldsaPrivateKey.fromBytes(Arrays.copyOf(hmac(new SHA384Digest(), cdi, "idevid_mldsa_key"), 32));
        byte[] eccCsr = eccCsr(ecc, "Caliptra 2.1 Ecc384 IDevID", 7);
        byte[] mldsaCsr = mldsaCsr(mldsa, "Caliptra 2.1 MlDsa87 IDevID", 7);
        var envelope = ByteBuffer.allocate(ENVELOPE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        envelope.putInt(0, ENVELOPE_MARKER).putInt(4, ENVELOPE_SIZE);
        envelope.putInt(8, eccCsr.length).put(12, eccCsr);
        envelope.putInt(12 + ECC_CSR_MAX, mldsaCsr.length).put(16 + ECC_CSR_MAX, mldsaCsr);
        byte[] bytes = envelope.array();
        byte[] macKey = hmac(new SHA384Digest(), cdi, "idevid_csr_mac");
        var mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(macKey));
        mac.update(bytes, 0, MAC_OFFSET);
        mac.doFinal(bytes, MAC_OFFSET);
        return bytes;
    }

    private static byte[] eccCsr(EccPrivateKey key, String commonName, int pathLength) {
        var pub = key.publicKey();
        byte[] point = concat(new byte[] {4}, concat(pub.x().toByteArray(), pub.y().toByteArray()));
        var spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp384r1), point);
        var signer = key.signer();
        return csr(commonName, point, spki, pathLength, new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384),
                tbs -> signer.signDigest(Sha384.digest(tbs)).toDer());
    }

    private static byte[] mldsaCsr(MldsaPrivateKey key, String commonName, int pathLength) {
        byte[] raw = key.publicKey().bytes().toByteArray();
        var algorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_ml_dsa_87);
        var signer = key.signer();
        return csr(commonName, raw, new SubjectPublicKeyInfo(algorithm, raw), pathLength, algorithm,
                tbs -> signer.sign(tbs).fips204());
    }

    private interface Signing {
        byte[] sign(byte[] toBeSigned);
    }

    /** Subject CN and serialNumber (uppercase hex SHA-256 of the public key), CA with the path length, keyCertSign. */
    private static byte[] csr(String commonName, byte[] publicKey, SubjectPublicKeyInfo spki, int pathLength,
            AlgorithmIdentifier signatureAlgorithm, Signing signing) {
        var subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.SERIALNUMBER, HexFormat.of().withUpperCase().formatHex(digest(new SHA256Digest(), publicKey)))
                .build();
        try {
            var extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
            extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
            var builder = new PKCS10CertificationRequestBuilder(subject, spki)
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            return builder.build(new ContentSigner() {
                private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return signatureAlgorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return tbs;
                }

                @Override
                public byte[] getSignature() {
                    return signing.sign(tbs.toByteArray());
                }
            }).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("encoding an IDevID CSR in memory failed", e);
        }
    }

    private static byte[] hmac(Digest digest, byte[] key, String label) {
        var mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        byte[] data = label.getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] digest(Digest digest, byte[] data) {
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
