package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import org.caliptra.util.emulator.firmware.CaliptraFirmware;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.error.CaliptraError;

import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_CMB_NOT_INITIALIZED;

/**
 * Seals and opens what the cryptographic mailbox hands out: CMKs under the KEK (AES-256-GCM, no
 * AAD; domain bytes 0..19 reserved, zero and unauthenticated, as in the reference) and the
 * AES/GCM/ECDH/SHAKE contexts under the per-boot context key (iv[12] ‖ tag[16] ‖ ciphertext).
 * The runtime's IVs come from counters; the ROM, which has no storage, draws a fresh IV per CMK.
 */
final class CmVault {
    private static final int IV_OFFSET = 20;
    private static final int CIPHERTEXT_OFFSET = 32;

    private final CaliptraFirmware firmware;
    private final boolean rom;
    private int storageEpoch = -1;
    private CmStorage storage;

    CmVault(CaliptraFirmware firmware, boolean rom) {
        this.firmware = firmware;
        this.rom = rom;
    }

    CaliptraFirmware firmware() {
        return firmware;
    }

    /** This runtime start's storage, set up on first use after each start, as CmStorage::init runs at every start. */
    CmStorage storage() {
        if (rom) {
            throw new IllegalStateException("the ROM has no CM storage");
        }
        if (storage == null || storageEpoch != firmware.runtimeStarts()) {
            storage = new CmStorage(firmware.trng());
            storageEpoch = firmware.runtimeStarts();
        }
        return storage;
    }

    private byte[] kek() {
        CmKek kek = firmware.cmKek();
        if (kek == null) {
            throw CommandFailure.of(RUNTIME_CMB_NOT_INITIALIZED, "the ROM drew no CM key-encryption key");
        }
        return kek.key();
    }

    Cmk seal(CmKey key) {
        byte[] iv = rom ? Arrays.copyOf(firmware.trng().draw(), CmCrypto.GCM_IV_SIZE) : storage().nextKekIv();
        byte[] sealed = CmCrypto.gcmSeal(kek(), iv, key.encode());
        byte[] cmk = new byte[Cmk.SIZE];
        System.arraycopy(iv, 0, cmk, IV_OFFSET, iv.length);
        System.arraycopy(sealed, 0, cmk, CIPHERTEXT_OFFSET, sealed.length);
        return new Cmk(Octets.of(cmk));
    }

    /** The key inside {@code cmk}, or RUNTIME_DRIVER_AES_INVALID_TAG. */
    CmKey open(Cmk cmk, String field) {
        byte[] b = cmk.bytes().toByteArray();
        byte[] iv = Arrays.copyOfRange(b, IV_OFFSET, CIPHERTEXT_OFFSET);
        return CmKey.decode(CmCrypto.gcmOpen(kek(), iv, Arrays.copyOfRange(b, CIPHERTEXT_OFFSET, Cmk.SIZE), field));
    }

    /** The key inside {@code cmk}, which must be for {@code usage}; otherwise the command's {@code wrongUsage}. */
    CmKey openFor(Cmk cmk, KeyUsage usage, CaliptraError wrongUsage) {
        CmKey key = open(cmk, "cmk");
        if (!key.is(usage)) {
            throw CommandFailure.of(wrongUsage, "cmk is not a " + usage + " key (usage " + key.usage() + ")");
        }
        return key;
    }

    /** A new CMK for {@code key}; an AES key takes a usage-table entry (or fails with storage full). */
    Cmk issue(KeyUsage usage, byte[] key) {
        int id = usage == KeyUsage.AES ? storage().addKey() : 0;
        return seal(CmKey.of(usage, id, key));
    }

    Octets sealContext(byte[] plain) {
        CmStorage s = storage();
        byte[] iv = s.nextContextIv();
        byte[] sealed = CmCrypto.gcmSeal(s.contextKey(), iv, plain);
        byte[] out = new byte[CmCrypto.GCM_IV_SIZE + sealed.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        // iv | tag | ciphertext: the tag JCA appends goes in front of the ciphertext
        int ctLength = sealed.length - CmCrypto.GCM_TAG_SIZE;
        System.arraycopy(sealed, ctLength, out, CmCrypto.GCM_IV_SIZE, CmCrypto.GCM_TAG_SIZE);
        System.arraycopy(sealed, 0, out, CmCrypto.GCM_IV_SIZE + CmCrypto.GCM_TAG_SIZE, ctLength);
        return Octets.of(out);
    }

    byte[] openContext(Octets context) {
        byte[] b = context.toByteArray();
        int head = CmCrypto.GCM_IV_SIZE + CmCrypto.GCM_TAG_SIZE;
        byte[] iv = Arrays.copyOf(b, CmCrypto.GCM_IV_SIZE);
        byte[] ctAndTag = new byte[b.length - CmCrypto.GCM_IV_SIZE];
        System.arraycopy(b, head, ctAndTag, 0, b.length - head);
        System.arraycopy(b, CmCrypto.GCM_IV_SIZE, ctAndTag, b.length - head, CmCrypto.GCM_TAG_SIZE);
        return CmCrypto.gcmOpen(storage().contextKey(), iv, ctAndTag, "context");
    }
}
