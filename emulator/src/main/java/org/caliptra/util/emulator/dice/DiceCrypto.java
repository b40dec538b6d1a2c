package org.caliptra.util.emulator.dice;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;
import org.caliptra.util.image.keys.EccPrivateKey;

/**
 * The primitives of Caliptra's DICE derivation as its ROM and FMC drive the crypto engines
 * (spec/device.md §5.1): the DOE's AES-256-CBC deobfuscation, HMAC and the NIST SP 800-108
 * counter-mode KDF with a single block (counter 1, label, and a 0x00-separated context when there
 * is one), and ECC P-384 key generation from a seed by HMAC-DRBG (SHA-384, zero nonce), which is
 * how the ECC engine turns a key-vault seed into a private key. The cryptographic mailbox drives
 * the same engines (HMAC, ECC keygen from a CMK seed), so it shares these.
 */
public final class DiceCrypto {
    /** The IV the ROM gives the DOE when it deobfuscates the UDS and field entropy (four words, big-endian). */
    static final byte[] DOE_IV = words(0xfb10365b, 0xa1179741, 0xfba193a1, 0x0f406d7e);
    static final byte[] ECC_KEYGEN_NONCE = new byte[48];
    private static final int ECC_SEED_SIZE = 48;

    private DiceCrypto() {}

    /** The DOE: AES-256-CBC decryption, no padding, of whole blocks. */
    static byte[] deobfuscate(byte[] key, byte[] obfuscated) {
        return deobfuscate(key, DOE_IV, obfuscated);
    }

    static byte[] deobfuscate(byte[] key, byte[] iv, byte[] obfuscated) {
        try {
            var aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return aes.doFinal(obfuscated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every JDK", e);
        }
    }

    public static byte[] hmac384(byte[] key, byte[]... data) {
        return hmac(new SHA384Digest(), key, data);
    }

    public static byte[] hmac512(byte[] key, byte[]... data) {
        return hmac(new SHA512Digest(), key, data);
    }

    /** HMAC-SHA384 KDF: {@code HMAC(key, 1 ‖ label [‖ 0x00 ‖ context])}. */
    static byte[] kdf384(byte[] key, String label, byte[] context) {
        return hmac384(key, kdfInput(ascii(label), context));
    }

    /** The KDF with a label of arbitrary bytes (DPE's callers pass 48-byte labels). */
    static byte[] kdf384(byte[] key, byte[] label, byte[] context) {
        return hmac384(key, kdfInput(label, context));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** HMAC-SHA512 KDF, as {@link #kdf384}. */
    static byte[] kdf512(byte[] key, String label, byte[] context) {
        return hmac512(key, kdfInput(ascii(label), context));
    }

    private static byte[] kdfInput(byte[] l, byte[] context) {
        var b = ByteBuffer.allocate(4 + l.length + (context == null ? 0 : 1 + context.length)).putInt(1).put(l);
        if (context != null) {
            b.put((byte) 0).put(context);
        }
        return b.array();
    }

    /**
     * The ECC engine's key generation: HMAC-DRBG over SHA-384 instantiated with the first 48 bytes
     * of {@code seed} and a zero nonce, drawing 48 bytes until they are a valid scalar.
     */
    public static EccPrivateKey eccKeyFromSeed(byte[] seed) {
        return eccKeyFromSeed(seed, ECC_KEYGEN_NONCE);
    }

    static EccPrivateKey eccKeyFromSeed(byte[] seed, byte[] nonce) {
        return EccPrivateKey.fromScalar(eccScalar(seed, nonce));
    }

    /** The private scalar {@link #eccKeyFromSeed} makes (48 bytes, big-endian), for ECDH. */
    public static byte[] eccScalarFromSeed(byte[] seed) {
        return eccScalar(seed, ECC_KEYGEN_NONCE);
    }

    private static byte[] eccScalar(byte[] seed, byte[] nonce) {
        byte[] entropy = java.util.Arrays.copyOf(seed, ECC_SEED_SIZE);
        var drbg = new HMacSP800DRBG(new HMac(new SHA384Digest()), 256, new FixedEntropy(entropy), null, nonce);
        byte[] scalar = new byte[ECC_SEED_SIZE];
        do {
            drbg.generate(scalar, null, false);
        } while (!EccPrivateKey.isValidScalar(scalar));
        return scalar;
    }

    private static byte[] hmac(Digest digest, byte[] key, byte[]... data) {
        var mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        for (byte[] d : data) {
            mac.update(d, 0, d.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] words(int... words) {
        var b = ByteBuffer.allocate(words.length * 4);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    /** The DRBG's entropy input is the key-vault seed, handed over once at instantiation. */
    private record FixedEntropy(byte[] bytes) implements EntropySource {
        @Override
        public boolean isPredictionResistant() {
            return false;
        }

        @Override
        public byte[] getEntropy() {
            return bytes.clone();
        }

        @Override
        public int entropySize() {
            return bytes.length * 8;
        }
    }
}
