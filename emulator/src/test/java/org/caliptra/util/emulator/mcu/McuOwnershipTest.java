package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_COMMON;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNSUPPORTED_COMMAND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.TestFirmware;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.SubsystemFuses;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands;
import org.caliptra.util.protocol.cm.CmKeyCommands.DeriveStableKeyRequest;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.cm.StableKeyType;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McCommand;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseWriteRequest;
import org.caliptra.util.protocol.mcu.McOwnershipCommands;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotDisable;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotLock;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotOverride;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotOverrideChallenge;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotRecovery;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotRotate;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotStatus;
import org.caliptra.util.protocol.mcu.McOwnershipCommands.DotUnlock;
import org.caliptra.util.soc.boot.BootFlow;
import org.caliptra.util.soc.boot.BootPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Device ownership transfer through MCI mailbox 0: the validator's sequence (spec/hostlib.md §6.2) and its refusals. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class McuOwnershipTest {
    private static final HybridKeys KEYS = McuFuseCommandsTest.KEYS;
    private static final HybridKeys LAK1 = HybridKeys.generate();
    private static final HybridKeys LAK2 = HybridKeys.generate();
    private static final Octets CAK = Octets.of(filled(48, 0xA5));
    private static final Octets CAK2 = Octets.of(filled(48, 0x5A));
    /** dot_initialized: NON_SECRET_FUSE_0 at 0xA78, one bit written three times. */
    private static final int DOT_INITIALIZED_WORD = 0xA78 / 4;
    /** "MDUL" as the u32 whose big-endian bytes spell it. */
    private static final byte[] MDUL = "MDUL".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private CaliptraDevice device = CaliptraDevice.create(DeviceConfig.builder().authorizationPkHash(KEYS.anchor()).build());
    private SubsystemClient mcu = new SubsystemClient(device);

    @AfterEach
    void close() {
        device.close();
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private void enableDot() {
        mcu.authorized(McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(DOT_INITIALIZED_WORD, 0b111, 0b111), KEYS);
    }

    private DotStatus status() {
        return mcu.call(McOwnershipCommands.DOT_STATUS, NoFields.INSTANCE);
    }

    private Octets challenge() {
        return mcu.call(McOwnershipCommands.DOT_UNLOCK_CHALLENGE, NoFields.INSTANCE).challenge();
    }

    private static DotUnlock unlockWith(HybridKeys lak, Octets challenge) {
        return new DotUnlock(lak.x(), lak.y(), lak.mldsaPublic(), lak.signMessage(HybridKeys.concat(MDUL, challenge.toByteArray())));
    }

    private byte[] backupBlob() {
        return mcu.authorized(McOwnershipCommands.DOT_GET_BACKUP_BLOB, NoFields.INSTANCE, KEYS).blob().toByteArray();
    }

    private int dotFuseWord() {
        var data = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(9, 0), KEYS);
        return ByteBuffer.wrap(data.data().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private <Q> void dotFails(CommandCodec<Q, ?> codec, Q request) {
        mcu.fails(MCU_MBOX_COMMON, codec, request);
    }

    // ---- the sequence ----------------------------------------------------------------------------

    @Test
    void statusLockBackupRotateUnlockDisable() {
        enableDot();
        assertEquals(new DotStatus(1, 0, 0), status());

        assertEquals(1, mcu.authorized(McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS).resetRequired());
        assertEquals(new DotStatus(1, 1, 1), status());
        assertEquals(0b1, dotFuseWord(), "VENDOR_TEST bit 0: the first DOT fuse");

        byte[] blob = backupBlob();
        var fields = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, fields.getInt(), "version");
        assertArrayEquals(CAK.toByteArray(), Arrays.copyOfRange(blob, 4, 52));
        assertArrayEquals(LAK1.dotHash().toByteArray(), Arrays.copyOfRange(blob, 52, 100));
        assertEquals(1, blob[100], "unlock method: challenge-response");
        assertTrue(!Octets.of(Arrays.copyOfRange(blob, 104, 168)).isZero(), "HMAC-SHA512");

        assertEquals(1, mcu.authorized(McOwnershipCommands.DOT_ROTATE, new DotRotate(3, CAK2, LAK2.dotHash()), KEYS).resetRequired());
        assertEquals(new DotStatus(1, 1, 3), status());
        mcu.authorized(McOwnershipCommands.DOT_ROTATE, new DotRotate(3, CAK, LAK1.dotHash()), KEYS); // count 3 already: a no-op
        assertEquals(new DotStatus(1, 1, 3), status());
        assertArrayEquals(LAK2.dotHash().toByteArray(), Arrays.copyOfRange(backupBlob(), 52, 100));

        var c = challenge();
        assertEquals(48, c.length());
        assertEquals(1, mcu.call(McOwnershipCommands.DOT_UNLOCK, unlockWith(LAK2, c)).resetRequired());
        assertEquals(new DotStatus(1, 0, 4), status());

        assertEquals(1, mcu.authorized(McOwnershipCommands.DOT_DISABLE, new DotDisable(LAK2.dotHash()), KEYS).resetRequired());
        assertEquals(new DotStatus(1, 1, 5), status());
        byte[] disabled = backupBlob();
        assertTrue(Octets.of(Arrays.copyOfRange(disabled, 4, 52)).isZero(), "disable keeps no CAK");
        assertEquals(0b11111, dotFuseWord());
    }

    @Test
    void theBlobIsMacedWithTheCoresStableIdevidKeyForItsEpoch() {
        // The reference seals the blob with CM_DERIVE_STABLE_KEY(IDevID, info) and CM_HMAC; ask the
        // booted core for both and compare.
        device.close();
        device = CaliptraDevice.create(DeviceConfig.builder().authorizationPkHash(KEYS.anchor()).build());
        device.setRequesterUser(1);
        var config = device.config();
        byte[] bundle = TestFirmware.bundleV2(TestFirmware.randomBytes(1024), TestFirmware.randomBytes(1024), 1);
        assertTrue(new BootFlow(device).run(BootPlan.firmwareOnly(config.fuses(), Octets.of(bundle))).booted());
        mcu = new SubsystemClient(device);
        enableDot();
        mcu.authorized(McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS);
        byte[] blob = backupBlob();

        byte[] info = Arrays.copyOf("Caliptra DOT stable key".getBytes(StandardCharsets.US_ASCII), 32);
        info[23] = 1; // epoch 1 (one burnt DOT fuse), u16 little-endian
        var key = core(CmKeyCommands.CM_DERIVE_STABLE_KEY, new DeriveStableKeyRequest(StableKeyType.IDEVID.value(), Octets.of(info)));
        var mac = core(CmHashCommands.CM_HMAC, new CmHashCommands.HmacRequest(key, HashAlgorithm.SHA512.value(),
                Octets.of(Arrays.copyOf(blob, 104))));
        assertEquals(Octets.of(Arrays.copyOfRange(blob, 104, 168)), mac.value());
    }

    private <Q, R> R core(CommandCodec<Q, R> codec, Q request) {
        var reply = device.coreMailbox().execute(codec.code(), MailboxChecksum.seal(codec.code(), codec.encodeRequest(request)));
        byte[] frame = assertInstanceOf(MailboxReply.Data.class, reply, codec.name() + ": " + reply).bytes();
        return codec.decodeResponse(MailboxFrame.openResponse(frame, codec.name()).fields());
    }

    // ---- refusals --------------------------------------------------------------------------------

    @Test
    void aPartWithoutDotRefusesTransitions() {
        assertEquals(new DotStatus(0, 0, 0), status());
        mcu.authorizedFails(MCU_MBOX_COMMON, McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS);
        dotFails(McOwnershipCommands.DOT_UNLOCK_CHALLENGE, NoFields.INSTANCE);
    }

    @Test
    void lockNeedsAnUnlockedStateAndNonZeroKeys() {
        enableDot();
        mcu.authorizedFails(MCU_MBOX_COMMON, McOwnershipCommands.DOT_LOCK, new DotLock(Octets.zeros(48), LAK1.dotHash()), KEYS);
        mcu.authorizedFails(MCU_MBOX_COMMON, McOwnershipCommands.DOT_LOCK, new DotLock(CAK, Octets.zeros(48)), KEYS);
        assertEquals(new DotStatus(1, 0, 0), status());
        mcu.authorized(McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS);
        mcu.authorizedFails(MCU_MBOX_COMMON, McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS);
        mcu.authorizedFails(MCU_MBOX_COMMON, McOwnershipCommands.DOT_DISABLE, new DotDisable(LAK1.dotHash()), KEYS);
        assertEquals(new DotStatus(1, 1, 1), status());
    }

    @Test
    void authorizedSubcommandsCheckTheirSignatureOverTheFourCcAndPayload() {
        enableDot();
        var lock = new DotLock(CAK, LAK1.dotHash());
        mcu.fails(MCU_MBOX_UNAUTHORIZED_COMMAND, McOwnershipCommands.DOT_LOCK, Authorized.bare(lock));
        mcu.authorizedFails(MCU_MBOX_UNAUTHORIZED_COMMAND, McOwnershipCommands.DOT_LOCK, lock, HybridKeys.generate());
        // Signed as the bare payload without the subcommand: the FourCC is part of what is signed.
        var nonce = mcu.challenge();
        byte[] payload = HybridKeys.concat(CAK.toByteArray(), LAK1.dotHash().toByteArray());
        byte[] withoutFourCc = ByteBuffer.allocate(4 + payload.length + 48).putInt(McCommand.MC_DEVICE_OWNERSHIP_TRANSFER.code())
                .put(payload).put(nonce.toByteArray()).array();
        mcu.fails(MCU_MBOX_UNAUTHORIZED_COMMAND, McOwnershipCommands.DOT_LOCK,
                SubsystemClient.withSignature(lock, KEYS, nonce, KEYS.signAuthorized(withoutFourCc)));
        assertEquals(new DotStatus(1, 0, 0), status());
    }

    @Test
    void unlockNeedsTheLakOfTheBlobAndAValidSignatureOverItsChallenge() {
        enableDot();
        mcu.authorized(McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS);
        dotFails(McOwnershipCommands.DOT_UNLOCK, unlockWith(LAK1, Octets.zeros(48))); // no challenge yet
        var c = challenge();
        dotFails(McOwnershipCommands.DOT_UNLOCK_CHALLENGE, NoFields.INSTANCE); // one outstanding at a time
        dotFails(McOwnershipCommands.DOT_UNLOCK, unlockWith(LAK2, c));
        var good = unlockWith(LAK1, c);
        byte[] sig = good.signature().eccSigR().toByteArray();
        sig[0] ^= 0x10;
        dotFails(McOwnershipCommands.DOT_UNLOCK, new DotUnlock(LAK1.x(), LAK1.y(), LAK1.mldsaPublic(),
                new HybridSignature(Octets.of(sig), good.signature().eccSigS(), good.signature().mldsaSig())));
        // Signed without the "MDUL" prefix.
        dotFails(McOwnershipCommands.DOT_UNLOCK, new DotUnlock(LAK1.x(), LAK1.y(), LAK1.mldsaPublic(), LAK1.signMessage(c.toByteArray())));
        assertEquals(new DotStatus(1, 1, 1), status());
        // The challenge survives failed attempts, as in the reference, until one succeeds.
        mcu.call(McOwnershipCommands.DOT_UNLOCK, good);
        assertEquals(new DotStatus(1, 0, 2), status());
        dotFails(McOwnershipCommands.DOT_UNLOCK, good);
    }

    @Test
    void malformedAndUnknownSubcommands() {
        int dot = McCommand.MC_DEVICE_OWNERSHIP_TRANSFER.code();
        mcu.failsRaw(MCU_MBOX_UNSUPPORTED_COMMAND, dot, "XXXX".getBytes(StandardCharsets.US_ASCII), "subcommand XXXX");
        mcu.failsRaw(MCU_MBOX_INVALID_PARAMS, dot, new byte[2], "no subcommand");
        byte[] statusWithExtra = HybridKeys.concat(McOwnershipCommands.DOT_STATUS.encodeRequest(NoFields.INSTANCE), new byte[4]);
        mcu.failsRaw(MCU_MBOX_INVALID_PARAMS, dot, statusWithExtra, "MDST with 4 extra bytes");
        byte[] lockShort = Arrays.copyOf(McOwnershipCommands.DOT_LOCK.encodeRequest(Authorized.bare(new DotLock(CAK, CAK))), 60);
        mcu.failsRaw(MCU_MBOX_UNAUTHORIZED_COMMAND, dot, lockShort, "MDLK cut short");
    }

    @Test
    void recoveryRestoresOnlyABlobOfTheCurrentState() {
        enableDot();
        mcu.authorized(McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS);
        byte[] first = backupBlob();
        assertEquals(1, mcu.call(McOwnershipCommands.DOT_RECOVERY, new DotRecovery(Octets.of(first))).resetRequired());
        byte[] tampered = first.clone();
        tampered[10] ^= 1;
        dotFails(McOwnershipCommands.DOT_RECOVERY, new DotRecovery(Octets.of(tampered)));
        mcu.authorized(McOwnershipCommands.DOT_ROTATE, new DotRotate(3, CAK2, LAK2.dotHash()), KEYS);
        dotFails(McOwnershipCommands.DOT_RECOVERY, new DotRecovery(Octets.of(first))); // sealed for epoch 1, the part is at 3
        assertArrayEquals(LAK2.dotHash().toByteArray(), Arrays.copyOfRange(backupBlob(), 52, 100));
    }

    @Test
    void theVendorRecoveryKeyOverridesALockedPart() {
        var recovery = HybridKeys.generate();
        Path file = dir.resolve("dot.otp");
        var config = DeviceConfig.builder().authorizationPkHash(KEYS.anchor()).fuseStore(file).build();
        FuseStore.open(file, () -> {
            var otp = SubsystemFuses.seed(config.fuses());
            otp.writeValue(FuseMap.DOT_INITIALIZED, 1);
            otp.writeBytes(FuseMap.VENDOR_RECOVERY_PK_HASH, HybridKeys.reverseWords(recovery.dotHash().toByteArray()));
            return otp;
        });
        device.close();
        device = CaliptraDevice.create(config);
        mcu = new SubsystemClient(device);
        mcu.authorized(McOwnershipCommands.DOT_LOCK, new DotLock(CAK, LAK1.dotHash()), KEYS);

        dotFails(McOwnershipCommands.DOT_OVERRIDE_CHALLENGE, new DotOverrideChallenge(LAK1.x(), LAK1.y(), LAK1.mldsaPublic()));
        var c = mcu.call(McOwnershipCommands.DOT_OVERRIDE_CHALLENGE,
                new DotOverrideChallenge(recovery.x(), recovery.y(), recovery.mldsaPublic())).challenge();
        // The override signs the bare challenge; one over "MDUL" ‖ challenge is refused.
        dotFails(McOwnershipCommands.DOT_OVERRIDE, new DotOverride(recovery.x(), recovery.y(), recovery.mldsaPublic(),
                recovery.signMessage(HybridKeys.concat(MDUL, c.toByteArray()))));
        mcu.call(McOwnershipCommands.DOT_OVERRIDE, new DotOverride(recovery.x(), recovery.y(), recovery.mldsaPublic(),
                recovery.signMessage(c.toByteArray())));
        assertEquals(new DotStatus(1, 0, 2), status());
        // The unlocked state persists for the next device from the same store.
        device.close();
        device = CaliptraDevice.create(config);
        mcu = new SubsystemClient(device);
        assertEquals(new DotStatus(1, 0, 2), status());
        mcu.authorized(McOwnershipCommands.DOT_LOCK, new DotLock(CAK2, LAK2.dotHash()), KEYS);
        assertEquals(new DotStatus(1, 1, 3), status());
    }
}
