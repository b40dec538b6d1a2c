package org.caliptra.util.emulator.dice;

/** The two key algorithms of Caliptra's DICE layers: ECC P-384 (every generation) and ML-DSA-87 (2.x). */
public enum DiceAlgorithm {
    ECC384("Ecc384"),
    MLDSA87("MlDsa87");

    private final String nameInCn;

    DiceAlgorithm(String nameInCn) {
        this.nameInCn = nameInCn;
    }

    /** How the 2.x subject names spell the algorithm, e.g. "Caliptra 2.1 Ecc384 IDevID". */
    String nameInCn() {
        return nameInCn;
    }
}
