package org.caliptra.util.emulator.runtime.cm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables4kGCMMultiplier;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesGcmContext;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmSpdmInitRequest;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CMB_INVALID_KEY_USAGE_AND_SIZE;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * CM_AES_GCM_*: AES-256-GCM with a 12-byte IV, all AAD at INIT, text in any number of UPDATEs,
 * the tag at FINAL. The engine's state is carried in a sealed context (plain, 100 bytes: key[32],
 * iv[12], aad_len u32, ghash_state[16], text_len u32 — bytes seen, of which text_len % 16 are
 * buffered —, buffer[16], reserved[16]); an UPDATE outputs only whole blocks. Only ENCRYPT_INIT
 * counts against the key's usage entry (2^32−1 encryptions). The SPDM INITs derive key and IV
 * from an SPDM major secret (SPDM 1.4 §12.7) and XOR in the sequence number; they count nothing.
 * CM_AES_GCM_DECRYPT_DMA is not modelled: it reads and writes SoC memory over AXI DMA, which this
 * emulator has no model of.
 */
final class CmGcmHandlers implements CommandTable.CommandFamily {
    private static final int CONTEXT_SIZE = 100;
    private static final int KEY = 0;
    private static final int IV = 32;
    private static final int AAD_LEN = 44;
    private static final int GHASH = 48;
    private static final int TEXT_LEN = 64;
    private static final int BUFFER = 68;
    private static final int BLOCK = CmCrypto.AES_BLOCK;
    private static final int MIN_TAG_LEN = 8;
    private static final int MIN_SPDM_VERSION = 0x10;
    private static final int MAX_SPDM_VERSION = 0x14;

    private final CmVault vault;

