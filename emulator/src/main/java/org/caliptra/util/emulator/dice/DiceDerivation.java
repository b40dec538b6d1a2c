package org.caliptra.util.emulator.dice;

import java.util.Arrays;
import org.caliptra.util.protocol.Generation;

/**
 * The key ladder of spec/device.md §5.1, layer by layer, as the 1.x ROM and FMC run it (HMAC-384):
 * IDevID from the UDS, LDevID from the IDevID CDI and the field entropy, the FMC alias from the
 * LDevID CDI and PCR0, the RT alias from the FMC alias CDI and the runtime's TCI.
 */
public final class DiceDerivation {
    private DiceDerivation() {}

    /** IDevID: CDI = KDF(UDS, "idevid_cdi"); key = keygen(KDF(CDI, "idevid_keygen")). */
    public static DiceLayer idevid(Generation generation, byte[] uds) {
        requireV1(generation);
        byte[] cdi = DiceCrypto.kdf384(uds, "idevid_cdi", null);
        return layer(cdi, "idevid_keygen");
    }

    /**
     * LDevID: CDI = HMAC(HMAC(IDevID CDI, "ldevid_cdi"), field entropy) — plain HMACs, not the KDF,
     * so all of the field entropy is mixed in.
     */
    public static DiceLayer ldevid(Generation generation, DiceLayer idevid, byte[] fieldEntropy) {
        requireV1(generation);
        byte[] cdi = DiceCrypto.hmac384(DiceCrypto.hmac384(idevid.cdi(), ascii("ldevid_cdi")), fieldEntropy);
        return layer(cdi, "ldevid_keygen");
    }

    /** FMC alias: CDI = KDF(LDevID CDI, "fmc_alias_cdi", PCR0). */
    public static DiceLayer fmcAlias(Generation generation, DiceLayer ldevid, byte[] pcr0) {
        requireV1(generation);
        byte[] cdi = DiceCrypto.kdf384(ldevid.cdi(), "fmc_alias_cdi", pcr0);
        return layer(cdi, "fmc_alias_keygen");
    }

    /** RT alias: CDI = KDF(FMC alias CDI, "rt_alias_cdi", runtime digest ‖ SHA-384(manifest)). */
    public static DiceLayer rtAlias(Generation generation, DiceLayer fmcAlias, byte[] rtTci) {
        requireV1(generation);
        byte[] cdi = DiceCrypto.kdf384(fmcAlias.cdi(), "rt_alias_cdi", rtTci);
        return layer(cdi, "rt_alias_keygen");
    }

    private static DiceLayer layer(byte[] cdi, String keygenLabel) {
        byte[] seed = DiceCrypto.kdf384(cdi, keygenLabel, null);
        try {
            return new DiceLayer(cdi, DiceCrypto.eccKeyFromSeed(seed), null);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void requireV1(Generation generation) {
        if (generation != Generation.V1) {
            throw new IllegalArgumentException("the 2.x ladder is derived by its own scheme");
        }
    }
}
