package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.LongDigest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256Context;
import org.caliptra.util.protocol.cm.CmHashCommands.Shake256Digest;
import org.caliptra.util.protocol.cm.HashAlgorithm;

import static org.caliptra.util.protocol.error.CaliptraError.FW_PROC_MAILBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CM_SHAKE256_CONTEXT_MISMATCH;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * Hashing: the runtime's CM_SHA_INIT/UPDATE/FINAL and CM_SHAKE256_INIT/UPDATE/FINAL, the ROM's
 * one-shot CM_SHA.
 *
 * <p>A SHA context is the engine's state in the clear, as the reference keeps it (200 bytes):
 * length u32 (bytes hashed so far), hash_algorithm u32, input_buffer[128] (the pending partial
 * block in its first length % 128 bytes), intermediate_hash[64] (SHA-512 engine state H0..H7,
 * big-endian, after the full blocks; zero before the first). Being plain, it can be replayed or
 * forked, and the reference has no error for that either. A SHAKE256 context instead seals a
 * 16-byte token of the one live session the SHA3 engine holds: a context of an ended or replaced
 * session is RUNTIME_CM_SHAKE256_CONTEXT_MISMATCH.
 */
final class CmHashHandlers implements CommandTable.CommandFamily {
    private static final int BLOCK = 128;
    private static final int LENGTH = 0;
    private static final int ALGORITHM = 4;
    private static final int BUFFER = 8;
    private static final int STATE = BUFFER + BLOCK;
    private static final int STATE_SIZE = 64;
    /** Offsets in Bouncy Castle's encoded LongDigest state: byteCount1 (u64 BE) and H1..H8. */
    private static final int BC_BYTE_COUNT = 12;
    private static final int BC_STATE = 28;
    private static final int SHAKE_TOKEN_SIZE = 16;
    private static final byte[] SHA384_TEMPLATE = new SHA384Digest().getEncodedState();
    private static final byte[] SHA512_TEMPLATE = new SHA512Digest().getEncodedState();

    private final CmVault vault;
    private final boolean rom;

    CmHashHandlers(CmVault vault, boolean rom) {
        this.vault = vault;
        this.rom = rom;
    }

