package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_COMMON;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_UNAUTHORIZED_COMMAND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McAuthorization.Authorized;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.AuthChallengeRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseReadRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.FuseWriteRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.OwnerPkHashRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.PartitionRequest;
import org.caliptra.util.protocol.mcu.McFuseCommands.VendorPkHashRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MC_GET_AUTH_CMD_CHALLENGE and the fuse commands through MCI mailbox 0, each signed with a test
 * key pair whose hash the device is configured to trust. Offsets and partition numbers are the
 * reference fuse map's (caliptra-mcu-sw fuse_map.md), written here by hand.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class McuFuseCommandsTest {
    static final HybridKeys KEYS = HybridKeys.generate();
    /** CPTRA_CORE_SOC_STEPPING_ID: partition 6 (SW_MANUF, 0x0D0), entry 0x78, word 0x148 / 4. */
    private static final int STEPPING_WORD = 0x148 / 4;
    private static final int SW_MANUF = 6;

    private final CaliptraDevice device = CaliptraDevice.create(DeviceConfig.builder().authorizationPkHash(KEYS.anchor()).build());
    private final SubsystemClient mcu = new SubsystemClient(device);

    @AfterEach
    void close() {
        device.close();
    }

    private int readWord(int partition, int entry) {
        var data = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(partition, entry), KEYS);
        return ByteBuffer.wrap(data.data().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private void write(int word, int data, int mask) {
        mcu.authorized(McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(word, data, mask), KEYS);
    }

    // ---- the challenge ---------------------------------------------------------------------------

    @Test
    void challengesAreFortyEightFreshBytes() {
        var one = mcu.call(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE, AuthChallengeRequest.DEFAULT);
        var two = mcu.call(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE, AuthChallengeRequest.DEFAULT);
        assertEquals(0, one.reserved());
        assertEquals(48, one.challenge().length());
        assertNotEquals(one.challenge(), two.challenge());
        assertTrue(!one.challenge().isZero() && !two.challenge().isZero());
    }

    @Test
    void theDefaultAnchorIsTheReferenceTestKeyPairsHash() {
        // caliptra-util-host/apps/spdm/test-config.toml: ecc_auth_key and mldsa_auth_key (the seed
        // "caliptra-mcu-testing-mldsa-seed-"); the reference firmware's AUTH_PK_HASH is their anchor.
        var reference = HybridKeys.fromSecrets(
                HexFormat.of().parseHex("3da9e680aff5a1cea96a3e89810286fb3b3030a9c924ad2f2031a07d294052a97cafa1fc6ea760a43db763ca9f2f7036"),
                "caliptra-mcu-testing-mldsa-seed-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(DeviceConfig.DEFAULT_AUTHORIZATION_PK_HASH, reference.anchor());
        try (var d = CaliptraDevice.createDefault()) {
            var client = new SubsystemClient(d);
            var data = client.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(SW_MANUF, 0), reference);
            assertEquals(128 * 8, data.lengthBits());
        }
    }

    // ---- read, write, lock -----------------------------------------------------------------------

    @Test
    void fuseWriteSetsBitsAndCannotClearThem() {
        write(STEPPING_WORD, 0x0000_00A0, 0xFFFF_FFFF);
        write(STEPPING_WORD, 0x0000_000F, 0x0000_000F);
        assertEquals(0x0000_00AF, readWord(SW_MANUF, 0x78));
        write(STEPPING_WORD, 0x0000_00AF, 0xFFFF_FFFF); // identical: a no-op, not an error
        mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(STEPPING_WORD, 0x0F, -1), KEYS);
        assertEquals(0x0000_00AF, readWord(SW_MANUF, 0x78));
        mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(0xCD8 / 4, 1, 1), KEYS);
    }

    @Test
    void fuseReadReturnsUpTo32WordsWithTheValidBitCount() {
        write(0x0D0 / 4 + 1, 0x1122_3344, -1); // IDEVID cert attr word 0
        var data = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(SW_MANUF, 4), KEYS);
        assertEquals(0, data.dataLen());
        assertEquals(128 * 8, data.lengthBits(), "520-byte partition: a full 128-byte window");
        assertArrayEquals(HexFormat.of().parseHex("44332211"), data.data().slice(0, 4).toByteArray());
        // The last words of SVN (partition 8, 40 bytes): 8 bytes left from entry 32.
        var tail = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(8, 32), KEYS);
        assertEquals(64, tail.lengthBits());
        assertTrue(tail.data().slice(8, 120).isZero());
    }

    @Test
    void fuseReadRefusesSecretsUnknownPartitionsAndBadEntries() {
        for (var bad : new FuseReadRequest[] {new FuseReadRequest(1, 0), new FuseReadRequest(15, 0), new FuseReadRequest(16, 0),
            new FuseReadRequest(SW_MANUF, 2), new FuseReadRequest(SW_MANUF, 520)}) {
            mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_READ_RUNTIME, bad, KEYS);
        }
    }

    @Test
    void aLockedPartitionRefusesWritesAndShowsItsDigest() {
        write(STEPPING_WORD, 0x5, -1);
        mcu.authorized(McFuseCommands.MC_FUSE_LOCK_PARTITION, new PartitionRequest(SW_MANUF), KEYS);
        mcu.authorized(McFuseCommands.MC_FUSE_LOCK_PARTITION, new PartitionRequest(SW_MANUF), KEYS); // idempotent
        mcu.authorizedFails(MCU_MBOX_COMMON, McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(STEPPING_WORD, 0x7, -1), KEYS);
        assertEquals(0x5, readWord(SW_MANUF, 0x78));
        // The digest is the partition's last 8 bytes (entry 512).
        var digest = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(SW_MANUF, 512), KEYS);
        assertEquals(64, digest.lengthBits());
        assertTrue(!digest.data().slice(0, 8).isZero());
        // Other partitions stay open; SVN has no digest to lock with; 15 is not addressable.
        write(0x3F8 / 4, 1, 1);
        mcu.authorizedFails(MCU_MBOX_COMMON, McFuseCommands.MC_FUSE_LOCK_PARTITION, new PartitionRequest(8), KEYS);
        mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_FUSE_LOCK_PARTITION, new PartitionRequest(15), KEYS);
    }

    // ---- provisioning ----------------------------------------------------------------------------

    @Test
    void vendorPkHashGoesIntoAnEmptySlotOnce() {
        var hash = Octets.of(HybridKeys.sha("SHA-384", new byte[] {1}));
        mcu.authorized(McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, new VendorPkHashRequest(1, hash), KEYS);
        // Slot 1: partition 11 (0x438), entry 0x470 - 0x438 = 0x38.
        var slot = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(11, 0x38), KEYS);
        assertEquals(hash, slot.data().slice(0, 48));
        mcu.authorized(McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, new VendorPkHashRequest(1, hash), KEYS);
        var other = Octets.of(HybridKeys.sha("SHA-384", new byte[] {2}));
        mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, new VendorPkHashRequest(1, other), KEYS);
        mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_PROVISION_VENDOR_PK_HASH, new VendorPkHashRequest(16, other), KEYS);
    }

    @Test
    void ownerPkHashRefusesZeroAndBurnsItsValidMarker() {
        mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_PROVISION_OWNER_PK_HASH, new OwnerPkHashRequest(Octets.zeros(48)),
                KEYS);
        var hash = Octets.of(HybridKeys.sha("SHA-384", new byte[] {3}));
        mcu.authorized(McFuseCommands.MC_PROVISION_OWNER_PK_HASH, new OwnerPkHashRequest(hash), KEYS);
        var owner = mcu.authorized(McFuseCommands.MC_FUSE_READ_RUNTIME, new FuseReadRequest(11, 0), KEYS);
        assertEquals(hash, owner.data().slice(0, 48));
        assertEquals(1, owner.data().get(0x34), "CPTRA_SS_OWNER_PK_HASH_VALID bit 0 at 0x46C");
        mcu.authorized(McFuseCommands.MC_PROVISION_OWNER_PK_HASH, new OwnerPkHashRequest(hash), KEYS);
        mcu.authorizedFails(MCU_MBOX_INVALID_PARAMS, McFuseCommands.MC_PROVISION_OWNER_PK_HASH,
                new OwnerPkHashRequest(Octets.of(HybridKeys.sha("SHA-384", new byte[] {4}))), KEYS);
    }

    // ---- the authorization, refused --------------------------------------------------------------

    private static final FuseWriteRequest BURN = new FuseWriteRequest(STEPPING_WORD, 0x100, 0x100);

    private void refused(Authorized<FuseWriteRequest> request) {
        mcu.fails(MCU_MBOX_UNAUTHORIZED_COMMAND, McFuseCommands.MC_FUSE_WRITE, request);
        assertEquals(0, readWord(SW_MANUF, 0x78), "nothing was burnt");
    }

    @Test
    void aBareRequestIsRefused() {
        refused(Authorized.bare(BURN));
    }

    @Test
    void aRequestWithoutAChallengeIsRefused() {
        refused(SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, BURN, KEYS, Octets.zeros(48)));
    }

    @Test
    void aChallengeIsUsedOnce() {
        var nonce = mcu.challenge();
        var request = SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, BURN, KEYS, nonce);
        mcu.call(McFuseCommands.MC_FUSE_WRITE, request);
        var again = SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(STEPPING_WORD, 0x200, 0x200), KEYS, nonce);
        mcu.fails(MCU_MBOX_UNAUTHORIZED_COMMAND, McFuseCommands.MC_FUSE_WRITE, again);
        assertEquals(0x100, readWord(SW_MANUF, 0x78));
    }

    @Test
    void aStaleChallengeIsRefused() {
        var stale = mcu.challenge();
        mcu.challenge();
        refused(SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, BURN, KEYS, stale));
    }

    @Test
    void aFailedAttemptUsesTheChallengeUp() {
        var nonce = mcu.challenge();
        var bad = SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, BURN, HybridKeys.generate(), nonce);
        mcu.fails(MCU_MBOX_UNAUTHORIZED_COMMAND, McFuseCommands.MC_FUSE_WRITE, bad);
        refused(SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, BURN, KEYS, nonce));
    }

    @Test
    void keysThatAreNotAnchoredAreRefused() {
        refused(SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, BURN, HybridKeys.generate(), mcu.challenge()));
    }

    @Test
    void aSignatureForAnotherCommandIsRefused() {
        var nonce = mcu.challenge();
        // The right fields and nonce, signed under MC_FUSE_LOCK_PARTITION's code: the code is part of the pre-image.
        byte[] body = McFuseCommands.MC_FUSE_WRITE.encodeRequest(Authorized.bare(BURN));
        byte[] preImage = ByteBuffer.allocate(4 + body.length + 48).putInt(McFuseCommands.MC_FUSE_LOCK_PARTITION.code()).put(body)
                .put(nonce.toByteArray()).array();
        refused(SubsystemClient.withSignature(BURN, KEYS, nonce, KEYS.signAuthorized(preImage)));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        var nonce = mcu.challenge();
        var signedFor = SubsystemClient.signed(McFuseCommands.MC_FUSE_WRITE, new FuseWriteRequest(STEPPING_WORD, 0x1, 0x1), KEYS, nonce);
        refused(new Authorized<>(BURN, signedFor.authorization()));
    }

    @Test
    void aWrongEccSignatureIsRefused() {
        var nonce = mcu.challenge();
        var good = KEYS.signAuthorized(SubsystemClient.preImage(McFuseCommands.MC_FUSE_WRITE, BURN, nonce));
        byte[] s = good.eccSigS().toByteArray();
        s[47] ^= 1;
        refused(SubsystemClient.withSignature(BURN, KEYS, nonce, new HybridSignature(good.eccSigR(), Octets.of(s), good.mldsaSig())));
    }

    @Test
    void aWrongMldsaSignatureIsRefused() {
        var nonce = mcu.challenge();
        var good = KEYS.signAuthorized(SubsystemClient.preImage(McFuseCommands.MC_FUSE_WRITE, BURN, nonce));
        byte[] m = good.mldsaSig().toByteArray();
        m[100] ^= 1;
        refused(SubsystemClient.withSignature(BURN, KEYS, nonce, new HybridSignature(good.eccSigR(), good.eccSigS(), Octets.of(m))));
    }

    @Test
    void anMldsaSignatureOverThePreImageItselfRatherThanItsSha512IsRefused() {
        var nonce = mcu.challenge();
        byte[] preImage = SubsystemClient.preImage(McFuseCommands.MC_FUSE_WRITE, BURN, nonce);
        refused(SubsystemClient.withSignature(BURN, KEYS, nonce, KEYS.sign(HybridKeys.sha("SHA-384", preImage), preImage)));
    }

    @Test
    void aRequestOfNoKnownSizeIsUnauthorized() {
        byte[] fields = new byte[12 + 100];
        mcu.failsRaw(MCU_MBOX_UNAUTHORIZED_COMMAND, McFuseCommands.MC_FUSE_WRITE.code(), fields, "MC_FUSE_WRITE with a short trailer");
    }

    @Test
    void theChallengeRequestIsCheckedForSize() {
        mcu.failsRaw(MCU_MBOX_INVALID_PARAMS, McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.code(), new byte[4], "MACC of 4 bytes");
    }
}
