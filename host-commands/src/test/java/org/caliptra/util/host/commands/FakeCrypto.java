package org.caliptra.util.host.commands;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesGcmContext;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mailbox.FourCc;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McCryptoCommands;

/**
 * An MCU mailbox that does its hashing and AES with the JDK's providers, through the MC_* codecs,
 * and records each command's mnemonic and input size ("MCSU 4096"). Contexts and keys carry a
 * handle in their first four bytes. GCM decryption releases plaintext as it goes (CTR from
 * inc32(J0)) and checks the tag at the final step, as the device does.
 */
final class FakeCrypto implements MailboxPort {
    private final List<String> log = new ArrayList<>();
    private final Map<Integer, Object> states = new HashMap<>();
    private final Map<Integer, byte[]> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private int next = 1;

    private record Gcm(Cipher cipher, byte[] key, byte[] iv, byte[] aad, java.io.ByteArrayOutputStream plaintext) {}

    List<String> log() {
        return log;
    }

    /** A CMK for {@code key} as the device would hand one out. */
    Cmk key(byte[] key) {
        int handle = next++;
        keys.put(handle, key.clone());
        return new Cmk(handleBytes(handle, Cmk.SIZE));
    }

    private static Octets handleBytes(int handle, int size) {
        return Octets.of(ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN).putInt(handle).array());
    }

    private static int handle(Octets bytes) {
        return (bytes.get(0) & 0xFF) | (bytes.get(1) & 0xFF) << 8 | (bytes.get(2) & 0xFF) << 16 | (bytes.get(3) & 0xFF) << 24;
    }

    private int store(Object state) {
        states.put(next, state);
        return next++;
    }

    private <Q, R> MailboxReply answer(CommandCodec<Q, R> codec, byte[] request, java.util.function.Function<Q, R> handler) {
        Q q = codec.decodeRequest(MailboxFrame.openRequest(codec.code(), request, codec.name()));
        return new MailboxReply.Data(MailboxFrame.sealResponse(0, codec.encodeResponse(handler.apply(q))));
    }

    private void note(int command, Octets input) {
        log.add(FourCc.toAscii(command) + " " + input.length());
    }

    @Override
    public MailboxReply execute(int command, byte[] request) {
        try {
            return handle(command, request);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private MailboxReply handle(int command, byte[] request) throws GeneralSecurityException {
        if (command == McCryptoCommands.MC_SHA_INIT.code()) {
            return answer(McCryptoCommands.MC_SHA_INIT, request, q -> {
                note(command, q.input());
                var md = sha(q.hashAlgorithm());
                md.update(q.input().toByteArray());
                return new ShaContext(handleBytes(store(md), CmHashCommands.SHA_CONTEXT_SIZE));
            });
        }
        if (command == McCryptoCommands.MC_SHA_UPDATE.code()) {
            return answer(McCryptoCommands.MC_SHA_UPDATE, request, q -> {
                note(command, q.input());
                var md = (MessageDigest) states.remove(handle(q.context().bytes()));
                md.update(q.input().toByteArray());
                return new ShaContext(handleBytes(store(md), CmHashCommands.SHA_CONTEXT_SIZE));
            });
        }
        if (command == McCryptoCommands.MC_SHA_FINAL.code()) {
            return answer(McCryptoCommands.MC_SHA_FINAL, request, q -> {
                note(command, q.input());
                var md = (MessageDigest) states.remove(handle(q.context().bytes()));
                md.update(q.input().toByteArray());
                return new CmHashCommands.Digest(Octets.of(md.digest()));
            });
        }
        if (command == McCryptoCommands.MC_AES_ENCRYPT_INIT.code()) {
            return answer(McCryptoCommands.MC_AES_ENCRYPT_INIT, request, q -> {
                note(command, q.plaintext());
                byte[] iv = new byte[16];
                random.nextBytes(iv);
                Cipher c = cipher(q.mode(), Cipher.ENCRYPT_MODE, keys.get(handle(q.cmk().bytes())), iv);
                byte[] out = update(c, q.plaintext());
                return new CmAesCommands.AesEncryptInitResponse(context(c), Octets.of(iv), Octets.of(out));
            });
        }
        if (command == McCryptoCommands.MC_AES_DECRYPT_INIT.code()) {
            return answer(McCryptoCommands.MC_AES_DECRYPT_INIT, request, q -> {
                note(command, q.ciphertext());
                Cipher c = cipher(q.mode(), Cipher.DECRYPT_MODE, keys.get(handle(q.cmk().bytes())), q.iv().toByteArray());
                byte[] out = update(c, q.ciphertext());
                return new CmAesCommands.AesOutput(context(c), Octets.of(out));
            });
        }
        if (command == McCryptoCommands.MC_AES_ENCRYPT_UPDATE.code() || command == McCryptoCommands.MC_AES_DECRYPT_UPDATE.code()) {
            var codec = command == McCryptoCommands.MC_AES_ENCRYPT_UPDATE.code() ? McCryptoCommands.MC_AES_ENCRYPT_UPDATE
                    : McCryptoCommands.MC_AES_DECRYPT_UPDATE;
            return answer(codec, request, q -> {
                note(command, q.data());
                Cipher c = (Cipher) states.remove(handle(q.context().bytes()));
                byte[] out = update(c, q.data());
                return new CmAesCommands.AesOutput(context(c), Octets.of(out));
            });
        }
        if (command == McCryptoCommands.MC_AES_GCM_ENCRYPT_INIT.code()) {
            return answer(McCryptoCommands.MC_AES_GCM_ENCRYPT_INIT, request, q -> {
                note(command, q.aad());
                byte[] iv = new byte[12];
                random.nextBytes(iv);
                try {
                    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.get(handle(q.cmk().bytes())), "AES"), new GCMParameterSpec(128, iv));
                    c.updateAAD(q.aad().toByteArray());
                    return new CmAesCommands.GcmInitResponse(gcmContext(c), Octets.of(iv));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        if (command == McCryptoCommands.MC_AES_GCM_ENCRYPT_UPDATE.code()) {
            return answer(McCryptoCommands.MC_AES_GCM_ENCRYPT_UPDATE, request, q -> {
                note(command, q.data());
                Cipher c = (Cipher) states.remove(handle(q.context().bytes()));
                return new CmAesCommands.GcmUpdateResponse(gcmContext(c), Octets.of(update(c, q.data())));
            });
        }
        if (command == McCryptoCommands.MC_AES_GCM_ENCRYPT_FINAL.code()) {
            return answer(McCryptoCommands.MC_AES_GCM_ENCRYPT_FINAL, request, q -> {
                note(command, q.data());
                Cipher c = (Cipher) states.remove(handle(q.context().bytes()));
                try {
                    byte[] all = c.doFinal(q.data().toByteArray());
                    return new CmAesCommands.GcmEncryptFinalResponse(Octets.of(all, all.length - 16, 16),
                            Octets.of(all, 0, all.length - 16));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        if (command == McCryptoCommands.MC_AES_GCM_DECRYPT_INIT.code()) {
            return answer(McCryptoCommands.MC_AES_GCM_DECRYPT_INIT, request, q -> {
                note(command, q.aad());
                byte[] key = keys.get(handle(q.cmk().bytes()));
                byte[] counter = Arrays.copyOf(q.iv().toByteArray(), 16);
                counter[15] = 2;
                Cipher ctr = cipher(2, Cipher.DECRYPT_MODE, key, counter);
                var gcm = new Gcm(ctr, key, q.iv().toByteArray(), q.aad().toByteArray(), new java.io.ByteArrayOutputStream());
                return new CmAesCommands.GcmInitResponse(new AesGcmContext(handleBytes(store(gcm), 128)), q.iv());
            });
        }
        if (command == McCryptoCommands.MC_AES_GCM_DECRYPT_UPDATE.code()) {
            return answer(McCryptoCommands.MC_AES_GCM_DECRYPT_UPDATE, request, q -> {
                note(command, q.data());
                var gcm = (Gcm) states.remove(handle(q.context().bytes()));
                byte[] out = update(gcm.cipher(), q.data());
                gcm.plaintext().writeBytes(out);
                return new CmAesCommands.GcmUpdateResponse(new AesGcmContext(handleBytes(store(gcm), 128)), Octets.of(out));
            });
        }
        if (command == McCryptoCommands.MC_AES_GCM_DECRYPT_FINAL.code()) {
            return answer(McCryptoCommands.MC_AES_GCM_DECRYPT_FINAL, request, q -> {
                note(command, q.ciphertext());
                var gcm = (Gcm) states.remove(handle(q.context().bytes()));
                byte[] out = update(gcm.cipher(), q.ciphertext());
                gcm.plaintext().writeBytes(out);
                try {
                    Cipher check = Cipher.getInstance("AES/GCM/NoPadding");
                    check.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(gcm.key(), "AES"), new GCMParameterSpec(128, gcm.iv()));
                    check.updateAAD(gcm.aad());
                    byte[] all = check.doFinal(gcm.plaintext().toByteArray());
                    byte[] expected = Arrays.copyOfRange(all, all.length - 16, all.length - 16 + q.tagLen());
                    boolean ok = Arrays.equals(expected, q.tag().slice(0, q.tagLen()).toByteArray());
                    return new CmAesCommands.GcmDecryptFinalResponse(ok ? 1 : 0, Octets.of(out));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return new MailboxReply.Failure(0x000E_0002);
    }

    private static MessageDigest sha(int algorithm) {
        try {
            return MessageDigest.getInstance(algorithm == 1 ? "SHA-384" : "SHA-512");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cipher cipher(int mode, int direction, byte[] key, byte[] iv) {
        try {
            Cipher c = Cipher.getInstance(mode == 1 ? "AES/CBC/NoPadding" : "AES/CTR/NoPadding");
            c.init(direction, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] update(Cipher c, Octets data) {
        byte[] out = c.update(data.toByteArray());
        return out == null ? new byte[0] : out;
    }

    private AesContext context(Cipher c) {
        return new AesContext(handleBytes(store(c), CmAesCommands.AES_CONTEXT_SIZE));
    }

    private AesGcmContext gcmContext(Cipher c) {
        return new AesGcmContext(handleBytes(store(c), CmAesCommands.AES_GCM_CONTEXT_SIZE));
    }
}