    CmGcmHandlers(CmVault vault) {
        this.vault = vault;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmAesCommands.CM_AES_GCM_ENCRYPT_INIT, (request, requester) -> {
            CmKey key = aesKey(request.cmk());
            vault.storage().countGcmUse(key.id());
            byte[] iv = Arrays.copyOf(vault.firmware().trng().draw(), CmCrypto.GCM_IV_SIZE);
            byte[] context = start(key.material(CmCrypto.AES_KEY_SIZE), iv, request.aad().toByteArray());
            return new CmAesCommands.GcmInitResponse(new AesGcmContext(vault.sealContext(context)), Octets.of(iv));
        });
        table.add(CmAesCommands.CM_AES_GCM_DECRYPT_INIT, (request, requester) -> {
            CmKey key = aesKey(request.cmk());
            byte[] context = start(key.material(CmCrypto.AES_KEY_SIZE), request.iv().toByteArray(), request.aad().toByteArray());
            return new CmAesCommands.GcmInitResponse(new AesGcmContext(vault.sealContext(context)), request.iv());
        });
        table.add(CmAesCommands.CM_AES_GCM_SPDM_ENCRYPT_INIT, (request, requester) -> spdmInit(request));
        table.add(CmAesCommands.CM_AES_GCM_SPDM_DECRYPT_INIT, (request, requester) -> spdmInit(request));
        table.add(CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE, (request, requester) -> {
            byte[] context = vault.openContext(request.context().bytes());
            byte[] out = run(context, request.data().toByteArray(), true, false);
            return new CmAesCommands.GcmUpdateResponse(new AesGcmContext(vault.sealContext(context)), Octets.of(out));
        });
        table.add(CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE, (request, requester) -> {
            byte[] context = vault.openContext(request.context().bytes());
            byte[] out = run(context, request.data().toByteArray(), false, false);
            return new CmAesCommands.GcmUpdateResponse(new AesGcmContext(vault.sealContext(context)), Octets.of(out));
        });
        table.add(CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL, (request, requester) -> {
            byte[] context = vault.openContext(request.context().bytes());
            byte[] out = run(context, request.data().toByteArray(), true, true);
            return new CmAesCommands.GcmEncryptFinalResponse(Octets.of(tag(context)), Octets.of(out));
        });
        table.add(CmAesCommands.CM_AES_GCM_DECRYPT_FINAL, (request, requester) -> {
            if (Integer.compareUnsigned(request.tagLen(), MIN_TAG_LEN) < 0
                    || Integer.compareUnsigned(request.tagLen(), CmCrypto.GCM_TAG_SIZE) > 0) {
                throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "tag_len " + Integer.toUnsignedString(request.tagLen())
                        + " is not 8 to 16");
            }
            byte[] context = vault.openContext(request.context().bytes());
            byte[] out = run(context, request.ciphertext().toByteArray(), false, true);
            // The reference compares tag[..tag_len] with all 16 computed bytes, so a short tag never verifies.
            byte[] given = request.tag().slice(0, request.tagLen()).toByteArray();
            boolean verified = CmCrypto.same(given, tag(context));
            return new CmAesCommands.GcmDecryptFinalResponse(verified ? 1 : 0, Octets.of(out));
        });
    }

    private CmKey aesKey(Cmk cmk) {
        return vault.openFor(cmk, KeyUsage.AES, RUNTIME_CMB_INVALID_KEY_USAGE_AND_SIZE);
    }

    /** SPDM 1.4 §12.7: key and IV from the major secret by HKDF-Expand, the sequence number XORed into the IV. */
    private AesGcmContext spdmInit(GcmSpdmInitRequest request) {
        int version = request.spdmVersion();
        if (version < MIN_SPDM_VERSION || version > MAX_SPDM_VERSION) {
            throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, String.format("SPDM version 0x%02X is not 1.0 to 1.4", version));
        }
        CmKey secret = vault.openFor(request.cmk(), KeyUsage.HMAC, RUNTIME_CMB_INVALID_KEY_USAGE_AND_SIZE);
        if (secret.length() != 48 && secret.length() != 64) {
            throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "an SPDM major secret of " + secret.length() + " bytes");
        }
        HashAlgorithm a = secret.length() == 48 ? HashAlgorithm.SHA384 : HashAlgorithm.SHA512;
        byte[] key = spdmExpand(a, secret.material(a.digestSize()), version, "key", CmCrypto.AES_KEY_SIZE);
        byte[] iv = spdmExpand(a, secret.material(a.digestSize()), version, "iv", CmCrypto.GCM_IV_SIZE);
        byte[] counter = request.spdmCounter().toByteArray();
        for (int i = 0; i < counter.length; i++) {
            if (request.counterBigEndian()) {
                iv[4 + i] ^= counter[counter.length - 1 - i];
            } else {
                iv[i] ^= counter[i];
            }
        }
        return new AesGcmContext(vault.sealContext(start(key, iv, request.aad().toByteArray())));
    }

    /** HKDF-Expand (one block) with the SPDM bin_str: length u16 LE ‖ "spdmM.m " ‖ label. */
    static byte[] spdmExpand(HashAlgorithm a, byte[] secret, int version, String label, int length) {
        byte[] text = String.format("spdm%d.%d %s", version >> 4, version & 0xF, label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + text.length];
        info[0] = (byte) length;
        info[1] = (byte) (length >>> 8);
        System.arraycopy(text, 0, info, 2, text.length);
        return Arrays.copyOf(CmCrypto.hmac(a, secret, info, new byte[] {1}), length);
    }

    /** A fresh context: the AAD already through GHASH. */
    private static byte[] start(byte[] key, byte[] iv, byte[] aad) {
        byte[] c = new byte[CONTEXT_SIZE];
        System.arraycopy(key, 0, c, KEY, CmCrypto.AES_KEY_SIZE);
        System.arraycopy(iv, 0, c, IV, CmCrypto.GCM_IV_SIZE);
        CmCrypto.putLe32(c, AAD_LEN, aad.length);
        Engine e = new Engine(c);
        for (int off = 0; off < aad.length; off += BLOCK) {
            e.ghash(aad, off, Math.min(BLOCK, aad.length - off));
        }
        e.save(c);
        return c;
    }

    /**
     * Runs the buffered bytes and {@code input} through CTR and GHASH: whole blocks only, unless
     * {@code last}, when the final partial block goes too. Advances {@code context} in place.
     */
    private static byte[] run(byte[] context, byte[] input, boolean encrypt, boolean last) {
        long textLen = Integer.toUnsignedLong(CmCrypto.le32(context, TEXT_LEN));
        int buffered = (int) (textLen % BLOCK);
        long firstBlock = textLen / BLOCK;
        byte[] data = new byte[buffered + input.length];
        System.arraycopy(context, BUFFER, data, 0, buffered);
        System.arraycopy(input, 0, data, buffered, input.length);
        int done = last ? data.length : data.length / BLOCK * BLOCK;
        Engine e = new Engine(context);
        byte[] out = new byte[done];
        int blocks = (done + BLOCK - 1) / BLOCK;
        if (blocks > 0) {
            byte[] counters = new byte[blocks * BLOCK];
            for (int b = 0; b < blocks; b++) {
                e.counterBlock(firstBlock + b + 1, counters, b * BLOCK);
            }
            byte[] stream = CmCrypto.encryptBlocks(e.aes, counters);
            for (int i = 0; i < done; i++) {
                out[i] = (byte) (data[i] ^ stream[i]);
            }
            byte[] ciphertext = encrypt ? out : data;
            for (int off = 0; off < done; off += BLOCK) {
                e.ghash(ciphertext, off, Math.min(BLOCK, done - off));
            }
        }
        Arrays.fill(context, BUFFER, BUFFER + BLOCK, (byte) 0);
        System.arraycopy(data, done, context, BUFFER, data.length - done);
        CmCrypto.putLe32(context, TEXT_LEN, (int) (textLen + input.length));
        e.save(context);
        return out;
    }

    /** The tag once all text went through: GHASH of the lengths block, masked by E(J0). */
    private static byte[] tag(byte[] context) {
        Engine e = new Engine(context);
        byte[] lengths = new byte[BLOCK];
        long aadBits = Integer.toUnsignedLong(CmCrypto.le32(context, AAD_LEN)) * 8;
        long textBits = Integer.toUnsignedLong(CmCrypto.le32(context, TEXT_LEN)) * 8;
        for (int i = 0; i < 8; i++) {
            lengths[i] = (byte) (aadBits >>> (56 - 8 * i));
            lengths[8 + i] = (byte) (textBits >>> (56 - 8 * i));
        }
        e.ghash(lengths, 0, BLOCK);
        byte[] j0 = new byte[BLOCK];
        e.counterBlock(0, j0, 0);
        byte[] mask = CmCrypto.encryptBlocks(e.aes, j0);
        for (int i = 0; i < BLOCK; i++) {
            mask[i] ^= e.state[i];
        }
        return mask;
    }

    /** The AES and GHASH engines loaded from a context. */
    private static final class Engine {
        final Cipher aes;
        final byte[] iv;
        final byte[] state;
        private final GCMMultiplier multiplier = new Tables4kGCMMultiplier();

        Engine(byte[] context) {
            aes = CmCrypto.aesBlocks(Arrays.copyOfRange(context, KEY, KEY + CmCrypto.AES_KEY_SIZE));
            iv = Arrays.copyOfRange(context, IV, IV + CmCrypto.GCM_IV_SIZE);
            state = Arrays.copyOfRange(context, GHASH, GHASH + BLOCK);
            multiplier.init(CmCrypto.encryptBlocks(aes, new byte[BLOCK]));
        }

        /** Counter block {@code n}: IV ‖ (n + 1) as a 32-bit big-endian counter (n = 0 is J0). */
        void counterBlock(long n, byte[] out, int off) {
            System.arraycopy(iv, 0, out, off, CmCrypto.GCM_IV_SIZE);
            int c = (int) (n + 1);
            out[off + 12] = (byte) (c >>> 24);
            out[off + 13] = (byte) (c >>> 16);
            out[off + 14] = (byte) (c >>> 8);
            out[off + 15] = (byte) c;
        }

        /** One GHASH step over up to 16 bytes, zero-padded. */
        void ghash(byte[] data, int off, int len) {
            for (int i = 0; i < len; i++) {
                state[i] ^= data[off + i];
            }
            multiplier.multiplyH(state);
        }

        void save(byte[] context) {
            System.arraycopy(state, 0, context, GHASH, BLOCK);
        }
    }
}
