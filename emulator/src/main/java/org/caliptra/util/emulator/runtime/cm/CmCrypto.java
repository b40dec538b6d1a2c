package org.caliptra.util.emulator.runtime.cm;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.caliptra.util.emulator.dice.DiceCrypto;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.protocol.cm.HashAlgorithm;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_DRIVER_AES_INVALID_TAG;

/**
 * The engines the cryptographic mailbox drives, as the firmware's drivers present them: AES-256
 * (GCM with a 12-byte IV and 16-byte tag; single blocks), HMAC-SHA384/512 (shared with DICE) and
 * SHA-384/512.
 */
final class CmCrypto {
    static final int AES_KEY_SIZE = 32;
    static final int AES_BLOCK = 16;
    static final int GCM_IV_SIZE = 12;
    static final int GCM_TAG_SIZE = 16;

    private CmCrypto() {}

    /** AES-256-GCM with no AAD: ciphertext then tag. */
    static byte[] gcmSeal(byte[] key, byte[] iv, byte[] plaintext) {
        try {
            var gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_SIZE * 8, iv));
            return gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
        }
    }

    /**
     * Opens what {@link #gcmSeal} made; a wrong tag (a changed byte, another boot's key) is the AES
     * driver's RUNTIME_DRIVER_AES_INVALID_TAG, as every command that opens a CMK or context answers.
     */
    static byte[] gcmOpen(byte[] key, byte[] iv, byte[] ciphertextAndTag, String what) {
        try {
            var gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_SIZE * 8, iv));
            return gcm.doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw CommandFailure.of(RUNTIME_DRIVER_AES_INVALID_TAG, what + ": GCM tag mismatch (altered, or from before a reset)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
        }
    }

    /** An AES-256 encryptor of whole blocks (ECB), for the counter modes the engine runs. */
    static Cipher aesBlocks(byte[] key) {
        try {
            var ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, AES_KEY_SIZE, "AES"));
            return ecb;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is part of every JDK", e);
        }
    }

    static byte[] encryptBlocks(Cipher ecb, byte[] blocks) {
        try {
            return ecb.doFinal(blocks);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-ECB of whole blocks cannot fail", e);
        }
    }

    /** HMAC with the hash's full-size key: the engine's HMAC-384 takes 48 key bytes, HMAC-512 64. */
    static byte[] hmac(HashAlgorithm algorithm, byte[] key, byte[]... data) {
        byte[] k = Arrays.copyOf(key, algorithm.digestSize());
        return algorithm == HashAlgorithm.SHA384 ? DiceCrypto.hmac384(k, data) : DiceCrypto.hmac512(k, data);
    }

    static MessageDigest sha(HashAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm == HashAlgorithm.SHA384 ? "SHA-384" : "SHA-512");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-2 is part of every JDK", e);
        }
    }

    /** Constant-time equality of tags, tokens and digests. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    static void putLe32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
