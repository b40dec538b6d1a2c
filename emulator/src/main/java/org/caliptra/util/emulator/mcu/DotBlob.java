package org.caliptra.util.emulator.mcu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.caliptra.util.emulator.dice.DiceCrypto;
import org.caliptra.util.emulator.dice.DiceIdentity;
import org.caliptra.util.emulator.dice.StableKeys;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mcu.McOwnershipCommands;

/**
 * The DOT blob the MCU keeps in flash (caliptra-mcu-sw device_ops.rs RuntimeDotBlob): 104 bytes of
 * fields — {@code version:u32 = 1 ‖ cak[48] ‖ lak_hash[48] ‖ unlock_method:u8 = 1 (challenge-response)
 * ‖ reserved[3]} — and their HMAC-SHA512 under the DOT key of the blob's epoch, 168 bytes. The key is
 * the IDevID-based stable key (CM_DERIVE_STABLE_KEY) for the info
 * {@code "Caliptra DOT stable key" ‖ u16 LE epoch ‖ zeros} (32 bytes), where the epoch is the DOT
 * fuse count when it is odd and the next odd count when it is even, so a blob authenticates only
 * in the fuse state it was sealed for.
 */
record DotBlob(int version, byte[] cak, byte[] lakHash, int unlockMethod, byte[] reserved, byte[] hmac) {
    static final int VERSION = 1;
    static final int UNLOCK_METHOD_CHALLENGE_RESPONSE = 1;
    static final int FIELDS_SIZE = 104;
    private static final byte[] LABEL = "Caliptra DOT stable key".getBytes(StandardCharsets.US_ASCII);
    private static final int INFO_SIZE = 32;

    static DotBlob parse(byte[] blob) {
        if (blob.length != McOwnershipCommands.BLOB_SIZE) {
            throw new IllegalArgumentException("a DOT blob is " + McOwnershipCommands.BLOB_SIZE + " bytes, got " + blob.length);
        }
        var in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int version = in.getInt();
        byte[] cak = new byte[48];
        byte[] lak = new byte[48];
        byte[] reserved = new byte[3];
        byte[] hmac = new byte[blob.length - FIELDS_SIZE];
        in.get(cak).get(lak);
        int method = in.get() & 0xFF;
        in.get(reserved).get(hmac);
        return new DotBlob(version, cak, lak, method, reserved, hmac);
    }

    /** A blob for the state with {@code fuseCount} burnt DOT fuses. */
    static DotBlob seal(DiceIdentity dice, int fuseCount, byte[] cak, byte[] lakHash) {
        byte[] fields = fields(VERSION, cak, lakHash, UNLOCK_METHOD_CHALLENGE_RESPONSE, new byte[3]);
        return new DotBlob(VERSION, cak.clone(), lakHash.clone(), UNLOCK_METHOD_CHALLENGE_RESPONSE, new byte[3],
                mac(dice, epoch(fuseCount), fields));
    }

    /**
     * Checks the blob for the (odd) epoch {@code derivation}.
     *
     * @throws DeviceOpFailure INVALID_STATE for another version, ACCESS_DENIED for a wrong HMAC
     */
    void verify(DiceIdentity dice, int derivation) {
        if (version != VERSION) {
            throw new DeviceOpFailure(VdmCompletionCode.INVALID_STATE, "DOT blob version " + Integer.toUnsignedString(version)
                    + ", expected " + VERSION);
        }
        if (!MessageDigest.isEqual(hmac, mac(dice, derivation, fields(version, cak, lakHash, unlockMethod, reserved)))) {
            throw new DeviceOpFailure(VdmCompletionCode.ACCESS_DENIED, "the DOT blob's HMAC does not verify under this device's key for epoch "
                    + derivation);
        }
    }

    byte[] encode() {
        var out = ByteBuffer.allocate(McOwnershipCommands.BLOB_SIZE);
        out.put(fields(version, cak, lakHash, unlockMethod, reserved)).put(hmac);
        return out.array();
    }

    /** The key epoch of a fuse state: odd states use their own count, even ones the next. */
    static int epoch(int fuseCount) {
        return (fuseCount & 1) == 0 ? fuseCount + 1 : fuseCount;
    }

    private static byte[] fields(int version, byte[] cak, byte[] lak, int method, byte[] reserved) {
        return ByteBuffer.allocate(FIELDS_SIZE).order(ByteOrder.LITTLE_ENDIAN).putInt(version).put(cak).put(lak).put((byte) method)
                .put(reserved).array();
    }

    private static byte[] mac(DiceIdentity dice, int epoch, byte[] fields) {
        if (epoch > 0xFFFF) {
            throw new DeviceOpFailure(VdmCompletionCode.INVALID_STATE, "DOT epoch " + epoch + " does not fit the key's 16-bit counter");
        }
        byte[] info = Arrays.copyOf(LABEL, INFO_SIZE);
        info[LABEL.length] = (byte) epoch;
        info[LABEL.length + 1] = (byte) (epoch >>> 8);
        byte[] key = StableKeys.derive(dice, false, info);
        try {
            return DiceCrypto.hmac512(key, fields);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
