package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.Digest;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.KeyUsage;

import static org.caliptra.util.protocol.error.CaliptraError.CMB_HMAC_INVALID_KEY_USAGE;
import static org.caliptra.util.protocol.error.CaliptraError.CMB_HMAC_INVALID_KEY_USAGE_AND_SIZE;
import static org.caliptra.util.protocol.error.CaliptraError.CMB_HMAC_INVALID_REQ_SIZE;
import static org.caliptra.util.protocol.error.CaliptraError.CMB_HMAC_UNSUPPORTED_HASH_ALGORITHM;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS;

/**
 * CM_HMAC (common code of ROM and runtime) and the key derivations CM_HMAC_KDF_COUNTER,
 * CM_HKDF_EXTRACT and CM_HKDF_EXPAND, each a single HMAC block. The engine's HMAC-384 takes the
 * first 48 bytes of a key, so a 64-byte key used with SHA-384 is truncated, not hashed as
 * standard HMAC would: the reference does that and so does this.
 */
final class CmMacHandlers implements CommandTable.CommandFamily {
    private static final byte[] COUNTER_1 = {0, 0, 0, 1};

    private final CmVault vault;
    private final boolean hmacOnly;

    CmMacHandlers(CmVault vault) {
        this(vault, false);
    }

    private CmMacHandlers(CmVault vault, boolean hmacOnly) {
        this.vault = vault;
        this.hmacOnly = hmacOnly;
    }

    static CommandTable.CommandFamily romHmac(CmVault vault) {
        return new CmMacHandlers(vault, true);
    }

    /** The (usage, size) pairs a KDF may produce (validate_hkdf_params): no ML-KEM seeds. */
    static boolean derivable(HashAlgorithm algorithm, KeyUsage usage, int size) {
        return switch (usage) {
            case AES, MLDSA -> size == 32;
            case ECDSA -> size == 48;
            case HMAC -> algorithm != null && size == algorithm.digestSize();
            case MLKEM -> false;
        };
    }

    @Override
    public void register(CommandTable.Builder table) {
        // A size beyond the buffer is CM_HMAC's own error, not the runtime's INVALID_PARAMS.
        table.add(CmHashCommands.CM_HMAC, CMB_HMAC_INVALID_REQ_SIZE, (request, requester) -> {
            CmKey key = vault.open(request.cmk(), "cmk");
            if (!key.is(KeyUsage.HMAC) || (key.length() != 48 && key.length() != 64)) {
                throw CommandFailure.of(CMB_HMAC_INVALID_KEY_USAGE, "cmk is not an HMAC key of 48 or 64 bytes");
            }
            var algorithm = request.algorithm();
            if (key.length() == 48 && algorithm.filter(a -> a == HashAlgorithm.SHA384).isEmpty()) {
                throw CommandFailure.of(CMB_HMAC_INVALID_KEY_USAGE_AND_SIZE,
                        "a 48-byte key takes SHA-384 only, hash_algorithm " + Integer.toUnsignedString(request.hashAlgorithm()));
            }
            HashAlgorithm a = algorithm.orElseThrow(() -> CommandFailure.of(CMB_HMAC_UNSUPPORTED_HASH_ALGORITHM,
                    "hash_algorithm " + Integer.toUnsignedString(request.hashAlgorithm())));
            return new Digest(Octets.of(CmCrypto.hmac(a, key.material(a.digestSize()), request.data().toByteArray())));
        });
        if (hmacOnly) {
            return;
        }
        table.add(CmKeyCommands.CM_HMAC_KDF_COUNTER, (request, requester) -> {
            KeyUsage usage = outputUsage(request.algorithm().orElse(null), request.keyUsage(), request.keySize());
            CmKey kin = hmacKey(request.kin(), "kin");
            return derive(usage, request.keySize(), request.hashAlgorithm(),
                    a -> CmCrypto.hmac(a, kin.material(a.digestSize()), COUNTER_1, request.label().toByteArray()));
        });
        table.add(CmKeyCommands.CM_HKDF_EXTRACT, (request, requester) -> {
            CmKey ikm = hmacKey(request.ikm(), "ikm");
            CmKey salt = hmacKey(request.salt(), "salt");
            HashAlgorithm a = request.algorithm().orElseThrow(() -> CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS,
                    "hash_algorithm " + Integer.toUnsignedString(request.hashAlgorithm())));
            if (ikm.length() != a.digestSize()) {
                throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, "ikm of " + ikm.length() + " bytes for " + a);
            }
            byte[] prk = CmCrypto.hmac(a, salt.material(a.digestSize()), ikm.material(a.digestSize()));
            return vault.issue(KeyUsage.HMAC, prk);
        });
        table.add(CmKeyCommands.CM_HKDF_EXPAND, (request, requester) -> {
            KeyUsage usage = outputUsage(request.algorithm().orElse(null), request.keyUsage(), request.keySize());
            CmKey prk = hmacKey(request.prk(), "prk");
            return derive(usage, request.keySize(), request.hashAlgorithm(),
                    a -> CmCrypto.hmac(a, prk.material(a.digestSize()), request.info().toByteArray(), new byte[] {1}));
        });
    }

    private static KeyUsage outputUsage(HashAlgorithm algorithm, int keyUsage, int keySize) {
        return KeyUsage.fromValue(keyUsage).filter(u -> derivable(algorithm, u, keySize)).orElseThrow(() -> CommandFailure.of(
                RUNTIME_MAILBOX_INVALID_PARAMS, "key_usage " + Integer.toUnsignedString(keyUsage) + " with key_size "
                        + Integer.toUnsignedString(keySize) + " cannot be derived"));
    }

    /** An input CMK of the KDFs: an HMAC key of 48 or 64 bytes, else RUNTIME_MAILBOX_INVALID_PARAMS. */
    private CmKey hmacKey(Cmk cmk, String field) {
        CmKey key = vault.open(cmk, field);
        if (!key.is(KeyUsage.HMAC) || (key.length() != 48 && key.length() != 64)) {
            throw CommandFailure.of(RUNTIME_MAILBOX_INVALID_PARAMS, field + " is not an HMAC key of 48 or 64 bytes");
        }
        return key;
    }

    /**
     * The output CMK. As in the reference an AES key takes its usage entry before the hash
     * algorithm is looked at, so an AES derivation with a reserved algorithm fails with the entry
     * already taken (CM_STATUS shows it).
     */
    private Cmk derive(KeyUsage usage, int size, int hashAlgorithm, java.util.function.Function<HashAlgorithm, byte[]> prf) {
        int id = usage == KeyUsage.AES ? vault.storage().addKey() : 0;
        HashAlgorithm a = HashAlgorithm.fromValue(hashAlgorithm).orElseThrow(() -> CommandFailure.of(
                RUNTIME_MAILBOX_INVALID_PARAMS, "hash_algorithm " + Integer.toUnsignedString(hashAlgorithm)));
        return vault.seal(CmKey.of(usage, id, Arrays.copyOf(prf.apply(a), size)));
    }
}
