package org.caliptra.util.emulator.dice;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.caliptra.util.image.keys.MldsaPrivateKey;
import org.caliptra.util.protocol.Generation;

/**
 * The key ladder of spec/device.md §5.1, layer by layer, as the ROM and FMC run it: IDevID from
 * the UDS, LDevID from the IDevID CDI and the field entropy, the FMC alias from the LDevID CDI and
 * PCR0, the RT alias from the FMC alias CDI and the runtime's TCI. 1.x uses HMAC-SHA384 and ECC
 * P-384 only; 2.x uses HMAC-SHA512 and adds an ML-DSA-87 key to every layer.
 */
public enum DiceDerivation {
    V1("idevid_keygen", null, "ldevid_keygen", null, "fmc_alias_cdi", "fmc_alias_keygen", null,
            "rt_alias_cdi", "rt_alias_keygen", null),
    V2("idevid_ecc_key", "idevid_mldsa_key", "ldevid_ecc_key", "ldevid_mldsa_key", "alias_fmc_cdi", "alias_fmc_ecc_key",
            "alias_fmc_mldsa_key", "alias_rt_cdi", "alias_rt_ecc_key", "alias_rt_mldsa_key");

    private final String idevEcc;
    private final String idevMldsa;
    private final String ldevEcc;
    private final String ldevMldsa;
    private final String fmcCdi;
    private final String fmcEcc;
    private final String fmcMldsa;
    private final String rtCdi;
    private final String rtEcc;
    private final String rtMldsa;

    DiceDerivation(String idevEcc, String idevMldsa, String ldevEcc, String ldevMldsa, String fmcCdi, String fmcEcc,
            String fmcMldsa, String rtCdi, String rtEcc, String rtMldsa) {
        this.idevEcc = idevEcc;
        this.idevMldsa = idevMldsa;
        this.ldevEcc = ldevEcc;
        this.ldevMldsa = ldevMldsa;
        this.fmcCdi = fmcCdi;
        this.fmcEcc = fmcEcc;
        this.fmcMldsa = fmcMldsa;
        this.rtCdi = rtCdi;
        this.rtEcc = rtEcc;
        this.rtMldsa = rtMldsa;
    }

    public static DiceDerivation of(Generation generation) {
        return generation == Generation.V1 ? V1 : V2;
    }

    /** IDevID: CDI = KDF(UDS, "idevid_cdi"). */
    public DiceLayer idevid(byte[] uds) {
        return layer(kdf(uds, "idevid_cdi", null), idevEcc, idevMldsa);
    }

    /**
     * LDevID: CDI = HMAC(HMAC(IDevID CDI, "ldevid_cdi"), field entropy) — plain HMACs, not the KDF,
     * so all of the field entropy is mixed in.
     */
    public DiceLayer ldevid(DiceLayer idevid, byte[] fieldEntropy) {
        return layer(hmac(hmac(idevid.cdi(), "ldevid_cdi".getBytes(StandardCharsets.US_ASCII)), fieldEntropy), ldevEcc,
                ldevMldsa);
    }

    /** FMC alias: CDI = KDF(LDevID CDI, label, PCR0). */
    public DiceLayer fmcAlias(DiceLayer ldevid, byte[] pcr0) {
        return layer(kdf(ldevid.cdi(), fmcCdi, pcr0), fmcEcc, fmcMldsa);
    }

    /** RT alias: CDI = KDF(FMC alias CDI, label, the runtime's TCI). */
    public DiceLayer rtAlias(DiceLayer fmcAlias, byte[] rtTci) {
        return layer(kdf(fmcAlias.cdi(), rtCdi, rtTci), rtEcc, rtMldsa);
    }

    /**
     * The RT layer after DISABLE_ATTESTATION: the runtime erases its CDI and key and puts in their
     * place a CDI from an all-zero key (1.x KDF label "zero_rt_cdi", 2.x "zero_cdi" with HMAC-512)
     * and keys generated from that CDI, so nothing derived afterwards chains to the device identity.
     */
    public DiceLayer attestationDisabledRtLayer() {
        byte[] zero = new byte[48];
        if (this == V1) {
            byte[] cdi = DiceCrypto.kdf384(zero, "zero_rt_cdi", null);
            return new DiceLayer(cdi, DiceCrypto.eccKeyFromSeed(cdi), (MldsaPrivateKey) null);
        }
        byte[] cdi = DiceCrypto.kdf512(zero, "zero_cdi", null);
        byte[] mldsaSeed = reversed32(DiceCrypto.kdf512(cdi, "", null));
        return new DiceLayer(cdi, DiceCrypto.eccKeyFromSeed(cdi), () -> MldsaPrivateKey.fromBytes(mldsaSeed));
    }

    private byte[] kdf(byte[] key, String label, byte[] context) {
        return this == V1 ? DiceCrypto.kdf384(key, label, context) : DiceCrypto.kdf512(key, label, context);
    }

    private byte[] hmac(byte[] key, byte[] data) {
        return this == V1 ? DiceCrypto.hmac384(key, data) : DiceCrypto.hmac512(key, data);
    }

    /**
     * A layer's keys from its CDI. ECC: the first 48 bytes of KDF(CDI, label) seed the engine's
     * HMAC-DRBG. ML-DSA: the ML-DSA engine takes the first 32 bytes of KDF(CDI, label) in reverse
     * byte order (the key vault's word order, each word swapped) as the FIPS 204 key generation seed.
     */
    private DiceLayer layer(byte[] cdi, String eccLabel, String mldsaLabel) {
        byte[] eccSeed = kdf(cdi, eccLabel, null);
        try {
            if (mldsaLabel == null) {
                return new DiceLayer(cdi, DiceCrypto.eccKeyFromSeed(eccSeed), (MldsaPrivateKey) null);
            }
            byte[] mldsaSeed = reversed32(kdf(cdi, mldsaLabel, null));
            return new DiceLayer(cdi, DiceCrypto.eccKeyFromSeed(eccSeed), () -> MldsaPrivateKey.fromBytes(mldsaSeed));
        } finally {
            Arrays.fill(eccSeed, (byte) 0);
        }
    }

    static byte[] reversed32(byte[] kdfOutput) {
        byte[] seed = new byte[MldsaPrivateKey.SEED_SIZE];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = kdfOutput[seed.length - 1 - i];
        }
        Arrays.fill(kdfOutput, (byte) 0);
        return seed;
    }
}
