package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import java.util.TreeMap;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.Trng;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CMB_KEY_USAGE_STORAGE_FULL;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_GCM_KEY_USAGE_LIMIT_REACHED;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * What the runtime's CmStorage::init sets up at every runtime start (cold boot, update reset): the
 * usage table (one entry per live AES key, at most {@value #KEY_USAGE_MAX}), the KEK IV counter,
 * the context key and its IV counter, and the one live SHAKE256 session. None of it survives a
 * reset, so contexts from before one fail their tag check; the KEK (in {@link CmKek}) does survive.
 */
final class CmStorage {
    static final int KEY_USAGE_MAX = 256;
    /** Ids are 24-bit and wrap modulo 0xFFFFFF (so 0xFFFFFF itself is never issued). */
    private static final int KEY_ID_MODULUS = 0xFF_FFFF;
    /** GCM_MAX_KEY_USES: encryptions one AES key may start. */
    static final long GCM_MAX_KEY_USES = 0xFFFF_FFFFL;

    private final TreeMap<Integer, Long> usage = new TreeMap<>();
    private int lastId;
    private final byte[] kekIv;
    private final byte[] contextKey;
    private final byte[] contextIv;
    private byte[] shakeToken;
    private SHAKEDigest shake;

    CmStorage(Trng trng) {
        kekIv = ivCounter(trng);
        byte[] share0 = trng.draw();
        byte[] share1 = trng.draw();
        contextKey = new byte[CmCrypto.AES_KEY_SIZE];
        for (int i = 0; i < contextKey.length; i++) {
            contextKey[i] = (byte) (share0[i] ^ share1[i]);
        }
        contextIv = ivCounter(trng);
    }

    /** A random 96-bit little-endian counter with its top bit clear, so that it never wraps in practice. */
    private static byte[] ivCounter(Trng trng) {
        byte[] iv = Arrays.copyOf(trng.draw(), CmCrypto.GCM_IV_SIZE);
        iv[CmCrypto.GCM_IV_SIZE - 1] &= 0x7F;
        return iv;
    }

    /** The counter's value, then +1: no two encryptions under one key share an IV. */
    private static byte[] next(byte[] counter) {
        byte[] now = counter.clone();
        for (int i = 0; i < counter.length && ++counter[i] == 0; i++) {
            // carry
        }
        return now;
    }

    byte[] nextKekIv() {
        return next(kekIv);
    }

    byte[] nextContextIv() {
        return next(contextIv);
    }

    byte[] contextKey() {
        return contextKey;
    }

    /** A table entry for a new AES key: the next free id after the last one issued. */
    int addKey() {
        if (usage.size() >= KEY_USAGE_MAX) {
            throw CommandFailure.of(RUNTIME_CMB_KEY_USAGE_STORAGE_FULL, "all " + KEY_USAGE_MAX + " AES key usage entries are taken");
        }
        int id = lastId;
        do {
            id = (id + 1) % KEY_ID_MODULUS;
        } while (usage.containsKey(id));
        lastId = id;
        usage.put(id, 0L);
        return id;
    }

    /** CM_DELETE of an AES key. */
    void removeKey(int id) {
        if (usage.remove(id) == null) {
            throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "AES key id " + id + " has no usage entry (deleted, cleared or from before a reset)");
        }
    }

    /** One more GCM encryption with key {@code id}; the count stays raised even when it is one too many. */
    void countGcmUse(int id) {
        Long count = usage.get(id);
        if (count == null) {
            throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "AES key id " + id + " has no usage entry");
        }
        usage.put(id, count + 1);
        if (count + 1 > GCM_MAX_KEY_USES) {
            throw CommandFailure.of(RUNTIME_GCM_KEY_USAGE_LIMIT_REACHED, "AES key id " + id + " has started 2^32-1 GCM encryptions");
        }
    }

    /** For tests of the limit: sets a key's count as if that many encryptions had run. */
    void setGcmUses(int id, long count) {
        usage.replace(id, count);
    }

    void clear() {
        usage.clear();
    }

    int used() {
        return usage.size();
    }

    /** CM_SHAKE256_INIT: a new session replaces any live one. */
    SHAKEDigest startShake(byte[] token) {
        shakeToken = token;
        shake = new SHAKEDigest(256);
        return shake;
    }

    /** The live session's token, or null. */
    byte[] shakeToken() {
        return shakeToken;
    }

    SHAKEDigest shake() {
        return shake;
    }

    void endShake() {
        shakeToken = null;
        shake = null;
    }
}
