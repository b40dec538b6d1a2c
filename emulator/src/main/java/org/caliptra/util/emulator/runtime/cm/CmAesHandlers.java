package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import javax.crypto.Cipher;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesOutput;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * CM_AES_ENCRYPT/DECRYPT_INIT/UPDATE: AES-256-CBC (no padding, whole blocks) and AES-256-CTR
 * (128-bit big-endian counter, any number of bytes), continued across commands in a sealed
 * context (plain, 128 bytes: mode u32, key[32], chain[16] — CBC's next IV or CTR's current
 * counter block —, offset u8 into CTR's current block, padding). As in the reference the CMK's
 * usage is not checked: its first 32 bytes are the key. The context is stateless, so replays
 * decrypt the same way, which is what the reference does too.
 */
final class CmAesHandlers implements CommandTable.CommandFamily {
    private static final int CONTEXT_SIZE = 128;
    private static final int MODE = 0;
    private static final int KEY = 4;
    private static final int CHAIN = KEY + CmCrypto.AES_KEY_SIZE;
    private static final int OFFSET = CHAIN + CmCrypto.AES_BLOCK;

    private final CmVault vault;

    CmAesHandlers(CmVault vault) {
        this.vault = vault;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmAesCommands.CM_AES_ENCRYPT_INIT, (request, requester) -> {
            CmKey key = vault.open(request.cmk(), "cmk");
            AesMode mode = mode(request.mode());
            byte[] plaintext = request.plaintext().toByteArray();
            checkLength(mode, plaintext.length);
            byte[] iv = Arrays.copyOf(vault.firmware().trng().draw(), CmCrypto.AES_BLOCK);
            byte[] context = context(mode, key.material(CmCrypto.AES_KEY_SIZE), iv);
            byte[] ciphertext = run(context, plaintext, true);
            return new CmAesCommands.AesEncryptInitResponse(new AesContext(vault.sealContext(context)), Octets.of(iv),
                    Octets.of(ciphertext));
        });
        table.add(CmAesCommands.CM_AES_DECRYPT_INIT, (request, requester) -> {
            CmKey key = vault.open(request.cmk(), "cmk");
            AesMode mode = mode(request.mode());
            byte[] ciphertext = request.ciphertext().toByteArray();
            checkLength(mode, ciphertext.length);
            byte[] context = context(mode, key.material(CmCrypto.AES_KEY_SIZE), request.iv().toByteArray());
            byte[] plaintext = run(context, ciphertext, false);
            return new AesOutput(new AesContext(vault.sealContext(context)), Octets.of(plaintext));
        });
        table.add(CmAesCommands.CM_AES_ENCRYPT_UPDATE, (request, requester) -> update(request, true));
        table.add(CmAesCommands.CM_AES_DECRYPT_UPDATE, (request, requester) -> update(request, false));
    }

    private AesOutput update(CmAesCommands.AesUpdateRequest request, boolean encrypt) {
        byte[] context = vault.openContext(request.context().bytes());
        byte[] input = request.data().toByteArray();
        checkLength(mode(CmCrypto.le32(context, MODE)), input.length);
        byte[] output = run(context, input, encrypt);
        return new AesOutput(new AesContext(vault.sealContext(context)), Octets.of(output));
    }

    private static AesMode mode(int value) {
        return AesMode.fromValue(value).orElseThrow(() -> CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS,
                "mode " + Integer.toUnsignedString(value)));
    }

    private static void checkLength(AesMode mode, int length) {
        if (mode == AesMode.CBC && length % CmCrypto.AES_BLOCK != 0) {
            throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "CBC data of " + length + " bytes is not whole blocks");
        }
    }

    private static byte[] context(AesMode mode, byte[] key, byte[] iv) {
        byte[] c = new byte[CONTEXT_SIZE];
        CmCrypto.putLe32(c, MODE, mode.value());
        System.arraycopy(key, 0, c, KEY, CmCrypto.AES_KEY_SIZE);
        System.arraycopy(iv, 0, c, CHAIN, CmCrypto.AES_BLOCK);
        return c;
    }

    /** Runs the context's mode over {@code input} and advances the context in place. */
    private static byte[] run(byte[] context, byte[] input, boolean encrypt) {
        byte[] key = Arrays.copyOfRange(context, KEY, KEY + CmCrypto.AES_KEY_SIZE);
        byte[] chain = Arrays.copyOfRange(context, CHAIN, CHAIN + CmCrypto.AES_BLOCK);
        if (CmCrypto.le32(context, MODE) == AesMode.CBC.value()) {
            byte[] out = cbc(key, chain, input, encrypt);
            if (input.length > 0) {
                byte[] lastCiphertext = encrypt ? out : input;
                System.arraycopy(lastCiphertext, lastCiphertext.length - CmCrypto.AES_BLOCK, context, CHAIN, CmCrypto.AES_BLOCK);
            }
            return out;
        }
        int offset = context[OFFSET] & 0xFF;
        int blocks = (offset + input.length + CmCrypto.AES_BLOCK - 1) / CmCrypto.AES_BLOCK;
        byte[] counters = new byte[blocks * CmCrypto.AES_BLOCK];
        byte[] counter = chain.clone();
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(counter, 0, counters, b * CmCrypto.AES_BLOCK, CmCrypto.AES_BLOCK);
            increment(counter);
        }
        byte[] stream = CmCrypto.encryptBlocks(CmCrypto.aesBlocks(key), counters);
        byte[] out = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = (byte) (input[i] ^ stream[offset + i]);
        }
        int end = offset + input.length;
        // The block in use after the last byte: each finished block moves the counter on.
        for (int b = 0; b < end / CmCrypto.AES_BLOCK; b++) {
            increment(chain);
        }
        System.arraycopy(chain, 0, context, CHAIN, CmCrypto.AES_BLOCK);
        context[OFFSET] = (byte) (end % CmCrypto.AES_BLOCK);
        return out;
    }

    private static byte[] cbc(byte[] key, byte[] iv, byte[] input, boolean encrypt) {
        try {
            var aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.IvParameterSpec(iv));
            return aes.doFinal(input);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC of whole blocks cannot fail", e);
        }
    }

    /** CTR's counter block: a 128-bit big-endian integer. */
    static void increment(byte[] block) {
        for (int i = block.length - 1; i >= 0 && ++block[i] == 0; i--) {
            // carry
        }
    }
}