    @Override
    public void register(CommandTable.Builder table) {
        if (rom) {
            var profile = vault.firmware().config().profile();
            int mailbox = profile.subsystemMode() ? CmHashCommands.SUBSYSTEM_MAILBOX_SIZE : CmHashCommands.PASSIVE_MAILBOX_SIZE;
            table.add(CmHashCommands.cmSha(mailbox), (request, requester) -> {
                HashAlgorithm algorithm = request.algorithm().orElseThrow(() -> CommandFailure.of(FW_PROC_MAILBOX_INVALID_PARAMS,
                        "hash_algorithm " + Integer.toUnsignedString(request.hashAlgorithm())));
                var sha = CmCrypto.sha(algorithm);
                request.input().update(sha, 0, request.input().length());
                return new Digest(Octets.of(sha.digest()));
            });
            return;
        }
        table.add(CmHashCommands.CM_SHA_INIT, (request, requester) -> {
            HashAlgorithm algorithm = request.algorithm().orElseThrow(() -> CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS,
                    "hash_algorithm " + Integer.toUnsignedString(request.hashAlgorithm())));
            byte[] context = new byte[CmHashCommands.SHA_CONTEXT_SIZE];
            CmCrypto.putLe32(context, ALGORITHM, algorithm.value());
            absorb(context, algorithm, request.input().toByteArray());
            return new ShaContext(Octets.of(context));
        });
        table.add(CmHashCommands.CM_SHA_UPDATE, (request, requester) -> {
            byte[] context = request.context().bytes().toByteArray();
            absorb(context, algorithm(context), request.input().toByteArray());
            return new ShaContext(Octets.of(context));
        });
        table.add(CmHashCommands.CM_SHA_FINAL, (request, requester) -> {
            byte[] context = request.context().bytes().toByteArray();
            HashAlgorithm algorithm = algorithm(context);
            absorb(context, algorithm, request.input().toByteArray());
            long length = Integer.toUnsignedLong(CmCrypto.le32(context, LENGTH));
            int pending = (int) (length % BLOCK);
            LongDigest engine = resume(context, algorithm, length - pending);
            engine.update(context, BUFFER, pending);
            byte[] hash = new byte[algorithm.digestSize()];
            engine.doFinal(hash, 0);
            return new Digest(Octets.of(hash));
        });
        table.add(CmHashCommands.CM_SHAKE256_INIT, (request, requester) -> {
            byte[] token = Arrays.copyOf(vault.firmware().trng().draw(), SHAKE_TOKEN_SIZE);
            SHAKEDigest shake = vault.storage().startShake(token);
            byte[] input = request.input().toByteArray();
            shake.update(input, 0, input.length);
            return new Shake256Context(vault.sealContext(token));
        });
        table.add(CmHashCommands.CM_SHAKE256_UPDATE, (request, requester) -> {
            byte[] token = liveSession(request.context());
            byte[] input = request.input().toByteArray();
            vault.storage().shake().update(input, 0, input.length);
            return new Shake256Context(vault.sealContext(token)); // same token, fresh IV
        });
        table.add(CmHashCommands.CM_SHAKE256_FINAL, (request, requester) -> {
            liveSession(request.context());
            var storage = vault.storage();
            byte[] input = request.input().toByteArray();
            storage.shake().update(input, 0, input.length);
            byte[] out = new byte[CmHashCommands.SHAKE256_DIGEST_SIZE];
            storage.shake().doFinal(out, 0, out.length);
            storage.endShake();
            return new Shake256Digest(Octets.of(out));
        });
    }

    private byte[] liveSession(Shake256Context context) {
        byte[] token = vault.openContext(context.bytes());
        byte[] live = vault.storage().shakeToken();
        if (live == null || !CmCrypto.same(token, live)) {
            throw CommandFailure.of(RUNTIME_CM_SHAKE256_CONTEXT_MISMATCH,
                    "the context's SHAKE256 session has ended or another one has started since");
        }
        return token;
    }

    private static HashAlgorithm algorithm(byte[] context) {
        int value = CmCrypto.le32(context, ALGORITHM);
        return HashAlgorithm.fromValue(value).orElseThrow(() -> CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS,
                "context hash_algorithm " + Integer.toUnsignedString(value)));
    }

    /**
     * Hashes {@code input} into {@code context} in place: full blocks go through the engine and
     * its state is written back; the rest joins the pending partial block. Buffer bytes past the
     * new pending ones keep whatever they held, as the reference leaves them.
     */
    private static void absorb(byte[] context, HashAlgorithm algorithm, byte[] input) {
        long length = Integer.toUnsignedLong(CmCrypto.le32(context, LENGTH));
        int pending = (int) (length % BLOCK);
        long total = pending + (long) input.length;
        int full = (int) (total / BLOCK * BLOCK);
        if (full == 0) {
            System.arraycopy(input, 0, context, BUFFER + pending, input.length);
        } else {
            LongDigest engine = resume(context, algorithm, length - pending);
            engine.update(context, BUFFER, pending);
            engine.update(input, 0, full - pending);
            System.arraycopy(engine.getEncodedState(), BC_STATE, context, STATE, STATE_SIZE);
            System.arraycopy(input, full - pending, context, BUFFER, (int) (total - full));
        }
        CmCrypto.putLe32(context, LENGTH, (int) (length + input.length));
    }

    /** The engine after {@code hashed} bytes (a whole number of blocks) left the context's state. */
    private static LongDigest resume(byte[] context, HashAlgorithm algorithm, long hashed) {
        boolean sha384 = algorithm == HashAlgorithm.SHA384;
        if (hashed == 0) {
            return sha384 ? new SHA384Digest() : new SHA512Digest();
        }
        byte[] state = (sha384 ? SHA384_TEMPLATE : SHA512_TEMPLATE).clone();
        for (int i = 0; i < 8; i++) {
            state[BC_BYTE_COUNT + i] = (byte) (hashed >>> (56 - 8 * i));
        }
        System.arraycopy(context, STATE, state, BC_STATE, STATE_SIZE);
        return sha384 ? new SHA384Digest(state) : new SHA512Digest(state);
    }
}
