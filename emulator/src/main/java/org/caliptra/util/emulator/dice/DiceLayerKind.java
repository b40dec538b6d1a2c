package org.caliptra.util.emulator.dice;

import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.caliptra.util.protocol.Generation;

/**
 * The four DICE layers and what the Caliptra profile gives each (spec/device.md §5.2): the subject
 * name, the CA path length (1.x / 2.x), the key usage, and the 2.x TCG extended key usages.
 */
public enum DiceLayerKind {
    IDEVID("IDevID", 5, 7, KeyUsage.keyCertSign, List.of(Eku.IDENTITY_INIT, Eku.ECA)),
    LDEVID("LDevID", 4, 6, KeyUsage.keyCertSign, List.of(Eku.IDENTITY_LOC, Eku.ECA)),
    FMC_ALIAS("FMC Alias", 3, 5, KeyUsage.keyCertSign, List.of(Eku.ECA, Eku.ATTEST_LOC)),
    RT_ALIAS("Rt Alias", 2, 4, KeyUsage.digitalSignature | KeyUsage.keyCertSign, List.of(Eku.ECA));

    private final String label;
    private final int pathLengthV1;
    private final int pathLengthV2;
    private final int keyUsage;
    private final List<ASN1ObjectIdentifier> ekusV2;

    DiceLayerKind(String label, int pathLengthV1, int pathLengthV2, int keyUsage, List<ASN1ObjectIdentifier> ekusV2) {
        this.label = label;
        this.pathLengthV1 = pathLengthV1;
        this.pathLengthV2 = pathLengthV2;
        this.keyUsage = keyUsage;
        this.ekusV2 = ekusV2;
    }

    /** "Caliptra 1.0 LDevID", "Caliptra 2.1 Ecc384 LDevID", "Caliptra 2.1 MlDsa87 Rt Alias", … */
    String commonName(Generation generation, DiceAlgorithm algorithm) {
        return generation == Generation.V1 ? "Caliptra 1.0 " + label : "Caliptra 2.1 " + algorithm.nameInCn() + " " + label;
    }

    int pathLength(Generation generation) {
        return generation == Generation.V1 ? pathLengthV1 : pathLengthV2;
    }

    int keyUsage() {
        return keyUsage;
    }

    /** The TCG DICE extended key usages a 2.x certificate carries; none on 1.x. */
    List<ASN1ObjectIdentifier> ekus(Generation generation) {
        return generation == Generation.V1 ? List.of() : ekusV2;
    }

    /** tcg-dice-kp-* (2.23.133.5.4.100.x). */
    static final class Eku {
        static final ASN1ObjectIdentifier IDENTITY_INIT = new ASN1ObjectIdentifier("2.23.133.5.4.100.6");
        static final ASN1ObjectIdentifier IDENTITY_LOC = new ASN1ObjectIdentifier("2.23.133.5.4.100.7");
        static final ASN1ObjectIdentifier ATTEST_LOC = new ASN1ObjectIdentifier("2.23.133.5.4.100.9");
        static final ASN1ObjectIdentifier ECA = new ASN1ObjectIdentifier("2.23.133.5.4.100.12");

        private Eku() {}
    }
}
