package org.caliptra.util.emulator.dice;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * One key of a DICE layer as its certificates see it: the bytes every identifier hashes (the
 * uncompressed point for ECC, the raw 2592-byte key for ML-DSA), its SubjectPublicKeyInfo, and how
 * it signs.
 */
record CertKey(DiceAlgorithm algorithm, byte[] encoded, SubjectPublicKeyInfo spki, CaliptraX509.Signing signing) {
    static CertKey of(DiceLayer layer, DiceAlgorithm algorithm) {
        if (algorithm == DiceAlgorithm.ECC384) {
            return new CertKey(algorithm, CaliptraX509.point(layer.eccPublicKey()), CaliptraX509.eccSpki(layer.eccPublicKey()),
                    CaliptraX509.Signing.ecc(layer.eccKey()));
        }
        var key = layer.mldsaKey().orElseThrow(() -> new IllegalArgumentException("a 1.x layer has no ML-DSA key"));
        byte[] raw = key.publicKey().bytes().toByteArray();
        return new CertKey(algorithm, raw, CaliptraX509.mldsaSpki(raw), CaliptraX509.Signing.mldsa(key));
    }
}
