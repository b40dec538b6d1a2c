package org.caliptra.util.emulator.dice;

import java.util.Arrays;
import org.caliptra.util.image.keys.EccPrivateKey;
import org.caliptra.util.image.keys.MldsaPrivateKey;

/**
 * The key derivations of Caliptra's DPE crypto (caliptra-sw runtime dpe_crypto.rs): every DPE
 * CDI is the HMAC-384 KDF of the runtime's CDI with label "derive_cdi" over SHA-384(measurement ‖
 * info), and every DPE key pair is generated from the KDF of such a CDI with the caller's label
 * over the profile's key context ("ECC", "MLDSA", "Exported ECC"). A 2.x runtime CDI is 64 bytes;
 * HMAC-384 mode keys with its first 48, as the engine does.
 *
 * <p>CDIs stay inside the emulator: they leave this class only as opaque {@link Cdi} values.
 */
public final class DpeKeys {
    private static final int CDI_KEY = 48;

    /** A DPE CDI, as the DPE_CDI key-vault slot holds it. */
    public static final class Cdi {
        private final byte[] value;

        private Cdi(byte[] value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return "DpeKeys.Cdi[48 bytes]";
        }
    }

    private final DiceLayer runtime;

    private DpeKeys(DiceLayer runtime) {
        this.runtime = runtime;
    }

    /** The DPE keys rooted in the runtime layer in force (the RT alias, or its replacement after DISABLE_ATTESTATION). */
    public static DpeKeys of(AliasIdentity alias) {
        return new DpeKeys(alias.runtimeLayer());
    }

    /** CDI = KDF384(runtime CDI, "derive_cdi", SHA-384(measurement ‖ info)). */
    public Cdi deriveCdi(byte[] measurement, byte[] info) {
        byte[] key = Arrays.copyOf(runtime.cdi(), CDI_KEY);
        try {
            return new Cdi(DiceCrypto.kdf384(key, DiceCrypto.ascii("derive_cdi"), Digests.sha384(measurement, info)));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The P-384 key pair the ECC engine generates from KDF384(CDI, label, info), zero nonce. */
    public EccPrivateKey eccKey(Cdi cdi, byte[] label, byte[] info) {
        byte[] seed = DiceCrypto.kdf384(cdi.value, label, info);
        try {
            return DiceCrypto.eccKeyFromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * The ML-DSA-87 key pair the engine generates from KDF384(CDI, label, info): its 32-byte seed
     * read from the key vault in the engine's word order, as for the DICE layers.
     */
    public MldsaPrivateKey mldsaKey(Cdi cdi, byte[] label, byte[] info) {
        return MldsaPrivateKey.fromBytes(DiceDerivation.reversed32(DiceCrypto.kdf384(cdi.value, label, info)));
    }
}
