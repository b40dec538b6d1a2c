package org.caliptra.util.emulator.runtime.cm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.caliptra.util.emulator.dice.DiceCrypto;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.cm.StableKeyType;

import static org.caliptra.util.protocol.error.CaliptraError.CMB_STABLE_OWNER_KEY_NOT_AVAILABLE;
import static org.caliptra.util.protocol.error.CaliptraError.DOT_INVALID_KEY_TYPE;

/**
 * CM_DERIVE_STABLE_KEY (ROM and runtime alike): a 64-byte HMAC key that is the same at every cold
 * boot of the device, derived from the stable identity root the ROM keeps in the key vault
 * (IDevID- or LDevID-based): k0 = AES-256-CMAC KDF (SP 800-108 counter mode, four rounds,
 * counter ‖ info), then HMAC-SHA512(k0, 00000001 ‖ "DOT Final" ‖ info). The owner-key source
 * needs a subsystem strap this emulator does not model, so it is never available.
 */
final class CmStableKeyHandlers implements CommandTable.CommandFamily {
    private static final int CMAC_ROUNDS = 4;
    private static final byte[] DOT_FINAL = "DOT Final".getBytes(StandardCharsets.US_ASCII);

    private final CmVault vault;

    CmStableKeyHandlers(CmVault vault) {
        this.vault = vault;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(CmKeyCommands.CM_DERIVE_STABLE_KEY, (request, requester) -> {
            if (request.keyType() == StableKeyType.OWNER_KEY.value()) {
                throw CommandFailure.of(CMB_STABLE_OWNER_KEY_NOT_AVAILABLE, "the stable owner key is not available on this device");
            }
            StableKeyType type = request.stableKeyType().orElseThrow(() -> CommandFailure.of(DOT_INVALID_KEY_TYPE,
                    "key_type " + Integer.toUnsignedString(request.keyType())));
            byte[] info = request.info().toByteArray();
            byte[] root = vault.firmware().dice().stableIdentityRoot(type == StableKeyType.LDEVID);
            byte[] k0 = cmacKdf(Arrays.copyOf(root, CmCrypto.AES_KEY_SIZE), info);
            Arrays.fill(root, (byte) 0);
            byte[] key = DiceCrypto.hmac512(k0, new byte[] {0, 0, 0, 1}, DOT_FINAL, info);
            return vault.seal(CmKey.of(KeyUsage.HMAC, 0, key));
        });
    }

    /** SP 800-108 counter mode with AES-256-CMAC: CMAC(key, BE32(i) ‖ label) for i = 1..4. */
    static byte[] cmacKdf(byte[] key, byte[] label) {
        var cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
        byte[] out = new byte[CMAC_ROUNDS * cmac.getMacSize()];
        for (int i = 1; i <= CMAC_ROUNDS; i++) {
            byte[] counter = ByteBuffer.allocate(4).putInt(i).array();
            cmac.update(counter, 0, counter.length);
            cmac.update(label, 0, label.length);
            cmac.doFinal(out, (i - 1) * cmac.getMacSize());
        }
        return out;
    }
}
